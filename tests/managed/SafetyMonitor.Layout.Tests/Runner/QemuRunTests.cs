using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SafetyMonitor.Layout.Runner;
using Xunit;

namespace SafetyMonitor.Layout.Tests.Runner
{
    /// <summary>
    /// The whole command against the device double standing in for QEMU:
    /// every exit code, with its control, what reaches stdout and stderr,
    /// the deployment QEMU is given, and that QEMU is always stopped and the
    /// temporary files removed.
    /// </summary>
    public sealed class QemuRunTests : IDisposable
    {
        private const uint DeploymentStart = 0x080C0000;
        private readonly string _directory = Directory.CreateTempSubdirectory("smrun-").FullName;
        private readonly string _clr;
        private readonly string[] _assemblies;

        public QemuRunTests()
        {
            _clr = PeFiles.Write(_directory, "nanoCLR.elf", new ElfBuilder()
                .Code(".text", 0x08000000, 0x100)
                .Symbol("__deployment_start__", DeploymentStart)
                .Symbol("__deployment_size__", 0x40000)
                .Build());
            _assemblies = new[]
            {
                PeFiles.MscorlibPath,
                PeFiles.Write(_directory, "NFUnitTest.pe", PeFiles.Made(201)),
            };
        }

        internal static readonly string[] TwoPassing = { "Ready.", "Test passed,NFUnitTest.A.One.0,10", "Test passed,NFUnitTest.A.Two.0,20", "Done." };

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        internal sealed record Outcome(int Exit, string[] Output, string Error, DoubleEmulator? Emulator);

        private QemuRunSettings Settings(bool tests = true, string? clr = null, uint? deploymentAddress = null, string[]? assemblies = null, double answer = 10, double timeout = 20) =>
            new QemuRunSettings(
                clr ?? _clr, assemblies ?? _assemblies, deploymentAddress, RunCommands.DefaultClrAddress, "qemu-system-arm", "netduinoplus2",
                TimeSpan.FromSeconds(answer), TimeSpan.FromSeconds(timeout), new[] { "-icount", "shift=auto" }, tests);

        private static Outcome Run(QemuRunSettings settings, DeviceScript script, int? exitsWith = null)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var started = new List<DoubleEmulator>();
            int exit = QemuRun.Execute(settings, output, error, DoubleEmulator.Starter(script, started, exitsWith));
            DoubleEmulator? emulator = started.SingleOrDefault();
            if (emulator != null)
            {
                Assert.True(emulator.Stopped, "QEMU was not stopped");
                Assert.False(Directory.Exists(Path.GetDirectoryName(emulator.SocketPath)), "the temporary files were not removed");
            }

            return new Outcome(exit, output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), error.ToString(), emulator);
        }

        [Fact]
        public void AllPassedExitsZeroWithTheSummaryLast()
        {
            Outcome run = Run(Settings(), new DeviceScript().Say(TwoPassing));
            Assert.Equal(RunExit.Passed, run.Exit);
            Assert.Equal(TwoPassing.Append("2 passed, 0 failed"), run.Output);
            Assert.DoesNotContain("damaged", run.Error);
        }

        [Fact]
        public void QemuIsGivenTheDeploymentAtTheImagesDeploymentRegion()
        {
            Outcome run = Run(Settings(), new DeviceScript().Say(TwoPassing));
            DoubleEmulator emulator = run.Emulator!;
            byte[] expected = DeploymentImage.BuildFromFiles(_assemblies);
            Assert.Equal(expected, emulator.Deployment);
            Assert.Equal(32536 + 204, expected.Length);
            Assert.Equal("0x080C0000", emulator.DeploymentAddress);
            Assert.Equal(new[] { "-M", "netduinoplus2" }, emulator.Arguments.Take(2));
            Assert.Equal(_clr, emulator.Arguments[emulator.Arguments.ToList().IndexOf("-kernel") + 1]);
            Assert.Equal(new[] { "-icount", "shift=auto" }, emulator.Arguments.TakeLast(2));
            Assert.Contains("2 assemblies, 32740 bytes at 0x080C0000", run.Error);
        }

        [Fact]
        public void ATestFailureExitsOne()
        {
            Outcome run = Run(Settings(), new DeviceScript().Say("Test passed,NFUnitTest.A.One.0,10", "Test failed,NFUnitTest.A.Two.0,boom"));
            Assert.Equal(RunExit.TestsFailed, run.Exit);
            Assert.Equal("1 passed, 1 failed", run.Output.Last());
            Assert.Contains("safetymon qemu-test: failed: NFUnitTest.A.Two.0", run.Error);
        }

        [Fact]
        public void AnUncaughtExceptionExitsOne()
        {
            Outcome run = Run(Settings(), new DeviceScript().Say("Test passed,NFUnitTest.A.One.0,10", " Uncaught exception "));
            Assert.Equal(RunExit.TestsFailed, run.Exit);
            Assert.Equal("1 passed, 0 failed", run.Output.Last());
            Assert.Contains("1 uncaught exceptions", run.Error);
        }

        [Fact]
        public void SkippedTestsAreReportedAndDoNotFail()
        {
            Outcome run = Run(Settings(), new DeviceScript().Say("Test passed,NFUnitTest.A.One.0,10", "Test skipped,NFUnitTest.A.Two.0,later"));
            Assert.Equal(RunExit.Passed, run.Exit);
            Assert.Contains("safetymon qemu-test: 1 skipped", run.Error);
        }

        [Fact]
        public void ASilentDeviceExitsFour()
        {
            Outcome run = Run(Settings(answer: 0.5), new DeviceScript { Silent = true }.Say(TwoPassing));
            Assert.Equal(RunExit.NoAnswer, run.Exit);
            Assert.Contains("the device did not answer within 0.5 s", run.Error);
        }

        [Fact]
        public void ADeviceThatNeverExitsExitsFive()
        {
            Outcome run = Run(Settings(timeout: 2), new DeviceScript { NeverExits = true }.Say(TwoPassing));
            Assert.Equal(RunExit.TimedOut, run.Exit);
            Assert.Contains("the program did not exit within 2 s", run.Error);
            Assert.Equal("2 passed, 0 failed", run.Output.Last());
        }

        [Theory]
        [InlineData("header")]
        [InlineData("payload")]
        [InlineData("lost")]
        public void DamageExitsSixEvenWhenEveryLineThatArrivedPassed(string damage)
        {
            var script = new DeviceScript
            {
                CorruptHeaderOfMessage = damage == "header" ? 2 : -1,
                CorruptPayloadOfMessage = damage == "payload" ? 2 : -1,
                DropMessage = damage == "lost" ? 2 : -1,
            };
            Outcome run = Run(Settings(), script.Say(TwoPassing));
            Assert.Equal(RunExit.Corrupted, run.Exit);
            Assert.Equal("1 passed, 0 failed", run.Output.Last());
            Assert.Contains("packets from the device were damaged or lost", run.Error);
        }

        [Fact]
        public void DamageOutranksAFailedTest()
        {
            Outcome run = Run(Settings(), new DeviceScript { CorruptPayloadOfMessage = 0 }.Say("Ready.", "Test failed,NFUnitTest.A.One.0,boom"));
            Assert.Equal(RunExit.Corrupted, run.Exit);
            Assert.Equal("0 passed, 1 failed", run.Output.Last());
        }

        [Fact]
        public void NoResultLineExitsSeven()
        {
            Outcome run = Run(Settings(), new DeviceScript().Say("Ready.", "Done."));
            Assert.Equal(RunExit.NoTests, run.Exit);
            Assert.Contains("without a test result line", run.Error);
        }

        [Fact]
        public void QemuRunNeedsNoResultLine()
        {
            Outcome run = Run(Settings(tests: false), new DeviceScript().Say("Hello from the device"));
            Assert.Equal(RunExit.Passed, run.Exit);
            Assert.Equal(new[] { "Hello from the device" }, run.Output);
        }

        [Fact]
        public void QemuRunReportsDamageToo()
        {
            Outcome run = Run(Settings(tests: false), new DeviceScript { CorruptPayloadOfMessage = 0 }.Say("Hello", "World"));
            Assert.Equal(RunExit.Corrupted, run.Exit);
            Assert.Contains("safetymon qemu-run: packets from the device", run.Error);
        }

        [Fact]
        public void AClosedConnectionExitsEight()
        {
            Outcome run = Run(Settings(), new DeviceScript { CloseAfterText = true }.Say(TwoPassing));
            Assert.Equal(RunExit.EmulatorEnded, run.Exit);
            Assert.Contains("QEMU closed the serial connection before the program exited", run.Error);
        }

        [Fact]
        public void QemuExitingExitsEightWithItsOutput()
        {
            Outcome run = Run(Settings(), new DeviceScript { CloseAfterText = true }.Say(TwoPassing), exitsWith: 1);
            Assert.Equal(RunExit.EmulatorEnded, run.Exit);
            Assert.Contains("QEMU exited with code 1 before the program exited", run.Error);
            Assert.Contains("qemu-system-arm: the stand-in ended", run.Error);
        }

        [Fact]
        public void ADeviceWithoutCrc32PassesWithAWarning()
        {
            Outcome run = Run(Settings(), new DeviceScript { Crc32 = false }.Say(TwoPassing));
            Assert.Equal(RunExit.Passed, run.Exit);
            Assert.Contains("carry no CRC32", run.Error);
        }

        [Fact]
        public void AResetMidRunIsReportedAndTheRunCompletes()
        {
            Outcome run = Run(Settings(), new DeviceScript { RebootAfterMessage = 1 }.Say(TwoPassing));
            Assert.Equal(RunExit.Passed, run.Exit);
            Assert.Contains("the device booted 2 times", run.Error);
            Assert.Equal("2 passed, 0 failed", run.Output.Last());
        }

        [Fact]
        public void ADamagedAssemblyIsRefusedBeforeQemuStarts()
        {
            byte[] bad = PeFiles.Made(201);
            bad[160] ^= 1;
            string path = PeFiles.Write(_directory, "Bad.pe", bad);
            Outcome run = Run(Settings(assemblies: new[] { PeFiles.MscorlibPath, path }), new DeviceScript().Say(TwoPassing));
            Assert.Equal(RunExit.Unusable, run.Exit);
            Assert.Null(run.Emulator);
            Assert.StartsWith($"safetymon qemu-test: {path}: assembly CRC", run.Error);
            Assert.Empty(run.Output);
        }

        [Fact]
        public void TheAddressGivenMustAgreeWithTheImage()
        {
            Outcome run = Run(Settings(deploymentAddress: 0x08080000), new DeviceScript().Say(TwoPassing));
            Assert.Equal(RunExit.Unusable, run.Exit);
            Assert.Contains("--deployment-address 0x08080000 contradicts the image's __deployment_start__ 0x080C0000", run.Error);
            Assert.Equal(RunExit.Passed, Run(Settings(deploymentAddress: DeploymentStart), new DeviceScript().Say(TwoPassing)).Exit);
        }

        [Fact]
        public void TheDeploymentMustFitTheRegion()
        {
            string clr = PeFiles.Write(_directory, "small.elf", new ElfBuilder()
                .Symbol("__deployment_start__", DeploymentStart)
                .Symbol("__deployment_size__", 32536 + 203)
                .Build());
            Outcome run = Run(Settings(clr: clr), new DeviceScript().Say(TwoPassing));
            Assert.Equal(RunExit.Unusable, run.Exit);
            Assert.Contains("the deployment is 32740 bytes, the image's deployment region 32739 (__deployment_size__)", run.Error);

            string fits = PeFiles.Write(_directory, "fits.elf", new ElfBuilder()
                .Symbol("__deployment_start__", DeploymentStart)
                .Symbol("__deployment_size__", 32536 + 204)
                .Build());
            Assert.Equal(RunExit.Passed, Run(Settings(clr: fits), new DeviceScript().Say(TwoPassing)).Exit);
        }

        [Fact]
        public void ARawImageNeedsTheDeploymentAddress()
        {
            string bin = PeFiles.Write(_directory, "nanoCLR.bin", new byte[] { 0x00, 0x10, 0x00, 0x20, 0x09, 0x00, 0x00, 0x08 });
            Outcome refused = Run(Settings(clr: bin), new DeviceScript().Say(TwoPassing));
            Assert.Equal(RunExit.Unusable, refused.Exit);
            Assert.Contains("is not an ELF: give --deployment-address", refused.Error);

            Outcome run = Run(Settings(clr: bin, deploymentAddress: 0x08080000), new DeviceScript().Say(TwoPassing));
            Assert.Equal(RunExit.Passed, run.Exit);
            Assert.Contains($"loader,file={bin},addr=0x08000000", run.Emulator!.Arguments);
            Assert.DoesNotContain("-kernel", run.Emulator.Arguments);
            Assert.Equal("0x08080000", run.Emulator.DeploymentAddress);
        }

        [Fact]
        public void AnElfWithoutTheSymbolNeedsTheDeploymentAddress()
        {
            string clr = PeFiles.Write(_directory, "plain.elf", new ElfBuilder().Code(".text", 0x08000000, 0x100).Build());
            Outcome run = Run(Settings(clr: clr), new DeviceScript().Say(TwoPassing));
            Assert.Equal(RunExit.Unusable, run.Exit);
            Assert.Contains("no __deployment_start__ symbol: give --deployment-address", run.Error);
            Assert.Equal(RunExit.Passed, Run(Settings(clr: clr, deploymentAddress: 0x08080000), new DeviceScript().Say(TwoPassing)).Exit);
        }

        [Theory]
        [InlineData(0x08080001u)]
        [InlineData(0x08080002u)]
        [InlineData(0x08080003u)]
        public void AnUnalignedDeploymentAddressIsRefused(uint address)
        {
            string bin = PeFiles.Write(_directory, "nanoCLR.bin", new byte[8]);
            Outcome run = Run(Settings(clr: bin, deploymentAddress: address), new DeviceScript().Say(TwoPassing));
            Assert.Equal(RunExit.Unusable, run.Exit);
            Assert.Contains("is not a multiple of 4", run.Error);
        }

        [Fact]
        public void ABrokenElfIsRefused()
        {
            string clr = PeFiles.Write(_directory, "broken.elf", new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 1, 1 });
            Outcome run = Run(Settings(clr: clr), new DeviceScript().Say(TwoPassing));
            Assert.Equal(RunExit.Unusable, run.Exit);
            Assert.StartsWith($"safetymon qemu-test: {clr}: ", run.Error);
        }

        [Fact]
        public void AMissingImageIsRefused()
        {
            string missing = Path.Combine(_directory, "none.elf");
            Outcome run = Run(Settings(clr: missing), new DeviceScript().Say(TwoPassing));
            Assert.Equal(RunExit.Unusable, run.Exit);
            Assert.Contains($"{missing}: cannot read it", run.Error);
        }
    }
}
