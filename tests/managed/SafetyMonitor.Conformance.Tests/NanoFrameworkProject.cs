using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SafetyMonitor.Conformance.Tests
{
    /// <summary>
    /// What a .nfproj tells nanoFramework's build: the assembly, its output
    /// kind, its language version, its Compile items, its project references
    /// and its assembly references, read from the file itself (nanoFramework's
    /// project system compiles exactly the Compile items; nothing is globbed).
    /// </summary>
    internal sealed class NanoFrameworkProject
    {
        internal static readonly XNamespace Msb = "http://schemas.microsoft.com/developer/msbuild/2003";

        private NanoFrameworkProject(string path, XDocument document)
        {
            FilePath = path;
            Folder = System.IO.Path.GetDirectoryName(path);
            AssemblyName = Required(path, document, "AssemblyName");
            string outputType = Required(path, document, "OutputType");
            switch (outputType)
            {
                case "Library":
                    OutputKind = OutputKind.DynamicallyLinkedLibrary;
                    break;
                case "Exe":
                    OutputKind = OutputKind.ConsoleApplication;
                    break;
                default:
                    throw new InvalidDataException($"{path}: OutputType '{outputType}' is neither Library nor Exe");
            }

            string langVersion = Required(path, document, "LangVersion");
            if (!LanguageVersionFacts.TryParse(langVersion, out LanguageVersion version))
            {
                throw new InvalidDataException($"{path}: LangVersion '{langVersion}' is not a C# language version");
            }

            LanguageVersion = version;
            DocumentationFile = document.Descendants(Msb + "DocumentationFile").FirstOrDefault()?.Value;
            CompileItems = document.Descendants(Msb + "Compile").Select(c => Normalise(c.Attribute("Include").Value)).ToList();
            ProjectReferences = document.Descendants(Msb + "ProjectReference")
                .Select(r => System.IO.Path.GetFullPath(System.IO.Path.Combine(Folder, Normalise(r.Attribute("Include").Value))))
                .ToList();
            References = document.Descendants(Msb + "Reference").Select(r => r.Attribute("Include").Value.Split(',')[0].Trim()).ToList();
            string packagesConfig = System.IO.Path.Combine(Folder, "packages.config");
            Packages = File.Exists(packagesConfig)
                ? XDocument.Load(packagesConfig).Descendants("package").Select(p => p.Attribute("id").Value).ToList()
                : new List<string>();
        }

        /// <summary>Full path of the .nfproj.</summary>
        internal string FilePath { get; }

        /// <summary>The project's folder.</summary>
        internal string Folder { get; }

        internal string AssemblyName { get; }

        internal OutputKind OutputKind { get; }

        /// <summary>The .nfproj's LangVersion (required: the compiler's default changes with each SDK).</summary>
        internal LanguageVersion LanguageVersion { get; }

        /// <summary>The DocumentationFile, if any: then missing XML docs are warnings, as in Visual Studio.</summary>
        internal string DocumentationFile { get; }

        /// <summary>The Compile items, relative to the project folder, '/' separated, as listed.</summary>
        internal IReadOnlyList<string> CompileItems { get; }

        /// <summary>Full paths of the referenced .nfproj files.</summary>
        internal IReadOnlyList<string> ProjectReferences { get; }

        /// <summary>Simple names of the referenced assemblies (mscorlib, nanoFramework.Hardware.Stm32, ...).</summary>
        internal IReadOnlyList<string> References { get; }

        /// <summary>The package ids of packages.config.</summary>
        internal IReadOnlyList<string> Packages { get; }

        internal static NanoFrameworkProject Load(string path) => new NanoFrameworkProject(System.IO.Path.GetFullPath(path), XDocument.Load(path));

        /// <summary>
        /// The .nfproj files SafetyMonitor.sln (or another solution) lists,
        /// ordered so that each comes after the projects it references.
        /// </summary>
        internal static IReadOnlyList<NanoFrameworkProject> OfSolution(string solution)
        {
            string root = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(solution));
            var listed = File.ReadAllLines(solution)
                .Where(l => l.StartsWith("Project(", StringComparison.Ordinal))
                .Select(l => l.Split(',')[1].Trim().Trim('"'))
                .Where(p => p.EndsWith(".nfproj", StringComparison.OrdinalIgnoreCase))
                .Select(p => Load(System.IO.Path.Combine(root, Normalise(p))))
                .ToList();
            var ordered = new List<NanoFrameworkProject>();
            var remaining = new List<NanoFrameworkProject>(listed);
            while (remaining.Count > 0)
            {
                NanoFrameworkProject next = remaining.FirstOrDefault(p => p.ProjectReferences.All(r => ordered.Any(o => o.FilePath == r)));
                if (next == null)
                {
                    throw new InvalidDataException($"{solution}: {remaining[0].FilePath} references a project the solution does not list, or the references form a cycle");
                }

                ordered.Add(next);
                remaining.Remove(next);
            }

            return ordered;
        }

        /// <summary>The C# files on disk in the project's folder (bin and obj excluded), relative, '/' separated.</summary>
        internal IReadOnlyList<string> SourcesOnDisk() =>
            Directory.EnumerateFiles(Folder, "*.cs", SearchOption.AllDirectories)
                .Select(f => System.IO.Path.GetRelativePath(Folder, f).Replace('\\', '/'))
                .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();

        /// <summary>
        /// One line per disagreement between the Compile items and the files
        /// on disk: a file the .nfproj does not list would be left out of
        /// nanoFramework's build; an item with no file breaks it.
        /// </summary>
        internal IReadOnlyList<string> CompileItemMismatches()
        {
            var onDisk = SourcesOnDisk();
            var problems = new List<string>();
            problems.AddRange(onDisk.Except(CompileItems, StringComparer.Ordinal)
                .Select(f => $"{FilePath}: {f} is on disk but not a Compile item: nanoFramework's build leaves it out"));
            problems.AddRange(CompileItems.Except(onDisk, StringComparer.Ordinal)
                .Select(f => $"{FilePath}: Compile item {f} has no file"));
            problems.AddRange(CompileItems.GroupBy(f => f, StringComparer.Ordinal).Where(g => g.Count() > 1)
                .Select(g => $"{FilePath}: Compile item {g.Key} is listed twice"));
            return problems;
        }

        /// <summary>The Compile items' full paths, in the .nfproj's order.</summary>
        internal IEnumerable<string> CompilePaths() => CompileItems.Select(f => System.IO.Path.Combine(Folder, f));

        private static string Normalise(string include) => include.Replace('\\', '/');

        private static string Required(string path, XDocument document, string property)
        {
            string value = document.Descendants(Msb + property).FirstOrDefault()?.Value;
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidDataException($"{path}: no {property}");
            }

            return value.Trim();
        }
    }
}
