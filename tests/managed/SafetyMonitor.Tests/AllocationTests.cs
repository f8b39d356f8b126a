using System;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>A healthy cycle, and reading its result, allocate nothing.</summary>
    public class AllocationTests : NativeTestBase
    {
        [Fact]
        public void HealthyCyclesAndTheirResultsAllocateNothing()
        {
            SafetyController controller = NewController();
            controller.Register(new ScriptedCheck(ErrorFlags.Application0));
            controller.ErrorRaised += (sender, e) => { };
            for (int i = 0; i < 100; i++)
            {
                controller.Handle();
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            long sum = 0;
            for (int i = 0; i < 1000; i++)
            {
                sum += controller.Handle().FreeStackBytes;
                sum += controller.LastCycle.Number;
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
            Assert.NotEqual(0, sum);
        }

        [Fact]
        public void RaisingAFlagAllocatesItsEventData()
        {
            // The control: the measurement sees allocations when there are some.
            SafetyController controller = NewController();
            var check = new ScriptedCheck(ErrorFlags.Application0) { Healthy = false };
            controller.Register(check);
            controller.ErrorRaised += (sender, e) => { };
            long before = GC.GetAllocatedBytesForCurrentThread();
            controller.Handle();
            Assert.True(GC.GetAllocatedBytesForCurrentThread() > before);
        }

        [Fact]
        public void DetectionsWithoutSubscribersAllocateNothing()
        {
            // A detection starts every second cycle; nobody listens, so no event data.
            SafetyController controller = NewController();
            var check = new ScriptedCheck(ErrorFlags.Application0);
            controller.Register(check);
            for (int i = 0; i < 100; i++)
            {
                check.Healthy = i % 2 == 0;
                controller.Handle();
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            ErrorFlags seen = ErrorFlags.None;
            for (int i = 0; i < 1000; i++)
            {
                check.Healthy = i % 2 == 0;
                seen |= controller.Handle().Detected;
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(ErrorFlags.Application0, seen);
            Assert.Equal(0, allocated);
        }
    }
}
