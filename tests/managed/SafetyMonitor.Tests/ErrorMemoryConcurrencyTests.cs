using System;
using System.Threading;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>
    /// The error memory read from any thread while the safety cycle raises
    /// flags into it: a read never sees a half-written store, so it never
    /// takes valid evidence for damage and wipes it.
    /// </summary>
    public class ErrorMemoryConcurrencyTests : NativeTestBase
    {
        // A controller on the store whose error memory already holds Stack,
        // persistent and counted once, and a failing check to raise Application3.
        private static SafetyController ControllerWithStackKept(IErrorMemoryStore store, ScriptedCheck check)
        {
            var controller = new SafetyController(new ErrorMemory(store));
            Assert.Equal(AreaStatus.Ok, controller.Initialize());
            NativeCore.FlipAreaBit(9);
            controller.Handle();
            NativeCore.FlipAreaBit(9);
            controller.Register(check);
            Assert.Equal(ErrorFlags.Stack, controller.ErrorMemory.PersistentFlags);
            return controller;
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void ReadDuringAHalfDoneWriteWaitsAndWipesNothing(bool readThroughASecondInstance)
        {
            var store = new GatedStore();
            var check = new ScriptedCheck(ErrorFlags.Application3) { Healthy = true };
            SafetyController controller = ControllerWithStackKept(store, check);
            ErrorMemory reader = readThroughASecondInstance ? new ErrorMemory(store) : controller.ErrorMemory;

            // The cycle raises Application3; its write stops half way.
            check.Healthy = false;
            store.HoldNextWrite();
            Background<CycleResult> cycle = Background<CycleResult>.Run(() => controller.Handle());
            Assert.True(store.Holding.Wait(Patience), "the cycle never wrote the error memory");

            ErrorFlags seen = ErrorFlags.None;
            int stackCount = -1;
            Background<bool> read = Background.Run(() =>
            {
                seen = reader.PersistentFlags;
                stackCount = reader.GetCount(ErrorFlags.Stack);
            });
            bool readWhileHalfWritten = read.Wait(300);
            store.Release.Set();
            Assert.True(cycle.Wait(Patience));
            Assert.True(read.Wait(Patience));
            Assert.True(read.Result);

            Assert.False(readWhileHalfWritten, "a read completed while the store was half written");
            Assert.Equal(ErrorFlags.Stack, seen);
            Assert.Equal(1, stackCount);
            Assert.Equal(ErrorMemoryStatus.Formatted, controller.ErrorMemoryStatus);  // as Initialize found it: no damage since
            Assert.Equal(ErrorFlags.None, cycle.Result.Flags & ErrorFlags.ErrorMemory);
            var after = new ErrorMemory(store);
            Assert.Equal(ErrorMemoryStatus.Ok, after.Open(false));
            Assert.Equal(ErrorFlags.Stack, after.PersistentFlags);
            Assert.Equal(1, after.GetCount(ErrorFlags.Stack));
            Assert.Equal(1, after.GetCount(ErrorFlags.Application3));
            Assert.Equal(0, after.GetCount(ErrorFlags.ErrorMemory));
        }

        [Fact]
        public void ReaderHammeringWhileCyclesRaiseLosesNothing()
        {
            var store = new YieldingStore();
            var check = new ScriptedCheck(ErrorFlags.Application3) { Healthy = true };
            SafetyController controller = ControllerWithStackKept(store, check);

            int reads = 0;
            int lost = 0;
            using (var done = new ManualResetEventSlim(false))
            {
                var reader = new Thread(() =>
                {
                    while (!done.IsSet)
                    {
                        if ((controller.ErrorMemory.PersistentFlags & ErrorFlags.Stack) == 0
                            || controller.ErrorMemory.GetCount(ErrorFlags.Stack) != 1)
                        {
                            Interlocked.Increment(ref lost);
                        }

                        Interlocked.Increment(ref reads);
                    }
                });
                reader.Start();
                const int Onsets = 40;
                for (int i = 0; i < Onsets; i++)
                {
                    check.Healthy = false;   // a detection starts: raised into the error memory
                    controller.Handle();
                    check.Healthy = true;
                    controller.Handle();
                }

                done.Set();
                Assert.True(reader.Join(Patience));
                Assert.True(reads > 0);
                Assert.Equal(0, lost);
                Assert.Equal(ErrorMemoryStatus.Formatted, controller.ErrorMemoryStatus);  // as Initialize found it: no damage since
                Assert.Equal(ErrorFlags.None, controller.Flags & ErrorFlags.ErrorMemory);
                Assert.Equal(ErrorFlags.Stack, controller.ErrorMemory.PersistentFlags);
                Assert.Equal(Onsets, controller.ErrorMemory.GetCount(ErrorFlags.Application3));
            }
        }
    }
}
