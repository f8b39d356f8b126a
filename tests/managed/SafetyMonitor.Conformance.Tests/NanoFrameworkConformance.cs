using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafetyMonitor.Conformance.Tests
{
    /// <summary>
    /// Compiles C# sources the way nanoFramework's build sees them (C# 7.3,
    /// NANOFRAMEWORK_1_0 defined) with Roslyn, and reports every use of an API
    /// outside the sources that the allowlist does not name, and every
    /// construct stable nanoFramework (mscorlib 1.17) lacks: generic types or
    /// methods, LINQ, async/await, Span and stackalloc.
    /// </summary>
    /// <remarks>
    /// nanoFramework's own assemblies are not available here, so symbols bind
    /// against the .NET runtime's assemblies; an API's signature is the same
    /// in both where the allowlist says so. Names that exist only in
    /// nanoFramework (marked "nanoFramework only" in the allowlist) do not bind
    /// and are accepted by name, and only where they are listed.
    /// </remarks>
    internal sealed class NanoFrameworkConformance
    {
        internal const string NanoFrameworkSymbol = "NANOFRAMEWORK_1_0";

        private static readonly SymbolDisplayFormat SignatureFormat = new SymbolDisplayFormat(
            globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
            memberOptions: SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeParameters,
            parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeParamsRefOut,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

        private static readonly string[] SpanTypes =
        {
            "System.Span<T>", "System.ReadOnlySpan<T>", "System.Memory<T>", "System.ReadOnlyMemory<T>",
        };

        private readonly ApiAllowlist _allowlist;

        internal NanoFrameworkConformance(ApiAllowlist allowlist)
        {
            _allowlist = allowlist;
        }

        /// <summary>
        /// Compiles each project (in the order given; each references the ones
        /// before it) and checks; returns one line per violation ("file(line): message").
        /// </summary>
        internal IReadOnlyList<string> Check(IEnumerable<Project> projects) => Analyse(projects).Violations;

        /// <summary>The signatures of every external API the projects use, sorted.</summary>
        internal IReadOnlyList<string> ExternalApis(IEnumerable<Project> projects) => Analyse(projects).Apis;

        private Result Analyse(IEnumerable<Project> projects)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp7_3, preprocessorSymbols: new[] { NanoFrameworkSymbol });
            var result = new Result();
            var references = RuntimeReferences().ToList();
            var own = new List<IAssemblySymbol>();
            foreach (Project project in projects)
            {
                var trees = project.Sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, s.Path)).ToList();
                var compilation = CSharpCompilation.Create(
                    project.AssemblyName,
                    trees,
                    references,
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
                own.Add(compilation.Assembly);
                CheckErrors(compilation, project, result);
                foreach (SyntaxTree tree in trees)
                {
                    new Walker(compilation.GetSemanticModel(tree), own, _allowlist, project, result).Visit(tree.GetRoot());
                }

                references.Add(compilation.ToMetadataReference());
            }

            result.Apis.Sort(StringComparer.Ordinal);
            return result;
        }

        private void CheckErrors(CSharpCompilation compilation, Project project, Result result)
        {
            foreach (Diagnostic error in compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                string name = UnboundName(error);
                if (name == null || !_allowlist.AcceptsUnbound(name))
                {
                    result.Violation(error.Location, $"does not compile for nanoFramework here: {error.GetMessage()}");
                    continue;
                }

                CheckPackage(project, name, _allowlist.PackageOfUnbound(name), error.Location, result);
                if (!result.Apis.Contains("(nanoFramework only) " + name))
                {
                    result.Apis.Add("(nanoFramework only) " + name);
                }
            }
        }

        // An API may only come from a package the project's packages.config references.
        private static void CheckPackage(Project project, string api, string package, Location location, Result result)
        {
            if (project.Packages != null && !project.Packages.Contains(package))
            {
                result.Violation(location, $"{api} ships in {package ?? "an unknown package"}, which {project.AssemblyName}'s packages.config does not reference");
            }
        }

        private static string UnboundName(Diagnostic error)
        {
            // CS0246: type or namespace not found; CS0234: not in namespace; CS0103: name not in context.
            if (error.Id != "CS0246" && error.Id != "CS0234" && error.Id != "CS0103")
            {
                return null;
            }

            SyntaxNode node = error.Location.SourceTree?.GetRoot().FindNode(error.Location.SourceSpan);
            if (node is AttributeSyntax attribute)
            {
                node = attribute.Name;
            }

            return node is SimpleNameSyntax simple ? simple.Identifier.ValueText
                : node is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText
                : null;
        }

        private static IEnumerable<MetadataReference> RuntimeReferences()
        {
            string paths = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES");
            return paths.Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) == "mscorlib.dll" || Path.GetFileName(p) == "netstandard.dll")
                .Select(p => MetadataReference.CreateFromFile(p));
        }

        /// <summary>One assembly's sources, and the packages it may take APIs from.</summary>
        internal sealed class Project
        {
            internal Project(string assemblyName, IReadOnlyList<SourceText> sources, IReadOnlyCollection<string> packages = null)
            {
                AssemblyName = assemblyName;
                Sources = sources;
                Packages = packages;
            }

            internal string AssemblyName { get; }

            internal IReadOnlyList<SourceText> Sources { get; }

            /// <summary>The package ids of its packages.config; null: any listed API.</summary>
            internal IReadOnlyCollection<string> Packages { get; }
        }

        /// <summary>A source file: path (for messages) and text.</summary>
        internal sealed class SourceText
        {
            internal SourceText(string path, string text)
            {
                Path = path;
                Text = text;
            }

            internal string Path { get; }

            internal string Text { get; }

            internal static SourceText FromFile(string path) => new SourceText(path, File.ReadAllText(path));
        }

        private sealed class Result
        {
            internal List<string> Violations { get; } = new List<string>();

            internal List<string> Apis { get; } = new List<string>();

            internal void Violation(Location location, string message)
            {
                FileLinePositionSpan span = location.GetLineSpan();
                string line = $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1}): {message}";
                if (!Violations.Contains(line))
                {
                    Violations.Add(line);
                }
            }
        }

        private sealed class Walker : CSharpSyntaxWalker
        {
            private readonly SemanticModel _model;
            private readonly IReadOnlyList<IAssemblySymbol> _own;
            private readonly ApiAllowlist _allowlist;
            private readonly Project _project;
            private readonly Result _result;

            internal Walker(SemanticModel model, IReadOnlyList<IAssemblySymbol> own, ApiAllowlist allowlist, Project project, Result result)
            {
                _model = model;
                _own = own;
                _allowlist = allowlist;
                _project = project;
                _result = result;
            }

            public override void VisitTypeParameterList(TypeParameterListSyntax node)
            {
                _result.Violation(node.GetLocation(), "generic type or method declared: stable nanoFramework has no generics");
                base.VisitTypeParameterList(node);
            }

            public override void VisitQueryExpression(QueryExpressionSyntax node)
            {
                _result.Violation(node.GetLocation(), "LINQ query: stable nanoFramework has no LINQ");
                base.VisitQueryExpression(node);
            }

            public override void VisitAwaitExpression(AwaitExpressionSyntax node)
            {
                _result.Violation(node.GetLocation(), "await: stable nanoFramework has no async");
                base.VisitAwaitExpression(node);
            }

            public override void VisitMethodDeclaration(MethodDeclarationSyntax node)
            {
                CheckAsync(node.Modifiers, node.GetLocation());
                base.VisitMethodDeclaration(node);
            }

            public override void VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
            {
                CheckAsync(node.Modifiers, node.GetLocation());
                base.VisitLocalFunctionStatement(node);
            }

            public override void VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
            {
                if (node.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword))
                {
                    _result.Violation(node.GetLocation(), "async lambda: stable nanoFramework has no async");
                }

                base.VisitParenthesizedLambdaExpression(node);
            }

            public override void VisitStackAllocArrayCreationExpression(StackAllocArrayCreationExpressionSyntax node)
            {
                _result.Violation(node.GetLocation(), "stackalloc: stable nanoFramework has no Span");
                base.VisitStackAllocArrayCreationExpression(node);
            }

            public override void VisitIdentifierName(IdentifierNameSyntax node)
            {
                CheckReference(node);
                base.VisitIdentifierName(node);
            }

            public override void VisitGenericName(GenericNameSyntax node)
            {
                _result.Violation(node.GetLocation(), $"generic {node}: stable nanoFramework has no generics");
                base.VisitGenericName(node);
            }

            public override void VisitObjectCreationExpression(ObjectCreationExpressionSyntax node)
            {
                CheckReference(node);
                base.VisitObjectCreationExpression(node);
            }

            public override void VisitAttribute(AttributeSyntax node)
            {
                CheckReference(node);
                base.VisitAttribute(node);
            }

            public override void VisitBinaryExpression(BinaryExpressionSyntax node)
            {
                CheckReference(node);
                base.VisitBinaryExpression(node);
            }

            public override void VisitElementAccessExpression(ElementAccessExpressionSyntax node)
            {
                CheckReference(node);
                base.VisitElementAccessExpression(node);
            }

            public override void VisitForEachStatement(ForEachStatementSyntax node)
            {
                ForEachStatementInfo info = _model.GetForEachStatementInfo(node);
                CheckSymbol(info.GetEnumeratorMethod, node.Expression);
                CheckSymbol(info.MoveNextMethod, node.Expression);
                CheckSymbol(info.CurrentProperty, node.Expression);
                base.VisitForEachStatement(node);
            }

            private void CheckAsync(SyntaxTokenList modifiers, Location location)
            {
                if (modifiers.Any(SyntaxKind.AsyncKeyword))
                {
                    _result.Violation(location, "async method: stable nanoFramework has no async");
                }
            }

            private void CheckReference(SyntaxNode node)
            {
                SymbolInfo info = _model.GetSymbolInfo(node);
                CheckSymbol(info.Symbol, node);
            }

            private void CheckSymbol(ISymbol symbol, SyntaxNode node)
            {
                if (symbol == null || symbol is INamespaceSymbol || symbol is ILocalSymbol || symbol is IParameterSymbol
                    || symbol is IRangeVariableSymbol || symbol is ILabelSymbol || symbol is ITypeParameterSymbol
                    || symbol is IDiscardSymbol)
                {
                    return;
                }

                if (symbol is IMethodSymbol method)
                {
                    if (method.MethodKind == MethodKind.BuiltinOperator)
                    {
                        return;
                    }

                    if (method.IsGenericMethod)
                    {
                        _result.Violation(node.GetLocation(), $"generic method {method.ToDisplayString(SignatureFormat)}");
                    }

                    if (method.ReducedFrom != null)
                    {
                        _result.Violation(node.GetLocation(), $"extension method {method.ToDisplayString(SignatureFormat)}: not in stable nanoFramework's style");
                    }
                }

                if (IsOwn(symbol.ContainingAssembly) || IsOwnType(symbol))
                {
                    return;
                }

                if (symbol is INamedTypeSymbol type && IsPrimitive(type))
                {
                    return;
                }

                string signature = Signature(symbol);
                if (SpanTypes.Any(s => signature.StartsWith(s, StringComparison.Ordinal)))
                {
                    _result.Violation(node.GetLocation(), $"{signature}: stable nanoFramework has no Span");
                }

                if (signature.StartsWith("System.Linq.", StringComparison.Ordinal))
                {
                    _result.Violation(node.GetLocation(), $"{signature}: stable nanoFramework has no LINQ");
                }

                if (symbol is INamedTypeSymbol named && named.IsGenericType)
                {
                    _result.Violation(node.GetLocation(), $"generic type {signature}: stable nanoFramework has no generics");
                }

                if (!_result.Apis.Contains(signature))
                {
                    _result.Apis.Add(signature);
                }

                if (!_allowlist.Contains(signature))
                {
                    _result.Violation(node.GetLocation(), $"{signature} is not in the list of stable nanoFramework APIs");
                }
                else
                {
                    CheckPackage(_project, signature, _allowlist.PackageOf(signature), node.GetLocation(), _result);
                }
            }

            private bool IsOwn(IAssemblySymbol assembly)
            {
                return assembly != null && _own.Any(a => a.Name == assembly.Name);
            }

            private bool IsOwnType(ISymbol symbol)
            {
                return symbol is IArrayTypeSymbol array
                    && (IsOwn(array.ElementType.ContainingAssembly)
                        || (array.ElementType is INamedTypeSymbol element && IsPrimitive(element)));
            }

            private static bool IsPrimitive(INamedTypeSymbol type)
            {
                switch (type.SpecialType)
                {
                    case SpecialType.System_Boolean:
                    case SpecialType.System_Byte:
                    case SpecialType.System_SByte:
                    case SpecialType.System_Int16:
                    case SpecialType.System_UInt16:
                    case SpecialType.System_Int32:
                    case SpecialType.System_UInt32:
                    case SpecialType.System_Int64:
                    case SpecialType.System_UInt64:
                    case SpecialType.System_Char:
                    case SpecialType.System_String:
                    case SpecialType.System_Object:
                    case SpecialType.System_Void:
                        return true;
                    default:
                        return false;
                }
            }

            private static string Signature(ISymbol symbol)
            {
                ISymbol original = symbol.OriginalDefinition;
                return original.ToDisplayString(SignatureFormat);
            }
        }
    }
}
