using System;
using System.Reflection;
using System.Threading;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>
    /// Initialize() again (a fresh seal) while cycles run: a cycle never sees
    /// the area half filled or unsealed.
    /// </summary>
    public class ResealTests : NativeTestBase
    {
        [Fact]
        public void ResealingWhileCyclesRunNeverFlagsStack()
        {
            SafetyController controller = NewController();
            controller.SetPolicy(ErrorFlags.Stack, FlagPolicy.Panic);
            int reseals = 0;
            AreaStatus failedSeal = AreaStatus.Ok;
            using (var done = new ManualResetEventSlim(false))
            {
                var resealer = new Thread(() =>
                {
                    while (!done.IsSet)
                    {
                        AreaStatus status = controller.Initialize();
                        if (status != AreaStatus.Ok)
                        {
                            failedSeal = status;
                        }

                        reseals++;
                    }
                });
                resealer.Start();
                AreaStatus seen = AreaStatus.Ok;
                for (int i = 0; i < 4000 && seen == AreaStatus.Ok; i++)
                {
                    CycleResult cycle = controller.Handle();
                    if (cycle.Detected != ErrorFlags.None)
                    {
                        seen = cycle.Area;
                    }
                }

                done.Set();
                Assert.True(resealer.Join(TimeSpan.FromSeconds(20)));
                Assert.Equal(AreaStatus.Ok, failedSeal);
                Assert.True(reseals > 0);
                Assert.Equal(AreaStatus.Ok, seen);
                Assert.Equal(ErrorFlags.None, controller.Flags);
                Assert.False(controller.InPanic);
            }
        }

        [Fact]
        public void CycleNumberIsASixtyFourBitCount()
        {
            // 2^31 cycles (24.8 days at 1 ms) cannot run here; the type is what
            // keeps the number from wrapping negative.
            Assert.Equal(typeof(long), typeof(CycleResult).GetProperty(nameof(CycleResult.Number)).PropertyType);
        }

        [Theory]
        [InlineData(int.MaxValue, 0x80000000u)]
        [InlineData(uint.MaxValue + 5L, 5u)]
        public void CycleNumberGoesOnPastThe32BitRangesAndAFaultKeepsItsLow32Bits(long before, uint lowBits)
        {
            // 2^31 cycles take 24.8 days at 1 ms: the count starts where they would have left it.
            SafetyController controller = NewController();
            typeof(SafetyController).GetField("_cycles", BindingFlags.NonPublic | BindingFlags.Instance).SetValue(controller, before);
            CycleResult cycle = controller.Handle();
            Assert.Equal(before + 1, cycle.Number);
            Assert.Equal(before + 1, controller.LastCycle.Number);

            NativeCore.SaveFault(FaultEvidenceTests.OverflowFault());   // a fault in this cycle
            NativeCore.BootFaultRecord(false);
            Assert.Equal(lowBits, FaultRecord.Read(out FaultRecordStatus _).Cycle);
        }
    }
}
