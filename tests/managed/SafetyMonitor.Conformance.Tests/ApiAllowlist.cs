using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SafetyMonitor.Conformance.Tests
{
    /// <summary>
    /// The members of the nanoFramework assemblies that cannot be had here
    /// (their packages are not on the NuGet registry these machines reach)
    /// that the managed code may use: one entry per line,
    /// <c>signature | source</c>, where source names the repository, the
    /// version and the file the signature was read from. '#' starts a comment
    /// line. The repository names the NuGet package the member ships in
    /// (nanoframework/X: package X); a project may use it only when its
    /// packages.config references that package.
    /// </summary>
    /// <remarks>
    /// Such names do not bind: a type's simple name (and, for a namespace, its
    /// first part) is accepted where it is listed, and a member accessed on a
    /// listed type must be listed with that type (any overload). Members of the
    /// assemblies that can be had (the real mscorlib, the Runtime.Native
    /// declarations proved by their checksum) are checked by the compiler and
    /// may not be listed: the list refuses them.
    /// </remarks>
    internal sealed class ApiAllowlist
    {
        internal const string FileName = "nanoframework-stable-api.txt";
        private static readonly Regex SourcePattern = new Regex(
            @"^nanoframework/[A-Za-z0-9.\-]+@[0-9A-Za-z.\-]+: [^ ]+\.cs$", RegexOptions.CultureInvariant);
        private static readonly Regex RepositoryPattern = new Regex(@"^nanoframework/(?<repo>[A-Za-z0-9.\-]+)@", RegexOptions.CultureInvariant);
        private readonly HashSet<string> _signatures = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, SortedSet<string>> _unboundNames = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        private readonly HashSet<string> _members = new HashSet<string>(StringComparer.Ordinal);

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
                if (fields.Length != 2 || fields[0].Length == 0)
                {
                    throw new FormatException($"{FileName} line {number}: expected 'signature | source'");
                }

                var entry = new Entry(fields[0], fields[1], number);
                if (entry.Package == null)
                {
                    throw new FormatException($"{FileName} line {number}: the source must name a nanoframework/<repository>@<commit>");
                }

                if (NanoFrameworkReferences.Resolve(NanoFrameworkReferences.AssemblyOf(entry.Package)) != null)
                {
                    throw new FormatException($"{FileName} line {number}: {entry.Package} can be had here and the compiler checks its members: do not list {entry.Signature}");
                }

                if (!list._signatures.Add(entry.Signature))
                {
                    throw new FormatException($"{FileName} line {number}: {entry.Signature} is listed twice");
                }

                list.Entries.Add(entry);
                string path = entry.Signature.Split('(')[0];
                string[] parts = path.Split('.');
                foreach (string part in parts)
                {
                    list.AddUnbound(part, entry.Package);
                }

                if (parts[parts.Length - 1].EndsWith("Attribute", StringComparison.Ordinal))
                {
                    list.AddUnbound(parts[parts.Length - 1].Substring(0, parts[parts.Length - 1].Length - "Attribute".Length), entry.Package);
                }

                for (int i = 1; i < parts.Length; i++)
                {
                    list._members.Add(parts[i - 1] + "." + parts[i]);
                }
            }

            return list;
        }

        /// <summary>Whether a simple name that does not bind here is listed (as a type, a namespace root or an attribute).</summary>
        internal bool AcceptsUnbound(string simpleName) => _unboundNames.ContainsKey(simpleName);

        /// <summary>The packages a listed unbound name ships in.</summary>
        internal IReadOnlyCollection<string> PackagesOfUnbound(string simpleName) =>
            _unboundNames.TryGetValue(simpleName, out SortedSet<string> packages) ? (IReadOnlyCollection<string>)packages : new string[0];

        /// <summary>Whether <c>Left.Right</c> (simple names: a type and its member, or two parts of a namespace) is listed, in any overload.</summary>
        internal bool ContainsMember(string typeName, string memberName) => _members.Contains(typeName + "." + memberName);

        /// <summary>nanoframework/CoreLibrary ships as nanoFramework.CoreLibrary; nanoframework/X as package X.</summary>
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

        private void AddUnbound(string name, string package)
        {
            if (!_unboundNames.TryGetValue(name, out SortedSet<string> packages))
            {
                packages = new SortedSet<string>(StringComparer.Ordinal);
                _unboundNames.Add(name, packages);
            }

            packages.Add(package);
        }

        /// <summary>One allowed member.</summary>
        internal sealed class Entry
        {
            internal Entry(string signature, string source, int line)
            {
                Signature = signature;
                Source = source;
                Line = line;
                Package = PackageOfSource(source);
            }

            internal string Signature { get; }

            internal string Source { get; }

            internal int Line { get; }

            /// <summary>The NuGet package the member ships in.</summary>
            internal string Package { get; }
        }
    }
}
