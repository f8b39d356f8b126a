using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SafetyMonitor.Conformance.Tests
{
    /// <summary>
    /// The stable nanoFramework APIs the managed code may use: one entry per
    /// line, <c>signature | source</c>, where source names the repository, the
    /// version and the file the signature was read from, optionally followed
    /// by <c>| nanoFramework only</c> for a type .NET does not have (such a
    /// name cannot bind here and is accepted by its simple name). '#' starts a
    /// comment line. The repository names the NuGet package the API ships in
    /// (nanoframework/CoreLibrary: nanoFramework.CoreLibrary, mscorlib;
    /// any other nanoframework/X: package X): a project may use an API only
    /// when its packages.config references that package.
    /// </summary>
    internal sealed class ApiAllowlist
    {
        internal const string FileName = "nanoframework-stable-api.txt";
        private const string NanoFrameworkOnly = "nanoFramework only";

        private static readonly Regex SourcePattern = new Regex(
            @"^nanoframework/[A-Za-z0-9.\-]+@[0-9A-Za-z.\-]+: [^ ]+\.cs$", RegexOptions.CultureInvariant);

        private static readonly Regex RepositoryPattern = new Regex(@"^nanoframework/(?<repo>[A-Za-z0-9.\-]+)@", RegexOptions.CultureInvariant);

        private readonly Dictionary<string, string> _signatures = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _unboundNames = new Dictionary<string, string>(StringComparer.Ordinal);

        internal List<Entry> Entries { get; } = new List<Entry>();

        internal static ApiAllowlist Load(string path) => Parse(File.ReadAllLines(path));

        internal static ApiAllowlist Parse(IEnumerable<string> lines)
        {
            var list = new ApiAllowlist();
            int number = 0;
            foreach (string raw in lines)
            {
                number++;
                string line = raw.Trim();
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                string[] fields = line.Split('|').Select(f => f.Trim()).ToArray();
                if (fields.Length < 2 || fields.Length > 3 || fields[0].Length == 0)
                {
                    throw new FormatException($"{FileName} line {number}: expected 'signature | source [| {NanoFrameworkOnly}]'");
                }

                if (fields.Length == 3 && fields[2] != NanoFrameworkOnly)
                {
                    throw new FormatException($"{FileName} line {number}: the third field may only be '{NanoFrameworkOnly}'");
                }

                var entry = new Entry(fields[0], fields[1], fields.Length == 3, number);
                list.Entries.Add(entry);
                if (list._signatures.ContainsKey(entry.Signature))
                {
                    throw new FormatException($"{FileName} line {number}: {entry.Signature} is listed twice");
                }

                list._signatures.Add(entry.Signature, entry.Package);
                if (entry.NanoFrameworkOnly)
                {
                    string typeName = entry.Signature.Split('(')[0].Split('.').Last();
                    list._unboundNames[typeName] = entry.Package;
                    if (typeName.EndsWith("Attribute", StringComparison.Ordinal))
                    {
                        list._unboundNames[typeName.Substring(0, typeName.Length - "Attribute".Length)] = entry.Package;
                    }
                }
            }

            return list;
        }

        internal bool Contains(string signature) => _signatures.ContainsKey(signature);

        internal bool AcceptsUnbound(string simpleName) => _unboundNames.ContainsKey(simpleName);

        /// <summary>The NuGet package a listed API ships in (null for an unknown source).</summary>
        internal string PackageOf(string signature) => _signatures.TryGetValue(signature, out string package) ? package : null;

        /// <summary>The NuGet package a listed nanoFramework-only name ships in.</summary>
        internal string PackageOfUnbound(string simpleName) => _unboundNames.TryGetValue(simpleName, out string package) ? package : null;

        /// <summary>nanoframework/CoreLibrary ships as nanoFramework.CoreLibrary; nanoframework/X as X.</summary>
        internal static string PackageOfSource(string source)
        {
            Match repository = RepositoryPattern.Match(source);
            if (!repository.Success)
            {
                return null;
            }

            string repo = repository.Groups["repo"].Value;
            return repo == "CoreLibrary" ? "nanoFramework.CoreLibrary" : repo;
        }

        internal static bool IsSourceReference(string source) => SourcePattern.IsMatch(source);

        /// <summary>One allowed API.</summary>
        internal sealed class Entry
        {
            internal Entry(string signature, string source, bool nanoFrameworkOnly, int line)
            {
                Signature = signature;
                Source = source;
                NanoFrameworkOnly = nanoFrameworkOnly;
                Line = line;
                Package = PackageOfSource(source);
            }

            internal string Signature { get; }

            internal string Source { get; }

            internal bool NanoFrameworkOnly { get; }

            internal int Line { get; }

            /// <summary>The NuGet package the API ships in.</summary>
            internal string Package { get; }
        }
    }
}
