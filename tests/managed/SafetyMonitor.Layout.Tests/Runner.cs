using System.IO;
using Xunit;

namespace SafetyMonitor.Layout.Tests
{
    /// <summary>Runs the command as a user would, capturing its output.</summary>
    internal sealed record Run(int Exit, string Output, string Error)
    {
        internal static Run Of(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = Program.Run(args, output, error);
            return new Run(exit, output.ToString(), error.ToString());
        }

        /// <summary>Input the tool cannot use: exit 2, one line on stderr saying why (no stack trace), nothing on stdout.</summary>
        internal void AssertUnusable(string expected)
        {
            Assert.Equal(Program.Unusable, Exit);
            Assert.Contains(expected, Error);
            Assert.Single(Error.TrimEnd('\n').Split('\n'));
            Assert.DoesNotContain("   at ", Error);
            Assert.Equal(string.Empty, Output);
        }

        internal static Run OnBytes(byte[] image, params string[] extra)
        {
            string path = Path.Combine(Path.GetTempPath(), "safetymon-" + System.Guid.NewGuid().ToString("N") + ".elf");
            File.WriteAllBytes(path, image);
            try
            {
                var args = new string[extra.Length + 2];
                args[0] = "layout";
                args[1] = path;
                extra.CopyTo(args, 2);
                return Of(args);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
