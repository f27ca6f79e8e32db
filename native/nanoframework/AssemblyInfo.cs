using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("Edge.Asr.Native")]
[assembly: AssemblyVersion("1.0.0.0")]

// An interop library must state the version of its native part (the firmware's CLR_RT_NativeAssemblyData); kept equal
// to the interop method table version (InteropKernels.AbiVersion, EASR_INTEROP_VERSION of the glue).
[assembly: AssemblyNativeVersion("3.0.0.0")]
