using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Edge.Asr.Tests.NfProj;
using Xunit;

namespace Edge.Asr.Tests.Portability
{
    /// <summary>The real kernels/ and firmware/ trees use only the nanoFramework 1.x surface.</summary>
    public class DeviceTreesTests
    {
        /// <summary>The interop class of the native kernels: its own device assembly, checked as kernels/ code.</summary>
        public const string InteropClass = "native/nanoframework/NativeKernels.cs";

        /// <summary>Every .cs under kernels/ and firmware/, and the interop class, as the guard sees them.</summary>
        public static IReadOnlyList<CheckedSource> DeviceSources()
        {
            return RepoLayout.DeviceSourceFiles().Append(InteropClass)
                .Select(path => new CheckedSource(path, File.ReadAllText(Path.Combine(RepoLayout.Root, path)),
                    path.StartsWith("kernels/", StringComparison.Ordinal) || path == InteropClass))
                .ToArray();
        }

        /// <summary>
        /// The device unit tests as NFUnitTest.nfproj builds them: tests/NFUnitTest/*.cs (checked like
        /// firmware/: device code, no kernels/ restrictions) plus the kernels/ files the project links
        /// (checked as kernels). A kernels file the frontend needs but the project does not link shows as a
        /// compile error.
        /// </summary>
        public static IReadOnlyList<CheckedSource> DeviceTestSources()
        {
            var sources = new List<CheckedSource>();
            foreach (string path in RepoLayout.DeviceTestSourceFiles())
            {
                sources.Add(new CheckedSource(path, File.ReadAllText(Path.Combine(RepoLayout.Root, path)), false));
            }
            XDocument project = XDocument.Load(Path.Combine(RepoLayout.Root, RepoLayout.DeviceTestFolder, "NFUnitTest.nfproj"));
            foreach (XElement compile in project.Descendants().Where(e => e.Name.LocalName == "Compile"))
            {
                string include = ((string)compile.Attribute("Include")!).Replace('\\', '/');
                const string Up = "../../";
                if (!include.StartsWith(Up, StringComparison.Ordinal)) continue;
                string path = include.Substring(Up.Length);
                sources.Add(new CheckedSource(path, File.ReadAllText(Path.Combine(RepoLayout.Root, path)), path.StartsWith("kernels/", StringComparison.Ordinal)));
            }
            return sources;
        }

        [Fact]
        public void DeviceUnitTestsUseOnlyTheNanoFrameworkSurface()
        {
            IReadOnlyList<CheckedSource> sources = DeviceTestSources();
            Assert.Contains(sources, s => s.Path == RepoLayout.DeviceTestFolder + "/GoldenVectors.cs");
            Assert.Contains(sources, s => s.Path == "kernels/Frontend/LogMelFrontend.cs" && s.IsKernel);

            IReadOnlyList<string> violations = new PortabilityGuard(ApiAllowlist.LoadDefault()).Check(sources);

            Assert.True(violations.Count == 0,
                violations.Count + " nanoFramework portability violation(s) in the device unit tests (tests/NFUnitTest and the kernels it links):\n" + string.Join("\n", violations));
        }

        [Fact]
        public void KernelsAndFirmwareDoNotUseTheTestFramework()
        {
            // The allowlist admits nanoFramework.TestFramework outside kernels/ (marked @firmware) for the
            // device tests; Edge.Asr.nfproj does not reference it, so the app must not use it.
            string[] users = DeviceSources().Where(s => s.Text.Contains("nanoFramework.TestFramework", StringComparison.Ordinal)).Select(s => s.Path).ToArray();
            Assert.True(users.Length == 0, "kernels/ or firmware/ use nanoFramework.TestFramework: " + string.Join(", ", users));
        }

        [Fact]
        public void KernelsAndFirmwareUseOnlyTheNanoFrameworkSurface()
        {
            IReadOnlyList<CheckedSource> sources = DeviceSources();
            Assert.Contains(sources, s => s.IsKernel);
            Assert.Contains(sources, s => !s.IsKernel);

            IReadOnlyList<string> violations = new PortabilityGuard(ApiAllowlist.LoadDefault()).Check(sources);

            Assert.True(violations.Count == 0,
                violations.Count + " nanoFramework portability violation(s) in kernels/ and firmware/:\n" + string.Join("\n", violations));
        }
    }
}
