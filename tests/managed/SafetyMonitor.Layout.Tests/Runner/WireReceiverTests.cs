using System;
using System.Collections.Generic;
using System.Linq;
using SafetyMonitor.Layout.Runner;
using Xunit;

namespace SafetyMonitor.Layout.Tests.Runner
{
    /// <summary>The receiver on its own: however the bytes arrive, the same packets; the payload bound; the packet layout.</summary>
    public class WireReceiverTests
    {
        private static byte[] Message(ushort sequence, string text, bool crc32 = true) =>
            DeviceDouble.Packet(0x01, sequence, 0, 0x2001, System.Text.Encoding.UTF8.GetBytes(text), crc32);

        private static List<WirePacket> Take(WireReceiver receiver)
        {
            var packets = new List<WirePacket>();
            while (receiver.TryTake(out WirePacket? packet))
            {
                packets.Add(packet!);
            }

            return packets;
        }

        [Fact]
        public void ByteByByteGivesTheSamePackets()
        {
            byte[] stream = new byte[] { 1, 2, 3 }.Concat(Message(0, "first")).Concat(Message(1, "second")).Concat(new byte[] { 9 }).ToArray();
            var receiver = new WireReceiver();
            var packets = new List<WirePacket>();
            foreach (byte b in stream)
            {
                receiver.Feed(new[] { b });
                packets.AddRange(Take(receiver));
            }

            Assert.Equal(new[] { "first", "second" }, packets.Select(p => System.Text.Encoding.UTF8.GetString(p.Payload)));
            Assert.Equal(new ushort[] { 0, 1 }, packets.Select(p => p.Header.Sequence));
            Assert.Equal(3, receiver.SkippedBytes);
        }

        [Fact]
        public void MoreThanTheBufferAtOnce()
        {
            var stream = new List<byte>();
            for (ushort i = 0; i < 400; i++)
            {
                stream.AddRange(Message(i, $"line {i} of many"));
            }

            var receiver = new WireReceiver();
            receiver.Feed(stream.ToArray());
            List<WirePacket> packets = Take(receiver);
            Assert.Equal(400, packets.Count);
            Assert.Equal("line 399 of many", System.Text.Encoding.UTF8.GetString(packets[^1].Payload));
        }

        [Fact]
        public void APayloadOfTheBoundPassesOneMoreIsABadHeader()
        {
            // 2048: nf-debugger's bound (MessageReassembler.cs), written out, not taken from the code under test.
            var receiver = new WireReceiver();
            receiver.Feed(DeviceDouble.Packet(1, 0, 0, 0, new byte[2048], crc32: true));
            Assert.Single(Take(receiver));
            receiver.Feed(DeviceDouble.Packet(1, 1, 0, 0, new byte[2049], crc32: true));
            Assert.Empty(Take(receiver));
            Assert.Equal(1, receiver.BadHeaders);
        }

        [Fact]
        public void TheHeaderFieldsAreWhereTheDeviceWritesThem()
        {
            byte[] packet = DeviceDouble.Packet(0x00020001, 0x1234, 0xBEEF, 0x8003, new byte[] { 7, 8, 9 }, crc32: true);
            var receiver = new WireReceiver();
            receiver.Feed(packet);
            WirePacket taken = Take(receiver).Single();
            Assert.Equal(
                new WireHeader(BitConverter.ToUInt32(packet, 8), DeviceDouble.Crc(new byte[] { 7, 8, 9 }, 0, 3), 0x00020001, 0x1234, 0xBEEF, 0x8003, 3),
                taken.Header);
            Assert.Equal(new byte[] { 7, 8, 9 }, taken.Payload);
            Assert.True(taken.Header.IsReply);
        }

        [Fact]
        public void TheRunnersPacketsAreTheDevicesLayout()
        {
            byte[] payload = { 1, 2, 3, 4, 5 };
            byte[] expected = DeviceDouble.Packet(0x9, 0x0102, 0x0304, 0x2001, payload, crc32: true);
            Assert.Equal(expected, WireProtocol.Encode(new WireHeader(0, 0, 0x9, 0x0102, 0x0304, 0x2001, 0), payload));
            Assert.Equal(DeviceDouble.Packet(0x9, 7, 0, 1, payload, crc32: false), WireProtocol.Encode(new WireHeader(5, 6, 0x9, 7, 0, 1, 99), payload, crc32: false));
        }

        [Fact]
        public void OnceCrcIsOnAZeroCrcPacketIsRefused()
        {
            var receiver = new WireReceiver { Crc = CrcMode.On };
            receiver.Feed(Message(0, "no crc", crc32: false));
            Assert.Empty(Take(receiver));
            Assert.Equal(1, receiver.BadHeaders);
        }
    }
}
