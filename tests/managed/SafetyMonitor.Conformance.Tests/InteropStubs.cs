using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace SafetyMonitor.Conformance.Tests
{
    /// <summary>
    /// The interop stubs of a native assembly as text (the files nanoFramework's
    /// metadata processor lays out), and their comparison with the method table
    /// derived from the managed assembly and with the layout and names the
    /// .nfproj makes Visual Studio generate (<see cref="StubLayout"/>).
    /// </summary>
    /// <remarks>
    /// The files the generator writes and nobody edits (the marshalling
    /// <c>_mshl.cpp</c> and the class header) are rendered here in the output
    /// format of metadata-processor v3.0.100 (SkeletonTemplates.cs; the
    /// expected texts of its StubsGenerationTests.cs) and compared token by
    /// token, comments aside. The others are compared by what the build relies
    /// on: includes, declarations, definitions, the table, the module's list.
    /// </remarks>
    internal sealed class InteropStubs
    {
        private static readonly Regex LookupBlock = new Regex(@"method_lookup\[\]\s*=\s*\{(?<entries>.*?)\};", RegexOptions.Singleline);
        private static readonly Regex AssemblyRecord = new Regex(
            @"const\s+CLR_RT_NativeAssemblyData\s+(?<symbol>\w+)\s*=\s*\{\s*""(?<name>[^""]*)""\s*,\s*(?<checksum>0x[0-9A-Fa-f]+)\s*,\s*method_lookup\s*,\s*\{\s*(?<version>\d+\s*,\s*\d+\s*,\s*\d+\s*,\s*\d+)\s*\}\s*\};",
            RegexOptions.Singleline);
        private static readonly Regex StructBlock = new Regex(@"struct\s+(?<name>Library_\w+)\s*\{(?<body>.*?)\};", RegexOptions.Singleline);
        private static readonly Regex Declaration = new Regex(@"NANOCLR_NATIVE_DECLARE\((?<method>\w+)\)");
        private static readonly Regex Definition = new Regex(@"HRESULT\s+(?<class>Library_\w+)::(?<method>\w+)\s*\(\s*CLR_RT_StackFrame\s*&\s*stack\s*\)");
        private static readonly Regex LineComment = new Regex(@"//[^\n]*");
        private static readonly Regex Include = new Regex(@"^\s*#\s*include\s*(?<file>""[^""]*""|<[^>]*>)", RegexOptions.Multiline);
        private static readonly Regex ModuleSources = new Regex(@"set\((?<name>[\w.]+)_SRCS(?<list>[^)]*)\)");
        private static readonly Regex ModuleBasePath = new Regex(@"set\(BASE_PATH_FOR_THIS_MODULE\s+(?<path>[^)\s]+)\s*\)");

        // The generator's native and CLR type names of the scalar type codes
        // (TypeReferenceExtensions.ToNativeTypeAsString / ToCLRTypeAsString, v3.0.100).
        private static readonly Dictionary<string, (string Native, string Clr)> ScalarTypes = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["VOID"] = ("void", "void"),
            ["BOOLEAN"] = ("bool", "bool"),
            ["CHAR"] = ("char", "CHAR"),
            ["I1"] = ("int8_t", "INT8"),
            ["U1"] = ("uint8_t", "UINT8"),
            ["I2"] = ("int16_t", "INT16"),
            ["U2"] = ("uint16_t", "UINT16"),
            ["I4"] = ("signed int", "INT32"),
            ["U4"] = ("unsigned int", "UINT32"),
            ["I8"] = ("int64_t", "INT64"),
            ["U8"] = ("uint64_t", "UINT64"),
            ["R4"] = ("float", "float"),
        };

        /// <summary>The folder the stubs were read from (its name is where the generator writes them).</summary>
        internal string Folder { get; private set; } = string.Empty;

        /// <summary>File name to text, for every file of the stub folder.</summary>
        internal Dictionary<string, string> Files { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        internal static InteropStubs Load(string folder)
        {
            var stubs = new InteropStubs { Folder = Path.GetFullPath(folder) };
            foreach (string path in Directory.EnumerateFiles(folder))
            {
                stubs.Files[Path.GetFileName(path)] = File.ReadAllText(path);
            }

            return stubs;
        }

        internal InteropStubs With(string file, Func<string, string> change)
        {
            var copy = new InteropStubs { Folder = Folder };
            foreach (var pair in Files)
            {
                copy.Files[pair.Key] = pair.Key == file ? change(pair.Value) : pair.Value;
            }

            return copy;
        }

        /// <summary>A copy with <paramref name="file"/> added (or replaced), or removed when <paramref name="text"/> is null.</summary>
        internal InteropStubs WithFile(string file, string text)
        {
            var copy = With(file, t => t);
            copy.Files.Remove(file);
            if (text != null)
            {
                copy.Files[file] = text;
            }

            return copy;
        }

        /// <summary>
        /// Every disagreement between the stubs, the table and the layout;
        /// empty when they agree. <paramref name="nativeVersion"/> is the
        /// managed assembly's AssemblyNativeVersion (for example "1.2.0.0").
        /// </summary>
        internal List<string> Compare(NativeMethodTable table, string nativeVersion, StubLayout layout)
        {
            if (layout == null)
            {
                throw new ArgumentNullException(nameof(layout));
            }

            var problems = new List<string>(layout.Problems);
            var classes = table.NativeEntries.Select(e => e.ClassName).Distinct().ToList();
            var expectedFiles = layout.Files(classes).ToList();
            foreach (string missing in expectedFiles.Where(f => !Files.ContainsKey(f)))
            {
                problems.Add($"missing {missing}");
            }

            foreach (string extra in Files.Keys.Where(f => !expectedFiles.Contains(f)).OrderBy(f => f, StringComparer.Ordinal))
            {
                problems.Add($"{extra} is no file the metadata processor writes in the {LayoutName(layout)} layout");
            }

            if (Path.GetFileName(Folder) != layout.RootName)
            {
                problems.Add($"the stubs are in {Path.GetFileName(Folder)}, the metadata processor writes them into a folder {layout.RootName} (NF_GenerateStubsRootName)");
            }

            string headerName = layout.ProjectName + ".h";
            string assemblyFile = layout.ProjectName + ".cpp";
            if (Files.ContainsKey(assemblyFile))
            {
                CompareAssemblyFile(table, layout, nativeVersion, Strip(Files[assemblyFile]), problems);
            }

            if (Files.ContainsKey(headerName))
            {
                CompareHeader(table, layout, Strip(Files[headerName]), problems);
            }

            CompareHandlers(table, layout, assemblyFile, problems);
            if (!layout.WithoutInterop)
            {
                foreach (string className in classes.Where(c => Files.ContainsKey($"{layout.ProjectName}_{c}.h")))
                {
                    CompareInteropClass(table, layout, className, problems);
                }
            }

            if (Files.ContainsKey(layout.CmakeModule))
            {
                CompareCmake(layout, classes, problems);
            }

            return problems;
        }

        /// <summary>The comparison with the layout SafetyMonitor.Native.nfproj selects (<see cref="StubLayout.OfSafetyMonitorNative"/>).</summary>
        internal List<string> Compare(NativeMethodTable table, string nativeVersion) =>
            Compare(table, nativeVersion, StubLayout.OfSafetyMonitorNative());

        private static string LayoutName(StubLayout layout) => layout.WithoutInterop ? "\"without interop\"" : "interop";

        private static List<string> Includes(string code) =>
            Include.Matches(code).Cast<Match>().Select(m => m.Groups["file"].Value).ToList();

        /// <summary>C++ text without comments and without the white space the compiler ignores.</summary>
        private static string Tokens(string code)
        {
            string text = Regex.Replace(code, @"/\*.*?\*/", " ", RegexOptions.Singleline);
            text = Regex.Replace(LineComment.Replace(text, " "), @"\s+", " ").Trim();
            return Regex.Replace(text, @" (?=\W)|(?<=\W) ", string.Empty);
        }

        /// <summary>One native method as the generator sees it: name, static, return and parameter type codes.</summary>
        private sealed class NativeSignature
        {
            internal string Handler = string.Empty;
            internal string Name = string.Empty;
            internal bool IsStatic;
            internal string Return = string.Empty;
            internal List<string> Parameters = new List<string>();

            internal static NativeSignature Parse(string libraryPrefix, NativeMethodTable.Entry entry)
            {
                int split = entry.MethodName.IndexOf("___", StringComparison.Ordinal);
                string rest = entry.MethodName.Substring(split + 3);
                bool isStatic = rest.StartsWith("STATIC__", StringComparison.Ordinal);
                var codes = (isStatic ? rest.Substring("STATIC__".Length) : rest).Split(new[] { "__" }, StringSplitOptions.None).ToList();
                return new NativeSignature
                {
                    Handler = entry.LookupText(libraryPrefix),
                    Name = entry.MethodName.Substring(0, split),
                    IsStatic = isStatic,
                    Return = codes[0],
                    Parameters = codes.Skip(1).ToList(),
                };
            }

            /// <summary>The native function's declaration after the return type: Name( type param0, ..., HRESULT &amp;hr ).</summary>
            internal string UserDeclaration() =>
                $"{Name}( {string.Concat(Parameters.Select((p, i) => $"{ScalarTypes[p].Native} param{i}, "))}HRESULT &hr )";
        }

        private static string SimpleClassName(NativeMethodTable.Entry entry) =>
            entry.TypeFullName.Split('/').Last().Split('.').Last();

        /// <summary>The class header and the marshalling file the generator writes, as text.</summary>
        private static (string Header, string Marshalling) RenderInteropClass(StubLayout layout, string className, string simpleName, List<NativeSignature> natives)
        {
            string guard = $"{layout.SafeRootName}_{layout.ProjectName}_{className}".ToUpperInvariant() + "_H";
            var header = new StringBuilder();
            header.Append($"#ifndef {guard}\n#define {guard}\nnamespace {layout.SafeRootName}\n{{\nnamespace {layout.ProjectName}\n{{\nstruct {simpleName}\n{{\n");
            foreach (var native in natives)
            {
                header.Append($"static {ScalarTypes[native.Return].Native} {native.UserDeclaration()};\n");
            }

            header.Append($"}};\n}}\n}}\n#endif // {guard}\n");

            var marshalling = new StringBuilder();
            marshalling.Append($"#include \"{layout.ProjectName}.h\"\n#include \"{layout.ProjectName}_{className}.h\"\n");
            marshalling.Append($"using namespace {layout.SafeRootName}::{layout.ProjectName};\n");
            foreach (var native in natives)
            {
                marshalling.Append($"HRESULT {native.Handler}( CLR_RT_StackFrame& stack )\n{{\nNANOCLR_HEADER(); hr = S_OK;\n{{\n");
                for (int i = 0; i < native.Parameters.Count; i++)
                {
                    var type = ScalarTypes[native.Parameters[i]];
                    marshalling.Append($"{type.Native} param{i};\n");
                    marshalling.Append($"NANOCLR_CHECK_HRESULT( Interop_Marshal_{type.Clr}( stack, {i + (native.IsStatic ? 0 : 1)}, param{i} ) );\n");
                }

                bool returns = native.Return != "VOID";
                string arguments = string.Concat(Enumerable.Range(0, native.Parameters.Count).Select(i => $"param{i}, "));
                marshalling.Append(returns ? $"{ScalarTypes[native.Return].Native} retValue = " : string.Empty);
                marshalling.Append($"{simpleName}::{native.Name}( {arguments}hr );\nNANOCLR_CHECK_HRESULT( hr );\n");
                marshalling.Append(returns ? $"SetResult_{ScalarTypes[native.Return].Clr}( stack, retValue );\n" : string.Empty);
                marshalling.Append("}\nNANOCLR_NOCLEANUP();\n}\n");
            }

            return (header.ToString(), marshalling.ToString());
        }

        private void CompareInteropClass(NativeMethodTable table, StubLayout layout, string className, List<string> problems)
        {
            var entries = table.NativeEntries.Where(e => e.ClassName == className).ToList();
            var natives = entries.Select(e => NativeSignature.Parse(layout.LibraryPrefix, e)).ToList();
            var unsupported = natives.SelectMany(n => n.Parameters.Append(n.Return)).Where(c => !ScalarTypes.ContainsKey(c)).Distinct().ToList();
            if (unsupported.Count > 0)
            {
                problems.Add($"the guard renders scalar types only, not {string.Join(", ", unsupported)}: extend ScalarTypes from the generator's type maps");
                return;
            }

            string simpleName = SimpleClassName(entries[0]);
            var rendered = RenderInteropClass(layout, className, simpleName, natives);
            string headerFile = $"{layout.ProjectName}_{className}.h";
            string marshallingFile = $"{layout.ProjectName}_{className}_mshl.cpp";
            foreach (var (file, text) in new[] { (headerFile, rendered.Header), (marshallingFile, rendered.Marshalling) })
            {
                if (Files.TryGetValue(file, out string actual) && Tokens(actual) != Tokens(text))
                {
                    problems.Add($"{file} is not what the metadata processor writes; expected (comments aside):\n{text}");
                }
            }

            string implementationFile = $"{layout.ProjectName}_{className}.cpp";
            if (!Files.TryGetValue(implementationFile, out string implementation))
            {
                return;
            }

            string code = Strip(implementation);
            var includes = Includes(code);
            var requiredIncludes = new[] { $"\"{layout.ProjectName}.h\"", $"\"{headerFile.Replace(".h", string.Empty)}.h\"" };
            if (!includes.Take(2).SequenceEqual(requiredIncludes))
            {
                problems.Add($"{implementationFile} must begin with the includes {string.Join(", ", requiredIncludes)}, as the generator writes it; it has {string.Join(", ", includes)}");
            }

            string tokens = Tokens(code);
            if (!tokens.Contains(Tokens($"using namespace {layout.SafeRootName}::{layout.ProjectName};"), StringComparison.Ordinal))
            {
                problems.Add($"{implementationFile} lacks using namespace {layout.SafeRootName}::{layout.ProjectName};");
            }

            foreach (var native in natives)
            {
                string definition = Tokens($"{ScalarTypes[native.Return].Native} {simpleName}::{native.UserDeclaration()}") + "{";
                int count = Regex.Matches(tokens, @"(?<![\w:])" + Regex.Escape(definition)).Count;
                if (count != 1)
                {
                    problems.Add($"{implementationFile} defines {ScalarTypes[native.Return].Native} {simpleName}::{native.UserDeclaration()} {count} times, expected once");
                }
            }
        }

        private static string Strip(string code) => LineComment.Replace(code, string.Empty);

        private static void CompareAssemblyFile(NativeMethodTable table, StubLayout layout, string nativeVersion, string code, List<string> problems)
        {
            var includes = Includes(code);
            if (!includes.SequenceEqual(new[] { $"\"{layout.ProjectName}.h\"" }))
            {
                problems.Add($"{layout.ProjectName}.cpp includes {string.Join(", ", includes)}; the generator's includes only \"{layout.ProjectName}.h\"");
            }

            Match lookup = LookupBlock.Match(code);
            if (!lookup.Success)
            {
                problems.Add("no method_lookup table");
            }
            else
            {
                var entries = lookup.Groups["entries"].Value.Split(',').Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
                var expected = table.Entries.Select(e => e.LookupText(layout.LibraryPrefix)).ToList();
                if (entries.Count != expected.Count)
                {
                    problems.Add($"method_lookup has {entries.Count} entries, the managed assembly needs {expected.Count}");
                }

                for (int i = 0; i < Math.Min(entries.Count, expected.Count); i++)
                {
                    string actual = entries[i] == "nullptr" ? "NULL" : entries[i];
                    if (actual != expected[i])
                    {
                        problems.Add($"method_lookup[{i}] is {entries[i]}, expected {expected[i]}");
                    }
                }
            }

            Match record = AssemblyRecord.Match(code);
            if (!record.Success)
            {
                problems.Add("no CLR_RT_NativeAssemblyData record");
                return;
            }

            if (record.Groups["symbol"].Value != layout.AssemblyDataName)
            {
                problems.Add($"native assembly data is {record.Groups["symbol"].Value}, expected {layout.AssemblyDataName}");
            }

            if (record.Groups["name"].Value != table.AssemblyName)
            {
                problems.Add($"assembly name \"{record.Groups["name"].Value}\", expected \"{table.AssemblyName}\"");
            }

            uint checksum = Convert.ToUInt32(record.Groups["checksum"].Value, 16);
            if (checksum != table.Checksum)
            {
                problems.Add($"native checksum 0x{checksum:X8}, the managed assembly's is 0x{table.Checksum:X8}");
            }

            string version = Regex.Replace(record.Groups["version"].Value, @"\s*,\s*", ".");
            if (version != nativeVersion)
            {
                problems.Add($"native version {version}, the managed AssemblyNativeVersion is {nativeVersion}");
            }
        }

        private static void CompareHeader(NativeMethodTable table, StubLayout layout, string code, List<string> problems)
        {
            var includes = Includes(code);
            var expectedIncludes = layout.HeaderIncludes().ToList();
            if (!includes.SequenceEqual(expectedIncludes))
            {
                problems.Add($"{layout.ProjectName}.h includes {string.Join(", ", includes)}; the generator's includes {string.Join(", ", expectedIncludes)}");
            }

            if (!Tokens(code).Contains(Tokens($"extern const CLR_RT_NativeAssemblyData {layout.AssemblyDataName};"), StringComparison.Ordinal))
            {
                problems.Add($"{layout.ProjectName}.h does not declare extern const CLR_RT_NativeAssemblyData {layout.AssemblyDataName}");
            }

            var declared = StructBlock.Matches(code).Cast<Match>()
                .SelectMany(s => Declaration.Matches(s.Groups["body"].Value).Cast<Match>()
                    .Select(d => s.Groups["name"].Value + "::" + d.Groups["method"].Value))
                .ToList();
            var expected = table.NativeEntries.Select(e => e.LookupText(layout.LibraryPrefix)).ToList();
            foreach (string missing in expected.Except(declared))
            {
                problems.Add($"header does not declare {missing}");
            }

            foreach (string extra in declared.Except(expected))
            {
                problems.Add($"header declares {extra}, which is no native method");
            }

            if (!declared.Except(expected).Any() && !expected.Except(declared).Any() && !declared.SequenceEqual(expected))
            {
                problems.Add("header declares the natives in another order than the method table");
            }
        }

        /// <summary>Each handler defined once, in the file the layout puts it in (_mshl.cpp, or the class's .cpp without interop).</summary>
        private void CompareHandlers(NativeMethodTable table, StubLayout layout, string assemblyFile, List<string> problems)
        {
            var defined = Files.Where(f => f.Key.EndsWith(".cpp", StringComparison.Ordinal) && f.Key != assemblyFile)
                .SelectMany(f => Definition.Matches(Strip(f.Value)).Cast<Match>()
                    .Select(d => d.Groups["class"].Value + "::" + d.Groups["method"].Value))
                .ToList();
            foreach (var entry in table.NativeEntries)
            {
                string handler = entry.LookupText(layout.LibraryPrefix);
                int count = defined.Count(d => d == handler);
                if (count != 1)
                {
                    problems.Add($"handler {handler} is defined {count} times, expected once");
                }

                string classFile = $"{layout.ProjectName}_{entry.ClassName}{(layout.WithoutInterop ? string.Empty : "_mshl")}.cpp";
                if (!Files.TryGetValue(classFile, out string text) || !Definition.Matches(Strip(text)).Cast<Match>()
                        .Any(d => d.Groups["class"].Value + "::" + d.Groups["method"].Value == handler))
                {
                    problems.Add($"handler {handler} is not in {classFile}");
                }
            }

            var expected = new HashSet<string>(table.NativeEntries.Select(e => e.LookupText(layout.LibraryPrefix)));
            foreach (string extra in defined.Where(d => !expected.Contains(d)).Distinct())
            {
                problems.Add($"handler {extra} is defined but is no native method");
            }
        }

        /// <summary>
        /// The module: its base path, and its source list, which holds exactly the
        /// stubs the layout has, in the generator's order, followed by files of
        /// native-interop/ (paths with a '/', which the installer copies).
        /// </summary>
        private void CompareCmake(StubLayout layout, List<string> classes, List<string> problems)
        {
            string cmakeFile = layout.CmakeModule;
            string cmake = Files[cmakeFile];
            Match basePath = ModuleBasePath.Match(cmake);
            if (!basePath.Success || basePath.Groups["path"].Value != layout.CmakeBasePath)
            {
                problems.Add($"{cmakeFile} must set BASE_PATH_FOR_THIS_MODULE to {layout.CmakeBasePath}");
            }

            Match sources = ModuleSources.Match(cmake);
            if (!sources.Success || sources.Groups["name"].Value != layout.AssemblyName)
            {
                problems.Add($"{cmakeFile} has no set({layout.AssemblyName}_SRCS ...)");
                return;
            }

            var listed = sources.Groups["list"].Value.Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).ToList();
            var stubs = listed.Where(f => !f.Contains('/')).ToList();
            var expected = layout.StubSources(classes).ToList();
            if (!stubs.SequenceEqual(expected))
            {
                problems.Add($"{cmakeFile} lists the stubs {string.Join(" ", stubs)}; the {LayoutName(layout)} layout has {string.Join(" ", expected)}");
            }

            foreach (string cpp in Files.Keys.Where(f => f.EndsWith(".cpp", StringComparison.Ordinal) && !stubs.Contains(f)))
            {
                problems.Add($"{cmakeFile} does not list {cpp}");
            }

            foreach (string stub in stubs.Where(f => !Files.ContainsKey(f)))
            {
                problems.Add($"{cmakeFile} lists {stub}, which is not in the stub folder");
            }

            string interop = Path.GetDirectoryName(Path.GetDirectoryName(Folder)) ?? string.Empty;
            foreach (string path in listed.Where(f => f.Contains('/')))
            {
                if (!File.Exists(Path.Combine(interop, path.Replace('/', Path.DirectorySeparatorChar))))
                {
                    problems.Add($"{cmakeFile} lists {path}, which is not in native-interop/");
                }
            }

            if (!cmake.Contains($"{layout.AssemblyName}_INCLUDE_DIRS", StringComparison.Ordinal)
                || !cmake.Contains($"{layout.AssemblyName}_SOURCES", StringComparison.Ordinal))
            {
                problems.Add($"{cmakeFile} must set {layout.AssemblyName}_INCLUDE_DIRS and {layout.AssemblyName}_SOURCES");
            }
        }
    }
}
