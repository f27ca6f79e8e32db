using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Edge.Asr.Tests.Portability
{
    /// <summary>
    /// The guard's rules for code that compiles on nanoFramework but behaves differently there
    /// (docs/portability.md, "Code that compiles but misbehaves"):
    /// static initializers reading another type's statics (nanoCLR runs static constructors at boot in
    /// type-name order), array initializer data over the metadata processor's limits, shift counts that
    /// can reach the operand width (x86 masks them, the interpreter does not), and catch clauses naming
    /// exception types the two runtimes raise for different faults.
    /// </summary>
    public static class DeviceBehaviourRules
    {
        /// <summary>One array's initializer data: the metadata processor keeps at most this many bytes.</summary>
        public const int MaxArrayInitializerBytes = 65_535;

        /// <summary>All array initializer data of one assembly shares one table of this many bytes.</summary>
        public const int MaxInitializerBytesPerAssembly = 65_536;

        public const string StaticInitRule = "static initializer reads another type's static state (nanoCLR runs static constructors in type-name order)";
        public const string ArrayTooLargeRule = "array initializer over 65,535 B (the metadata processor truncates it)";
        public const string ArraysTooLargeRule = "array initializer data over 64 KiB in this assembly (the metadata processor truncates it)";
        public const string ShiftRule = "shift count can reach the operand width (x86 masks it, the device does not)";
        public const string CatchRule = "catch of an exception type the device raises for different faults than the desktop";

        /// <summary>
        /// Runtime-raised exception types whose faults differ between the desktop CLR and nanoCLR: the device
        /// raises ArgumentOutOfRangeException for string[i] out of range (desktop: IndexOutOfRangeException),
        /// a plain Exception for an integer division by zero (desktop: DivideByZeroException), and has no
        /// ArithmeticException/OverflowException at all. A catch of one of these catches different faults
        /// on each platform; catch the project's own exception types, or Exception, instead.
        /// </summary>
        public static readonly string[] PlatformDependentExceptions =
        {
            "System.ArgumentException", "System.ArgumentOutOfRangeException", "System.IndexOutOfRangeException",
            "System.NullReferenceException", "System.InvalidCastException", "System.DivideByZeroException",
            "System.ArithmeticException", "System.OverflowException",
        };

        /// <summary>Applies the four rules to every tree of the compilation; <paramref name="add"/> receives (location, rule, symbol).</summary>
        public static void Check(Compilation compilation, IEnumerable<SyntaxTree> trees, Action<Location, string, string> add)
        {
            long total = 0;
            foreach (SyntaxTree tree in trees.OrderBy(t => t.FilePath, StringComparer.Ordinal))
            {
                SemanticModel model = compilation.GetSemanticModel(tree);
                SyntaxNode root = tree.GetRoot();
                CheckStaticInitializers(model, root, add);
                foreach (InitializerExpressionSyntax init in root.DescendantNodes().OfType<InitializerExpressionSyntax>())
                {
                    long bytes = InitializerBytes(model, init);
                    if (bytes <= 0) continue;
                    if (bytes > MaxArrayInitializerBytes) add(init.GetLocation(), ArrayTooLargeRule, bytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " B");
                    long before = total;
                    total += bytes;
                    if (before <= MaxInitializerBytesPerAssembly && total > MaxInitializerBytesPerAssembly)
                    {
                        add(init.GetLocation(), ArraysTooLargeRule, total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " B so far");
                    }
                }
                foreach (BinaryExpressionSyntax shift in root.DescendantNodes().OfType<BinaryExpressionSyntax>().Where(b => b.IsKind(SyntaxKind.LeftShiftExpression) || b.IsKind(SyntaxKind.RightShiftExpression)))
                {
                    CheckShift(model, shift, shift.Left, shift.Right, add);
                }
                foreach (AssignmentExpressionSyntax shift in root.DescendantNodes().OfType<AssignmentExpressionSyntax>().Where(a => a.IsKind(SyntaxKind.LeftShiftAssignmentExpression) || a.IsKind(SyntaxKind.RightShiftAssignmentExpression)))
                {
                    CheckShift(model, shift, shift.Left, shift.Right, add);
                }
                foreach (CatchDeclarationSyntax c in root.DescendantNodes().OfType<CatchDeclarationSyntax>())
                {
                    if (model.GetTypeInfo(c.Type).Type is ITypeSymbol caught)
                    {
                        string name = PortabilityGuard.EntryOf(caught);
                        if (PlatformDependentExceptions.Contains(name)) add(c.Type.GetLocation(), CatchRule, name);
                    }
                }
            }
        }

        private static void CheckStaticInitializers(SemanticModel model, SyntaxNode root, Action<Location, string, string> add)
        {
            var bodies = new List<(SyntaxNode Body, INamedTypeSymbol Owner)>();
            foreach (FieldDeclarationSyntax field in root.DescendantNodes().OfType<FieldDeclarationSyntax>())
            {
                // Constants are compile-time values; instance fields are initialised by constructors, not at boot.
                if (!field.Modifiers.Any(SyntaxKind.StaticKeyword)) continue;
                foreach (VariableDeclaratorSyntax v in field.Declaration.Variables)
                {
                    if (v.Initializer != null && model.GetDeclaredSymbol(v) is IFieldSymbol f) bodies.Add((v.Initializer.Value, f.ContainingType));
                }
            }
            foreach (PropertyDeclarationSyntax property in root.DescendantNodes().OfType<PropertyDeclarationSyntax>())
            {
                if (property.Initializer != null && property.Modifiers.Any(SyntaxKind.StaticKeyword) && model.GetDeclaredSymbol(property) is IPropertySymbol p)
                {
                    bodies.Add((property.Initializer.Value, p.ContainingType));
                }
            }
            foreach (ConstructorDeclarationSyntax ctor in root.DescendantNodes().OfType<ConstructorDeclarationSyntax>())
            {
                if (!ctor.Modifiers.Any(SyntaxKind.StaticKeyword) || model.GetDeclaredSymbol(ctor) is not IMethodSymbol m) continue;
                if (ctor.Body != null) bodies.Add((ctor.Body, m.ContainingType));
                if (ctor.ExpressionBody != null) bodies.Add((ctor.ExpressionBody, m.ContainingType));
            }
            foreach ((SyntaxNode body, INamedTypeSymbol owner) in bodies)
            {
                foreach (SyntaxNode node in body.DescendantNodesAndSelf().Where(n => n is SimpleNameSyntax))
                {
                    ISymbol? symbol = model.GetSymbolInfo(node).Symbol;
                    if (symbol == null || !symbol.IsStatic || symbol is ITypeSymbol || symbol is INamespaceSymbol) continue;
                    if (symbol is IFieldSymbol { IsConst: true }) continue;
                    if (symbol is not (IFieldSymbol or IPropertySymbol or IMethodSymbol or IEventSymbol)) continue;
                    // Only the checked sources' own types: their static constructors are the ones ordered by name.
                    if (!SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, model.Compilation.Assembly)) continue;
                    if (SymbolEqualityComparer.Default.Equals(symbol.ContainingType, owner)) continue;
                    add(node.GetLocation(), StaticInitRule, PortabilityGuard.EntryOf(symbol));
                }
            }
        }

        /// <summary>Bytes of constant data an array initializer puts in the assembly (0 when it is not constant data).</summary>
        private static long InitializerBytes(SemanticModel model, InitializerExpressionSyntax init)
        {
            if (!init.IsKind(SyntaxKind.ArrayInitializerExpression)) return 0;
            ITypeSymbol? type = init.Parent switch
            {
                ArrayCreationExpressionSyntax a => model.GetTypeInfo(a).Type,
                ImplicitArrayCreationExpressionSyntax a => model.GetTypeInfo(a).Type,
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax v } => (model.GetDeclaredSymbol(v) as IFieldSymbol)?.Type ?? (model.GetDeclaredSymbol(v) as ILocalSymbol)?.Type,
                _ => null,
            };
            if (type is not IArrayTypeSymbol { Rank: 1 } array) return 0;
            int size = array.ElementType.SpecialType switch
            {
                SpecialType.System_Boolean or SpecialType.System_Byte or SpecialType.System_SByte => 1,
                SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Char => 2,
                SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Single => 4,
                SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Double => 8,
                _ => 0,
            };
            if (size == 0 || !init.Expressions.All(e => model.GetConstantValue(e).HasValue)) return 0;
            return (long)size * init.Expressions.Count;
        }

        private static void CheckShift(SemanticModel model, SyntaxNode shift, ExpressionSyntax operand, ExpressionSyntax count, Action<Location, string, string> add)
        {
            ITypeSymbol? type = model.GetTypeInfo(shift).Type;
            int width = type?.SpecialType switch
            {
                SpecialType.System_Int32 or SpecialType.System_UInt32 => 32,
                SpecialType.System_Int64 or SpecialType.System_UInt64 => 64,
                _ => 0,
            };
            if (width == 0) return;
            Interval? range = new ShiftCountRange(model).Of(count);
            // A 32-bit shift needs a count the guard can bound; a 64-bit one is refused when its bound reaches 64.
            bool refused = range == null ? width == 32 : range.Value.Hi >= width || range.Value.Lo < 0;
            if (!refused) return;
            string bound = range == null ? "unbounded" : "[" + range.Value.Lo + ", " + range.Value.Hi + "]";
            add(shift.GetLocation(), ShiftRule, Short(shift) + " (" + width + "-bit operand, count " + bound + ")");
        }

        private static string Short(SyntaxNode node)
        {
            string text = node.ToString().Replace('\n', ' ').Replace('\r', ' ');
            return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
        }
    }

    /// <summary>An inclusive integer range.</summary>
    public readonly record struct Interval(long Lo, long Hi)
    {
        public static Interval Join(Interval a, Interval b) => new Interval(Math.Min(a.Lo, b.Lo), Math.Max(a.Hi, b.Hi));
    }

    /// <summary>
    /// Bounds of a shift count, from what the code says locally: constants, masks (x &amp; k), + - * and
    /// unary minus of bounded terms, conditionals, for-loop variables with a bounded limit, and locals
    /// every assignment of which is bounded. Parameters, fields, array elements and calls are unbounded.
    /// </summary>
    public sealed class ShiftCountRange
    {
        private readonly SemanticModel _model;
        private readonly HashSet<ISymbol> _visiting = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        public ShiftCountRange(SemanticModel model)
        {
            _model = model;
        }

        public Interval? Of(ExpressionSyntax e)
        {
            Optional<object?> constant = _model.GetConstantValue(e);
            if (constant.HasValue && constant.Value is IConvertible c && constant.Value is not string and not bool)
            {
                long v = Convert.ToInt64(c, System.Globalization.CultureInfo.InvariantCulture);
                return new Interval(v, v);
            }
            switch (e)
            {
                case ParenthesizedExpressionSyntax p:
                    return Of(p.Expression);
                case CastExpressionSyntax cast:
                    return Of(cast.Expression);
                case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.UnaryMinusExpression):
                    return Of(u.Operand) is Interval n ? new Interval(-n.Hi, -n.Lo) : null;
                case ConditionalExpressionSyntax cond:
                    return Of(cond.WhenTrue) is Interval t && Of(cond.WhenFalse) is Interval f ? Interval.Join(t, f) : null;
                case BinaryExpressionSyntax b:
                    return Binary(b);
                case IdentifierNameSyntax id when _model.GetSymbolInfo(id).Symbol is ILocalSymbol local:
                    return Local(local);
                default:
                    return null;
            }
        }

        private Interval? Binary(BinaryExpressionSyntax b)
        {
            if (b.IsKind(SyntaxKind.BitwiseAndExpression))
            {
                // x & k with a constant k >= 0 lies in [0, k] whatever x is.
                Interval? l = Of(b.Left), r = Of(b.Right);
                if (r is { Lo: >= 0 } rk && rk.Lo == rk.Hi) return new Interval(0, rk.Hi);
                if (l is { Lo: >= 0 } lk && lk.Lo == lk.Hi) return new Interval(0, lk.Hi);
                return null;
            }
            if (Of(b.Left) is not Interval x || Of(b.Right) is not Interval y) return null;
            switch (b.Kind())
            {
                case SyntaxKind.AddExpression:
                    return new Interval(x.Lo + y.Lo, x.Hi + y.Hi);
                case SyntaxKind.SubtractExpression:
                    return new Interval(x.Lo - y.Hi, x.Hi - y.Lo);
                case SyntaxKind.MultiplyExpression:
                    long[] p = { x.Lo * y.Lo, x.Lo * y.Hi, x.Hi * y.Lo, x.Hi * y.Hi };
                    return new Interval(p.Min(), p.Max());
                default:
                    return null;
            }
        }

        private Interval? Local(ILocalSymbol local)
        {
            if (!_visiting.Add(local)) return null;
            try
            {
                SyntaxReference? declaration = local.DeclaringSyntaxReferences.FirstOrDefault();
                if (declaration?.GetSyntax() is not VariableDeclaratorSyntax declarator) return null;
                SyntaxNode scope = declarator.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax) ?? declarator.SyntaxTree.GetRoot();
                if (declarator.Parent?.Parent is ForStatementSyntax loop) return LoopVariable(local, declarator, loop, scope);
                if (declarator.Initializer == null || Of(declarator.Initializer.Value) is not Interval range) return null;
                foreach (SyntaxNode write in Writes(local, scope))
                {
                    if (write is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } a && Of(a.Right) is Interval assigned) range = Interval.Join(range, assigned);
                    else return null;
                }
                return range;
            }
            finally
            {
                _visiting.Remove(local);
            }
        }

        /// <summary>for (int i = A; i &lt; B [&amp;&amp; ...]; i++): [A, B - 1] when A and B are bounded and only the incrementor writes i.</summary>
        private Interval? LoopVariable(ILocalSymbol local, VariableDeclaratorSyntax declarator, ForStatementSyntax loop, SyntaxNode scope)
        {
            if (declarator.Initializer == null || Of(declarator.Initializer.Value) is not Interval start) return null;
            if (loop.Incrementors.Count != 1 || loop.Incrementors[0] is not PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression } inc) return null;
            if (Writes(local, scope).Any(w => w != inc)) return null;
            long? hi = null;
            foreach (BinaryExpressionSyntax test in Conjuncts(loop.Condition))
            {
                if (test.Left is not IdentifierNameSyntax id || !SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(id).Symbol, local)) continue;
                if (Of(test.Right) is not Interval limit) continue;
                long bound = test.IsKind(SyntaxKind.LessThanExpression) ? limit.Hi - 1 : test.IsKind(SyntaxKind.LessThanOrEqualExpression) ? limit.Hi : long.MaxValue;
                if (bound != long.MaxValue) hi = hi == null ? bound : Math.Min(hi.Value, bound);
            }
            return hi == null ? null : new Interval(start.Lo, Math.Max(start.Lo, hi.Value));
        }

        private static IEnumerable<BinaryExpressionSyntax> Conjuncts(ExpressionSyntax? condition)
        {
            if (condition is BinaryExpressionSyntax b && b.IsKind(SyntaxKind.LogicalAndExpression))
            {
                foreach (BinaryExpressionSyntax x in Conjuncts(b.Left)) yield return x;
                foreach (BinaryExpressionSyntax x in Conjuncts(b.Right)) yield return x;
            }
            else if (condition is BinaryExpressionSyntax c)
            {
                yield return c;
            }
        }

        /// <summary>Every node in <paramref name="scope"/> that writes the local after its declaration.</summary>
        private IEnumerable<SyntaxNode> Writes(ILocalSymbol local, SyntaxNode scope)
        {
            foreach (IdentifierNameSyntax id in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (id.Identifier.Text != local.Name || !SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(id).Symbol, local)) continue;
                SyntaxNode parent = id.Parent!;
                if (parent is AssignmentExpressionSyntax a && a.Left == id) yield return a;
                else if (parent is PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax && (parent.IsKind(SyntaxKind.PreIncrementExpression) || parent.IsKind(SyntaxKind.PreDecrementExpression) || parent.IsKind(SyntaxKind.PostIncrementExpression) || parent.IsKind(SyntaxKind.PostDecrementExpression))) yield return parent;
                else if (parent is ArgumentSyntax arg && !arg.RefKindKeyword.IsKind(SyntaxKind.None)) yield return parent;
            }
        }
    }
}
