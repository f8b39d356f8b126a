using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SafetyMonitor.Layout.Tests.Runner
{
    /// <summary>What the device double does, and which fault it injects. Message numbers count Monitor_Message packets over the whole run, from 0.</summary>
    internal sealed class DeviceScript
    {
        /// <summary>The program's text, one entry per line ("\r\n" is added, as Console.WriteLine on the device does).</summary>
        internal List<string> Lines { get; } = new List<string>();

        /// <summary>Bytes per Monitor_Message (a line, with its CR LF, is cut into pieces of this size); the nanoCLR flushes its buffer past 80 characters.</summary>
        internal int ChunkSize { get; set; } = 81;

        /// <summary>Never sends a byte, never answers.</summary>
        internal bool Silent { get; set; }

        /// <summary>Sends its text but never Monitor_ProgramExit.</summary>
        internal bool NeverExits { get; set; }

        /// <summary>Closes the connection after its text instead of sending Monitor_ProgramExit (QEMU ended).</summary>
        internal bool CloseAfterText { get; set; }

        /// <summary>Computes CRCs (CONFIG_NF_WP_ENABLE_CRC32), and says so in its ping reply.</summary>
        internal bool Crc32 { get; set; } = true;

        /// <summary>This message goes out with its header CRC off by one bit.</summary>
        internal int CorruptHeaderOfMessage { get; set; } = -1;

        /// <summary>This message goes out with one payload bit flipped (its CRC no longer matches).</summary>
        internal int CorruptPayloadOfMessage { get; set; } = -1;

        /// <summary>This message is lost whole: it takes its sequence number, nothing is sent.</summary>
        internal int DropMessage { get; set; } = -1;

        /// <summary>This message is cut off half-way through its payload (a transmit that gave up).</summary>
        internal int TruncateMessage { get; set; } = -1;

        /// <summary>After this message the device resets: numbers from 0 again, pings, forgets the host.</summary>
        internal int RebootAfterMessage { get; set; } = -1;

        /// <summary>Noise bytes sent before every message.</summary>
        internal byte[] Noise { get; set; } = Array.Empty<byte>();

        /// <summary>Its ping reply says the program has already exited (Monitor_Ping_c_Ping_DbgFlag_AppExit), and it sends nothing more.</summary>
        internal bool AppExitInPingReply { get; set; }

        /// <summary>It refuses the host's first pings, this many, as bad headers (WP_ReportBadPacket).</summary>
        internal int RefusePings { get; set; }

        /// <summary>Added to the SequenceReply of every ping reply (a reply to a ping the host never sent).</summary>
        internal int ReplySequenceOffset { get; set; }

        /// <summary>Its ping replies carry 4 payload bytes instead of 8.</summary>
        internal bool ShortPingReply { get; set; }

        /// <summary>After this message it pings as at discovery, with its next sequence number (no reset).</summary>
        internal int PingAgainAfterMessage { get; set; } = -1;

        /// <summary>It ignores this many host pings first (not yet listening).</summary>
        internal int IgnoreFirstPings { get; set; }

        /// <summary>Text sent after the lines with no newline at its end.</summary>
        internal string Trailing { get; set; } = string.Empty;

        internal DeviceScript Say(params string[] lines)
        {
            Lines.AddRange(lines);
            return this;
        }
    }

    /// <summary>
    /// A nanoCLR's side of the wire protocol, written for the tests from the
    /// protocol's definition (nf-interpreter a3e8139a, src/CLR/Include/WireProtocol.h,
    /// src/CLR/WireProtocol/WireProtocol_Message.c, src/CLR/Debugger/Debugger.cpp)
    /// and independent of the runner's code (its own CRC and packet layout),
    /// so that a mistake in the runner's cannot agree with itself. As strict
    /// as the real device: it pings at boot; its text is dropped until a host
    /// ping (with the host's Source) has enabled the debugger; a host ping
    /// whose header CRC fails gets a bad-packet report, not a reply; a ping
    /// asking to stop at boot (Monitor_Ping_c_Ping_DbgFlag_Stop) keeps the
    /// program from running; every packet it sends takes the next sequence number.
    /// </summary>
    internal sealed class DeviceDouble
    {
        private static readonly byte[] Marker = Encoding.ASCII.GetBytes("NFPKTV1\0");
        private readonly DeviceScript _script;
        private readonly Stream _stream;
        private readonly object _writeLock = new object();
        private readonly SemaphoreSlim _pinged = new SemaphoreSlim(0);
        private readonly List<byte> _received = new List<byte>();
        private ushort _sequence;
        private volatile bool _enabled;
        private volatile bool _stopped;
        private volatile bool _closed;
        private int _pingsRefused;

        private DeviceDouble(Stream stream, DeviceScript script)
        {
            _stream = stream;
            _script = script;
        }

        /// <summary>Sources, flags and sequence numbers of the host pings the device accepted, in order.</summary>
        internal List<(uint Source, uint Flags, ushort Sequence)> HostPings { get; } = new List<(uint, uint, ushort)>();

        /// <summary>Host packets whose header CRC failed.</summary>
        internal int BadHostPackets { get; private set; }

        /// <summary>Starts the device on <paramref name="stream"/>; the task ends when the host closes it.</summary>
        internal static (DeviceDouble Device, Task Running) Start(Stream stream, DeviceScript script)
        {
            var device = new DeviceDouble(stream, script);
            Task running = Task.Run(device.RunAsync);
            return (device, running);
        }

        /// <summary>CRC-32 as nanoFramework's SUPPORT_ComputeCRC, bit by bit (poly 0x04C11DB7, MSB first, init 0, no final XOR).</summary>
        internal static uint Crc(byte[] data, int offset, int count)
        {
            uint crc = 0;
            for (int i = offset; i < offset + count; i++)
            {
                crc ^= (uint)data[i] << 24;
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
                }
            }

            return crc;
        }

        /// <summary>A packet as the nanoCLR builds one (WP_Message_PrepareRequest/PrepareReply).</summary>
        internal static byte[] Packet(uint command, ushort sequence, ushort sequenceReply, uint flags, byte[] payload, bool crc32)
        {
            var packet = new byte[32 + payload.Length];
            Marker.CopyTo(packet, 0);
            BinaryPrimitives.WriteUInt32LittleEndian(packet.AsSpan(12), crc32 ? Crc(payload, 0, payload.Length) : 0);
            BinaryPrimitives.WriteUInt32LittleEndian(packet.AsSpan(16), command);
            BinaryPrimitives.WriteUInt16LittleEndian(packet.AsSpan(20), sequence);
            BinaryPrimitives.WriteUInt16LittleEndian(packet.AsSpan(22), sequenceReply);
            BinaryPrimitives.WriteUInt32LittleEndian(packet.AsSpan(24), flags);
            BinaryPrimitives.WriteUInt32LittleEndian(packet.AsSpan(28), (uint)payload.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(packet.AsSpan(8), crc32 ? Crc(packet, 0, 32) : 0);
            payload.CopyTo(packet, 32);
            return packet;
        }

        private static byte[] PingPayload(uint source, uint flags)
        {
            var payload = new byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(payload, source);
            BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(4), flags);
            return payload;
        }

        private async Task RunAsync()
        {
            Task reading = Task.Run(ReadLoop);
            try
            {
                if (!_script.Silent)
                {
                    await RunProgramAsync().ConfigureAwait(false);
                }
            }
            catch (IOException)
            {
                // The host went away.
            }
            catch (ObjectDisposedException)
            {
            }

            await reading.ConfigureAwait(false);
        }

        private async Task RunProgramAsync()
        {
            await BootAsync().ConfigureAwait(false);
            if (_script.AppExitInPingReply)
            {
                return;
            }

            // The nanoCLR flushes its text buffer at each newline and past 80
            // characters (src/CLR/Diagnostics/Info.cpp): a message per line,
            // a long line in pieces.
            int message = 0;
            foreach (string line in _script.Lines)
            {
                byte[] text = Encoding.UTF8.GetBytes(line + "\r\n");
                for (int at = 0; at < text.Length; at += _script.ChunkSize, message++)
                {
                    byte[] chunk = text.AsSpan(at, Math.Min(_script.ChunkSize, text.Length - at)).ToArray();
                    Send(_script.Noise);
                    SendMessage(message, chunk);
                    if (message == _script.RebootAfterMessage)
                    {
                        await BootAsync().ConfigureAwait(false);
                    }

                    if (message == _script.PingAgainAfterMessage)
                    {
                        await BootAsync(reset: false).ConfigureAwait(false);
                    }
                }
            }

            if (_script.Trailing.Length > 0)
            {
                SendMessage(message++, Encoding.UTF8.GetBytes(_script.Trailing));
            }

            if (_script.CloseAfterText)
            {
                _stream.Dispose();
                return;
            }

            if (!_script.NeverExits)
            {
                lock (_writeLock)
                {
                    // Monitor_ProgramExit, as CLRStartup.cpp broadcasts it.
                    Send(Packet(0x09, _sequence++, 0, 0x0001, Array.Empty<byte>(), _script.Crc32));
                }
            }
        }

        /// <summary>A reset (number from 0), or only a discovery: ping, wait for a host ping (text before it would be dropped).</summary>
        private async Task BootAsync(bool reset = true)
        {
            _enabled = false;
            lock (_writeLock)
            {
                // Debugger_Discovery's ping: Source nanoCLR, NoCaching | NonCritical.
                if (reset)
                {
                    _sequence = 0;
                }

                Send(Packet(0x00, _sequence++, 0, 0x2000 | 0x0001, PingPayload(0x00010000, 0), _script.Crc32));
            }

            while ((!_enabled || _stopped) && !_closed)
            {
                await _pinged.WaitAsync().ConfigureAwait(false);
            }

            if (_closed)
            {
                throw new IOException("the host closed the connection");
            }
        }

        private void SendMessage(int message, byte[] chunk)
        {
            lock (_writeLock)
            {
                SendMessageLocked(message, chunk);
            }
        }

        private void SendMessageLocked(int message, byte[] chunk)
        {
            ushort sequence = _sequence++;
            if (message == _script.DropMessage)
            {
                return;
            }

            // Monitor_Message: NonCritical | NoCaching (src/CLR/Diagnostics/Info.cpp).
            byte[] packet = Packet(0x01, sequence, 0, 0x0001 | 0x2000, chunk, _script.Crc32);
            if (message == _script.CorruptHeaderOfMessage)
            {
                packet[8] ^= 0x01;
            }

            if (message == _script.CorruptPayloadOfMessage)
            {
                packet[32] ^= 0x01;
            }

            if (message == _script.TruncateMessage)
            {
                packet = packet.AsSpan(0, 32 + (chunk.Length / 2)).ToArray();
            }

            Send(packet);
        }

        private void Send(byte[] bytes)
        {
            if (bytes.Length == 0)
            {
                return;
            }

            lock (_writeLock)
            {
                _stream.Write(bytes, 0, bytes.Length);
                _stream.Flush();
            }
        }

        private void ReadLoop()
        {
            var buffer = new byte[1024];
            try
            {
                int count;
                while ((count = _stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    for (int i = 0; i < count; i++)
                    {
                        _received.Add(buffer[i]);
                    }

                    while (TakeHostPacket())
                    {
                    }
                }
            }
            catch (IOException)
            {
            }
            catch (ObjectDisposedException)
            {
            }

            _closed = true;
            _pinged.Release();
        }

        /// <summary>Takes one host packet from what was received; false when none is whole.</summary>
        private bool TakeHostPacket()
        {
            int at = IndexOfMarker();
            if (at < 0)
            {
                _received.RemoveRange(0, Math.Max(0, _received.Count - (Marker.Length - 1)));
                return false;
            }

            _received.RemoveRange(0, at);
            if (_received.Count < 32)
            {
                return false;
            }

            byte[] header = _received.GetRange(0, 32).ToArray();
            uint crcHeader = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(8));
            header[8] = header[9] = header[10] = header[11] = 0;
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(28));
            if (_script.Silent)
            {
                _received.Clear();
                return false;
            }

            bool good = Crc(header, 0, 32) == crcHeader && size <= 1024;
            if (good && _pingsRefused < _script.RefusePings)
            {
                _pingsRefused++;
                good = false;
            }

            if (!good)
            {
                // WP_ReportBadPacket: a request with command 0, NACK | NonCritical | BadHeader, no payload.
                BadHostPackets++;
                _received.RemoveAt(0);
                lock (_writeLock)
                {
                    Send(Packet(0x00, _sequence++, 0, 0x4000 | 0x0001 | 0x0004, Array.Empty<byte>(), _script.Crc32));
                }

                return true;
            }

            if (_received.Count < 32 + size)
            {
                return false;
            }

            byte[] payload = _received.GetRange(32, (int)size).ToArray();
            _received.RemoveRange(0, 32 + (int)size);
            uint command = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(16));
            ushort sequence = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(20));
            uint flags = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(24));
            if (command == 0 && (flags & 0x0002) == 0 && payload.Length == 8 && Crc(payload, 0, 8) == BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(12)))
            {
                uint source = BinaryPrimitives.ReadUInt32LittleEndian(payload);
                uint pingFlags = BinaryPrimitives.ReadUInt32LittleEndian(payload.AsSpan(4));
                HostPings.Add((source, pingFlags, sequence));
                if (HostPings.Count <= _script.IgnoreFirstPings)
                {
                    return true;
                }

                if (source == 0x00010002)
                {
                    _stopped = (pingFlags & 0x1) != 0;
                    uint replyFlags = (_script.Crc32 ? 0x10u : 0) | 0x100u | (_script.AppExitInPingReply ? 0x4u : 0);
                    lock (_writeLock)
                    {
                        // WP_ReplyToCommand(success, not critical): ACK | NonCritical | Reply.
                        byte[] reply = PingPayload(0x00010000, replyFlags).AsSpan(0, _script.ShortPingReply ? 4 : 8).ToArray();
                        Send(Packet(0x00, _sequence++, (ushort)(sequence + _script.ReplySequenceOffset), 0x8000 | 0x0001 | 0x0002, reply, _script.Crc32));
                    }

                    _enabled = true;
                    _pinged.Release();
                }
            }

            return true;
        }

        private int IndexOfMarker()
        {
            for (int i = 0; i + Marker.Length <= _received.Count; i++)
            {
                int j = 0;
                while (j < Marker.Length && _received[i + j] == Marker[j])
                {
                    j++;
                }

                if (j == Marker.Length)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
