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
    /// Compiles nanoFramework projects with Roslyn as nanoFramework's build
    /// does: against the real mscorlib and the assemblies the project
    /// references (no standard library), <c>NANOFRAMEWORK_1_0</c> defined, the
    /// project's language version, warnings as errors, missing XML docs
    /// reported when the project writes a documentation file. Every
    /// diagnostic is a violation, and so is every construct stable
    /// nanoFramework's CLR lacks though its mscorlib compiles it: generic
    /// types or methods, LINQ, async/await, Span and stackalloc.
    /// </summary>
    /// <remarks>
    /// References that cannot be had here (see <see cref="NanoFrameworkReferences"/>)
    /// leave their names unbound: such a name is accepted only where the API
    /// list names it, and only from a package the project's packages.config
    /// references; every other unbound name is a violation.
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
        /// Compiles each project (in the order given; a project's project
        /// references must come before it) and checks; returns one line per
        /// violation ("file(line): message").
        /// </summary>
        internal IReadOnlyList<string> Check(IEnumerable<Project> projects) => Analyse(projects).Violations;

        /// <summary>The assemblies each project references that cannot be had here, "Project: assembly".</summary>
        internal static IReadOnlyList<string> Unavailable(IEnumerable<Project> projects) =>
            projects.SelectMany(p => p.References.Where(r => NanoFrameworkReferences.Resolve(r) == null).Select(r => $"{p.AssemblyName}: {r}")).ToList();

        /// <summary>
        /// Compiles and checks once: the violations (as <see cref="Check"/>) and
        /// the signatures of every external API the projects use, sorted.
        /// </summary>
        internal Result Analyse(IEnumerable<Project> projects)
        {
            var result = new Result();
            var built = new Dictionary<string, CSharpCompilation>(StringComparer.Ordinal);
            var own = new List<IAssemblySymbol>();
            foreach (Project project in projects)
            {
                var parseOptions = new CSharpParseOptions(
                    project.LanguageVersion,
                    project.WritesDocumentation ? DocumentationMode.Diagnose : DocumentationMode.Parse,
                    preprocessorSymbols: new[] { NanoFrameworkSymbol });
                var trees = project.Sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, s.Path)).ToList();
                var references = project.References.Select(NanoFrameworkReferences.Resolve).Where(r => r != null).ToList();
                foreach (string name in project.ProjectReferences)
                {
                    if (!built.TryGetValue(name, out CSharpCompilation referenced))
                    {
                        throw new InvalidOperationException($"{project.AssemblyName} references {name}, which was not built before it");
                    }

                    references.Add(referenced.ToMetadataReference());
                }

                var compilation = CSharpCompilation.Create(
                    project.AssemblyName,
                    trees,
                    references,
                    new CSharpCompilationOptions(project.OutputKind, generalDiagnosticOption: ReportDiagnostic.Error));
                built[project.AssemblyName] = compilation;
                own.Add(compilation.Assembly);
                CheckDiagnostics(compilation, project, result);
                foreach (SyntaxTree tree in trees)
                {
                    new Walker(compilation.GetSemanticModel(tree), own, _allowlist, project, result).Visit(tree.GetRoot());
                }
            }

            result.Apis.Sort(StringComparer.Ordinal);
            return result;
        }

        private void CheckDiagnostics(CSharpCompilation compilation, Project project, Result result)
        {
            // Emit, not only GetDiagnostics: some errors (a missing Main, a
            // missing well-known member of mscorlib) appear only when emitting.
            using (var image = new System.IO.MemoryStream())
            {
                foreach (Diagnostic error in compilation.Emit(image).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
                {
                    string name = UnboundName(error);
                    if (name == null || !_allowlist.AcceptsUnbound(name))
                    {
                        result.Violation(error.Location, $"does not compile for nanoFramework: {error.Id}: {error.GetMessage()}");
                        continue;
                    }

                    IReadOnlyCollection<string> packages = _allowlist.PackagesOfUnbound(name);
                    if (!packages.Any(p => project.Packages.Contains(p)))
                    {
                        result.Violation(error.Location, $"{name} ships in {string.Join(" or ", packages)}, which {project.AssemblyName}'s packages.config does not reference");
                    }
                    else if (!packages.Any(p => project.References.Any(r => NanoFrameworkReferences.PackageOf(r) == p && NanoFrameworkReferences.Resolve(r) == null)))
                    {
                        result.Violation(error.Location, $"{name} is listed for {string.Join(" or ", packages)}, which {project.AssemblyName} does not reference, or which is available here and must bind");
                    }

                    if (!result.Apis.Contains("(not available here, listed) " + name))
                    {
                        result.Apis.Add("(not available here, listed) " + name);
                    }
                }
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

        /// <summary>One assembly's build inputs, as its .nfproj gives them.</summary>
        internal sealed class Project
        {
            internal Project(
                string assemblyName,
                IReadOnlyList<SourceText> sources,
                IReadOnlyCollection<string> packages,
                IReadOnlyList<string> references,
                IReadOnlyList<string> projectReferences = null,
                LanguageVersion languageVersion = LanguageVersion.CSharp7_3,
                OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
                bool writesDocumentation = false)
            {
                AssemblyName = assemblyName;
                Sources = sources;
                Packages = packages;
                References = references;
                ProjectReferences = projectReferences ?? new string[0];
                LanguageVersion = languageVersion;
                OutputKind = outputKind;
                WritesDocumentation = writesDocumentation;
            }

            internal string AssemblyName { get; }

            internal IReadOnlyList<SourceText> Sources { get; }

            /// <summary>The package ids of its packages.config.</summary>
            internal IReadOnlyCollection<string> Packages { get; }

            /// <summary>Simple names of the assemblies it references (mscorlib first, as a .nfproj lists them).</summary>
            internal IReadOnlyList<string> References { get; }

            /// <summary>Assembly names of the projects it references.</summary>
            internal IReadOnlyList<string> ProjectReferences { get; }

            internal LanguageVersion LanguageVersion { get; }

            internal OutputKind OutputKind { get; }

            /// <summary>Whether it writes an XML documentation file (missing docs are then warnings).</summary>
            internal bool WritesDocumentation { get; }

            /// <summary>The build inputs of a .nfproj: its Compile items, references and settings.</summary>
            internal static Project From(NanoFrameworkProject nfproj) =>
                new Project(
                    nfproj.AssemblyName,
                    nfproj.CompilePaths().Select(SourceText.FromFile).ToList(),
                    nfproj.Packages.ToList(),
                    nfproj.References,
                    nfproj.ProjectReferences.Select(r => NanoFrameworkProject.Load(r).AssemblyName).ToList(),
                    nfproj.LanguageVersion,
                    nfproj.OutputKind,
                    nfproj.DocumentationFile != null);
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

        /// <summary>What one compilation of the projects found.</summary>
        internal sealed class Result
        {
            internal List<string> Violations { get; } = new List<string>();

            internal List<string> Apis { get; } = new List<string>();

            internal void Violation(Location location, string message)
            {
                FileLinePositionSpan span = location.GetLineSpan();
                string where = span.Path == null || span.Path.Length == 0 ? "(assembly)" : $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1})";
                string line = $"{where}: {message}";
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

            public override void VisitMemberAccessExpression(MemberAccessExpressionSyntax node)
            {
                // A member of a type that cannot be had here: the pair must be listed.
                SimpleNameSyntax left = node.Expression is SimpleNameSyntax simple ? simple
                    : node.Expression is MemberAccessExpressionSyntax access ? access.Name
                    : null;
                if (left != null && _model.GetSymbolInfo(node.Expression).Symbol == null
                    && _model.GetSymbolInfo(node.Expression).CandidateSymbols.IsEmpty
                    && _allowlist.AcceptsUnbound(left.Identifier.ValueText)
                    && !_allowlist.ContainsMember(left.Identifier.ValueText, node.Name.Identifier.ValueText))
                {
                    _result.Violation(node.GetLocation(), $"{left.Identifier.ValueText}.{node.Name.Identifier.ValueText} is not in the list of members of the assemblies not available here");
                }

                base.VisitMemberAccessExpression(node);
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

                // Bound: the compiler found it in an assembly the .nfproj references;
                // it must also ship in a package its packages.config references.
                string package = NanoFrameworkReferences.PackageOf(symbol.ContainingAssembly?.Name ?? "mscorlib");
                if (!_project.Packages.Contains(package))
                {
                    _result.Violation(node.GetLocation(), $"{signature} ships in {package}, which {_project.AssemblyName}'s packages.config does not reference");
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
