using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SafetyMonitor.Conformance.Tests
{
    /// <summary>
    /// The interop stubs of a native assembly as text (the files nanoFramework's
    /// metadata processor lays out), and their comparison with the method table
    /// derived from the managed assembly.
    /// </summary>
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

        /// <summary>File name to text, for every file of the stub folder.</summary>
        internal Dictionary<string, string> Files { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        internal static InteropStubs Load(string folder)
        {
            var stubs = new InteropStubs();
            foreach (string path in Directory.EnumerateFiles(folder))
            {
                stubs.Files[Path.GetFileName(path)] = File.ReadAllText(path);
            }

            return stubs;
        }

        internal InteropStubs With(string file, Func<string, string> change)
        {
            var copy = new InteropStubs();
            foreach (var pair in Files)
            {
                copy.Files[pair.Key] = pair.Key == file ? change(pair.Value) : pair.Value;
            }

            return copy;
        }

        /// <summary>
        /// Every disagreement between the stubs and the table; empty when they
        /// agree. <paramref name="nativeVersion"/> is the managed assembly's
        /// AssemblyNativeVersion (for example "1.2.0.0").
        /// </summary>
        internal List<string> Compare(NativeMethodTable table, string nativeVersion)
        {
            var problems = new List<string>();
            string safeName = table.AssemblyName.Replace('.', '_');
            string headerName = safeName + ".h";
            string assemblyFile = safeName + ".cpp";
            string cmakeFile = $"FindINTEROP-{table.AssemblyName}.cmake";
            foreach (string required in new[] { headerName, assemblyFile, cmakeFile })
            {
                if (!Files.ContainsKey(required))
                {
                    problems.Add($"missing {required}");
                }
            }

            if (problems.Count > 0)
            {
                return problems;
            }

            CompareAssemblyFile(table, nativeVersion, Strip(Files[assemblyFile]), problems);
            CompareHeader(table, Strip(Files[headerName]), problems);
            CompareHandlers(table, assemblyFile, problems);
            CompareCmake(table, cmakeFile, problems);
            return problems;
        }

        private static string Strip(string code) => LineComment.Replace(code, string.Empty);

        private static void CompareAssemblyFile(NativeMethodTable table, string nativeVersion, string code, List<string> problems)
        {
            Match lookup = LookupBlock.Match(code);
            if (!lookup.Success)
            {
                problems.Add("no method_lookup table");
            }
            else
            {
                var entries = lookup.Groups["entries"].Value.Split(',').Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
                var expected = table.Entries.Select(e => e.LookupText(table.LibraryPrefix)).ToList();
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

            if (record.Groups["symbol"].Value != table.AssemblyDataName)
            {
                problems.Add($"native assembly data is {record.Groups["symbol"].Value}, expected {table.AssemblyDataName}");
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

        private static void CompareHeader(NativeMethodTable table, string code, List<string> problems)
        {
            var declared = StructBlock.Matches(code).Cast<Match>()
                .SelectMany(s => Declaration.Matches(s.Groups["body"].Value).Cast<Match>()
                    .Select(d => s.Groups["name"].Value + "::" + d.Groups["method"].Value))
                .ToList();
            var expected = table.NativeEntries.Select(e => e.LookupText(table.LibraryPrefix)).ToList();
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

        private void CompareHandlers(NativeMethodTable table, string assemblyFile, List<string> problems)
        {
            var defined = Files.Where(f => f.Key.EndsWith(".cpp", StringComparison.Ordinal) && f.Key != assemblyFile)
                .SelectMany(f => Definition.Matches(Strip(f.Value)).Cast<Match>()
                    .Select(d => d.Groups["class"].Value + "::" + d.Groups["method"].Value))
                .ToList();
            foreach (var entry in table.NativeEntries)
            {
                string handler = entry.LookupText(table.LibraryPrefix);
                int count = defined.Count(d => d == handler);
                if (count != 1)
                {
                    problems.Add($"handler {handler} is defined {count} times, expected once");
                }

                string classFile = $"{table.AssemblyName.Replace('.', '_')}_{entry.ClassName}.cpp";
                if (!Files.TryGetValue(classFile, out string text) || !Definition.Matches(Strip(text)).Cast<Match>()
                        .Any(d => d.Groups["class"].Value + "::" + d.Groups["method"].Value == handler))
                {
                    problems.Add($"handler {handler} is not in {classFile}");
                }
            }

            var expected = new HashSet<string>(table.NativeEntries.Select(e => e.LookupText(table.LibraryPrefix)));
            foreach (string extra in defined.Where(d => !expected.Contains(d)).Distinct())
            {
                problems.Add($"handler {extra} is defined but is no native method");
            }
        }

        private void CompareCmake(NativeMethodTable table, string cmakeFile, List<string> problems)
        {
            string cmake = Files[cmakeFile];
            foreach (string cpp in Files.Keys.Where(f => f.EndsWith(".cpp", StringComparison.Ordinal)))
            {
                if (!Regex.IsMatch(cmake, @"(^|\s)" + Regex.Escape(cpp) + @"(\s|$)", RegexOptions.Multiline))
                {
                    problems.Add($"{cmakeFile} does not list {cpp}");
                }
            }

            if (!cmake.Contains($"{table.AssemblyName}_INCLUDE_DIRS", StringComparison.Ordinal)
                || !cmake.Contains($"{table.AssemblyName}_SOURCES", StringComparison.Ordinal))
            {
                problems.Add($"{cmakeFile} must set {table.AssemblyName}_INCLUDE_DIRS and {table.AssemblyName}_SOURCES");
            }
        }
    }
}
