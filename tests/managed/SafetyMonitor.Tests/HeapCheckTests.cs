using System;
using System.Collections.Generic;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>A managed heap whose free bytes the test sets, counting reads.</summary>
    internal sealed class ScriptedHeap : IManagedHeap
    {
        public long Free { get; set; } = 100000;

        public bool Throws { get; set; }

        public int Reads { get; private set; }

        public long FreeBytes
        {
            get
            {
                Reads++;
                if (Throws)
                {
                    throw new InvalidOperationException("the heap could not be read");
                }

                return Free;
            }
        }
    }

    /// <summary>The controller's managed heap check.</summary>
    public class HeapCheckTests : NativeTestBase
    {
        [Fact]
        public void FreeHeapEqualToTheMinimumPassesOneByteLessIsDetected()
        {
            SafetyController controller = NewController();
            var heap = new ScriptedHeap { Free = 4096 };
            controller.SetHeapCheck(heap, 4096, 1);
            CycleResult at = controller.Handle();
            Assert.Equal(4096, at.FreeHeapBytes);
            Assert.Equal(ErrorFlags.None, at.Detected);
            heap.Free = 4095;
            CycleResult below = controller.Handle();
            Assert.Equal(4095, below.FreeHeapBytes);
            Assert.Equal(ErrorFlags.Heap, below.Detected);
            Assert.Equal(ErrorFlags.Heap, controller.Flags & ErrorFlags.Heap);
        }

        [Fact]
        public void EveryNthCycleMeasuresCycleOneAndEveryNthAfter()
        {
            SafetyController controller = NewController();
            var heap = new ScriptedHeap { Free = 10 };
            controller.SetHeapCheck(heap, 100, 3);
            var measured = new List<long>();
            var detected = new List<long>();
            for (int i = 0; i < 7; i++)
            {
                CycleResult cycle = controller.Handle();
                if (cycle.FreeHeapBytes >= 0)
                {
                    measured.Add(cycle.Number);
                }

                if ((cycle.Detected & ErrorFlags.Heap) != 0)
                {
                    detected.Add(cycle.Number);
                }
            }

            Assert.Equal(new long[] { 1, 4, 7 }, measured);
            Assert.Equal(new long[] { 1, 4, 7 }, detected);
            Assert.Equal(3, heap.Reads);
            Assert.Equal(3, controller.HeapCheckEvery);
            Assert.Equal(100, controller.MinHeapFree);
        }

        [Fact]
        public void TheLeastFreeHeapSeenIsKept()
        {
            SafetyController controller = NewController();
            Assert.Equal(-1, controller.LowestHeapFree);
            var heap = new ScriptedHeap { Free = 1000 };
            controller.SetHeapCheck(heap, 0, 1);
            controller.Handle();
            Assert.Equal(1000, controller.LowestHeapFree);
            heap.Free = 500;
            controller.Handle();
            heap.Free = 800;
            controller.Handle();
            Assert.Equal(500, controller.LowestHeapFree);
            Assert.Equal(ErrorFlags.None, controller.Flags);
        }

        [Fact]
        public void AHeapThatThrowsIsACheckFaultAndNoMeasurement()
        {
            SafetyController controller = NewController();
            var heap = new ScriptedHeap { Throws = true };
            controller.SetHeapCheck(heap, 100, 1);
            CycleResult cycle = controller.Handle();
            Assert.Equal(ErrorFlags.CheckFault, cycle.Detected);
            Assert.Equal(-1, cycle.FreeHeapBytes);
            Assert.Equal(-1, controller.LowestHeapFree);
        }

        [Fact]
        public void WithoutAHeapCheckNothingIsMeasured()
        {
            SafetyController controller = NewController();
            CycleResult cycle = controller.Handle();
            Assert.Equal(-1, cycle.FreeHeapBytes);
            Assert.Equal(-1, controller.LowestHeapFree);
        }

        [Fact]
        public void BadArgumentsAreRefusedAndChangeNothing()
        {
            SafetyController controller = NewController();
            var heap = new ScriptedHeap();
            Assert.Throws<ArgumentNullException>(() => controller.SetHeapCheck(null, 0, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => controller.SetHeapCheck(heap, -1, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => controller.SetHeapCheck(heap, 0, 0));
            controller.Handle();
            Assert.Equal(0, heap.Reads);
            Assert.Equal(1, controller.HeapCheckEvery);
            Assert.Equal(0, controller.MinHeapFree);
        }

        [Fact]
        public void HeapAndWatchdogAreOwnFlagsPersistentByDefault()
        {
            var controller = new SafetyController();
            Assert.Equal(FlagPolicy.Persistent, controller.GetPolicy(ErrorFlags.Heap));
            Assert.Equal(FlagPolicy.Persistent, controller.GetPolicy(ErrorFlags.Watchdog));
            Assert.Equal(0x40, (int)ErrorFlags.Watchdog);
            Assert.Equal(0x80, (int)ErrorFlags.Heap);
        }

        [Fact]
        public void TheRuntimeHeapOnDotNetReportsFreeBytes()
        {
            Assert.True(new RuntimeManagedHeap().FreeBytes > 0);
        }
    }
}
