using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Edge.Asr.Firmware;
using Edge.Asr.Interop;
using Edge.Asr.Ops;
using Edge.Asr.Tests.Ops;
using Xunit;

namespace Edge.Asr.Tests.Native
{
    /// <summary>
    /// The nanoFramework interop path: every kernel of the seam has an InternalCall method in the
    /// interop class and a body in the C++ glue that calls its C kernel, and a runtime without the
    /// native assembly (this desktop runtime is one) makes the firmware fall back to the managed
    /// kernels with one warning line.
    /// </summary>
    public class InteropTests
    {
        private sealed class Lines : ILineOutput
        {
            public readonly List<string> All = new List<string>();
            public void WriteLine(string line) => All.Add(line);
        }

        private static readonly string GluePath = Path.Combine(RepoRoot.Path, "native", "nanoframework", "InteropAssemblies",
            "Edge.Asr.Native", "Edge_Asr_Native_Edge_Asr_Interop_NativeKernels.cpp");

        private static IEnumerable<MethodInfo> Kernels() =>
            typeof(IOpKernels).GetMethods().Concat(typeof(Edge.Asr.Frontend.IFrontendKernels).GetMethods()).Where(m => !m.IsSpecialName);

        // The in-place kernels (weights at offsets of a byte-array blob): an extern each, named ...InBlob.
        private static IEnumerable<MethodInfo> BlobKernels() =>
            typeof(IBlobWeightKernels).GetMethods().Where(m => m.Name != nameof(IBlobWeightKernels.ReadsInPlace));

        [Fact]
        public void FirmwareWithoutTheNativeAssemblyRunsManagedKernelsAndSaysSoOnce()
        {
            var lines = new Lines();

            IOpKernels kernels = FirmwareKernels.Select(lines);

            Assert.Same(ManagedKernels.Instance, kernels);
            string line = Assert.Single(lines.All);
            Assert.StartsWith("warning: this firmware has no Edge.Asr.Native interop assembly (", line);
            Assert.EndsWith("; running the managed kernels, too slow for real time (docs/device.md: custom firmware)", line);
            Assert.NotEqual("", InteropKernels.Unavailable());
        }

        [Fact]
        public void EveryKernelHasAnInternalCallMethodWithTheSameArraysAndScalars()
        {
            MethodInfo[] externs = typeof(NativeKernels).GetMethods(BindingFlags.Public | BindingFlags.Static);
            Assert.All(externs, m => Assert.True((m.MethodImplementationFlags & MethodImplAttributes.InternalCall) != 0, m.Name + " is not InternalCall"));
            foreach (MethodInfo k in Kernels())
            {
                MethodInfo e = Assert.Single(externs, m => m.Name == k.Name);
                // The extern takes the seam's parameters in order, plus the lookup tables the glue reads.
                string[] seam = k.GetParameters().Select(p => p.Name!).ToArray();
                string[] native = e.GetParameters().Select(p => p.Name!).Where(n => !n.EndsWith("Table")).ToArray();
                Assert.Equal(seam, native);
            }
            foreach (MethodInfo k in BlobKernels())
            {
                MethodInfo e = Assert.Single(externs, m => m.Name == k.Name + "InBlob");
                string[] seam = k.GetParameters().Select(p => p.Name!).ToArray();
                string[] native = e.GetParameters().Select(p => p.Name!).Where(n => !n.EndsWith("Table")).ToArray();
                Assert.Equal(seam, native);
                Assert.Equal(typeof(byte[]), e.GetParameters()[0].ParameterType);   // the blob, read in place
            }
            Assert.Contains(externs, m => m.Name == "AbiVersion");
            // MapResource: the model's resource file and id, answering the mapped length (or why not).
            MethodInfo map = Assert.Single(externs, m => m.Name == "MapResource");
            Assert.Equal(new[] { typeof(string), typeof(short) }, map.GetParameters().Select(p => p.ParameterType).ToArray());
            Assert.Equal(typeof(int), map.ReturnType);
            Assert.Equal(Kernels().Count() + BlobKernels().Count() + 2, externs.Length);
        }

        [Fact]
        public void TheGlueImplementsEveryInteropMethodByCallingItsCKernel()
        {
            string glue = File.ReadAllText(GluePath);
            string header = File.ReadAllText(Path.Combine(RepoRoot.Path, "native", "include", "edge_asr_kernels.h"));
            foreach (MethodInfo m in typeof(NativeKernels).GetMethods(BindingFlags.Public | BindingFlags.Static))
            {
                Match body = Regex.Match(glue, @"NativeKernels::" + m.Name + @"\((?<params>[^)]*)\)\s*\{(?<body>.*?)\n\}", RegexOptions.Singleline);
                Assert.True(body.Success, "no body for " + m.Name + " in " + GluePath);
                if (m.Name == "AbiVersion")
                {
                    // The interop method table's version, InteropKernels.AbiVersion; the C kernels' version is a static_assert.
                    Assert.Contains("return EASR_INTEROP_VERSION;", body.Groups["body"].Value);
                    Assert.Contains("#define EASR_INTEROP_VERSION " + InteropKernels.AbiVersion + "\n", glue);
                    Assert.Contains("static_assert(EASR_ABI_VERSION == " + Edge.Asr.Sim.Native.PInvokeKernels.AbiVersion + ",", glue);
                    continue;
                }
                if (m.Name == "MapResource")
                {
                    // No C kernel: it locates the resource as nanoCLR's ResourceManager does and keeps its address.
                    Assert.Contains("LocateResourceFile(", body.Groups["body"].Value);
                    Assert.Contains("LocateResource(", body.Groups["body"].Value);
                    Assert.Contains("GetResourceData(", body.Groups["body"].Value);
                    Assert.Contains("s_flashBlob.base = ", body.Groups["body"].Value);
                    Assert.Equal(m.GetParameters().Length + 1, body.Groups["params"].Value.Split(',').Length);
                    continue;
                }
                Match call = Regex.Match(body.Groups["body"].Value, @"(easr_[a-z0-9_]+)\(");
                Assert.True(call.Success, m.Name + " calls no C kernel");
                Assert.Contains(" " + call.Groups[1].Value + "(", header);
                // One C++ parameter per C# parameter, plus the HRESULT.
                int cppParams = body.Groups["params"].Value.Split(',').Length;
                Assert.Equal(m.GetParameters().Length + 1, cppParams);
            }
        }
    }
}
