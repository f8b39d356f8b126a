using System;
using SafetyMonitor.Native;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>
    /// The high-water mark through the controller, on a real thread's native
    /// stack (the POSIX port): a peak between two cycles, which the free
    /// stack at the moment of a check cannot show.
    /// </summary>
    public class HighWaterMarkTests : NativeTestBase
    {
        private const int ThreadStack = 128 * 1024;
        private const int PeakBytes = 64 * 1024;

        // 2 * ceil(words / 32) + 1 for the thread's stack (StackCheck.GetMinFree).
        private static int BoundCycles(int stackBytes) => (2 * (((stackBytes / 4) + 31) / 32)) + 1;

        // Writes every byte of `bytes` of native stack (an unwritten reservation
        // would look unused: a documented limit of painting).
        private static int Excursion(int bytes)
        {
            Span<byte> frame = stackalloc byte[1024];
            frame.Fill((byte)(bytes & 0x7F));
            return bytes <= 1024 ? frame[7] : frame[3] + Excursion(bytes - 1024);
        }

        [Fact]
        public void WithoutPaintTheMarkIsUnavailableAndTheCheckUsesTheFreeStack()
        {
            SafetyController controller = NewController();
            Assert.Equal(-7, StackCheck.GetMinFree());
            CycleResult cycle = controller.Handle();
            Assert.Equal(-7, cycle.MinFreeStackBytes);
            Assert.Equal(ErrorFlags.None, cycle.Flags);
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void PeakBetweenCyclesIsFlaggedOnlyWithTheMark(bool useHighWaterMark)
        {
            int cyclesToFlag = -1;
            int freeAfter = 0;
            int minAfter = 0;
            OnThreadWithStack(ThreadStack, () =>
            {
                Assert.Equal(0, NativeCore.PaintStack());
                SafetyController controller = NewController();
                controller.UseHighWaterMark = useHighWaterMark;

                // The mark so far: the runtime itself uses stack below managed
                // code (P/Invoke transitions, stack probes), so it starts
                // deeper than the free stack at a check.
                int markBefore = 0;
                for (int i = 0; i < BoundCycles(ThreadStack); i++)
                {
                    markBefore = StackCheck.GetMinFree();
                }

                // Flag anything deeper than half the coming peak below that.
                controller.MinStackFree = markBefore - (PeakBytes / 2);
                Assert.Equal(ErrorFlags.None, controller.Handle().Flags);
                Excursion(PeakBytes);
                for (int cycle = 1; cycle <= BoundCycles(ThreadStack) + 1; cycle++)
                {
                    CycleResult result = controller.Handle();
                    freeAfter = result.FreeStackBytes;
                    Assert.Equal(useHighWaterMark, result.MinFreeStackBytes != -7);
                    if ((result.Flags & ErrorFlags.Stack) != 0)
                    {
                        cyclesToFlag = cycle;
                        break;
                    }
                }

                // The mark itself saw the peak either way.
                for (int i = 0; i < BoundCycles(ThreadStack); i++)
                {
                    minAfter = StackCheck.GetMinFree();
                }

                NativeCore.ForgetPaint();
            });

            // The free stack at each check never showed the peak.
            Assert.True(freeAfter > minAfter + (PeakBytes / 2), $"free {freeAfter}, min free {minAfter}");
            if (useHighWaterMark)
            {
                Assert.InRange(cyclesToFlag, 1, BoundCycles(ThreadStack));
            }
            else
            {
                Assert.Equal(-1, cyclesToFlag);
            }
        }
    }
}
