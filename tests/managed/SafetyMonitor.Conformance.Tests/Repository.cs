using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SafetyMonitor.Conformance.Tests
{
    /// <summary>Paths in the repository the tests read.</summary>
    internal static class Repository
    {
        private static readonly Lazy<string> RootPath = new Lazy<string>(FindRoot);

        internal static string Root => RootPath.Value;

        internal static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

        /// <summary>The C# files of a managed project folder (bin and obj excluded).</summary>
        internal static IEnumerable<string> SourcesOf(string projectFolder)
        {
            string folder = PathOf(projectFolder);
            return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !IsBuildOutput(Path.GetRelativePath(folder, f)))
                .OrderBy(f => f, StringComparer.Ordinal);
        }

        private static bool IsBuildOutput(string relative)
        {
            string first = relative.Split(Path.DirectorySeparatorChar)[0];
            return first == "bin" || first == "obj";
        }

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SafetyMonitor.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException($"No SafetyMonitor.sln above {AppContext.BaseDirectory}");
        }
    }
}
