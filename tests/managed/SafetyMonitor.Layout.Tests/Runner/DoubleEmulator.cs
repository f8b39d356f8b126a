using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Threading.Tasks;
using SafetyMonitor.Layout.Runner;

namespace SafetyMonitor.Layout.Tests.Runner
{
    /// <summary>
    /// Stands in for QEMU: from the command line the runner built it takes the
    /// wire-protocol socket (the second -serial, unix:PATH,server=on,wait=on),
    /// listens there as QEMU does and runs the device double on the connection;
    /// it keeps the arguments and the deployment image QEMU would have loaded.
    /// </summary>
    internal sealed class DoubleEmulator : IEmulator
    {
        private readonly Socket _listener;
        private readonly DeviceScript _script;
        private readonly Task _serving;
        private Stream? _connection;
        private Task? _device;
        private System.Diagnostics.Stopwatch? _deviceEnded;

        private DoubleEmulator(IReadOnlyList<string> arguments, DeviceScript script)
        {
            Arguments = arguments;
            _script = script;
            int serial = Enumerable.Range(0, arguments.Count).Where(i => arguments[i] == "-serial").ElementAt(1);
            string spec = arguments[serial + 1];
            const string Suffix = ",server=on,wait=on";
            if (!spec.StartsWith("unix:", StringComparison.Ordinal) || !spec.EndsWith(Suffix, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the second -serial is not a Unix socket QEMU waits on: " + spec);
            }

            SocketPath = spec["unix:".Length..^Suffix.Length].Replace(",,", ",", StringComparison.Ordinal);
            string loader = arguments.Last(a => a.StartsWith("loader,file=", StringComparison.Ordinal));
            string file = loader["loader,file=".Length..loader.LastIndexOf(",addr=", StringComparison.Ordinal)].Replace(",,", ",", StringComparison.Ordinal);
            Deployment = File.ReadAllBytes(file);
            DeploymentAddress = loader[(loader.LastIndexOf(",addr=", StringComparison.Ordinal) + ",addr=".Length)..];
            _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
            _listener.Listen(1);
            _serving = Task.Run(Serve);
        }

        internal IReadOnlyList<string> Arguments { get; }

        internal string SocketPath { get; }

        internal byte[] Deployment { get; }

        internal string DeploymentAddress { get; }

        internal bool Stopped { get; private set; }

        internal DeviceDouble? Device { get; private set; }

        /// <summary>When set, the emulator "exits" with this code once the device closed the connection.</summary>
        internal int? ExitsWith { get; set; }

        /// <summary>
        /// Like QEMU, whose process is seen to end a moment after its socket
        /// closed: an emulator that exits does so 300 ms after its device ended.
        /// </summary>
        public bool HasExited => Stopped || (ExitsWith.HasValue && _deviceEnded != null && _deviceEnded.Elapsed >= TimeSpan.FromMilliseconds(300));

        public int ExitCode => ExitsWith ?? 0;

        public string OutputTail => ExitsWith.HasValue ? "qemu-system-arm: the stand-in ended" : string.Empty;

        /// <summary>The starter the runner calls; the emulator it started is kept in <paramref name="started"/>.</summary>
        internal static EmulatorStarter Starter(DeviceScript script, List<DoubleEmulator> started, int? exitsWith = null) =>
            (program, arguments) =>
            {
                var emulator = new DoubleEmulator(arguments, script) { ExitsWith = exitsWith };
                started.Add(emulator);
                return emulator;
            };

        public void Stop()
        {
            Stopped = true;
            _connection?.Dispose();
            _listener.Dispose();
            _serving.Wait(TimeSpan.FromSeconds(10));
            _device?.Wait(TimeSpan.FromSeconds(10));
        }

        public void Dispose() => Stop();

        private void Serve()
        {
            try
            {
                Socket accepted = _listener.Accept();
                _connection = new NetworkStream(accepted, ownsSocket: true);
                (DeviceDouble device, Task running) = DeviceDouble.Start(_connection, _script);
                Device = device;
                _device = running.ContinueWith(_ => _deviceEnded = System.Diagnostics.Stopwatch.StartNew(), TaskScheduler.Default);
            }
            catch (SocketException)
            {
                // Stopped before the runner connected.
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
