using System;
using System.Collections.Generic;

namespace SafetyMonitor.Layout.Runner
{
    /// <summary>
    /// The result lines of nanoFramework.TestFramework's UnitTestLauncher
    /// (nanoFramework.TestFramework d4fa55eb, source/UnitTestLauncher/Program.cs):
    /// for every Setup, test, data row and Cleanup method it prints one line,
    /// "Test passed,&lt;Type.Method.index&gt;,&lt;ticks&gt;",
    /// "Test failed,&lt;Type.Method.index&gt;,&lt;exception message&gt;" or
    /// "Test skipped,&lt;Type.Method.index&gt;,&lt;message&gt;" (the message may hold
    /// commas). Visual Studio's adapter reads the same lines
    /// (source/TestAdapter/Executor.cs, ParseTestResults). A thread that dies
    /// of an exception nothing caught makes a debug nanoCLR print
    /// " Uncaught exception " (src/CLR/Core/Thread.cpp, nf-interpreter
    /// a3e8139a): the launcher or a test's thread died, so the run cannot be
    /// trusted to have run every test.
    /// </summary>
    public sealed class TestResults
    {
        private const string PassedPrefix = "Test passed,";
        private const string FailedPrefix = "Test failed,";
        private const string SkippedPrefix = "Test skipped,";
        private const string UncaughtLine = "Uncaught exception";

        private readonly List<string> _failedNames = new();

        /// <summary>Methods that passed.</summary>
        public int Passed { get; private set; }

        /// <summary>Methods that failed, and result lines the runner could not read (counted as failures).</summary>
        public int Failed { get; private set; }

        /// <summary>Methods skipped (SkipTestException).</summary>
        public int Skipped { get; private set; }

        /// <summary>" Uncaught exception " lines.</summary>
        public int Uncaught { get; private set; }

        /// <summary>The names of the failed methods (or the unreadable lines), in order.</summary>
        public IReadOnlyList<string> FailedNames => _failedNames;

        /// <summary>Whether any result line was seen.</summary>
        public bool Any => Passed + Failed + Skipped > 0;

        /// <summary>The one summary line: "N passed, N failed".</summary>
        public string Summary => $"{Passed} passed, {Failed} failed";

        /// <summary>Reads the device's lines.</summary>
        /// <param name="lines">The lines, CR/LF removed.</param>
        /// <returns>The counts.</returns>
        public static TestResults Parse(IEnumerable<string> lines)
        {
            ArgumentNullException.ThrowIfNull(lines);
            var results = new TestResults();
            foreach (string line in lines)
            {
                results.Add(line);
            }

            return results;
        }

        private void Add(string line)
        {
            if (line.StartsWith(PassedPrefix, StringComparison.Ordinal))
            {
                // Exactly a name and a tick count; anything else is not a
                // line the launcher wrote, and must not count as a pass.
                string[] fields = line.Split(',');
                if (fields.Length == 3 && fields[1].Length > 0 && long.TryParse(fields[2], out _))
                {
                    Passed++;
                }
                else
                {
                    Failed++;
                    _failedNames.Add("unreadable result line: " + line);
                }
            }
            else if (line.StartsWith(FailedPrefix, StringComparison.Ordinal))
            {
                Failed++;
                string rest = line.Substring(FailedPrefix.Length);
                int comma = rest.IndexOf(',');
                _failedNames.Add(comma >= 0 ? rest.Substring(0, comma) : rest);
            }
            else if (line.StartsWith(SkippedPrefix, StringComparison.Ordinal))
            {
                Skipped++;
            }
            else if (line.Trim() == UncaughtLine)
            {
                Uncaught++;
            }
        }
    }
}
