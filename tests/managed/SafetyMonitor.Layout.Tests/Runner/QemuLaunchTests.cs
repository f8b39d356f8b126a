using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using SafetyMonitor.Layout.Runner;
using Xunit;

namespace SafetyMonitor.Layout.Tests.Runner
{
    /// <summary>
    /// The QEMU half, as far as it runs without a nanoCLR: the command line
    /// it builds, the real qemu-system-arm 7.2 accepting it (a flash image that
    /// only spins, so nothing ever answers), the time-out, and QEMU gone
    /// afterwards; a QEMU that fails, one that never opens its socket, one
    /// that is not installed.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public sealed class QemuLaunchTests : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("smqemu-").FullName;

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        private static QemuInvocation Invocation(bool elf, string socket = "/tmp/x/wp.sock", string clr = "/b/nanoCLR.elf") =>
            new QemuInvocation("netduinoplus2", clr, elf, 0x08004000, "/tmp/x/deployment.bin", 0x080C0000, socket, new[] { "-d", "guest_errors" });

        [Fact]
        public void TheCommandLineForAnElf()
        {
            Assert.Equal(
                new[]
                {
                    "-M", "netduinoplus2", "-display", "none", "-monitor", "none", "-serial", "null",
                    "-serial", "unix:/tmp/x/wp.sock,server=on,wait=on",
                    "-kernel", "/b/nanoCLR.elf",
                    "-device", "loader,file=/tmp/x/deployment.bin,addr=0x080C0000",
                    "-d", "guest_errors",
                },
                QemuCommandLine.Build(Invocation(elf: true)));
        }

        [Fact]
        public void TheCommandLineForARawImage()
        {
            IReadOnlyList<string> args = QemuCommandLine.Build(Invocation(elf: false, clr: "/b/nanoCLR.bin"));
            Assert.DoesNotContain("-kernel", args);
            Assert.Equal(new[] { "-device", "loader,file=/b/nanoCLR.bin,addr=0x08004000", "-device", "loader,file=/tmp/x/deployment.bin,addr=0x080C0000" }, ((List<string>)args).GetRange(10, 4));
        }

        [Fact]
        public void CommasInPathsAreDoubled()
        {
            IReadOnlyList<string> args = QemuCommandLine.Build(Invocation(elf: false, socket: "/t,1/wp.sock", clr: "/a,b/c.bin"));
            Assert.Contains("unix:/t,,1/wp.sock,server=on,wait=on", args);
            Assert.Contains("loader,file=/a,,b/c.bin,addr=0x08004000", args);
            Assert.Equal("0x00000000", QemuCommandLine.Hex(0));
            Assert.Equal("0xFFFFFFFF", QemuCommandLine.Hex(uint.MaxValue));
        }

        [Fact]
        public void RealQemuTakesTheCommandLineWithACommaInThePath()
        {
            string directory = Directory.CreateDirectory(Path.Combine(_directory, "a,b")).FullName;
            string spin = Spin(directory);
            string socketPath = Path.Combine(directory, "wp.sock");
            var invocation = new QemuInvocation("netduinoplus2", spin, false, 0x08000000, PeFiles.MscorlibPath, 0x08080000, socketPath, Array.Empty<string>());
            using IEmulator qemu = EmulatorProcess.Start("qemu-system-arm", QemuCommandLine.Build(invocation));
            // The socket file appears at bind(), a moment before listen(): retry as the runner does.
            var deadline = DateTime.UtcNow.AddSeconds(20);
            bool connected = false;
            while (!connected && !qemu.HasExited && DateTime.UtcNow < deadline)
            {
                using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    socket.Connect(new UnixDomainSocketEndPoint(socketPath));
                    connected = true;
                }
                catch (SocketException)
                {
                    System.Threading.Thread.Sleep(20);
                }
            }

            Assert.False(qemu.HasExited, "QEMU refused the command line: " + qemu.OutputTail);
            Assert.True(connected);
            qemu.Stop();
            Assert.True(qemu.HasExited);
        }

        [Fact]
        public void RealQemuWithNothingAnsweringTimesOutAndIsStopped()
        {
            string pidFile = Path.Combine(_directory, "qemu.pid");
            string qemu = Script("qemu", $"echo $$ > '{pidFile}'\nexec qemu-system-arm \"$@\"\n");
            (int exit, string output, string error) = Run(qemu, Spin(_directory), answer: 1.5);
            Assert.Equal(RunExit.NoAnswer, exit);
            Assert.Contains("the device did not answer within 1.5 s (--answer-timeout; no ping reply)", error);
            Assert.DoesNotContain("QEMU exited", error);
            Assert.Equal("0 passed, 0 failed" + Environment.NewLine, output);
            AssertGone(pidFile);
        }

        [Fact]
        public void QemuThatNeverOpensItsSocketIsStopped()
        {
            string pidFile = Path.Combine(_directory, "sleep.pid");
            string qemu = Script("sleeper", $"echo $$ > '{pidFile}'\nexec sleep 300\n");
            // The answer time bounds the wait for the socket, not the (hour-long) run time:
            // a bound checked with a margin of 60 times, not a speed.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            (int exit, _, string error) = Run(qemu, Spin(_directory), answer: 0.5, timeout: 3600);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the runner waited {clock.Elapsed} for a socket it should give up on after 0.5 s");
            Assert.Equal(RunExit.NoAnswer, exit);
            Assert.Contains("QEMU never opened its serial socket", error);
            AssertGone(pidFile);
        }

        [Fact]
        public void QemuRefusingTheMachineExitsEightWithItsMessage()
        {
            (int exit, _, string error) = Run("qemu-system-arm", Spin(_directory), answer: 20, machine: "no-such-board");
            Assert.Equal(RunExit.EmulatorEnded, exit);
            Assert.Contains("QEMU exited with code 1 before the program exited", error);
            Assert.Contains("unsupported machine type", error.Substring(error.IndexOf("QEMU exited", StringComparison.Ordinal)));
        }

        [Fact]
        public void AMissingQemuIsUnusable()
        {
            string missing = Path.Combine(_directory, "no-qemu-here");
            (int exit, _, string error) = Run(missing, Spin(_directory), answer: 5);
            Assert.Equal(RunExit.Unusable, exit);
            Assert.Contains($"cannot start {missing}", error);
            Assert.Contains("apt-get install qemu-system-arm", error);
        }

        /// <summary>
        /// SIGTERM, as a cancelled CI job sends it. (SIGINT goes to the same
        /// handler; it is not sent here: a background job, as make test may
        /// be, ignores SIGINT and passes that on to the runner.)
        /// </summary>
        [Theory]
        [InlineData("TERM")]
        public async System.Threading.Tasks.Task AnInterruptedRunnerStopsQemuFirst(string signal)
        {
            string pidFile = Path.Combine(_directory, "qemu.pid");
            string qemu = Script("qemu", $"echo $$ > '{pidFile}'\nexec qemu-system-arm \"$@\"\n");
            var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string arg in new[]
            {
                Path.Combine(AppContext.BaseDirectory, "SafetyMonitor.Layout.dll"), "qemu-test", Spin(_directory), PeFiles.MscorlibPath,
                "--deployment-address", "0x08080000", "--qemu", qemu, "--answer-timeout", "120",
            })
            {
                start.ArgumentList.Add(arg);
            }

            using var runner = System.Diagnostics.Process.Start(start)!;
            var stderr = runner.StandardError.ReadToEndAsync();
            var stdout = runner.StandardOutput.ReadToEndAsync();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!File.Exists(pidFile) && DateTime.UtcNow < deadline)
            {
                await System.Threading.Tasks.Task.Delay(50);
            }

            // Give the runner time to connect and ping, then interrupt it.
            await System.Threading.Tasks.Task.Delay(1000);
            using (var kill = System.Diagnostics.Process.Start("kill", new[] { "-" + signal, runner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            {
                await kill.WaitForExitAsync();
            }

            bool ended = runner.WaitForExit(30_000);
            if (!ended)
            {
                runner.Kill(entireProcessTree: true);
            }

            Assert.True(ended, "the runner did not end after SIG" + signal);
            Assert.Equal(RunExit.Interrupted, runner.ExitCode);
            Assert.Contains($"interrupted (SIG{signal}); QEMU stopped", await stderr);
            Assert.DoesNotContain("passed", await stdout);
            AssertGone(pidFile);
        }

        /// <summary>A flash image whose reset handler branches to itself: SP 0x20001000, PC 0x08000009 (Thumb), then `b .`.</summary>
        private static string Spin(string directory) =>
            PeFiles.Write(directory, "spin.bin", new byte[] { 0x00, 0x10, 0x00, 0x20, 0x09, 0x00, 0x00, 0x08, 0xFE, 0xE7, 0x00, 0x00 });

        private static void AssertGone(string pidFile)
        {
            int pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.False(Directory.Exists($"/proc/{pid}"), $"process {pid} still runs");
        }

        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        private string Script(string name, string body)
        {
            string path = Path.Combine(_directory, name);
            File.WriteAllText(path, "#!/bin/sh\n" + body);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return path;
        }

        private static (int Exit, string Output, string Error) Run(string qemu, string bin, double answer, string machine = "netduinoplus2", double timeout = 60)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var settings = new QemuRunSettings(
                bin, new[] { PeFiles.MscorlibPath }, 0x08080000, 0x08000000, qemu, machine,
                TimeSpan.FromSeconds(answer), TimeSpan.FromSeconds(timeout), Array.Empty<string>(), Tests: true);
            int exit = QemuRun.Execute(settings, output, error);
            return (exit, output.ToString(), error.ToString());
        }
    }
}
