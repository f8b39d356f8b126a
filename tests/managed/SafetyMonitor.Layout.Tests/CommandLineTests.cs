using System.Diagnostics;
using System.IO;
using Xunit;

namespace SafetyMonitor.Layout.Tests
{
    /// <summary>
    /// The command line, parsed by System.CommandLine: help and version on
    /// every command exit 0; usage errors exit 2 with the library's message;
    /// every option keeps its behaviour; the exit codes hold for the real
    /// executable too.
    /// </summary>
    public class CommandLineTests
    {
        [Theory]
        [InlineData("--help")]
        [InlineData("-h")]
        [InlineData("layout", "--help")]
        [InlineData("layout", "-h")]
        [InlineData("layout", "firmware.elf", "--help")]
        public void HelpExitsZero(params string[] args)
        {
            Run run = Run.Of(args);
            Assert.Equal(Program.Holds, run.Exit);
            Assert.Contains(args[0] == "layout" ? "safetymon layout <firmware.elf> [options]" : "safetymon [command] [options]", run.Output);
            Assert.Equal(string.Empty, run.Error);
        }

        [Fact]
        public void LayoutHelpListsEveryOption()
        {
            string help = Run.Of("layout", "--help").Output;
            foreach (string option in new[] { "<firmware.elf>", "--part <PART>", "--json", "--svg <FILE>", "--help", "--version" })
            {
                Assert.Contains(option, help);
            }
        }

        [Theory]
        [InlineData("--version")]
        [InlineData("layout", "--version")]
        public void VersionExitsZeroWithTheToolsVersion(params string[] args)
        {
            Run run = Run.Of(args);
            Assert.Equal(Program.Holds, run.Exit);
            Assert.StartsWith("0.1.0", run.Output);
            Assert.Equal(string.Empty, run.Error);
        }

        [Theory]
        [InlineData("Required command was not provided.")]
        [InlineData("Unrecognized command or argument 'draw'.", "draw", "x.elf")]
        [InlineData("Required argument 'firmware.elf' missing for command: 'layout'.", "layout")]
        [InlineData("Unrecognized command or argument 'b.elf'.", "layout", "a.elf", "b.elf")]
        [InlineData("Required argument missing for option: '--svg'.", "layout", "a.elf", "--svg")]
        [InlineData("Required argument missing for option: '--part'.", "layout", "a.elf", "--part")]
        [InlineData("Unrecognized command or argument '--frobnicate'.", "layout", "a.elf", "--frobnicate")]
        [InlineData("--part needs a part number, e.g. --part STM32F429ZI", "layout", "a.elf", "--part", "")]
        [InlineData("--part needs a part number, e.g. --part STM32F429ZI", "layout", "a.elf", "--part", "--json")]
        public void UsageErrorsExitTwoWithTheLibrarysMessage(string message, params string[] args)
        {
            Run run = Run.Of(args);
            Assert.Equal(Program.Unusable, run.Exit);
            Assert.Contains(message, run.Error);
            Assert.DoesNotContain("   at ", run.Error);
        }

        [Fact]
        public void AnArgumentStartingWithAtIsAFileNotAResponseFile()
        {
            Run run = Run.Of("layout", "@/nonexistent/firmware.elf");
            Assert.Equal(Program.Unusable, run.Exit);
            Assert.Contains("safetymon layout: cannot read @/nonexistent/firmware.elf", run.Error);
        }

        [Fact]
        public void PartJsonAndSvgKeepTheirBehaviour()
        {
            string svg = Path.Combine(Path.GetTempPath(), "safetymon-cli-" + System.Guid.NewGuid().ToString("N") + ".svg");
            Run run = Run.Of("layout", Images.PathOf(Images.QemuDemo), "--part", "STM32F405RG", "--json", "--svg", svg);
            Assert.Equal(Program.Holds, run.Exit);
            Assert.StartsWith("{", run.Output);
            Assert.Contains("\"part\": \"STM32F405RG\"", run.Output);
            Assert.DoesNotContain("map: ", run.Output);
            Assert.True(File.Exists(svg));
            File.Delete(svg);
            Run contradicted = Run.Of("layout", Images.PathOf(Images.QemuDemo), "--part", "STM32F429ZI");
            Assert.Equal(Program.Unusable, contradicted.Exit);
            Assert.Contains("--part STM32F429ZI contradicts the part the image records", contradicted.Error);
        }

        /// <summary>The built executable, run as a process: its exit code is the contract's.</summary>
        [Theory]
        [InlineData(Program.Holds, "layout", Images.QemuDemo)]
        [InlineData(Program.Violated, "layout", Images.QemuConventionalControl)]
        [InlineData(Program.Unusable, "layout", "README.md")]
        [InlineData(Program.Unusable, "layout", "--frobnicate")]
        [InlineData(Program.Holds, "--help")]
        [InlineData(Program.Holds, "layout", "--version")]
        public void TheExecutableExitsWithTheContractsCode(int exit, params string[] args)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Images.Root,
            };
            start.ArgumentList.Add(Path.Combine(System.AppContext.BaseDirectory, "SafetyMonitor.Layout.dll"));
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            string error = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(120_000), "safetymon did not exit within 2 minutes");
            Assert.True(process.ExitCode == exit, $"exit {process.ExitCode}, expected {exit}\n{output}\n{error}");
            Assert.DoesNotContain("   at ", error);
        }
    }
}
