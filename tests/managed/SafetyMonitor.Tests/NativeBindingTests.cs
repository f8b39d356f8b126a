using System;
using System.Runtime.InteropServices;
using SafetyMonitor.Native;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>The interop declarations reach the C core and mean what they say.</summary>
    public class NativeBindingTests : NativeTestBase
    {
        [Fact]
        public void SizeIsTheThreadsStackAndFreeIsWithinIt()
        {
            const int requested = 1024 * 1024;
            OnThreadWithStack(requested, () =>
            {
                int size = StackCheck.GetSize();
                int free = StackCheck.GetFree();
                // glibc may hand a new thread a cached stack of an ended one
                // when it is at least the size asked and less than four times
                // it (nptl allocatestack.c, get_cached_stack): the size is
                // the stack the thread really got, not always the request
                // (seen in a loaded make test: 2 MiB for 1 MiB asked).
                Assert.InRange(size, requested - 64 * 1024, 4 * requested);
                Assert.InRange(free, 1, size);
            });
        }

        [Fact]
        public void FreeShrinksAsFramesAreAdded()
        {
            int top = StackCheck.GetFree();
            int deeper = FreeUnder(8);
            Assert.True(deeper <= top - 8 * 4096, $"top {top}, 8 frames of 4 KiB deeper {deeper}");
        }

        private static int FreeUnder(int levels)
        {
            Span<byte> frame = stackalloc byte[4096];
            frame[0] = 1;
            int free = levels == 0 ? StackCheck.GetFree() : FreeUnder(levels - 1);
            frame[4095] = frame[0];
            return free;
        }

        [Fact]
        public void SealMakesTheStm32CrcOfTheWholeAreaTheResidue()
        {
            Assert.Equal(0, StackCheck.InitCorruptionDetectArea());
            int words = NativeCore.AreaBytes / 4;
            var data = new uint[words];
            for (int i = 0; i < words; i++)
            {
                data[i] = (uint)Marshal.ReadInt32(NativeCore.Area, 4 * i);
            }

            // The seal: the CRC of the random words XOR 0x13688431, so that the
            // CRC of all words, the seal last, is 0xC3C3C3C3 (stack_check.h).
            Assert.Equal(Stm32Crc(data, words - 1) ^ 0x13688431u, data[words - 1]);
            Assert.Equal(0xC3C3C3C3u, Stm32Crc(data, words));
            Assert.Equal(0, StackCheck.CheckCorruptionDetectArea());
        }

        [Fact]
        public void ReferenceCrcHasTheUnitsKnownAnswer()
        {
            Assert.Equal(0xDF8A8A2Bu, Stm32Crc(new[] { 0x12345678u }, 1));
        }

        // CRC-32 of the STM32 CRC unit (polynomial 0x04C11DB7, init 0xFFFFFFFF,
        // words MSB first, no reflection, no final XOR), written here from
        // RM0090 section 4 independently of the C code.
        internal static uint Stm32Crc(uint[] words, int count)
        {
            uint crc = 0xFFFFFFFFu;
            for (int i = 0; i < count; i++)
            {
                crc ^= words[i];
                for (int bit = 0; bit < 32; bit++)
                {
                    crc = (crc & 0x80000000u) != 0 ? (crc << 1) ^ 0x04C11DB7u : crc << 1;
                }
            }

            return crc;
        }
    }
}
