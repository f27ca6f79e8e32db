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
    /// tests/NFUnitTest/NFUnitTest.nfproj is a classic nanoFramework unit test project (the shape of
    /// nanoFramework.TestFramework's poc/TestOfTestFramework/NFUnitTest.nfproj) that builds every source
    /// of its folder plus linked kernels files that exist, with references matching its packages.config.
    /// </summary>
    public class DeviceTestProjectTests
    {
        private static string Folder => Path.Combine(RepoLayout.Root, RepoLayout.DeviceTestFolder);

        private static XDocument Project() => XDocument.Load(Path.Combine(Folder, "NFUnitTest.nfproj"));

        private static IEnumerable<XElement> Elements(XDocument doc, string name) => ClassicNfProj.Elements(doc, name);

        private static Dictionary<string, string> Packages(string path)
        {
            return Elements(XDocument.Load(path), "package").ToDictionary(p => (string)p.Attribute("id")!, p => (string)p.Attribute("version")!);
        }

        [Fact]
        public void CompilesEveryOwnSourceAndLinksOnlyExistingKernelsFiles()
        {
            XElement[] compiles = Elements(Project(), "Compile").ToArray();
            string[] includes = compiles.Select(c => (string)c.Attribute("Include")!).ToArray();

            string[] own = includes.Where(i => !i.Contains('\\') && !i.Contains('/')).OrderBy(i => i, StringComparer.Ordinal).ToArray();
            string[] ownOnDisk = RepoLayout.DeviceTestSourceFiles().Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).ToArray()!;
            Assert.Equal(ownOnDisk, own);

            XElement[] linked = compiles.Where(c => ((string)c.Attribute("Include")!).Contains('\\')).ToArray();
            Assert.NotEmpty(linked);
            foreach (XElement link in linked)
            {
                string include = (string)link.Attribute("Include")!;
                Assert.True(include.StartsWith(@"..\..\kernels\", StringComparison.Ordinal), "NFUnitTest.nfproj links a file outside kernels\\ (or with / separators): " + include);
                string path = include.Substring(@"..\..\".Length);
                Assert.True(File.Exists(Path.Combine(RepoLayout.Root, path.Replace('\\', '/'))), "NFUnitTest.nfproj links a file that does not exist: " + include);
                Assert.Equal(path, link.Elements().Single(e => e.Name.LocalName == "Link").Value);
            }
            Assert.Equal(includes.Length, includes.Distinct(StringComparer.Ordinal).Count());
        }

        [Fact]
        public void IsAClassicNanoFrameworkUnitTestProjectNamedNFUnitTest()
        {
            XDocument doc = Project();
            string Property(string name) => Elements(doc, name).Single().Value;

            Assert.Equal(@"$(MSBuildExtensionsPath)\nanoFramework\v1.0\", Property("NanoFrameworkProjectSystemPath"));
            Assert.Equal("{11A8DD76-328B-46DF-9F39-F559912D0360};{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}", Property("ProjectTypeGuids"));
            Assert.Equal("v1.0", Property("TargetFrameworkVersion"));
            Assert.Equal("Library", Property("OutputType"));
            Assert.Equal("NFUnitTest", Property("AssemblyName"));
            Assert.Equal("true", Property("IsTestProject"));
            Assert.Equal("UnitTest", Property("TestProjectType"));
            Assert.Equal(@"$(MSBuildProjectDirectory)\nano.runsettings", Property("RunSettingsFilePath"));
            Assert.Contains(Elements(doc, "ProjectCapability"), e => (string?)e.Attribute("Include") == "TestContainer");
            Assert.Matches(@"^\{[0-9A-Fa-f]{8}-([0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}\}$", Property("ProjectGuid"));
            Assert.NotEqual(Elements(XDocument.Load(Path.Combine(RepoLayout.Root, "Edge.Asr.nfproj")), "ProjectGuid").Single().Value, Property("ProjectGuid"));
            string[] none = Elements(doc, "None").Select(e => (string)e.Attribute("Include")!).ToArray();
            Assert.Equal(new[] { "nano.runsettings", "packages.config" }, none);
            Assert.True(File.Exists(Path.Combine(Folder, "nano.runsettings")));

            ClassicNfProj.AssertImports(doc);
        }

        [Fact]
        public void ReferencesMatchItsPackagesConfigAndTheAppsCoreLibrary()
        {
            Dictionary<string, string> packages = Packages(Path.Combine(Folder, "packages.config"));
            // The TestFramework release built against the app's CoreLibrary (its source/TestFramework/packages.config at v3.0.77).
            Assert.Equal("3.0.77", packages["nanoFramework.TestFramework"]);
            Assert.Equal(Packages(Path.Combine(RepoLayout.Root, "packages.config"))["nanoFramework.CoreLibrary"], packages["nanoFramework.CoreLibrary"]);
            Assert.Equal(2, packages.Count);

            var hint = new Regex(@"^\.\.\\\.\.\\packages\\(?<id>[A-Za-z0-9.]+?)\.(?<version>\d+\.\d+\.\d+)\\lib\\(?<assembly>[A-Za-z0-9.]+)\.(dll|exe)$");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (XElement reference in Elements(Project(), "Reference"))
            {
                string include = (string)reference.Attribute("Include")!;
                string path = reference.Elements().Single(e => e.Name.LocalName == "HintPath").Value;
                Match m = hint.Match(path);
                Assert.True(m.Success, "HintPath of " + include + " is not ..\\..\\packages\\<id>.<version>\\lib\\<Assembly>.dll|exe: " + path);
                Assert.True(packages.TryGetValue(m.Groups["id"].Value, out string? version), include + " names a package the packages.config lacks: " + path);
                Assert.Equal(version, m.Groups["version"].Value);
                Assert.Equal(include, m.Groups["assembly"].Value);
                seen.Add(include);
            }
            Assert.Equal(new[] { "mscorlib", "nanoFramework.TestFramework", "nanoFramework.UnitTestLauncher" }, seen.OrderBy(s => s, StringComparer.Ordinal));

            foreach (XElement p in Elements(XDocument.Load(Path.Combine(Folder, "packages.config")), "package"))
            {
                Assert.Equal("netnano1.0", (string?)p.Attribute("targetFramework"));
            }
        }
    }
}
