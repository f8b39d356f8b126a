using System;
using System.Runtime.CompilerServices;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>
    /// The stack threshold at its boundary, on both paths: free stack (or the
    /// high-water mark) equal to MinStackFree passes, one byte less is detected.
    /// </summary>
    public class ThresholdBoundaryTests : NativeTestBase
    {
        private const int ThreadStack = 128 * 1024;

        // One call site: each cycle runs at the same native stack depth.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static CycleResult CycleAtOneDepth(SafetyController controller) => controller.Handle();

        [Fact]
        public void FreeStackEqualToTheMinimumPassesAndOneByteLessIsDetected()
        {
            SafetyController controller = NewController();
            controller.UseHighWaterMark = false;
            for (int attempt = 0; attempt < 50; attempt++)
            {
                int free = CycleAtOneDepth(controller).FreeStackBytes;
                controller.MinStackFree = free;
                CycleResult equal = CycleAtOneDepth(controller);
                controller.MinStackFree = free + 1;
                CycleResult below = CycleAtOneDepth(controller);
                if (equal.FreeStackBytes != free || below.FreeStackBytes != free)
                {
                    continue;   // the runtime moved the frame (JIT tiers): measure again
                }

                Assert.Equal(ErrorFlags.None, equal.Detected);
                Assert.Equal(ErrorFlags.Stack, below.Detected);
                Assert.Equal(AreaStatus.Ok, below.Area);
                return;
            }

            Assert.Fail("the free stack at one call site never stayed the same for three cycles");
        }

        [Fact]
        public void HighWaterMarkEqualToTheMinimumPassesAndOneByteLessIsDetected()
        {
            string outcome = null;
            OnThreadWithStack(ThreadStack, () =>
            {
                Assert.Equal(0, NativeCore.PaintStack());
                try
                {
                    SafetyController controller = NewController();
                    int sweep = 2 * (((ThreadStack / 4) + 31) / 32) + 1;
                    for (int attempt = 0; attempt < 20 && outcome == null; attempt++)
                    {
                        for (int i = 0; i < sweep; i++)
                        {
                            CycleAtOneDepth(controller);   // the mark settles
                        }

                        int mark = CycleAtOneDepth(controller).MinFreeStackBytes;
                        Assert.True(mark >= 0, "the painted stack has no mark");
                        controller.MinStackFree = mark;
                        CycleResult equal = CycleAtOneDepth(controller);
                        controller.MinStackFree = mark + 1;
                        CycleResult below = CycleAtOneDepth(controller);
                        controller.MinStackFree = 0;
                        controller.ClearFlags(ErrorFlags.Stack);
                        if (equal.MinFreeStackBytes != mark || below.MinFreeStackBytes != mark)
                        {
                            continue;   // the mark moved: measure again
                        }

                        // The free stack at the check passes both times: only the mark decides.
                        Assert.True(below.FreeStackBytes >= mark + 1, $"free {below.FreeStackBytes}, mark {mark}");
                        Assert.Equal(ErrorFlags.None, equal.Detected);
                        Assert.Equal(ErrorFlags.Stack, below.Detected);
                        outcome = "checked";
                    }
                }
                finally
                {
                    NativeCore.ForgetPaint();
                }
            });
            Assert.Equal("checked", outcome);
        }
    }
}
