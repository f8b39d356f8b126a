using System;
using System.IO;

namespace SafetyMonitor.Conformance.Tests
{
    /// <summary>Paths in the repository the tests read.</summary>
    internal static class Repository
    {
        private static readonly Lazy<string> RootPath = new Lazy<string>(FindRoot);

        internal static string Root => RootPath.Value;

        internal static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

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
