using System;
using System.Collections.Generic;
using SafetyMonitor.Native;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>The stack check of the cycle against the real C core.</summary>
    public class StackCheckCycleTests : NativeTestBase
    {
        [Fact]
        public void HealthyCyclesRaiseNothing()
        {
            var raised = new List<ErrorRaisedEventArgs>();
            SafetyController controller = NewController(raised);
            for (int i = 1; i <= 20; i++)
            {
                CycleResult cycle = controller.Handle();
                Assert.Equal(i, cycle.Number);
                Assert.Equal(AreaStatus.Ok, cycle.Area);
                Assert.Equal(ErrorFlags.None, cycle.Detected);
                Assert.Equal(ErrorFlags.None, cycle.Flags);
                Assert.True(cycle.FreeStackBytes >= controller.MinStackFree, $"free {cycle.FreeStackBytes}");
                Assert.True(cycle.FreeStackBytes < controller.StackSize);
                Assert.Equal(cycle, controller.LastCycle);
            }

            Assert.Empty(raised);
            Assert.False(controller.InPanic);
        }

        [Fact]
        public void LowFreeStackRaisesStackInTheFirstCycleThatSeesIt()
        {
            OnThreadWithStack(2 * 1024 * 1024, () =>
            {
                var raised = new List<ErrorRaisedEventArgs>();
                SafetyController controller = NewController(raised);
                int free = StackCheck.GetFree();
                controller.MinStackFree = free - 256 * 1024;
                var cycles = new List<CycleResult>();
                Descend(controller, cycles, 64);

                int first = cycles.FindIndex(c => c.Detected != ErrorFlags.None);
                Assert.True(first > 0, "no cycle saw the stack run low");
                for (int i = 0; i < first; i++)
                {
                    Assert.True(cycles[i].FreeStackBytes >= controller.MinStackFree);
                    Assert.Equal(ErrorFlags.None, cycles[i].Flags);
                }

                Assert.True(cycles[first].FreeStackBytes < controller.MinStackFree);
                Assert.Equal(ErrorFlags.Stack, cycles[first].Detected);
                Assert.Equal(AreaStatus.Ok, cycles[first].Area);
                Assert.Single(raised);
                Assert.Equal(ErrorFlags.Stack, raised[0].Flag);
                Assert.Equal(cycles[first].Number, raised[0].Cycle.Number);
                for (int i = 1; i < cycles.Count; i++)
                {
                    Assert.True(cycles[i].FreeStackBytes < cycles[i - 1].FreeStackBytes, "deeper frames must leave less stack");
                }
            });
        }

        // Each level takes 16 KiB of native stack and runs one cycle.
        private static void Descend(SafetyController controller, List<CycleResult> cycles, int levels)
        {
            Span<byte> frame = stackalloc byte[16 * 1024];
            frame[0] = (byte)levels;
            cycles.Add(controller.Handle());
            if (levels > 1 && cycles[cycles.Count - 1].Detected == ErrorFlags.None)
            {
                Descend(controller, cycles, levels - 1);
            }

            frame[frame.Length - 1] = frame[0];
        }

        [Fact]
        public void CorruptionAtEveryAreaOffsetIsCaughtAndTheControlIsClean()
        {
            var raised = new List<ErrorRaisedEventArgs>();
            SafetyController controller = NewController(raised);
            int bytes = NativeCore.AreaBytes;
            Assert.Equal(128, bytes);
            for (int offset = 0; offset < bytes; offset++)
            {
                int bit = offset * 8 + offset % 8;
                NativeCore.FlipAreaBit(bit);
                CycleResult corrupted = controller.Handle();
                Assert.Equal(AreaStatus.Corrupted, corrupted.Area);
                Assert.Equal(ErrorFlags.Stack, corrupted.Detected);
                Assert.Equal(ErrorFlags.Stack, corrupted.Flags);

                NativeCore.FlipAreaBit(bit);
                CycleResult restored = controller.Handle();
                Assert.Equal(AreaStatus.Ok, restored.Area);
                Assert.Equal(ErrorFlags.None, restored.Detected);
                Assert.Equal(ErrorFlags.Stack, restored.Flags); // persistent until acknowledged
                controller.ClearFlags(ErrorFlags.Stack);
                Assert.Equal(ErrorFlags.None, controller.Handle().Flags);
            }

            Assert.Equal(bytes, raised.Count);
        }

        [Theory]
        [InlineData(NativeCore.EntropyFault.NotReady, AreaStatus.RngTimeout)]
        [InlineData(NativeCore.EntropyFault.Failed, AreaStatus.RngSeedError)]
        [InlineData(NativeCore.EntropyFault.RepeatOnce, AreaStatus.RngRepeatedWord)]
        public void RngFailureAtInitLeavesEveryCycleFlagged(NativeCore.EntropyFault fault, AreaStatus expected)
        {
            var controller = new SafetyController();
            NativeCore.SetEntropyFault(fault);
            Assert.Equal(expected, controller.Initialize());
            Assert.Equal(expected, controller.InitializationStatus);
            NativeCore.SetEntropyFault(NativeCore.EntropyFault.Healthy);
            for (int i = 0; i < 3; i++)
            {
                CycleResult cycle = controller.Handle();
                Assert.Equal(AreaStatus.NotInitialized, cycle.Area);
                Assert.Equal(ErrorFlags.Stack, cycle.Detected);
            }

            Assert.Equal(AreaStatus.Ok, controller.Initialize());
            controller.ClearFlags(ErrorFlags.Stack);
            CycleResult healed = controller.Handle();
            Assert.Equal(AreaStatus.Ok, healed.Area);
            Assert.Equal(ErrorFlags.None, healed.Flags);
        }

        [Fact]
        public void EntropyArrivingInPiecesStillSeals()
        {
            var controller = new SafetyController();
            NativeCore.SetEntropyFault(NativeCore.EntropyFault.ShortReads);
            Assert.Equal(AreaStatus.Ok, controller.Initialize());
            Assert.Equal(AreaStatus.Ok, controller.Handle().Area);
        }

        [Fact]
        public void StackFlagCanBeAPanicFlag()
        {
            int panics = 0;
            SafetyController controller = NewController();
            controller.PanicEntered += (sender, e) => panics++;
            controller.SetPolicy(ErrorFlags.Stack, FlagPolicy.Panic);
            NativeCore.FlipAreaBit(77);
            Assert.True(controller.Handle().Panic);
            NativeCore.FlipAreaBit(77);
            Assert.True(controller.InPanic);
            Assert.Equal(1, panics);
        }
    }
}
