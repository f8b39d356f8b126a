using SafetyMonitor.Layout.Runner;
using Xunit;

namespace SafetyMonitor.Layout.Tests.Runner
{
    /// <summary>The command lines of qemu-run and qemu-test: help, usage errors (exit 2, nothing run), addresses.</summary>
    public class RunCommandLineTests
    {
        [Theory]
        [InlineData("qemu-test")]
        [InlineData("qemu-run")]
        public void HelpListsEveryOption(string command)
        {
            Run run = Run.Of(command, "--help");
            Assert.Equal(0, run.Exit);
            Assert.Contains($"safetymon {command} <nanoCLR> <assemblies>... [options]", run.Output);
            foreach (string option in new[] { "--deployment-address <ADDR>", "--clr-address <ADDR>", "--qemu <PROGRAM>", "--machine <NAME>", "--timeout <SECONDS>", "--answer-timeout <SECONDS>", "--qemu-arg <ARG>", "--version" })
            {
                Assert.Contains(option, run.Output);
            }
        }

        [Fact]
        public void TheRootHelpListsTheCommands()
        {
            string help = Run.Of("--help").Output;
            Assert.Contains("qemu-run", help);
            Assert.Contains("qemu-test", help);
            Assert.Contains("layout", help);
        }

        [Theory]
        [InlineData("Required argument 'nanoCLR' missing for command: 'qemu-test'.", "qemu-test")]
        [InlineData("Required argument 'assemblies' missing for command: 'qemu-test'.", "qemu-test", "nanoCLR.elf")]
        [InlineData("--deployment-address needs an address, 0x followed by up to 8 hex digits or a decimal number, not '0xZZ'", "qemu-test", "a.elf", "b.pe", "--deployment-address", "0xZZ")]
        [InlineData("--deployment-address needs an address, 0x followed by up to 8 hex digits or a decimal number, not '0x100000000'", "qemu-test", "a.elf", "b.pe", "--deployment-address", "0x100000000")]
        [InlineData("--clr-address needs an address, 0x followed by up to 8 hex digits or a decimal number, not '-1'", "qemu-run", "a.elf", "b.pe", "--clr-address=-1")]
        [InlineData("--timeout needs a number of seconds above 0 and at most 86400", "qemu-test", "a.elf", "b.pe", "--timeout", "0")]
        [InlineData("--answer-timeout needs a number of seconds above 0 and at most 86400", "qemu-test", "a.elf", "b.pe", "--answer-timeout=-3")]
        [InlineData("--timeout needs a number of seconds above 0 and at most 86400", "qemu-run", "a.elf", "b.pe", "--timeout", "86401")]
        public void UsageErrorsExitTwo(string message, params string[] args)
        {
            Run run = Run.Of(args);
            Assert.Equal(RunExit.Unusable, run.Exit);
            Assert.Contains(message, run.Error);
        }

        [Theory]
        [InlineData("--timeout", "86400")]
        [InlineData("--timeout", "0.001")]
        [InlineData("--answer-timeout", "86400")]
        public void TheLimitsOfTheTimesAreAccepted(string option, string value)
        {
            string missing = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "none-" + System.Guid.NewGuid().ToString("N") + ".elf");
            Run run = Run.Of("qemu-test", missing, "b.pe", option, value);
            Assert.Equal(RunExit.Unusable, run.Exit);
            Assert.Contains($"{missing}: cannot read it", run.Error);
            Assert.DoesNotContain("needs a number of seconds", run.Error);
        }

        [Theory]
        [InlineData("0x080C0000", 0x080C0000u)]
        [InlineData("0X080c0000", 0x080C0000u)]
        [InlineData("134217728", 0x08000000u)]
        [InlineData("0xFFFFFFFF", 0xFFFFFFFFu)]
        [InlineData("0", 0u)]
        public void AddressesParse(string text, uint expected) => Assert.Equal(expected, RunCommands.ParseAddress(text));

        [Theory]
        [InlineData("")]
        [InlineData("0x")]
        [InlineData("0x-1")]
        [InlineData("-1")]
        [InlineData("+5")]
        [InlineData("4294967296")]
        [InlineData("0x1_0")]
        [InlineData(" 12")]
        public void NonAddressesDoNot(string text) => Assert.Null(RunCommands.ParseAddress(text));

        [Fact]
        public void AnUnusableAssemblyStopsTheCommandBeforeQemu()
        {
            string clr = System.IO.Path.GetTempFileName();
            try
            {
                Run run = Run.Of("qemu-test", clr, clr, "--deployment-address", "0x08080000", "--qemu", "/nonexistent/qemu");
                Assert.Equal(RunExit.Unusable, run.Exit);
                Assert.Contains("shorter than an assembly header", run.Error);
                Assert.DoesNotContain("cannot start", run.Error);
            }
            finally
            {
                System.IO.File.Delete(clr);
            }
        }

        [Fact]
        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        public void TheAnswerTimeReachesTheRun()
        {
            // A "QEMU" that never opens its socket: the runner gives up after
            // the answer time, not the run time.
            string directory = System.IO.Directory.CreateTempSubdirectory("smcli-").FullName;
            try
            {
                string qemu = System.IO.Path.Combine(directory, "sleeper");
                System.IO.File.WriteAllText(qemu, "#!/bin/sh\nexec sleep 300\n");
                System.IO.File.SetUnixFileMode(qemu, System.IO.UnixFileMode.UserRead | System.IO.UnixFileMode.UserExecute);
                string clr = PeFiles.Write(directory, "nanoCLR.bin", new byte[8]);
                Run run = Run.Of("qemu-test", clr, PeFiles.MscorlibPath, "--deployment-address", "0x08080000", "--qemu", qemu, "--answer-timeout", "0.5", "--timeout", "20");
                Assert.Equal(RunExit.NoAnswer, run.Exit);
                Assert.Contains("the device did not answer within 0.5 s (--answer-timeout; QEMU never opened its serial socket)", run.Error);
            }
            finally
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
        }

        [Fact]
        public void QemuArgumentsAndTimesReachTheRun()
        {
            // Nothing answers (qemu is /bin/true, which exits at once): exit 8,
            // and the printed command line carries the options.
            string clr = System.IO.Path.GetTempFileName();
            try
            {
                Run run = Run.Of(
                    "qemu-run", clr, PeFiles.MscorlibPath, "--deployment-address", "0x08080000", "--clr-address", "0x08004000",
                    "--qemu", "/bin/true", "--machine", "olimex", "--qemu-arg=-icount", "--qemu-arg", "shift=auto", "--answer-timeout", "5");
                Assert.Equal(RunExit.EmulatorEnded, run.Exit);
                Assert.Contains("safetymon qemu-run: /bin/true -M olimex ", run.Error);
                Assert.Contains($"-device loader,file={clr},addr=0x08004000 ", run.Error);
                Assert.Contains(",addr=0x08080000 -icount shift=auto", run.Error);
                Assert.Contains("QEMU exited with code 0 before the program exited", run.Error);
            }
            finally
            {
                System.IO.File.Delete(clr);
            }
        }
    }
}
