using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Edge.Asr.Tests.NfProj;
using Xunit;

namespace Edge.Asr.Tests.Portability
{
    /// <summary>The real kernels/ and firmware/ trees use only the nanoFramework 1.x surface.</summary>
    public class DeviceTreesTests
    {
        /// <summary>Every .cs under kernels/ and firmware/ as the guard sees it.</summary>
        public static IReadOnlyList<CheckedSource> DeviceSources()
        {
            return RepoLayout.DeviceSourceFiles()
                .Select(path => new CheckedSource(path, File.ReadAllText(Path.Combine(RepoLayout.Root, path)), path.StartsWith("kernels/", StringComparison.Ordinal)))
                .ToArray();
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
