using System;
using System.Buffers.Binary;

namespace SafetyMonitor.Layout.Runner
{
    /// <summary>
    /// The facts of nanoFramework's wire protocol the runner uses, from its
    /// public definition in nf-interpreter a3e8139a (2026-07-24):
    /// src/CLR/Include/WireProtocol.h (packet layout, flags, command codes,
    /// ping flags), src/CLR/WireProtocol/WireProtocol_Message.c (how the
    /// CRCs are computed and checked), src/CLR/Include/WireProtocol_MonitorCommands.h
    /// (Monitor_Ping_Command). A packet is a 32-byte header, all fields
    /// little-endian (the Cortex-M's byte order; nf-debugger b8f26fb0 reads
    /// them so, WireProtocol/Converter.cs), then Size payload bytes.
    /// </summary>
    public static class WireProtocol
    {
        /// <summary>The header's size in bytes (WP_Packet; WP_CompileCheck asserts 8 * 4).</summary>
        public const int HeaderSize = 32;

        /// <summary>
        /// The largest payload the runner accepts from a device: nf-debugger's
        /// own sanity bound (MessageReassembler.cs refuses a Size above 2048).
        /// The device's replies and messages are far smaller (WP_PACKET_SIZE
        /// 1024 at most; a Monitor_Message carries at most 127 characters,
        /// CLR_Debug's s_buffer in src/CLR/Diagnostics/Info.cpp).
        /// </summary>
        public const int MaxPayload = 2048;

        /// <summary>Monitor_Ping: "let the other side know we are here"; payload Monitor_Ping_Command (Source, Flags).</summary>
        public const uint MonitorPing = 0x00000000;

        /// <summary>Monitor_Message: the payload is text (UTF-8), no terminating zero.</summary>
        public const uint MonitorMessage = 0x00000001;

        /// <summary>Monitor_ProgramExit: empty payload, the program ended (src/CLR/Startup/CLRStartup.cpp).</summary>
        public const uint MonitorProgramExit = 0x00000009;

        /// <summary>WP_Flags_c_NonCritical: needs no acknowledge.</summary>
        public const uint FlagNonCritical = 0x0001;

        /// <summary>WP_Flags_c_Reply: the packet answers a command (SeqReply names it).</summary>
        public const uint FlagReply = 0x0002;

        /// <summary>WP_Flags_c_BadHeader: the sender got a header that failed its checks (WP_ReportBadPacket).</summary>
        public const uint FlagBadHeader = 0x0004;

        /// <summary>WP_Flags_c_BadPayload: the sender got a payload that failed its CRC.</summary>
        public const uint FlagBadPayload = 0x0008;

        /// <summary>WP_Flags_c_NoCaching.</summary>
        public const uint FlagNoCaching = 0x2000;

        /// <summary>WP_Flags_c_NACK.</summary>
        public const uint FlagNack = 0x4000;

        /// <summary>WP_Flags_c_ACK.</summary>
        public const uint FlagAck = 0x8000;

        /// <summary>Monitor_Ping_c_Ping_Source_NanoCLR: a ping or reply from the nanoCLR.</summary>
        public const uint PingSourceNanoClr = 0x00010000;

        /// <summary>Monitor_Ping_c_Ping_Source_Host: a ping from the host (the runner).</summary>
        public const uint PingSourceHost = 0x00010002;

        /// <summary>
        /// Monitor_Ping_c_Ping_DbgFlag_Stop: in a host's ping, stop the program
        /// at boot for a debugger (CLR_DBG_Debugger::Monitor_Ping,
        /// src/CLR/Debugger/Debugger.cpp). The runner never sets it.
        /// </summary>
        public const uint PingFlagStop = 0x00000001;

        /// <summary>Monitor_Ping_c_Ping_DbgFlag_AppExit: in the nanoCLR's ping reply, the program has exited.</summary>
        public const uint PingFlagAppExit = 0x00000004;

        /// <summary>
        /// Monitor_Ping_c_Ping_WPFlag_SupportsCRC32: in the nanoCLR's ping reply,
        /// its packets carry CRCs (CONFIG_NF_WP_ENABLE_CRC32, default n in
        /// Kconfig.wireprotocol); without it both CRC fields are 0.
        /// </summary>
        public const uint PingFlagSupportsCrc32 = 0x00000010;

        /// <summary>The packet marker, "NFPKTV1" and its terminating zero (MARKER_PACKET_V1, 8 bytes).</summary>
        public static ReadOnlySpan<byte> Marker => "NFPKTV1\0"u8;

        /// <summary>
        /// Builds a packet as WP_Message_PrepareRequest / PrepareReply do:
        /// the marker, CrcData over the payload, the fields, then CrcHeader
        /// over the 32-byte header with the CrcHeader field zero. Without
        /// CRC32 both CRC fields stay 0.
        /// </summary>
        /// <param name="header">The fields; its CRC fields are ignored and computed.</param>
        /// <param name="payload">The payload; its length becomes Size.</param>
        /// <param name="crc32">Whether to compute the CRCs.</param>
        /// <returns>The packet's bytes.</returns>
        public static byte[] Encode(WireHeader header, ReadOnlySpan<byte> payload, bool crc32 = true)
        {
            var packet = new byte[HeaderSize + payload.Length];
            var fields = header with
            {
                CrcHeader = 0,
                CrcData = crc32 ? NanoCrc32.Compute(payload) : 0,
                Size = (uint)payload.Length,
            };
            fields.Write(packet);
            if (crc32)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(packet.AsSpan(8), NanoCrc32.Compute(packet.AsSpan(0, HeaderSize)));
            }

            payload.CopyTo(packet.AsSpan(HeaderSize));
            return packet;
        }

        /// <summary>The CRC a header must carry: over its 32 bytes with the CrcHeader field (offset 8) taken as 0.</summary>
        /// <param name="header">At least 32 bytes, the header first.</param>
        /// <returns>The CRC.</returns>
        public static uint HeaderCrc(ReadOnlySpan<byte> header)
        {
            Span<byte> copy = stackalloc byte[HeaderSize];
            header[..HeaderSize].CopyTo(copy);
            copy.Slice(8, 4).Clear();
            return NanoCrc32.Compute(copy);
        }
    }

    /// <summary>
    /// WP_Packet after its 8-byte marker: m_crcHeader (offset 8),
    /// m_crcData (12), m_cmd (16), m_seq (20, 16 bits), m_seqReply (22),
    /// m_flags (24), m_size (28).
    /// </summary>
    /// <param name="CrcHeader">CRC of the header with this field 0.</param>
    /// <param name="CrcData">CRC of the payload.</param>
    /// <param name="Command">The command code (CLR_DBG_Commands_c_Monitor_*).</param>
    /// <param name="Sequence">The sender's packet number, one more for every packet it sends.</param>
    /// <param name="SequenceReply">In a reply, the Sequence of the packet it answers.</param>
    /// <param name="Flags">WP_Flags_c_*.</param>
    /// <param name="Size">Payload bytes that follow the header.</param>
    public readonly record struct WireHeader(uint CrcHeader, uint CrcData, uint Command, ushort Sequence, ushort SequenceReply, uint Flags, uint Size)
    {
        /// <summary>Whether the packet is a reply (WP_Flags_c_Reply).</summary>
        public bool IsReply => (Flags & WireProtocol.FlagReply) != 0;

        /// <summary>Reads the fields of a header (marker not checked).</summary>
        /// <param name="header">At least 32 bytes, the header first.</param>
        /// <returns>The fields.</returns>
        public static WireHeader Read(ReadOnlySpan<byte> header) => new(
            BinaryPrimitives.ReadUInt32LittleEndian(header[8..]),
            BinaryPrimitives.ReadUInt32LittleEndian(header[12..]),
            BinaryPrimitives.ReadUInt32LittleEndian(header[16..]),
            BinaryPrimitives.ReadUInt16LittleEndian(header[20..]),
            BinaryPrimitives.ReadUInt16LittleEndian(header[22..]),
            BinaryPrimitives.ReadUInt32LittleEndian(header[24..]),
            BinaryPrimitives.ReadUInt32LittleEndian(header[28..]));

        /// <summary>Writes the marker and the fields, as they are, into the first 32 bytes.</summary>
        /// <param name="header">At least 32 bytes.</param>
        public void Write(Span<byte> header)
        {
            WireProtocol.Marker.CopyTo(header);
            BinaryPrimitives.WriteUInt32LittleEndian(header[8..], CrcHeader);
            BinaryPrimitives.WriteUInt32LittleEndian(header[12..], CrcData);
            BinaryPrimitives.WriteUInt32LittleEndian(header[16..], Command);
            BinaryPrimitives.WriteUInt16LittleEndian(header[20..], Sequence);
            BinaryPrimitives.WriteUInt16LittleEndian(header[22..], SequenceReply);
            BinaryPrimitives.WriteUInt32LittleEndian(header[24..], Flags);
            BinaryPrimitives.WriteUInt32LittleEndian(header[28..], Size);
        }
    }

    /// <summary>One packet received intact.</summary>
    /// <param name="Header">Its header.</param>
    /// <param name="Payload">Its payload (Size bytes).</param>
    public sealed record WirePacket(WireHeader Header, byte[] Payload);
}
