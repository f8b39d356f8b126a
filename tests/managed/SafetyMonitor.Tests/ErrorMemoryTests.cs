using System;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>
    /// The managed error memory: its behaviour, and byte-for-byte agreement
    /// with the C core's (native-interop/core/error_memory.c), which reads
    /// what it wrote and the other way round.
    /// </summary>
    public class ErrorMemoryTests : NativeTestBase
    {
        [Fact]
        public void BlankStoreIsFormattedThenKept()
        {
            var store = new RamErrorMemoryStore();
            var memory = new ErrorMemory(store);
            Assert.Equal(ErrorMemoryStatus.Formatted, memory.Open(false));
            Assert.Equal(ErrorFlags.None, memory.PersistentFlags);
            Assert.Equal(ErrorMemoryStatus.Ok, new ErrorMemory(store).Open(false));
        }

        [Fact]
        public void FlagsAndCountsSurviveANewInstanceOnTheSameStore()
        {
            var store = new RamErrorMemoryStore();
            for (int reset = 0; reset < 5; reset++)
            {
                var memory = new ErrorMemory(store);
                memory.Open(false);
                Assert.Equal(ErrorMemoryStatus.Ok, memory.Raise(ErrorFlags.Stack, true));
                Assert.Equal(ErrorMemoryStatus.Ok, memory.Raise(ErrorFlags.MainLoopTiming, false));
            }

            var after = new ErrorMemory(store);
            Assert.Equal(ErrorMemoryStatus.Ok, after.Open(false));
            Assert.Equal(ErrorFlags.Stack, after.PersistentFlags);
            Assert.Equal(5, after.GetCount(ErrorFlags.Stack));
            Assert.Equal(5, after.GetCount(ErrorFlags.MainLoopTiming));
            Assert.Equal(0, after.GetCount(ErrorFlags.CheckFault));
        }

        [Fact]
        public void EveryFlippedBitIsWipedAndFlagged()
        {
            for (int bit = 0; bit < 8 * ErrorMemory.Size; bit++)
            {
                RamErrorMemoryStore store = StoreKeeping(ErrorFlags.Stack);
                store.Bytes[bit / 8] ^= (byte)(1 << (bit % 8));
                ErrorMemoryStatus status = new ErrorMemory(store).Open(false);
                Assert.True(status < 0, $"bit {bit}: {status}");
                var reopened = new ErrorMemory(store);
                Assert.Equal(ErrorFlags.ErrorMemory, reopened.PersistentFlags);
                Assert.Equal(0, reopened.GetCount(ErrorFlags.Stack));
                Assert.Equal(1, reopened.GetCount(ErrorFlags.ErrorMemory));
            }
        }

        [Fact]
        public void NoiseIsDamageUnlessThePowerWasOff()
        {
            var noisy = new RamErrorMemoryStore();
            var copy = new RamErrorMemoryStore();
            for (int i = 0; i < ErrorMemory.Size; i++)
            {
                noisy.Bytes[i] = copy.Bytes[i] = (byte)((i * 37) + 11);
            }

            BothSidesRefuse(noisy, false, ErrorMemoryStatus.DamagedMagic);

            var bytes = (byte[])copy.Bytes.Clone();
            Assert.Equal((int)ErrorMemoryStatus.Formatted, NativeCore.ErrorMemoryOpen(bytes, true));
            Assert.Equal(ErrorMemoryStatus.Formatted, new ErrorMemory(copy).Open(true));
            Assert.Equal(bytes, copy.Bytes);
            Assert.Equal(ErrorFlags.None, new ErrorMemory(copy).PersistentFlags);
        }

        [Fact]
        public void CountersSaturateAndClearNeedsAnExplicitCall()
        {
            var memory = new ErrorMemory(new RamErrorMemoryStore());
            memory.Open(false);
            for (int i = 0; i < 70000; i++)
            {
                memory.Raise(ErrorFlags.Application3, true);
            }

            Assert.Equal(65535, memory.GetCount(ErrorFlags.Application3));
            Assert.Equal(ErrorMemoryStatus.Ok, memory.Open(true));
            Assert.Equal(ErrorFlags.Application3, memory.PersistentFlags);
            memory.Clear();
            Assert.Equal(ErrorFlags.None, memory.PersistentFlags);
            Assert.Equal(0, memory.GetCount(ErrorFlags.Application3));
        }

        [Fact]
        public void BadArgumentsAreRefused()
        {
            Assert.Throws<ArgumentNullException>(() => new ErrorMemory(null));
            Assert.Throws<ArgumentException>(() => new ErrorMemory(new TinyStore()));
            var memory = new ErrorMemory(new RamErrorMemoryStore());
            Assert.Throws<ArgumentException>(() => memory.GetCount(ErrorFlags.None));
            Assert.Throws<ArgumentException>(() => memory.GetCount(ErrorFlags.Stack | ErrorFlags.CheckFault));
        }

        [Fact]
        public void CReadsWhatCSharpWrote()
        {
            var store = new RamErrorMemoryStore();
            var memory = new ErrorMemory(store);
            memory.Open(false);
            memory.Raise(ErrorFlags.Stack | ErrorFlags.Application14, true);
            memory.Raise(ErrorFlags.Application14 | ErrorFlags.MainLoopTiming, false);

            var counts = new ushort[ErrorMemory.FlagCount];
            Assert.Equal(0, NativeCore.ErrorMemoryRead(store.Bytes, out uint flags, counts));
            Assert.Equal((uint)(ErrorFlags.Stack | ErrorFlags.Application14), flags);
            Assert.Equal(1, counts[0]);
            Assert.Equal(1, counts[1]);
            Assert.Equal(2, counts[30]);
        }

        [Fact]
        public void CSharpReadsWhatCWrote()
        {
            var bytes = new byte[ErrorMemory.Size];
            Assert.Equal(2, NativeCore.ErrorMemoryOpen(bytes, false));  // STACK_CHECK_ERROR_MEMORY_FORMATTED
            Assert.Equal(0, NativeCore.ErrorMemoryRaise(bytes, (uint)ErrorFlags.CheckFault, true));
            Assert.Equal(0, NativeCore.ErrorMemoryRaise(bytes, (uint)ErrorFlags.CheckFault, false));

            var store = new RamErrorMemoryStore();
            Array.Copy(bytes, store.Bytes, bytes.Length);
            var memory = new ErrorMemory(store);
            Assert.Equal(ErrorMemoryStatus.Ok, memory.Open(false));
            Assert.Equal(ErrorFlags.CheckFault, memory.PersistentFlags);
            Assert.Equal(2, memory.GetCount(ErrorFlags.CheckFault));
        }

        [Fact]
        public void BothSidesRejectTheSameDamage()
        {
            RamErrorMemoryStore store = StoreKeeping(ErrorFlags.Stack);
            store.Bytes[40] ^= 0x20;
            BothSidesRefuse(store, false, ErrorMemoryStatus.DamagedCrc);   // STACK_CHECK_ERR_RECORD_CRC (-11)
        }

        [Fact]
        public void RaiseTimesMatchesTheCCoreByteForByte()
        {
            // The same steps on both sides from the same formatted store:
            // counts near and past saturation, 0 times, several flags at once.
            var steps = new (ErrorFlags Flags, bool Persistent, uint Times)[]
            {
                (ErrorFlags.Stack, true, 1),
                (ErrorFlags.Stack, true, 2),
                (ErrorFlags.Application3, false, 0),
                (ErrorFlags.Application3 | ErrorFlags.MainLoopTiming, false, 65533),
                (ErrorFlags.Application3, true, 1),
                (ErrorFlags.Application3, true, 1),
                (ErrorFlags.Application3 | ErrorFlags.Stack, false, 1),
                (ErrorFlags.CheckFault, false, 65535),
                (ErrorFlags.HandlerFault, false, 65536),
                (ErrorFlags.LoopFault, true, uint.MaxValue),
                (ErrorFlags.LoopFault, true, uint.MaxValue),
                ((ErrorFlags)unchecked((int)0x80000000), true, 7),
            };
            var store = new RamErrorMemoryStore();
            var memory = new ErrorMemory(store);
            Assert.Equal(ErrorMemoryStatus.Formatted, memory.Open(false));
            var bytes = (byte[])store.Bytes.Clone();
            foreach (var step in steps)
            {
                Assert.Equal(0, NativeCore.ErrorMemoryRaiseTimes(bytes, (uint)step.Flags, step.Persistent, step.Times));
                Assert.Equal(ErrorMemoryStatus.Ok, memory.RaiseTimes(step.Flags, step.Persistent, step.Times));
                Assert.Equal(bytes, store.Bytes);
            }

            Assert.Equal(4, memory.GetCount(ErrorFlags.Stack));
            Assert.Equal(65535, memory.GetCount(ErrorFlags.Application3));
            Assert.Equal(65533, memory.GetCount(ErrorFlags.MainLoopTiming));
            Assert.Equal(65535, memory.GetCount(ErrorFlags.HandlerFault));
            Assert.Equal(0, memory.GetCount(ErrorFlags.Application4));
            Assert.Equal(ErrorFlags.Stack | ErrorFlags.Application3 | ErrorFlags.LoopFault | (ErrorFlags)unchecked((int)0x80000000), memory.PersistentFlags);
        }

        [Fact]
        public void RaiseIsRaiseTimesOnce()
        {
            var once = new RamErrorMemoryStore();
            var times = new RamErrorMemoryStore();
            new ErrorMemory(once).Raise(ErrorFlags.Application2 | ErrorFlags.Stack, true);
            new ErrorMemory(times).RaiseTimes(ErrorFlags.Application2 | ErrorFlags.Stack, true, 1);
            Assert.Equal(times.Bytes, once.Bytes);
            Assert.Equal(1, new ErrorMemory(once).GetCount(ErrorFlags.Application2));
        }

        [Fact]
        public void PowerOnExcusesOnlyAWrongMagic()
        {
            // A sealed store that lost a bit is damage, after a power-on too: noise never forges the magic.
            RamErrorMemoryStore store = StoreKeeping(ErrorFlags.Stack);
            store.Bytes[20] ^= 0x01;
            BothSidesRefuse(store, true, ErrorMemoryStatus.DamagedCrc);
        }

        [Fact]
        public void OtherVersionIsRefusedThoughItsCrcHolds()
        {
            RamErrorMemoryStore store = StoreKeeping(ErrorFlags.Stack);
            store.Bytes[4] = 2;   // version 2, sealed as such
            var words = new uint[19];
            for (int i = 0; i < words.Length; i++)
            {
                words[i] = BitConverter.ToUInt32(store.Bytes, 4 * i);
            }

            BitConverter.GetBytes(NativeBindingTests.Stm32Crc(words, words.Length)).CopyTo(store.Bytes, 76);
            BothSidesRefuse(store, false, ErrorMemoryStatus.OtherVersion);
        }

        [Fact]
        public void ClearLeavesWhatAFormatLeaves()
        {
            // Every counter above 255, every flag kept: then nothing of it may remain.
            var store = new RamErrorMemoryStore();
            var memory = new ErrorMemory(store);
            memory.Open(false);
            memory.RaiseTimes((ErrorFlags)(-1), true, 300);
            memory.Clear();
            var blank = new RamErrorMemoryStore();
            Assert.Equal(ErrorMemoryStatus.Formatted, new ErrorMemory(blank).Open(false));
            Assert.Equal(blank.Bytes, store.Bytes);
        }

        [Fact]
        public void StoreIsBlankOnlyWhenEveryByteIsZero()
        {
            Assert.Equal(ErrorMemoryStatus.Formatted, new ErrorMemory(new RamErrorMemoryStore()).Open(false));
            for (int i = 0; i < ErrorMemory.Size; i++)
            {
                var store = new RamErrorMemoryStore();
                store.Bytes[i] = 0x01;
                BothSidesRefuse(store, false, ErrorMemoryStatus.DamagedMagic);
            }
        }

        // The C core and the managed error memory open the same bytes: both
        // refuse them with the same status (the managed statuses are the C
        // core's codes) and wipe them the same way, flagging ErrorMemory.
        private static void BothSidesRefuse(RamErrorMemoryStore store, bool powerOn, ErrorMemoryStatus expected)
        {
            var bytes = (byte[])store.Bytes.Clone();
            Assert.Equal((int)expected, NativeCore.ErrorMemoryOpen(bytes, powerOn));
            Assert.Equal(expected, new ErrorMemory(store).Open(powerOn));
            Assert.Equal(bytes, store.Bytes);
            Assert.Equal(ErrorFlags.ErrorMemory, new ErrorMemory(store).PersistentFlags);
        }

        private sealed class TinyStore : IErrorMemoryStore
        {
            public int Size => 16;

            public void Read(byte[] buffer)
            {
            }

            public void Write(byte[] buffer)
            {
            }
        }
    }
}
