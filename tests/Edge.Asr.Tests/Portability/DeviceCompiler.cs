using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Edge.Asr.Tests.Portability
{
    /// <summary>
    /// Compiles device sources as the device build does: one assembly, against the given nanoFramework
    /// references only (no desktop framework), through emit so that errors the compiler finds only
    /// while generating code are reported too. Errors read "path:line: CSxxxx message".
    /// </summary>
    public static class DeviceCompiler
    {
        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        public static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            allowUnsafe: false,
            nullableContextOptions: NullableContextOptions.Disable);

        /// <summary>A compilation of <paramref name="sources"/> (repository path, text) against <paramref name="references"/>.</summary>
        public static CSharpCompilation Create(string assemblyName, IEnumerable<CheckedSource> sources, IEnumerable<MetadataReference> references)
        {
            SyntaxTree[] trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)).ToArray();
            return CSharpCompilation.Create(assemblyName, trees, references, Options);
        }

        /// <summary>Every compile error of the sources, sorted by file and line; none means the device assembly builds.</summary>
        public static string[] Compile(string assemblyName, IEnumerable<CheckedSource> sources, IEnumerable<MetadataReference> references)
        {
            using var image = new MemoryStream();
            EmitResult result = Create(assemblyName, sources, references).Emit(image);
            return Errors(result.Diagnostics);
        }

        /// <summary>The errors among <paramref name="diagnostics"/> as "path:line: CSxxxx message".</summary>
        public static string[] Errors(IEnumerable<Diagnostic> diagnostics)
        {
            return diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d =>
                {
                    FileLinePositionSpan span = d.Location.GetLineSpan();
                    string where = d.Location.SourceTree != null ? span.Path + ":" + (span.StartLinePosition.Line + 1) : "(no source)";
                    return where + ": " + d.Id + " " + d.GetMessage();
                })
                .OrderBy(e => e, System.StringComparer.Ordinal)
                .ToArray();
        }
    }
}
