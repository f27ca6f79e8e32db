using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Edge.Asr.Tests.Portability
{
    /// <summary>One source file to check: repository-relative path, text, and whether it is kernel code.</summary>
    /// <param name="Path">Repository-relative path with forward slashes (used in messages).</param>
    /// <param name="Text">The C# source.</param>
    /// <param name="IsKernel">Kernel code: no floating point at all and no firmware-only API.</param>
    public sealed record CheckedSource(string Path, string Text, bool IsKernel);

    /// <summary>
    /// Compiles kernels/ and firmware/ sources with Roslyn against the device's own reference assemblies
    /// (the real nanoFramework mscorlib 1.17.11 plus declaration-only stubs of the other packages, see
    /// <see cref="NanoFrameworkAssemblies"/>) and reports everything that would not build or run on
    /// nanoFramework 1.x: compile errors (an API mscorlib lacks), package APIs outside the allowlist,
    /// mscorlib types marked firmware-only used in kernels/, generics, floating point in kernels/, multidimensional arrays, checked, string
    /// interpolation, LINQ, foreach over non-arrays, records, unsafe, stackalloc, dynamic, async and yield.
    /// Each violation reads "path:line: rule: symbol".
    /// </summary>
    public sealed class PortabilityGuard
    {
        /// <summary>The rule name for an API that is not in the allowlist.</summary>
        public const string NotInSurface = "not in the nanoFramework 1.x surface";

        private static readonly Lazy<MetadataReference[]> References = new Lazy<MetadataReference[]>(() => NanoFrameworkAssemblies.MscorlibAndStubs.ToArray());

        // Metadata names (System.Int32, not int), containing types and namespaces, type parameters shown.
        private static readonly SymbolDisplayFormat TypeFormat = new SymbolDisplayFormat(
            globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.None);

        private readonly ApiAllowlist _allowlist;

        /// <summary>A guard that admits the APIs of <paramref name="allowlist"/>.</summary>
        public PortabilityGuard(ApiAllowlist allowlist)
        {
            _allowlist = allowlist;
        }

        /// <summary>Compiles the sources as one assembly and returns every violation, sorted by file and line.</summary>
        public IReadOnlyList<string> Check(IEnumerable<CheckedSource> sources)
        {
            CheckedSource[] files = sources.ToArray();
            var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = new Dictionary<SyntaxTree, CheckedSource>();
            foreach (CheckedSource file in files)
            {
                trees.Add(CSharpSyntaxTree.ParseText(file.Text, parseOptions, file.Path), file);
            }
            var compilation = CSharpCompilation.Create(
                "Edge.Asr.PortabilityCheck",
                trees.Keys,
                References.Value,
                new CSharpCompilationOptions(
                    OutputKind.DynamicallyLinkedLibrary,
                    allowUnsafe: false,
                    nullableContextOptions: NullableContextOptions.Disable));

            var report = new Report();
            foreach (Diagnostic d in compilation.GetDiagnostics())
            {
                if (d.Severity != DiagnosticSeverity.Error || d.Location.SourceTree == null) continue;
                report.Add(d.Location, "compile error", d.Id + " " + d.GetMessage());
            }
            var own = new HashSet<string>(StringComparer.Ordinal);
            foreach (SyntaxTree tree in trees.Keys)
            {
                foreach (BaseNamespaceDeclarationSyntax ns in tree.GetRoot().DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>())
                {
                    for (string name = ns.Name.ToString(); name.Length > 0; name = name.Contains('.') ? name.Substring(0, name.LastIndexOf('.')) : "")
                    {
                        own.Add(name);
                    }
                }
            }
            DeviceBehaviourRules.Check(compilation, trees.Keys, report.Add);
            foreach (KeyValuePair<SyntaxTree, CheckedSource> entry in trees)
            {
                var walker = new Walker(this, compilation.GetSemanticModel(entry.Key), entry.Value.IsKernel, report, own);
                walker.Visit(entry.Key.GetRoot());
            }
            return report.Sorted();
        }

        /// <summary>What checked sources compile against: the real mscorlib and the package stubs (no desktop framework).</summary>
        public static IReadOnlyList<MetadataReference> CompileReferences => References.Value;

        /// <summary>True for a symbol of the real mscorlib (it exists on the device: the compiler found it there).</summary>
        private static bool IsMscorlib(ISymbol symbol)
        {
            IAssemblySymbol? assembly = symbol is INamespaceSymbol ? null : symbol.ContainingAssembly;
            return assembly != null && assembly.Identity.Name == "mscorlib";
        }

        /// <summary>"Namespace.Type" or "Namespace.Type::Member(ParamTypes)" for a symbol, as in the allowlist.</summary>
        public static string EntryOf(ISymbol symbol)
        {
            if (symbol is ITypeSymbol type) return type.OriginalDefinition.ToDisplayString(TypeFormat);
            string owner = symbol.ContainingType.OriginalDefinition.ToDisplayString(TypeFormat);
            switch (symbol)
            {
                case IMethodSymbol method:
                    string name = method.MethodKind == MethodKind.Constructor ? ".ctor" : method.Name;
                    if (method.IsGenericMethod) name += "<" + string.Join(", ", method.TypeParameters.Select(t => t.Name)) + ">";
                    return owner + "::" + name + "(" + Parameters(method.OriginalDefinition.Parameters) + ")";
                case IPropertySymbol property when property.IsIndexer:
                    return owner + "::this[" + Parameters(property.OriginalDefinition.Parameters) + "]";
                default:
                    return owner + "::" + symbol.Name;
            }
        }

        private static string Parameters(IEnumerable<IParameterSymbol> parameters)
        {
            return string.Join(", ", parameters.Select(p =>
                (p.RefKind == RefKind.Ref ? "ref " : p.RefKind == RefKind.Out ? "out " : p.RefKind == RefKind.In ? "in " : "")
                + p.Type.ToDisplayString(TypeFormat)));
        }

        private static bool IsFloatingPoint(ITypeSymbol type)
        {
            return type.SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal;
        }

        /// <summary>Violations keyed by file, line and message so a symbol met by several nodes is reported once.</summary>
        private sealed class Report
        {
            private readonly SortedSet<(string Path, int Line, string Message)> _items = new SortedSet<(string, int, string)>();

            public void Add(Location location, string rule, string symbol)
            {
                FileLinePositionSpan span = location.GetLineSpan();
                _items.Add((span.Path, span.StartLinePosition.Line + 1, rule + ": " + symbol));
            }

            public IReadOnlyList<string> Sorted()
            {
                return _items.OrderBy(i => i.Path, StringComparer.Ordinal).ThenBy(i => i.Line).ThenBy(i => i.Message, StringComparer.Ordinal)
                    .Select(i => i.Path + ":" + i.Line + ": " + i.Message).ToArray();
            }
        }

        /// <summary>Visits every node of one file and applies the syntax and symbol rules.</summary>
        private sealed class Walker : CSharpSyntaxWalker
        {
            private readonly PortabilityGuard _guard;
            private readonly SemanticModel _model;
            private readonly bool _kernel;
            private readonly Report _report;
            private readonly HashSet<string> _ownNamespaces;

            public Walker(PortabilityGuard guard, SemanticModel model, bool kernel, Report report, HashSet<string> ownNamespaces)
                : base(SyntaxWalkerDepth.Token)
            {
                _guard = guard;
                _model = model;
                _kernel = kernel;
                _report = report;
                _ownNamespaces = ownNamespaces;
            }

            public override void VisitToken(SyntaxToken token)
            {
                if (token.IsKind(SyntaxKind.UnsafeKeyword)) _report.Add(token.GetLocation(), "unsafe code is not allowed", "unsafe");
                if (token.IsKind(SyntaxKind.AsyncKeyword) && token.Parent is not IdentifierNameSyntax)
                {
                    _report.Add(token.GetLocation(), "async is not allowed", "async");
                }
                if (_kernel && token.IsKind(SyntaxKind.NumericLiteralToken) && token.Value is float or double or decimal)
                {
                    _report.Add(token.GetLocation(), "floating point is not allowed in kernels/", token.Text);
                }
                base.VisitToken(token);
            }

            public override void DefaultVisit(SyntaxNode node)
            {
                CheckSyntax(node);
                if (node is ExpressionSyntax expression) CheckExpression(expression);
                if (node is not UsingDirectiveSyntax && node.Parent is not UsingDirectiveSyntax) CheckSymbol(node);
                base.DefaultVisit(node);
            }

            private void CheckSyntax(SyntaxNode node)
            {
                Location at = node.GetLocation();
                switch (node)
                {
                    case InterpolatedStringExpressionSyntax s:
                        _report.Add(at, "string interpolation is not allowed", Short(s));
                        break;
                    case CheckedExpressionSyntax c when c.IsKind(SyntaxKind.CheckedExpression):
                        _report.Add(at, "checked is not allowed (it never throws on the device)", Short(c));
                        break;
                    case CheckedStatementSyntax c when c.IsKind(SyntaxKind.CheckedStatement):
                        _report.Add(at, "checked is not allowed (it never throws on the device)", "checked { ... }");
                        break;
                    case QueryExpressionSyntax q:
                        _report.Add(at, "LINQ is not allowed", Short(q));
                        break;
                    case StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax:
                        _report.Add(at, "stackalloc is not allowed", Short(node));
                        break;
                    case PointerTypeSyntax or FunctionPointerTypeSyntax or FixedStatementSyntax:
                        _report.Add(at, "unsafe code is not allowed", Short(node));
                        break;
                    case AwaitExpressionSyntax a:
                        _report.Add(at, "async is not allowed", Short(a));
                        break;
                    case RecordDeclarationSyntax r:
                        _report.Add(r.Identifier.GetLocation(), "records are not allowed (their generated equality is generic)", r.Identifier.Text);
                        break;
                    case YieldStatementSyntax:
                        _report.Add(at, "yield is not allowed", "yield");
                        break;
                    case TypeParameterListSyntax t:
                        _report.Add(at, "generic declarations are not allowed", Declared(t.Parent) + t);
                        break;
                    case ArrayRankSpecifierSyntax r when r.Rank > 1:
                        _report.Add(at, "multidimensional arrays are not allowed", Short(r.Parent ?? r));
                        break;
                    case NullableTypeSyntax n:
                        _report.Add(at, "nullable types are not allowed", n.ToString());
                        break;
                    case TupleTypeSyntax or TupleExpressionSyntax:
                        _report.Add(at, "tuples are not allowed", Short(node));
                        break;
                    case ForEachStatementSyntax f:
                        ITypeSymbol? collection = _model.GetTypeInfo(f.Expression).Type;
                        if (collection is not IArrayTypeSymbol && collection is not IErrorTypeSymbol && collection != null)
                        {
                            _report.Add(f.Expression.GetLocation(), "foreach is allowed over arrays only", collection.ToDisplayString(TypeFormat));
                        }
                        break;
                    case ForEachVariableStatementSyntax:
                        _report.Add(at, "tuples are not allowed", "foreach deconstruction");
                        break;
                    case UsingDirectiveSyntax u:
                        CheckUsing(u);
                        break;
                }
            }

            private void CheckUsing(UsingDirectiveSyntax u)
            {
                if (u.Name == null) return;
                ISymbol? target = _model.GetSymbolInfo(u.Name).Symbol;
                if (target is INamespaceSymbol ns)
                {
                    string name = ns.ToDisplayString();
                    if (InMscorlib(ns)) return;
                    if (!_ownNamespaces.Contains(name) && !_guard._allowlist.AllowsNamespace(name, _kernel))
                    {
                        bool firmwareOnly = _kernel && _guard._allowlist.AllowsNamespace(name, inKernels: false);
                        _report.Add(u.GetLocation(), firmwareOnly ? "namespace not allowed in kernels/ (firmware only)" : "namespace " + NotInSurface, name);
                    }
                }
                else if (target != null)
                {
                    CheckReferenced(target, u.Name.GetLocation());
                }
            }

            private void CheckExpression(ExpressionSyntax expression)
            {
                TypeInfo info = _model.GetTypeInfo(expression);
                if (info.Type != null) CheckType(info.Type, expression.GetLocation());
                if (info.ConvertedType != null && !SymbolEqualityComparer.Default.Equals(info.ConvertedType, info.Type))
                {
                    CheckType(info.ConvertedType, expression.GetLocation());
                }
                Conversion conversion = _model.GetConversion(expression);
                if (conversion.IsUserDefined && conversion.MethodSymbol != null) CheckReferenced(conversion.MethodSymbol, expression.GetLocation());
            }

            private void CheckSymbol(SyntaxNode node)
            {
                SymbolInfo info = _model.GetSymbolInfo(node);
                ISymbol? symbol = info.Symbol ?? (info.CandidateSymbols.Length > 0 ? info.CandidateSymbols[0] : null);
                if (symbol != null) CheckReferenced(symbol, node.GetLocation());
            }

            private void CheckType(ITypeSymbol type, Location at)
            {
                switch (type)
                {
                    case IErrorTypeSymbol:
                        return;
                    case IArrayTypeSymbol array:
                        if (array.Rank > 1) _report.Add(at, "multidimensional arrays are not allowed", array.ToDisplayString(TypeFormat));
                        CheckType(array.ElementType, at);
                        return;
                    case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                        _report.Add(at, "unsafe code is not allowed", type.ToDisplayString(TypeFormat));
                        return;
                    case IDynamicTypeSymbol:
                        _report.Add(at, "dynamic is not allowed", "dynamic");
                        return;
                    case ITypeParameterSymbol:
                        return;
                }
                if (_kernel && IsFloatingPoint(type))
                {
                    _report.Add(at, "floating point is not allowed in kernels/", EntryOf(type));
                    return;
                }
                if (type is INamedTypeSymbol named)
                {
                    if (named.IsTupleType) _report.Add(at, "tuples are not allowed", EntryOf(named));
                    else if (named.IsGenericType && IsOwn(named)) _report.Add(at, "generic types are not allowed", EntryOf(named));
                    foreach (ITypeSymbol argument in named.TypeArguments) CheckType(argument, at);
                }
                CheckReferenced(type, at);
            }

            private void CheckReferenced(ISymbol symbol, Location at)
            {
                switch (symbol)
                {
                    case INamespaceSymbol or ILocalSymbol or IParameterSymbol or ILabelSymbol or IRangeVariableSymbol
                        or ITypeParameterSymbol or IDiscardSymbol or IPreprocessingSymbol:
                        return;
                    case IAliasSymbol alias:
                        CheckReferenced(alias.Target, at);
                        return;
                    case IArrayTypeSymbol or IPointerTypeSymbol or IDynamicTypeSymbol or IErrorTypeSymbol:
                        if (symbol is ITypeSymbol t && symbol is not IErrorTypeSymbol) CheckType(t, at);
                        return;
                    case IMethodSymbol method:
                        if (method.ReducedFrom != null) method = method.ReducedFrom;
                        if (method.MethodKind == MethodKind.BuiltinOperator) return;
                        if (method.IsGenericMethod)
                        {
                            _report.Add(at, "generic methods are not allowed", EntryOf(method));
                            if (IsOwn(method)) return;
                        }
                        symbol = method;
                        break;
                }
                if (IsOwn(symbol)) return;
                if (_kernel && symbol is IMethodSymbol m && (IsFloatingPoint(m.ReturnType) || m.Parameters.Any(p => IsFloatingPoint(p.Type))))
                {
                    _report.Add(at, "floating point is not allowed in kernels/", EntryOf(m));
                }
                CheckAllowed(symbol, at);
            }

            private void CheckAllowed(ISymbol symbol, Location at)
            {
                if (IsMscorlib(symbol))
                {
                    // The real assembly is the surface; the allowlist only marks mscorlib types kernels/ may not use.
                    string type = EntryOf(symbol is ITypeSymbol ? symbol : symbol.ContainingType);
                    if (_kernel && !_guard._allowlist.Allows(type, inKernels: true, out bool onlyFirmware) && onlyFirmware)
                    {
                        _report.Add(at, "not allowed in kernels/ (firmware only)", EntryOf(symbol));
                    }
                    return;
                }
                string entry = EntryOf(symbol);
                if (_guard._allowlist.Allows(entry, _kernel, out bool firmwareOnly)) return;
                // An override that nanoFramework may not declare still binds to the base member there.
                for (ISymbol? overridden = Overridden(symbol); overridden != null; overridden = Overridden(overridden))
                {
                    if (_guard._allowlist.Allows(EntryOf(overridden), _kernel, out firmwareOnly)) return;
                }
                if (firmwareOnly) _report.Add(at, "not allowed in kernels/ (firmware only)", entry);
                else _report.Add(at, NotInSurface, entry);
            }

            /// <summary>True when the real mscorlib declares types in this namespace.</summary>
            private static bool InMscorlib(INamespaceSymbol ns)
            {
                return ns.ConstituentNamespaces.Any(c => c.ContainingAssembly?.Identity.Name == "mscorlib" && (c.GetTypeMembers().Length > 0 || c.GetNamespaceMembers().Any()));
            }

            private static ISymbol? Overridden(ISymbol symbol)
            {
                return symbol switch
                {
                    IMethodSymbol m => m.OverriddenMethod,
                    IPropertySymbol p => p.OverriddenProperty,
                    IEventSymbol e => e.OverriddenEvent,
                    _ => null,
                };
            }

            private bool IsOwn(ISymbol symbol)
            {
                return SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, _model.Compilation.Assembly);
            }

            private static string Short(SyntaxNode node)
            {
                string text = node.ToString().Replace('\n', ' ').Replace('\r', ' ');
                return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
            }

            private static string Declared(SyntaxNode? declaration)
            {
                return declaration switch
                {
                    BaseTypeDeclarationSyntax t => t.Identifier.Text,
                    MethodDeclarationSyntax m => m.Identifier.Text,
                    DelegateDeclarationSyntax d => d.Identifier.Text,
                    LocalFunctionStatementSyntax f => f.Identifier.Text,
                    _ => "",
                };
            }
        }
    }
}
