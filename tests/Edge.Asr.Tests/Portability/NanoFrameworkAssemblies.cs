using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Edge.Asr.Tests.NfProj;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Edge.Asr.Tests.Portability
{
    /// <summary>
    /// The device's reference assemblies: the real mscorlib.dll of nanoFramework.CoreLibrary 1.17.11
    /// (restored by the test project, copied to nanoFramework/ in its output) and metadata-only
    /// assemblies built from tests/ReferenceStubs/&lt;Assembly&gt;/*.cs against it, for the packages the
    /// registry does not serve.
    /// </summary>
    public static class NanoFrameworkAssemblies
    {
        /// <summary>The CoreLibrary version the tests compile against (packages.config pins the same).</summary>
        public const string CoreLibraryVersion = "1.17.11";

        /// <summary>Where the stub sources live, relative to the repository root.</summary>
        public const string StubFolder = "tests/ReferenceStubs";

        private static readonly Lazy<MetadataReference> MscorlibReference = new Lazy<MetadataReference>(LoadMscorlib);
        private static readonly Lazy<MetadataReference[]> StubReferences = new Lazy<MetadataReference[]>(BuildStubs);

        /// <summary>Path of the real mscorlib.dll copied next to the tests.</summary>
        public static string MscorlibPath => Path.Combine(AppContext.BaseDirectory, "nanoFramework", "mscorlib.dll");

        /// <summary>The real nanoFramework mscorlib.</summary>
        public static MetadataReference Mscorlib => MscorlibReference.Value;

        /// <summary>The stub assemblies (one per folder of tests/ReferenceStubs), built against the real mscorlib.</summary>
        public static IReadOnlyList<MetadataReference> Stubs => StubReferences.Value;

        /// <summary>mscorlib followed by every stub: what firmware/ and tests/NFUnitTest compile against.</summary>
        public static IReadOnlyList<MetadataReference> MscorlibAndStubs => new[] { Mscorlib }.Concat(Stubs).ToArray();

        private static MetadataReference LoadMscorlib()
        {
            if (!File.Exists(MscorlibPath))
            {
                throw new FileNotFoundException("nanoFramework mscorlib.dll " + CoreLibraryVersion + " not found at " + MscorlibPath
                    + ": restore the test project (./test.sh or dotnet restore) so NuGet downloads nanoFramework.CoreLibrary " + CoreLibraryVersion);
            }
            return MetadataReference.CreateFromFile(MscorlibPath);
        }

        private static MetadataReference[] BuildStubs()
        {
            string root = Path.Combine(RepoLayout.Root, StubFolder);
            var built = new List<MetadataReference>();
            foreach (string folder in Directory.GetDirectories(root).OrderBy(f => f, StringComparer.Ordinal))
            {
                string name = Path.GetFileName(folder);
                SyntaxTree[] trees = Directory.GetFiles(folder, "*.cs").OrderBy(f => f, StringComparer.Ordinal)
                    .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), DeviceCompiler.ParseOptions, StubFolder + "/" + name + "/" + Path.GetFileName(f)))
                    .ToArray();
                var compilation = CSharpCompilation.Create(name, trees, new[] { Mscorlib }, DeviceCompiler.Options);
                using var image = new MemoryStream();
                EmitResult result = compilation.Emit(image, options: new EmitOptions(metadataOnly: true));
                string[] errors = DeviceCompiler.Errors(result.Diagnostics);
                if (errors.Length > 0) throw new InvalidOperationException("reference stub " + name + " does not compile:\n" + string.Join("\n", errors));
                built.Add(MetadataReference.CreateFromImage(image.ToArray(), filePath: name + ".dll"));
            }
            return built.ToArray();
        }
    }
}
