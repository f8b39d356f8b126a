using System;
using System.IO;
using System.Net.Sockets;

namespace SafetyMonitor.Layout.Tests.Runner
{
    /// <summary>Two connected Unix-domain stream sockets, as the runner and QEMU's serial port are: the host's end and the device's.</summary>
    internal sealed class SocketPair : IDisposable
    {
        private SocketPair(Stream host, Stream device)
        {
            Host = host;
            Device = device;
        }

        internal Stream Host { get; }

        internal Stream Device { get; }

        internal static SocketPair Create()
        {
            string path = Path.Combine(Path.GetTempPath(), "smpair-" + Guid.NewGuid().ToString("N")[..12] + ".sock");
            var endpoint = new UnixDomainSocketEndPoint(path);
            using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(endpoint);
            listener.Listen(1);
            var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            client.Connect(endpoint);
            Socket server = listener.Accept();
            File.Delete(path);
            return new SocketPair(new NetworkStream(client, ownsSocket: true), new NetworkStream(server, ownsSocket: true));
        }

        public void Dispose()
        {
            Host.Dispose();
            Device.Dispose();
        }
    }
}
