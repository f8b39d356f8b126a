using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using SafetyMonitor.Layout.Runner;
using Xunit;

namespace SafetyMonitor.Layout.Tests.Runner
{
    /// <summary>
    /// The session against the device double: a clean run, then every fault
    /// the runner must notice (each against the clean run as its control).
    /// </summary>
    public class DeviceSessionTests
    {
        internal static readonly string[] Program =
        {
            "Test passed,NFUnitTest.ControllerTests.Setup.0,12",
            "Test passed,NFUnitTest.ControllerTests.CycleSetsNoFlag.0,3401",
            "Test failed,NFUnitTest.ControllerTests.Overflow.0,Assert.AreEqual failed, expected 1, got 0",
            "a line of device text long enough that the nanoCLR flushes it in two pieces: 0123456789abcdef",
            "Grüße, 温度 and ✓ (UTF-8 split across messages)",
        };

        private static readonly SessionOptions Quick = new SessionOptions { AnswerTimeout = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(20) };

        internal static (SessionResult Result, DeviceDouble Device) Run(DeviceScript script, SessionOptions? options = null)
        {
            var printed = new List<string>();
            SessionResult result;
            DeviceDouble device;
            Task running;
            using (var pair = SocketPair.Create())
            {
                (device, running) = DeviceDouble.Start(pair.Device, script);
                SessionOptions fresh = options == null
                    ? new SessionOptions { AnswerTimeout = Quick.AnswerTimeout, Timeout = Quick.Timeout }
                    : new SessionOptions { AnswerTimeout = options.AnswerTimeout, Timeout = options.Timeout, PingInterval = options.PingInterval };
                result = DeviceSession.RunAsync(pair.Host, fresh, printed.Add).GetAwaiter().GetResult();
            }

            AssertEnds(running);
            Assert.Equal(result.Lines, printed);
            return (result, device);
        }

        /// <summary>The double ends (bounded wait) once the host has closed the connection.</summary>
        internal static void AssertEnds(Task running) =>
            Assert.True(running.Wait(TimeSpan.FromSeconds(10)), "the double did not end after the host closed the connection");

        [Fact]
        public void CleanRunDeliversEveryLineInOrderAndEndsAtProgramExit()
        {
            (SessionResult result, DeviceDouble device) = Run(new DeviceScript { ChunkSize = 16 }.Say(Program));
            Assert.Equal(SessionEnd.ProgramExited, result.End);
            Assert.Equal(Program, result.Lines);
            Assert.True(result.Intact);
            Assert.Equal((0, 0, 0, 0L), (result.BadHeaders, result.BadPayloads, result.SequenceGaps, result.SkippedBytes));
            Assert.Equal(1, result.Boots);
            Assert.Equal(CrcMode.On, result.Crc);
            Assert.Equal(0, device.BadHostPackets);
        }

        [Fact]
        public void ACharacterSplitBetweenMessagesIsDecodedWhole()
        {
            // Each ✓ is 3 bytes in UTF-8: pieces of 4 bytes cut every one after the first.
            (SessionResult result, _) = Run(new DeviceScript { ChunkSize = 4 }.Say("✓✓✓✓", "ü"));
            Assert.Equal(new[] { "✓✓✓✓", "ü" }, result.Lines);
        }

        [Fact]
        public void TheHostPingsAsAHostAndDoesNotStopTheProgram()
        {
            (SessionResult result, DeviceDouble device) = Run(new DeviceScript().Say("hello"));
            Assert.Equal(SessionEnd.ProgramExited, result.End);
            Assert.NotEmpty(device.HostPings);
            Assert.All(device.HostPings, p => Assert.Equal((0x00010002u, 0u), (p.Source, p.Flags)));
            Assert.Equal(Enumerable.Range(0, device.HostPings.Count).Select(i => (ushort)i), device.HostPings.Select(p => p.Sequence));
        }

        [Fact]
        public void CorruptedHeaderCrcDropsThePacketAndMarksTheRunIncomplete()
        {
            (SessionResult result, _) = Run(new DeviceScript { CorruptHeaderOfMessage = 1 }.Say("first", "second", "third"));
            Assert.Equal(SessionEnd.ProgramExited, result.End);
            Assert.Equal(new[] { "first", "third" }, result.Lines);
            Assert.Equal(1, result.BadHeaders);
            Assert.Equal(0, result.BadPayloads);
            Assert.False(result.Intact);
        }

        [Fact]
        public void CorruptedPayloadCrcDropsThePacketAndMarksTheRunIncomplete()
        {
            (SessionResult result, _) = Run(new DeviceScript { CorruptPayloadOfMessage = 1 }.Say("first", "second", "third"));
            Assert.Equal(SessionEnd.ProgramExited, result.End);
            Assert.Equal(new[] { "first", "third" }, result.Lines);
            Assert.Equal(0, result.BadHeaders);
            Assert.Equal(1, result.BadPayloads);
            Assert.False(result.Intact);
        }

        [Fact]
        public void APacketCutShortDoesNotHideTheNextOne()
        {
            (SessionResult result, _) = Run(new DeviceScript { TruncateMessage = 0 }.Say("first line, cut", "second", "third"));
            Assert.Equal(SessionEnd.ProgramExited, result.End);
            Assert.Equal(new[] { "second", "third" }, result.Lines);
            Assert.Equal(1, result.BadPayloads);
            Assert.False(result.Intact);
        }

        [Fact]
        public void ALostPacketIsASequenceGap()
        {
            (SessionResult result, _) = Run(new DeviceScript { DropMessage = 1 }.Say("first", "second", "third"));
            Assert.Equal(SessionEnd.ProgramExited, result.End);
            Assert.Equal(new[] { "first", "third" }, result.Lines);
            Assert.Equal((0, 0, 1), (result.BadHeaders, result.BadPayloads, result.SequenceGaps));
            Assert.False(result.Intact);
        }

        [Fact]
        public void NoiseBetweenPacketsIsSkippedAndCounted()
        {
            (SessionResult result, _) = Run(new DeviceScript { Noise = new byte[] { 0x4E, 0x46, 0x50, 0x00, 0xFF, 0x0D, 0x0A } }.Say("first", "second"));
            Assert.Equal(new[] { "first", "second" }, result.Lines);
            Assert.True(result.Intact);
            Assert.Equal(7 * 2, result.SkippedBytes);
        }

        [Fact]
        public void ASilentDeviceIsNoAnswerAfterTheAnswerTimeout()
        {
            (SessionResult result, _) = Run(
                new DeviceScript { Silent = true }.Say("never"),
                new SessionOptions { AnswerTimeout = TimeSpan.FromMilliseconds(400), Timeout = TimeSpan.FromSeconds(20) });
            Assert.Equal(SessionEnd.NoAnswer, result.End);
            Assert.Empty(result.Lines);
        }

        [Fact]
        public void ADeviceThatNeverExitsTimesOutWithItsTextKept()
        {
            (SessionResult result, DeviceDouble device) = Run(
                new DeviceScript { NeverExits = true }.Say("working"),
                new SessionOptions { AnswerTimeout = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(2) });
            Assert.Equal(SessionEnd.TimedOut, result.End);
            Assert.Equal(new[] { "working" }, result.Lines);

            // Answered, the session stops pinging: the ping at its start and
            // the one for the boot ping, not one every 250 ms for 2 s.
            Assert.InRange(device.HostPings.Count, 1, 3);
        }

        [Fact]
        public void AClosedConnectionBeforeProgramExitIsDisconnected()
        {
            (SessionResult result, _) = Run(new DeviceScript { CloseAfterText = true }.Say("last words"));
            Assert.Equal(SessionEnd.Disconnected, result.End);
            Assert.Equal(new[] { "last words" }, result.Lines);
        }

        [Fact]
        public void ADeviceWithoutCrc32IsReadAndReportedSo()
        {
            (SessionResult result, _) = Run(new DeviceScript { Crc32 = false }.Say("first", "second"));
            Assert.Equal(SessionEnd.ProgramExited, result.End);
            Assert.Equal(new[] { "first", "second" }, result.Lines);
            Assert.Equal(CrcMode.Off, result.Crc);
            Assert.True(result.Intact);
        }

        [Fact]
        public void WithoutCrc32ANonZeroCrcFieldIsABadHeader()
        {
            (SessionResult result, _) = Run(new DeviceScript { Crc32 = false, CorruptHeaderOfMessage = 0 }.Say("first", "second"));
            Assert.Equal(new[] { "second" }, result.Lines);
            Assert.Equal(1, result.BadHeaders);
        }

        [Fact]
        public void AfterAResetTheSessionPingsAgainAndCountsTheBoot()
        {
            (SessionResult result, DeviceDouble device) = Run(new DeviceScript { RebootAfterMessage = 0 }.Say("before the reset", "after the reset"));
            Assert.Equal(SessionEnd.ProgramExited, result.End);
            Assert.Equal(new[] { "before the reset", "after the reset" }, result.Lines);
            Assert.Equal(2, result.Boots);
            Assert.True(result.Intact);
            Assert.True(device.HostPings.Count >= 2);
        }

        [Fact]
        public void APingReplySayingTheProgramExitedEndsTheSession()
        {
            (SessionResult result, _) = Run(new DeviceScript { AppExitInPingReply = true }.Say("never sent"));
            Assert.Equal(SessionEnd.ProgramExited, result.End);
            Assert.Empty(result.Lines);
        }

        [Fact]
        public void ARefusedPingIsSentAgain()
        {
            // The session pings at its start and again for the device's boot
            // ping; the double refuses both, so with a 30 s interval only the
            // bad-packet reports can bring the third within the 20 s.
            (SessionResult result, DeviceDouble device) = Run(
                new DeviceScript { RefusePings = 2 }.Say("hello"),
                new SessionOptions { AnswerTimeout = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(20), PingInterval = TimeSpan.FromSeconds(30) });
            Assert.Equal(SessionEnd.ProgramExited, result.End);
            Assert.Equal(new[] { "hello" }, result.Lines);
            Assert.Equal(2, result.Nacks);
            Assert.Equal(2, device.BadHostPackets);
            Assert.True(result.Intact);
        }

        [Fact]
        public void PingsRepeatUntilTheDeviceAnswers()
        {
            // A device that is not listening yet drops the first pings
            // without a word: only the interval brings the next one.
            (SessionResult result, DeviceDouble device) = Run(
                new DeviceScript { IgnoreFirstPings = 3 }.Say("hello"),
                new SessionOptions { AnswerTimeout = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(20), PingInterval = TimeSpan.FromMilliseconds(50) });
            Assert.Equal(SessionEnd.ProgramExited, result.End);
            Assert.Equal(new[] { "hello" }, result.Lines);
            Assert.True(device.HostPings.Count >= 4);
        }

        [Fact]
        public void EachPingTakesTheNextSequenceNumber()
        {
            (_, DeviceDouble device) = Run(
                new DeviceScript { IgnoreFirstPings = 2 }.Say("hello"),
                new SessionOptions { AnswerTimeout = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(20), PingInterval = TimeSpan.FromMilliseconds(50) });
            Assert.Equal(Enumerable.Range(0, device.HostPings.Count).Select(i => (ushort)i), device.HostPings.Select(p => p.Sequence));
        }

        [Fact]
        public void AReplyToAPingNeverSentIsNoAnswer()
        {
            (SessionResult result, _) = Run(
                new DeviceScript { ReplySequenceOffset = 1000 }.Say("hello"),
                new SessionOptions { AnswerTimeout = TimeSpan.FromMilliseconds(600), Timeout = TimeSpan.FromSeconds(20) });
            Assert.Equal(SessionEnd.NoAnswer, result.End);
        }

        [Fact]
        public void APingReplyWithoutFlagsIsNoAnswer()
        {
            (SessionResult result, _) = Run(
                new DeviceScript { ShortPingReply = true }.Say("hello"),
                new SessionOptions { AnswerTimeout = TimeSpan.FromMilliseconds(600), Timeout = TimeSpan.FromSeconds(20) });
            Assert.Equal(SessionEnd.NoAnswer, result.End);
        }

        [Fact]
        public void AnotherDiscoveryPingIsAnsweredButIsNoBoot()
        {
            (SessionResult result, DeviceDouble device) = Run(
                new DeviceScript { PingAgainAfterMessage = 0 }.Say("first", "second"),
                new SessionOptions { AnswerTimeout = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(20), PingInterval = TimeSpan.FromSeconds(30) });
            Assert.Equal(SessionEnd.ProgramExited, result.End);
            Assert.Equal(new[] { "first", "second" }, result.Lines);
            Assert.Equal(1, result.Boots);
            Assert.True(result.Intact);
            Assert.Equal(2, device.HostPings.Count);
        }

        [Fact]
        public void AGapRightBeforeADiscoveryPingIsStillAGap()
        {
            (SessionResult result, _) = Run(new DeviceScript { PingAgainAfterMessage = 1, DropMessage = 1 }.Say("first", "second", "third"));
            Assert.Equal(1, result.SequenceGaps);
        }

        [Fact]
        public void TheAnswerTimeOutStopsCountingOnceTheDeviceAnswered()
        {
            (SessionResult result, _) = Run(
                new DeviceScript { NeverExits = true }.Say("working"),
                new SessionOptions { AnswerTimeout = TimeSpan.FromSeconds(1.5), Timeout = TimeSpan.FromSeconds(4) });
            Assert.Equal(SessionEnd.TimedOut, result.End);
        }

        [Fact]
        public void TextWithoutANewlineEndsAsALineAtProgramExit()
        {
            (SessionResult result, _) = Run(new DeviceScript { Trailing = "no newline" }.Say("first"));
            Assert.Equal(SessionEnd.ProgramExited, result.End);
            Assert.Equal(new[] { "first", "no newline" }, result.Lines);
        }

        [Fact]
        public void TextWithoutANewlineEndsAsALineAtATimeOut()
        {
            (SessionResult result, _) = Run(
                new DeviceScript { Trailing = "half a line", NeverExits = true }.Say("first"),
                new SessionOptions { AnswerTimeout = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(2) });
            Assert.Equal(SessionEnd.TimedOut, result.End);
            Assert.Equal(new[] { "first", "half a line" }, result.Lines);
        }

        [Fact]
        public void ALineCutByAResetEndsThere()
        {
            (SessionResult result, _) = Run(new DeviceScript { ChunkSize = 6, RebootAfterMessage = 0 }.Say("cut by the reset"));
            Assert.Equal(new[] { "cut by", " the reset" }, result.Lines);
            Assert.Equal(2, result.Boots);
        }

        [Fact]
        public void AFalseMarkerInTheNoiseDoesNotHideThePacket()
        {
            byte[] falseMarker = System.Text.Encoding.ASCII.GetBytes("NFPKTV1\0");
            (SessionResult result, _) = Run(new DeviceScript { Noise = falseMarker }.Say("first", "second"));
            Assert.Equal(new[] { "first", "second" }, result.Lines);
            Assert.True(result.BadHeaders >= 2);
        }

        [Fact]
        public void ArgumentsAreChecked()
        {
            using var pair = SocketPair.Create();
            Assert.Throws<ArgumentNullException>(() => { _ = DeviceSession.RunAsync(null!, new SessionOptions(), _ => { }); });
            Assert.Throws<ArgumentNullException>(() => { _ = DeviceSession.RunAsync(pair.Host, null!, _ => { }); });
            Assert.Throws<ArgumentNullException>(() => { _ = DeviceSession.RunAsync(pair.Host, new SessionOptions(), null!); });
        }

        [Fact]
        public void TheDoubleIsStrictAboutTheStopFlag()
        {
            // Control for TheHostPingsAsAHostAndDoesNotStopTheProgram: a ping
            // with Monitor_Ping_c_Ping_DbgFlag_Stop keeps the double's program
            // from running, as on a real nanoCLR.
            using var pair = SocketPair.Create();
            (DeviceDouble device, Task running) = DeviceDouble.Start(pair.Device, new DeviceScript().Say("must not appear"));
            var payload = new byte[8];
            BitConverter.GetBytes(0x00010002u).CopyTo(payload, 0);
            BitConverter.GetBytes(0x00000001u).CopyTo(payload, 4); // Monitor_Ping_c_Ping_DbgFlag_Stop
            byte[] ping = DeviceDouble.Packet(0, 0, 0, 0, payload, crc32: true);
            pair.Host.Write(ping, 0, ping.Length);
            var receiver = new WireReceiver();
            var seen = new List<uint>();
            var buffer = new byte[4096];
            pair.Host.ReadTimeout = 500;
            try
            {
                while (true)
                {
                    int n = pair.Host.Read(buffer, 0, buffer.Length);
                    receiver.Feed(buffer.AsSpan(0, n));
                    while (receiver.TryTake(out WirePacket? packet))
                    {
                        seen.Add(packet!.Header.Command);
                    }
                }
            }
            catch (System.IO.IOException)
            {
                // The read timed out: the device is quiet.
            }

            Assert.Equal(new uint[] { 0, 0 }, seen);
            pair.Dispose();
            AssertEnds(running);
            Assert.Single(device.HostPings);
        }
    }
}
