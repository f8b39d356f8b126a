using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace SafetyMonitor.Layout.Runner
{
    /// <summary>How a session with a device ended.</summary>
    public enum SessionEnd
    {
        /// <summary>The device sent Monitor_ProgramExit, or its ping reply carried Monitor_Ping_c_Ping_DbgFlag_AppExit.</summary>
        ProgramExited,

        /// <summary>No ping reply within the answer time.</summary>
        NoAnswer,

        /// <summary>The device answered, but the program had not exited when the time ran out.</summary>
        TimedOut,

        /// <summary>The connection closed (QEMU ended) before the program exited.</summary>
        Disconnected,
    }

    /// <summary>The limits of a session. Times count from <see cref="Clock"/>'s start.</summary>
    public sealed class SessionOptions
    {
        /// <summary>The clock (started when QEMU was started, so its start-up counts); a new one by default.</summary>
        public Stopwatch Clock { get; init; } = Stopwatch.StartNew();

        /// <summary>The device must answer a ping within this time. Default 20 s.</summary>
        public TimeSpan AnswerTimeout { get; init; } = TimeSpan.FromSeconds(20);

        /// <summary>The program must exit within this time. Default 120 s.</summary>
        public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

        /// <summary>
        /// How often to ping while no reply has come (at start and after each
        /// boot). Default 250 ms, the step of the nanoCLR's own discovery pings
        /// (Debugger_Discovery, src/CLR/Debugger/Debugger.cpp).
        /// </summary>
        public TimeSpan PingInterval { get; init; } = TimeSpan.FromMilliseconds(250);
    }

    /// <summary>What a session saw.</summary>
    /// <param name="End">How it ended.</param>
    /// <param name="Lines">The device's text, one entry per line (CR and LF removed), in order.</param>
    /// <param name="BadHeaders">Packets dropped for a bad header (<see cref="WireReceiver.BadHeaders"/>).</param>
    /// <param name="BadPayloads">Packets dropped for a bad payload CRC.</param>
    /// <param name="SequenceGaps">Times a device packet's Sequence was not one more than the one before (packets lost whole).</param>
    /// <param name="SkippedBytes">Bytes outside any packet.</param>
    /// <param name="Boots">Boots seen: pings from the nanoCLR numbered 0 (at each reset it numbers its packets from 0 and pings first, Debugger_Discovery).</param>
    /// <param name="Crc">Whether the device's packets carry CRCs, from its ping reply.</param>
    /// <param name="Nacks">Bad-packet reports from the device (WP_ReportBadPacket: it refused a packet of ours).</param>
    public sealed record SessionResult(
        SessionEnd End,
        IReadOnlyList<string> Lines,
        int BadHeaders,
        int BadPayloads,
        int SequenceGaps,
        long SkippedBytes,
        int Boots,
        CrcMode Crc,
        int Nacks)
    {
        /// <summary>Whether every packet from the device arrived intact, so no text can be missing.</summary>
        public bool Intact => BadHeaders == 0 && BadPayloads == 0 && SequenceGaps == 0;
    }

    /// <summary>
    /// The host's side of a run over the wire protocol: ping (Monitor_Ping,
    /// Source = host, Flags 0 so the program does not stop at boot) until the
    /// nanoCLR replies, then collect Monitor_Message text until
    /// Monitor_ProgramExit. Facts (nf-interpreter a3e8139a): the nanoCLR
    /// sends Debug/Console text only after a host's ping has set the
    /// debugger Enabled (src/CLR/Diagnostics/Info.cpp; before that it is
    /// dropped); it flushes its 128-byte text buffer at a newline or past 80
    /// characters, so one line may come in several messages and a multi-byte
    /// character may be split; it pings once at every boot (Debugger_Discovery)
    /// and forgets the host at a reset, so the session pings again after each
    /// boot ping; its ping reply carries the CRC32 and program-exited flags
    /// (CLR_DBG_Debugger::Monitor_Ping). Every packet it sends takes the
    /// next Sequence (WP_Message_PrepareRequest/Reply), so a gap means a
    /// packet was lost.
    /// </summary>
    public sealed class DeviceSession
    {
        private readonly Stream _stream;
        private readonly SessionOptions _options;
        private readonly Action<string> _onLine;
        private readonly WireReceiver _receiver = new();
        private readonly List<string> _lines = new();
        private readonly HashSet<ushort> _pingsSent = new();
        private readonly Decoder _utf8 = new UTF8Encoding(false, false).GetDecoder();
        private readonly StringBuilder _partial = new();
        private ushort _hostSequence;
        private int? _expectedSequence;
        private bool _answered;
        private bool _awaitingReply = true;
        private TimeSpan _nextPing = TimeSpan.Zero;
        private int _gaps;
        private int _boots;
        private int _nacks;

        private DeviceSession(Stream stream, SessionOptions options, Action<string> onLine)
        {
            _stream = stream;
            _options = options;
            _onLine = onLine;
        }

        /// <summary>Runs a session to its end. Never throws for what the device does; the stream is not closed.</summary>
        /// <param name="stream">The connection to the device's wire-protocol serial port (read and written).</param>
        /// <param name="options">The limits.</param>
        /// <param name="onLine">Called with each line of the device's text as it completes.</param>
        /// <returns>What the session saw.</returns>
        /// <exception cref="ArgumentNullException">An argument is null.</exception>
        public static Task<SessionResult> RunAsync(Stream stream, SessionOptions options, Action<string> onLine)
        {
            ArgumentNullException.ThrowIfNull(stream);
            ArgumentNullException.ThrowIfNull(options);
            ArgumentNullException.ThrowIfNull(onLine);
            return new DeviceSession(stream, options, onLine).RunAsync();
        }

        private async Task<SessionResult> RunAsync()
        {
            var buffer = new byte[4096];
            Task<int>? read = null;
            while (true)
            {
                TimeSpan now = _options.Clock.Elapsed;
                if (!_answered && now >= _options.AnswerTimeout)
                {
                    return Finish(SessionEnd.NoAnswer);
                }

                if (now >= _options.Timeout)
                {
                    return Finish(SessionEnd.TimedOut);
                }

                if (_awaitingReply && now >= _nextPing && !TrySendPing(now))
                {
                    return Finish(SessionEnd.Disconnected);
                }

                TimeSpan deadline = _options.Timeout;
                if (!_answered && _options.AnswerTimeout < deadline)
                {
                    deadline = _options.AnswerTimeout;
                }

                if (_awaitingReply && _nextPing < deadline)
                {
                    deadline = _nextPing;
                }

                try
                {
                    read ??= _stream.ReadAsync(buffer, 0, buffer.Length);
                }
                catch (Exception e) when (e is IOException || e is ObjectDisposedException || e is NotSupportedException)
                {
                    return Finish(SessionEnd.Disconnected);
                }

                TimeSpan wait = deadline - _options.Clock.Elapsed;
                if (await Task.WhenAny(read, Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero)).ConfigureAwait(false) != read)
                {
                    continue;
                }

                int count;
                try
                {
                    count = await read.ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException || e is ObjectDisposedException)
                {
                    return Finish(SessionEnd.Disconnected);
                }

                read = null;
                if (count == 0)
                {
                    return Finish(SessionEnd.Disconnected);
                }

                _receiver.Feed(buffer.AsSpan(0, count));
                while (_receiver.TryTake(out WirePacket? packet))
                {
                    if (Handle(packet!))
                    {
                        return Finish(SessionEnd.ProgramExited);
                    }
                }
            }
        }

        /// <summary>Acts on one intact packet; true when the program has exited.</summary>
        private bool Handle(WirePacket packet)
        {
            WireHeader header = packet.Header;
            bool isPing = header.Command == WireProtocol.MonitorPing;
            bool badPacketReport = isPing && !header.IsReply && (header.Flags & WireProtocol.FlagNack) != 0;
            bool devicePing = isPing && !header.IsReply && !badPacketReport;
            if (devicePing && header.Sequence == 0)
            {
                // A reset: the nanoCLR numbers its packets from 0 again
                // (_lastOutboundMessage is a static) and no longer knows the
                // host. A line cut by the reset ends here.
                _boots++;
                _expectedSequence = null;
                FlushPartialLine();
            }

            if (_expectedSequence.HasValue && header.Sequence != _expectedSequence.Value)
            {
                _gaps++;
            }

            _expectedSequence = (ushort)(header.Sequence + 1);
            if (devicePing)
            {
                // The nanoCLR looks for a host (Debugger_Discovery): answer it.
                _awaitingReply = true;
                _nextPing = TimeSpan.Zero;
                return false;
            }

            if (badPacketReport)
            {
                // The device refused a ping of ours; ping again.
                _nacks++;
                _nextPing = TimeSpan.Zero;
                return false;
            }

            switch (header.Command)
            {
                case WireProtocol.MonitorPing when _pingsSent.Contains(header.SequenceReply) && packet.Payload.Length >= 8:
                    uint flags = BinaryPrimitives.ReadUInt32LittleEndian(packet.Payload.AsSpan(4));
                    _answered = true;
                    _awaitingReply = false;
                    _receiver.Crc = (flags & WireProtocol.PingFlagSupportsCrc32) != 0 ? CrcMode.On : CrcMode.Off;
                    return (flags & WireProtocol.PingFlagAppExit) != 0;
                case WireProtocol.MonitorMessage:
                    AddText(packet.Payload, flush: false);
                    return false;
                case WireProtocol.MonitorProgramExit when _answered:
                    // (A nanoCLR sends nothing but pings before a host's ping
                    // is answered: an exit before that is not this run's.)
                    AddText(Array.Empty<byte>(), flush: true);
                    FlushPartialLine();
                    return true;
                default:
                    return false;
            }
        }

        private bool TrySendPing(TimeSpan now)
        {
            Span<byte> payload = stackalloc byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(payload, WireProtocol.PingSourceHost);
            BinaryPrimitives.WriteUInt32LittleEndian(payload[4..], 0);
            ushort sequence = _hostSequence++;
            byte[] ping = WireProtocol.Encode(new WireHeader(0, 0, WireProtocol.MonitorPing, sequence, 0, 0, 0), payload);
            try
            {
                _stream.Write(ping, 0, ping.Length);
                _stream.Flush();
            }
            catch (Exception e) when (e is IOException || e is ObjectDisposedException || e is NotSupportedException)
            {
                return false;
            }

            _pingsSent.Add(sequence);
            _nextPing = now + _options.PingInterval;
            return true;
        }

        private void AddText(byte[] bytes, bool flush)
        {
            var chars = new char[_utf8.GetCharCount(bytes, 0, bytes.Length, flush)];
            _utf8.GetChars(bytes, 0, bytes.Length, chars, 0, flush);
            foreach (char c in chars)
            {
                if (c == '\n')
                {
                    EmitLine();
                }
                else if (c != '\r')
                {
                    _partial.Append(c);
                }
            }
        }

        private void FlushPartialLine()
        {
            if (_partial.Length > 0)
            {
                EmitLine();
            }
        }

        private void EmitLine()
        {
            string line = _partial.ToString();
            _partial.Clear();
            _lines.Add(line);
            _onLine(line);
        }

        private SessionResult Finish(SessionEnd end)
        {
            if (end != SessionEnd.ProgramExited)
            {
                FlushPartialLine();
            }

            return new SessionResult(end, _lines, _receiver.BadHeaders, _receiver.BadPayloads, _gaps, _receiver.SkippedBytes, _boots, _receiver.Crc, _nacks);
        }
    }
}
