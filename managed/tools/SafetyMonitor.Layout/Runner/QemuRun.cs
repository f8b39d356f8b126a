using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;

namespace SafetyMonitor.Layout.Runner
{
    /// <summary>
    /// The exit codes of safetymon qemu-run and qemu-test (distinct from each
    /// other and from safetymon layout's 1 and 3, so a script can tell them apart).
    /// </summary>
    public static class RunExit
    {
        /// <summary>The program exited, every packet arrived intact; for qemu-test also: at least one result line, none failed.</summary>
        public const int Passed = 0;

        /// <summary>qemu-test: a test failed, a result line could not be read, or an exception nothing caught ended a thread.</summary>
        public const int TestsFailed = 1;

        /// <summary>Unusable input or command line (a .pe refused, no deployment address, QEMU not installed), nothing run.</summary>
        public const int Unusable = 2;

        /// <summary>The device never answered a ping within --answer-timeout (or QEMU never opened its serial socket).</summary>
        public const int NoAnswer = 4;

        /// <summary>The device answered but the program had not exited within --timeout.</summary>
        public const int TimedOut = 5;

        /// <summary>Packets from the device were damaged or lost (bad CRC, a sequence gap): its output is incomplete.</summary>
        public const int Corrupted = 6;

        /// <summary>qemu-test: the program exited without a single test result line.</summary>
        public const int NoTests = 7;

        /// <summary>QEMU ended (or closed the connection) before the program exited.</summary>
        public const int EmulatorEnded = 8;

        /// <summary>The runner was interrupted (SIGINT, SIGTERM: Ctrl-C, a cancelled CI job); QEMU was stopped first.</summary>
        public const int Interrupted = 9;
    }

    /// <summary>What to run and how long to wait.</summary>
    /// <param name="ClrImage">The nanoCLR image: an ELF (its __deployment_start__ symbol gives the deployment address) or a raw .bin.</param>
    /// <param name="Assemblies">The .pe files, in deployment order.</param>
    /// <param name="DeploymentAddress">The deployment region's start; null to read it from the ELF.</param>
    /// <param name="ClrAddress">Where a raw .bin nanoCLR is loaded.</param>
    /// <param name="Qemu">The qemu-system-arm program.</param>
    /// <param name="Machine">The QEMU machine.</param>
    /// <param name="AnswerTimeout">From QEMU's start until the device must have answered a ping.</param>
    /// <param name="Timeout">From QEMU's start until the program must have exited.</param>
    /// <param name="ExtraArguments">More QEMU arguments.</param>
    /// <param name="Tests">Whether to read TestFramework result lines (qemu-test).</param>
    public sealed record QemuRunSettings(
        string ClrImage,
        IReadOnlyList<string> Assemblies,
        uint? DeploymentAddress,
        uint ClrAddress,
        string Qemu,
        string Machine,
        TimeSpan AnswerTimeout,
        TimeSpan Timeout,
        IReadOnlyList<string> ExtraArguments,
        bool Tests);

    /// <summary>
    /// safetymon qemu-run / qemu-test: builds the deployment, starts QEMU with
    /// it and the nanoCLR, talks to the device over the wire protocol
    /// (<see cref="DeviceSession"/>), prints the device's text on stdout as it
    /// comes, and for a test run the summary line "N passed, N failed" last.
    /// The runner's own messages go to stderr, each starting "safetymon".
    /// QEMU is always stopped and the temporary files removed.
    /// </summary>
    public static class QemuRun
    {
        private static readonly TimeSpan ConnectRetry = TimeSpan.FromMilliseconds(20);
        private static readonly TimeSpan ExitGrace = TimeSpan.FromSeconds(2);

        /// <summary>Runs.</summary>
        /// <param name="settings">What to run.</param>
        /// <param name="output">The device's text and the summary.</param>
        /// <param name="error">The runner's messages.</param>
        /// <param name="start">Starts the emulator; QEMU as a child process by default.</param>
        /// <returns>One of <see cref="RunExit"/>'s codes.</returns>
        public static int Execute(QemuRunSettings settings, TextWriter output, TextWriter error, EmulatorStarter? start = null)
        {
            ArgumentNullException.ThrowIfNull(settings);
            string command = settings.Tests ? "safetymon qemu-test" : "safetymon qemu-run";
            byte[] deployment;
            uint deploymentAddress;
            bool isElf;
            try
            {
                (isElf, deploymentAddress, uint? regionSize) = Locate(settings);
                deployment = DeploymentImage.BuildFromFiles(settings.Assemblies);
                if (regionSize.HasValue && (uint)deployment.Length > regionSize.Value)
                {
                    throw new DeploymentException($"the deployment is {deployment.Length} bytes, the image's deployment region {regionSize.Value} (__deployment_size__)");
                }
            }
            catch (DeploymentException e)
            {
                error.WriteLine($"{command}: {e.Message}");
                return RunExit.Unusable;
            }

            string directory = Path.Combine(Path.GetTempPath(), "safetymon-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(directory);
            try
            {
                string deploymentFile = Path.Combine(directory, "deployment.bin");
                File.WriteAllBytes(deploymentFile, deployment);
                var invocation = new QemuInvocation(
                    settings.Machine, settings.ClrImage, isElf, settings.ClrAddress, deploymentFile, deploymentAddress,
                    Path.Combine(directory, "wp.sock"), settings.ExtraArguments);
                IReadOnlyList<string> arguments = QemuCommandLine.Build(invocation);
                error.WriteLine($"{command}: {settings.Assemblies.Count} assemblies, {deployment.Length} bytes at {QemuCommandLine.Hex(deploymentAddress)}");
                error.WriteLine($"{command}: {settings.Qemu} {string.Join(' ', arguments)}");
                return Run(settings, command, invocation, arguments, output, error, start ?? EmulatorProcess.Start);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        /// <summary>The deployment address (the option, else the ELF's __deployment_start__) and region size.</summary>
        private static (bool IsElf, uint Address, uint? Size) Locate(QemuRunSettings settings)
        {
            byte[] clr;
            try
            {
                clr = File.ReadAllBytes(settings.ClrImage);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new DeploymentException($"{settings.ClrImage}: cannot read it: {e.Message}");
            }

            bool isElf = clr.Length >= 4 && clr[0] == 0x7F && clr[1] == (byte)'E' && clr[2] == (byte)'L' && clr[3] == (byte)'F';
            uint? fromImage = null;
            uint? size = null;
            if (isElf)
            {
                FirmwareImage image;
                try
                {
                    image = FirmwareImage.Read(clr);
                }
                catch (ElfFormatException e)
                {
                    throw new DeploymentException($"{settings.ClrImage}: {e.Message}");
                }

                // nf-interpreter's ChibiOS linker rules define them from the
                // "deployment" memory region (targets/ChibiOS/_common/rules_code.ld).
                fromImage = image.Symbols.FirstOrDefault(s => s.Name == "__deployment_start__")?.Value;
                size = image.Symbols.FirstOrDefault(s => s.Name == "__deployment_size__")?.Value;
            }

            uint address;
            if (settings.DeploymentAddress.HasValue)
            {
                address = settings.DeploymentAddress.Value;
                if (fromImage.HasValue && fromImage.Value != address)
                {
                    throw new DeploymentException(
                        $"--deployment-address {QemuCommandLine.Hex(address)} contradicts the image's __deployment_start__ {QemuCommandLine.Hex(fromImage.Value)}");
                }
            }
            else if (fromImage.HasValue)
            {
                address = fromImage.Value;
            }
            else
            {
                throw new DeploymentException(isElf
                    ? $"{settings.ClrImage}: no __deployment_start__ symbol: give --deployment-address (the start of the target's deployment region)"
                    : $"{settings.ClrImage} is not an ELF: give --deployment-address (the start of the target's deployment region)");
            }

            if ((address & 3) != 0)
            {
                throw new DeploymentException($"deployment address {QemuCommandLine.Hex(address)} is not a multiple of 4: the nanoCLR reads assemblies word-aligned");
            }

            return (isElf, address, size);
        }

        private static int Run(
            QemuRunSettings settings,
            string command,
            QemuInvocation invocation,
            IReadOnlyList<string> arguments,
            TextWriter output,
            TextWriter error,
            EmulatorStarter start)
        {
            Stopwatch clock = Stopwatch.StartNew();
            IEmulator emulator;
            try
            {
                emulator = start(settings.Qemu, arguments);
            }
            catch (EmulatorStartException e)
            {
                error.WriteLine($"{command}: {e.Message}");
                return RunExit.Unusable;
            }

            // Ctrl-C or a cancelled CI job: stop QEMU (no emulator is left
            // behind), let the session see it end, and say so.
            PosixSignal? interrupted = null;
            void Interrupt(PosixSignalContext context)
            {
                context.Cancel = true;
                interrupted = context.Signal;
                emulator.Stop();
            }

            using (PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt))
            using (PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt))
            using (emulator)
            {
                (SessionResult? session, bool exited) = Session(settings, invocation, emulator, clock, output);
                if (interrupted.HasValue)
                {
                    error.WriteLine($"{command}: interrupted ({interrupted.Value}); QEMU stopped");
                    return RunExit.Interrupted;
                }

                if (session == null)
                {
                    return exited ? EmulatorEnded(command, exited, emulator, error) : NoAnswer(command, settings, error, "QEMU never opened its serial socket");
                }

                return Report(settings, command, session, exited, emulator, output, error);
            }
        }

        /// <summary>
        /// Connects and runs the session; QEMU is stopped at its end. The
        /// session is null when QEMU never opened its socket; exited says
        /// whether QEMU had ended by itself.
        /// </summary>
        private static (SessionResult? Session, bool Exited) Session(QemuRunSettings settings, QemuInvocation invocation, IEmulator emulator, Stopwatch clock, TextWriter output)
        {
            Socket? socket = Connect(invocation.SocketPath, emulator, clock, Min(settings.AnswerTimeout, settings.Timeout));
            if (socket == null)
            {
                bool gone = emulator.HasExited;
                emulator.Stop();
                return (null, gone);
            }

            SessionResult session;
            using (var stream = new NetworkStream(socket, ownsSocket: true))
            {
                var options = new SessionOptions { Clock = clock, AnswerTimeout = settings.AnswerTimeout, Timeout = settings.Timeout };
                session = DeviceSession.RunAsync(stream, options, line => output.WriteLine(line)).GetAwaiter().GetResult();
            }

            // QEMU closes the socket as it exits: give it a moment to be
            // seen to have exited, so the report can say so and show why.
            Stopwatch grace = Stopwatch.StartNew();
            while (session.End == SessionEnd.Disconnected && !emulator.HasExited && grace.Elapsed < ExitGrace)
            {
                Thread.Sleep(ConnectRetry);
            }

            bool exited = emulator.HasExited;
            emulator.Stop();
            return (session, exited);
        }

        private static int Report(QemuRunSettings settings, string command, SessionResult session, bool exited, IEmulator emulator, TextWriter output, TextWriter error)
        {
            if (session.Boots > 1)
            {
                error.WriteLine($"{command}: the device booted {session.Boots} times");
            }

            if (session.Crc == CrcMode.Off)
            {
                error.WriteLine($"{command}: the device's packets carry no CRC32 (built without CONFIG_NF_WP_ENABLE_CRC32): damage cannot be detected");
            }

            if (!session.Intact)
            {
                error.WriteLine(
                    $"{command}: packets from the device were damaged or lost ({session.BadHeaders} bad headers, {session.BadPayloads} bad payloads, " +
                    $"{session.SequenceGaps} sequence gaps): its output is incomplete");
            }

            TestResults? tests = settings.Tests ? TestResults.Parse(session.Lines) : null;
            if (tests != null)
            {
                foreach (string name in tests.FailedNames)
                {
                    error.WriteLine($"{command}: failed: {name}");
                }

                if (tests.Skipped > 0)
                {
                    error.WriteLine($"{command}: {tests.Skipped} skipped");
                }

                if (tests.Uncaught > 0)
                {
                    error.WriteLine($"{command}: {tests.Uncaught} uncaught exceptions ended threads on the device");
                }

                output.WriteLine(tests.Summary);
            }

            switch (session.End)
            {
                case SessionEnd.NoAnswer:
                    return NoAnswer(command, settings, error, "no ping reply");
                case SessionEnd.TimedOut:
                    error.WriteLine($"{command}: the program did not exit within {settings.Timeout.TotalSeconds:0.###} s (--timeout); QEMU stopped");
                    return RunExit.TimedOut;
                case SessionEnd.Disconnected:
                    return EmulatorEnded(command, exited, emulator, error);
            }

            if (!session.Intact)
            {
                return RunExit.Corrupted;
            }

            if (tests == null)
            {
                return RunExit.Passed;
            }

            if (tests.Failed > 0 || tests.Uncaught > 0)
            {
                return RunExit.TestsFailed;
            }

            if (!tests.Any)
            {
                error.WriteLine($"{command}: the program exited without a test result line (is the application nanoFramework.UnitTestLauncher with NFUnitTest.pe deployed?)");
                return RunExit.NoTests;
            }

            return RunExit.Passed;
        }

        private static int NoAnswer(string command, QemuRunSettings settings, TextWriter error, string what)
        {
            error.WriteLine(
                $"{command}: the device did not answer within {settings.AnswerTimeout.TotalSeconds:0.###} s (--answer-timeout; {what}): " +
                "is the wire protocol on USART2, QEMU's second -serial, and does the nanoCLR boot?");
            return RunExit.NoAnswer;
        }

        private static int EmulatorEnded(string command, bool exited, IEmulator emulator, TextWriter error)
        {
            string how = exited ? $"QEMU exited with code {emulator.ExitCode}" : "QEMU closed the serial connection";
            error.WriteLine($"{command}: {how} before the program exited");
            string tail = emulator.OutputTail;
            if (tail.Length > 0)
            {
                error.WriteLine(tail);
            }

            return RunExit.EmulatorEnded;
        }

        /// <summary>Connects to QEMU's socket once it listens; null if QEMU ends or the time runs out first.</summary>
        private static Socket? Connect(string path, IEmulator emulator, Stopwatch clock, TimeSpan limit)
        {
            var endpoint = new UnixDomainSocketEndPoint(path);
            while (clock.Elapsed < limit && !emulator.HasExited)
            {
                if (File.Exists(path))
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    try
                    {
                        socket.Connect(endpoint);
                        return socket;
                    }
                    catch (SocketException)
                    {
                        socket.Dispose();
                    }
                }

                Thread.Sleep(ConnectRetry);
            }

            return null;
        }

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    }
}
