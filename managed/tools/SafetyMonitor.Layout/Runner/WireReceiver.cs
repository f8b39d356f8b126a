using System;

namespace SafetyMonitor.Layout.Runner
{
    /// <summary>Whether the device's packets carry CRCs (its ping reply says so: Monitor_Ping_c_Ping_WPFlag_SupportsCRC32).</summary>
    public enum CrcMode
    {
        /// <summary>Not known yet: a packet passes if its CRCs check, or if both CRC fields are 0.</summary>
        Unknown,

        /// <summary>Every packet's header and payload CRC must check.</summary>
        On,

        /// <summary>The device computes none (CONFIG_NF_WP_ENABLE_CRC32 off): both fields must be 0; nothing can be checked.</summary>
        Off,
    }

    /// <summary>
    /// Cuts the byte stream from a device into packets. It looks for the
    /// marker "NFPKTV1\0", takes the 32-byte header, checks it (its CRC, or
    /// zero CRC fields when the device has none; Size at most
    /// <see cref="WireProtocol.MaxPayload"/>), waits for Size payload bytes
    /// and checks their CRC. A packet that fails either check is counted and
    /// dropped, and the search starts again one byte after its marker, so a
    /// packet cut short (the device's transmit gave up half-way: chnWriteTimeout
    /// in targets/ChibiOS/_common/WireProtocol_HAL_Interface.c) does not hide
    /// the packet that follows it; the device's own receiver resynchronises the
    /// same way (SyncToMessageStart, WireProtocol_Message.c). Bytes outside any
    /// packet are counted and skipped. Not thread-safe.
    /// </summary>
    public sealed class WireReceiver
    {
        private byte[] _buffer = new byte[4096];
        private int _start;
        private int _end;

        /// <summary>How the CRC fields are checked; the session sets it from the ping reply.</summary>
        public CrcMode Crc { get; set; } = CrcMode.Unknown;

        /// <summary>Headers refused: a wrong CRC (or non-zero CRC fields without CRC32), or a Size above the bound.</summary>
        public int BadHeaders { get; private set; }

        /// <summary>Payloads refused: their CRC did not check.</summary>
        public int BadPayloads { get; private set; }

        /// <summary>Bytes skipped outside any marker.</summary>
        public long SkippedBytes { get; private set; }

        /// <summary>Adds bytes received from the device.</summary>
        /// <param name="bytes">The bytes, in order.</param>
        public void Feed(ReadOnlySpan<byte> bytes)
        {
            if (_end + bytes.Length > _buffer.Length)
            {
                int held = _end - _start;
                byte[] target = held + bytes.Length > _buffer.Length ? new byte[Math.Max(2 * _buffer.Length, held + bytes.Length)] : _buffer;
                _buffer.AsSpan(_start, held).CopyTo(target); // overlap-safe when target is _buffer
                _buffer = target;
                _start = 0;
                _end = held;
            }

            bytes.CopyTo(_buffer.AsSpan(_end));
            _end += bytes.Length;
        }

        /// <summary>Takes the next intact packet, if one has arrived whole.</summary>
        /// <param name="packet">The packet, or null.</param>
        /// <returns>Whether a packet was taken.</returns>
        public bool TryTake(out WirePacket? packet)
        {
            packet = null;
            while (true)
            {
                ReadOnlySpan<byte> held = _buffer.AsSpan(_start, _end - _start);
                int at = held.IndexOf(WireProtocol.Marker);
                if (at < 0)
                {
                    // Keep a tail that could be the start of a marker.
                    int keep = Math.Min(held.Length, WireProtocol.Marker.Length - 1);
                    SkippedBytes += held.Length - keep;
                    _start = _end - keep;
                    return false;
                }

                SkippedBytes += at;
                _start += at;
                if (_end - _start < WireProtocol.HeaderSize)
                {
                    return false;
                }

                ReadOnlySpan<byte> headerBytes = _buffer.AsSpan(_start, WireProtocol.HeaderSize);
                WireHeader header = WireHeader.Read(headerBytes);
                bool zeroCrcs = header.CrcHeader == 0 && header.CrcData == 0;
                bool crcChecked = Crc == CrcMode.On || (Crc == CrcMode.Unknown && !zeroCrcs);
                bool headerGood = (crcChecked ? WireProtocol.HeaderCrc(headerBytes) == header.CrcHeader : zeroCrcs)
                    && header.Size <= WireProtocol.MaxPayload;
                if (!headerGood)
                {
                    BadHeaders++;
                    _start++;
                    continue;
                }

                int total = WireProtocol.HeaderSize + (int)header.Size;
                if (_end - _start < total)
                {
                    return false;
                }

                ReadOnlySpan<byte> payload = _buffer.AsSpan(_start + WireProtocol.HeaderSize, (int)header.Size);
                if (crcChecked && NanoCrc32.Compute(payload) != header.CrcData)
                {
                    BadPayloads++;
                    _start++;
                    continue;
                }

                packet = new WirePacket(header, payload.ToArray());
                _start += total;
                return true;
            }
        }
    }
}
