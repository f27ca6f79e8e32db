using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Edge.Asr.Tests.NfProj;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Edge.Asr.Tests.Portability
{
    /// <summary>
    /// The device code compiles against the real nanoFramework mscorlib 1.17.11, with no desktop
    /// framework: kernels/ against mscorlib alone; firmware/ (with the kernels it links) and the
    /// device unit tests against mscorlib plus the reference stubs of the other packages.
    /// </summary>
    public class RealMscorlibCompileTests
    {
        [Fact]
        public void TheRealMscorlibIsNanoFrameworksCoreLibrary()
        {
            IAssemblySymbol corlib = CorlibOf(DeviceCompiler.Create("Probe", Array.Empty<CheckedSource>(), new[] { NanoFrameworkAssemblies.Mscorlib }));
            Assert.Equal("mscorlib", corlib.Identity.Name);
            // The desktop's mscorlib forwards to System.Private.CoreLib; nanoFramework's defines the types itself.
            Assert.NotNull(corlib.GetTypeByMetadataName("System.SpanByte"));
            Assert.Null(corlib.GetTypeByMetadataName("System.Collections.Generic.List`1"));
        }

        [Fact]
        public void KernelsCompileAgainstMscorlibAlone()
        {
            CheckedSource[] kernels = DeviceTreesTests.DeviceSources().Where(s => s.IsKernel).ToArray();
            Assert.True(kernels.Length > 50, "only " + kernels.Length + " kernels files found");

            string[] errors = DeviceCompiler.Compile("Edge.Asr.Kernels", kernels, new[] { NanoFrameworkAssemblies.Mscorlib });

            Assert.True(errors.Length == 0, errors.Length + " error(s) compiling kernels/ against nanoFramework mscorlib " + NanoFrameworkAssemblies.CoreLibraryVersion + ":\n" + string.Join("\n", errors));
        }

        [Fact]
        public void FirmwareCompilesAgainstMscorlibAndThePackageStubs()
        {
            // Edge.Asr.nfproj builds kernels/ and firmware/ into one assembly.
            IReadOnlyList<CheckedSource> sources = DeviceTreesTests.DeviceSources();
            Assert.Contains(sources, s => s.Path == "firmware/Program.cs");

            string[] errors = DeviceCompiler.Compile("Edge.Asr", sources, NanoFrameworkAssemblies.MscorlibAndStubs);

            Assert.True(errors.Length == 0, errors.Length + " error(s) compiling kernels/ + firmware/ against mscorlib and the stubs:\n" + string.Join("\n", errors));
        }

        [Fact]
        public void DeviceUnitTestsCompileAgainstMscorlibAndThePackageStubs()
        {
            string[] errors = DeviceCompiler.Compile("NFUnitTest", DeviceTreesTests.DeviceTestSources(), NanoFrameworkAssemblies.MscorlibAndStubs);

            Assert.True(errors.Length == 0, errors.Length + " error(s) compiling tests/NFUnitTest against mscorlib and the stubs:\n" + string.Join("\n", errors));
        }

        [Fact]
        public void AKernelsFileUsingAnApiMscorlibLacksFailsWithFileAndLine()
        {
            // Buffer.BlockCopy and Math.Abs exist on the desktop, not in nanoFramework's mscorlib 1.17.11.
            var kernels = DeviceTreesTests.DeviceSources().Where(s => s.IsKernel).ToList();
            kernels.Add(new CheckedSource("kernels/Ops/Copier.cs",
                "using System;\nnamespace Edge.Asr.Ops\n{\n    public static class Copier\n    {\n"
                + "        public static void Copy(short[] a, short[] b)\n        {\n"
                + "            Buffer.BlockCopy(a, 0, b, 0, 4);\n"
                + "        }\n    }\n}\n", true));

            string[] errors = DeviceCompiler.Compile("Edge.Asr.Kernels", kernels, new[] { NanoFrameworkAssemblies.Mscorlib });

            Assert.Equal(new[] { "kernels/Ops/Copier.cs:8: CS0103 The name 'Buffer' does not exist in the current context" }, errors);
        }

        [Fact]
        public void EveryStubAssemblyIsAPackageOfPackagesConfigOrTheTestFramework()
        {
            string config = File.ReadAllText(Path.Combine(RepoLayout.Root, "packages.config"))
                + File.ReadAllText(Path.Combine(RepoLayout.Root, RepoLayout.DeviceTestFolder, "packages.config"));
            foreach (MetadataReference stub in NanoFrameworkAssemblies.Stubs)
            {
                string assembly = Path.GetFileNameWithoutExtension(stub.Display!);
                string package = assembly.StartsWith("nanoFramework.", StringComparison.Ordinal) ? assembly : "nanoFramework." + assembly;
                Assert.True(config.Contains("id=\"" + package + "\"", StringComparison.Ordinal), "stub " + assembly + " has no package " + package + " in packages.config");
            }
        }

        private static IAssemblySymbol CorlibOf(Compilation compilation)
        {
            return compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly;
        }
    }
}
