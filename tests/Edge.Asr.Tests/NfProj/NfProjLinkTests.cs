using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace Edge.Asr.Tests.NfProj
{
    /// <summary>
    /// Edge.Asr.nfproj is the device build's single source of truth: it links every kernels/ and
    /// firmware/ source (and nothing else), in the classic nanoFramework project format, with
    /// references that match packages.config exactly.
    /// </summary>
    public class NfProjLinkTests
    {
        private const string ProjectSystemPath = @"$(MSBuildExtensionsPath)\nanoFramework\v1.0\";

        private static readonly string[] RequiredPackages =
        {
            "nanoFramework.CoreLibrary",
            "nanoFramework.Hardware.Esp32",
            "nanoFramework.System.Device.I2s",
        };

        private static XDocument Project() => XDocument.Load(Path.Combine(RepoLayout.Root, "Edge.Asr.nfproj"));

        private static IEnumerable<XElement> Elements(XDocument doc, string name) => ClassicNfProj.Elements(doc, name);

        private static string[] LinkedFiles()
        {
            return Elements(Project(), "Compile").Select(e => (string)e.Attribute("Include")!).ToArray();
        }

        private static Dictionary<string, string> Packages()
        {
            XDocument config = XDocument.Load(Path.Combine(RepoLayout.Root, "packages.config"));
            return Elements(config, "package").ToDictionary(p => (string)p.Attribute("id")!, p => (string)p.Attribute("version")!);
        }

        [Fact]
        public void LinksEveryKernelAndFirmwareSource()
        {
            IReadOnlyList<string> sources = RepoLayout.DeviceSourceFiles();
            Assert.NotEmpty(sources);
            var linked = new HashSet<string>(LinkedFiles().Select(f => f.Replace('\\', '/')), StringComparer.Ordinal);

            string[] missing = sources.Where(s => !linked.Contains(s)).ToArray();

            Assert.True(missing.Length == 0,
                "Edge.Asr.nfproj does not link these device sources; add them as <Compile Include=\"...\" />:\n"
                + string.Join("\n", missing.Select(m => "  <Compile Include=\"" + m.Replace('/', '\\') + "\" />")));
        }

        [Fact]
        public void LinksNoMissingFileAndNothingOutsideTheDeviceFolders()
        {
            string[] linked = LinkedFiles();
            Assert.NotEmpty(linked);

            string[] absent = linked.Where(f => !File.Exists(Path.Combine(RepoLayout.Root, f.Replace('\\', '/')))).ToArray();
            string[] outside = linked.Where(f => !RepoLayout.DeviceFolders.Any(d => f.StartsWith(d + "\\", StringComparison.Ordinal))).ToArray();
            string[] duplicated = linked.GroupBy(f => f, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();

            Assert.True(absent.Length == 0, "Edge.Asr.nfproj links files that do not exist:\n  " + string.Join("\n  ", absent));
            Assert.True(outside.Length == 0, "Edge.Asr.nfproj links files outside kernels\\ and firmware\\ (or with / separators):\n  " + string.Join("\n  ", outside));
            Assert.True(duplicated.Length == 0, "Edge.Asr.nfproj links files twice:\n  " + string.Join("\n  ", duplicated));
        }

        [Fact]
        public void ReferencesMatchPackagesConfig()
        {
            Dictionary<string, string> packages = Packages();
            var hint = new Regex(@"^packages\\(?<id>[A-Za-z0-9.]+?)\.(?<version>\d+\.\d+\.\d+)\\lib\\(?<assembly>[A-Za-z0-9.]+)\.dll$");
            XElement[] references = Elements(Project(), "Reference").ToArray();
            Assert.NotEmpty(references);

            var referencedIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (XElement reference in references)
            {
                string include = (string)reference.Attribute("Include")!;
                string path = reference.Elements().Single(e => e.Name.LocalName == "HintPath").Value;
                Match m = hint.Match(path);
                Assert.True(m.Success, "HintPath of " + include + " is not packages\\<id>.<version>\\lib\\<Assembly>.dll: " + path);
                string id = m.Groups["id"].Value;
                Assert.True(packages.TryGetValue(id, out string? version), "HintPath of " + include + " names " + id + ", which packages.config lacks");
                Assert.True(version == m.Groups["version"].Value,
                    "HintPath of " + include + " names " + id + " " + m.Groups["version"].Value + " but packages.config has " + version);
                Assert.Equal(include, m.Groups["assembly"].Value);
                referencedIds.Add(id);
            }
            // Every package (including transitive ones such as Runtime.Events) is referenced, so restore and build agree.
            Assert.Equal(packages.Keys.OrderBy(k => k, StringComparer.Ordinal), referencedIds.OrderBy(k => k, StringComparer.Ordinal));
        }

        [Fact]
        public void PackagesConfigPinsExactVersionsForNetNano()
        {
            XDocument config = XDocument.Load(Path.Combine(RepoLayout.Root, "packages.config"));
            XElement[] packages = Elements(config, "package").ToArray();
            foreach (string id in RequiredPackages)
            {
                Assert.Contains(packages, p => (string?)p.Attribute("id") == id);
            }
            foreach (XElement p in packages)
            {
                Assert.Equal("netnano1.0", (string?)p.Attribute("targetFramework"));
                Assert.Matches(@"^\d+\.\d+\.\d+$", (string?)p.Attribute("version") ?? "");
            }
            // The stable 1.x CoreLibrary (no generics), not the 2.0 preview line.
            Assert.StartsWith("1.", Packages()["nanoFramework.CoreLibrary"], StringComparison.Ordinal);
        }

        [Fact]
        public void IsAClassicNanoFrameworkExeProject()
        {
            XDocument doc = Project();
            string Property(string name) => Elements(doc, name).Single().Value;

            Assert.Equal(ProjectSystemPath, Property("NanoFrameworkProjectSystemPath"));
            Assert.Equal("{11A8DD76-328B-46DF-9F39-F559912D0360};{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}", Property("ProjectTypeGuids"));
            Assert.Equal("v1.0", Property("TargetFrameworkVersion"));
            Assert.Equal("Exe", Property("OutputType"));
            Assert.Equal("Edge.Asr", Property("AssemblyName"));
            Assert.Equal("Edge.Asr", Property("RootNamespace"));
            Assert.Matches(@"^\{[0-9A-Fa-f]{8}-([0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}\}$", Property("ProjectGuid"));
            Assert.Contains(Elements(doc, "None"), e => (string?)e.Attribute("Include") == "packages.config");

            ClassicNfProj.AssertImports(doc);
        }
    }
}
