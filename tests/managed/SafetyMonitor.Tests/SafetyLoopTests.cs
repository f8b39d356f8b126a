using System;
using System.Threading;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>The loop's thread, period and deadline.</summary>
    public class SafetyLoopTests : NativeTestBase
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

        [Fact]
        public void MissedDeadlineRaisesMainLoopTimingInTheLateCycle()
        {
            SafetyController controller = NewController();
            var slow = new ScriptedCheck(ErrorFlags.Application1);
            controller.Register(slow);
            using (var timingRaised = new ManualResetEventSlim(false))
            {
                CycleResult late = default(CycleResult);
                controller.ErrorRaised += (sender, e) =>
                {
                    if (e.Flag == ErrorFlags.MainLoopTiming)
                    {
                        late = e.Cycle;
                        timingRaised.Set();
                    }
                };

                using (var loop = new SafetyLoop(controller, 20, 200))
                {
                    loop.Start();
                    WaitForCycle(controller, 3);
                    slow.SleepMilliseconds = 800;
                    Assert.True(timingRaised.Wait(Patience), "no MainLoopTiming after a cycle of 800 ms");
                    Assert.True(loop.Stop());
                    Assert.True(loop.MissedDeadlines >= 1);
                }

                Assert.Equal(ErrorFlags.MainLoopTiming, late.Detected & ErrorFlags.MainLoopTiming);
            }
        }

        [Fact]
        public void LoopOnTimeMissesNoDeadline()
        {
            SafetyController controller = NewController();
            int timingRaised = 0;
            controller.ErrorRaised += (sender, e) =>
            {
                if (e.Flag == ErrorFlags.MainLoopTiming)
                {
                    Interlocked.Increment(ref timingRaised);
                }
            };

            using (var loop = new SafetyLoop(controller, 5, 5000))
            {
                loop.Start();
                WaitForCycle(controller, 30);
                Assert.True(loop.Stop());
                Assert.Equal(0, loop.MissedDeadlines);
            }

            Assert.Equal(0, timingRaised);
            Assert.Equal(ErrorFlags.None, controller.Flags);
        }

        [Fact]
        public void CyclesRunOnTheLoopsOwnThread()
        {
            SafetyController controller = NewController();
            var check = new ThreadRecordingCheck();
            controller.Register(check);
            using (var loop = new SafetyLoop(controller, 5, 5000))
            {
                loop.Start();
                Assert.True(loop.IsRunning);
                WaitForCycle(controller, 2);
                loop.Stop();
                Assert.False(loop.IsRunning);
            }

            Assert.NotEqual(0, check.ThreadId);
            Assert.NotEqual(Environment.CurrentManagedThreadId, check.ThreadId);
        }

        [Fact]
        public void StartingTwiceOrAfterDisposeIsRefused()
        {
            SafetyController controller = NewController();
            var loop = new SafetyLoop(controller, 10, 100);
            loop.Start();
            Assert.Throws<InvalidOperationException>(() => loop.Start());
            Assert.True(loop.IsRunning);
            loop.Dispose();
            Assert.Throws<ObjectDisposedException>(() => loop.Start());
            Assert.True(loop.Stop(), "stopping a stopped loop");
        }

        private static void WaitForCycle(SafetyController controller, int number)
        {
            DateTime until = DateTime.UtcNow + Patience;
            while (controller.LastCycle.Number < number)
            {
                Assert.True(DateTime.UtcNow < until, $"the loop did not reach cycle {number}");
                Thread.Sleep(5);
            }
        }

        private sealed class ThreadRecordingCheck : ISafetyCheck
        {
            public int ThreadId;

            public ErrorFlags Flag => ErrorFlags.Application2;

            public bool Run()
            {
                ThreadId = Environment.CurrentManagedThreadId;
                return true;
            }
        }
    }
}
