using System;
using System.Threading;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>The loop's thread, period and deadline.</summary>
    public class SafetyLoopTests : NativeTestBase
    {
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

                using (var loop = new SafetyLoop(controller, new TickCountClock(), 20, 200))
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

            using (var loop = new SafetyLoop(controller, new TickCountClock(), 5, 5000))
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
            using (var loop = new SafetyLoop(controller, new TickCountClock(), 5, 5000))
            {
                loop.Start();
                Assert.True(loop.IsRunning);
                WaitForCycle(controller, 2);
                loop.Stop();
                Assert.False(loop.IsRunning);
            }

            Assert.NotEqual(0, check.ThreadId);
            Assert.NotEqual(Environment.CurrentManagedThreadId, check.ThreadId);
            Assert.Equal(ThreadPriority.AboveNormal, check.Priority);
        }

        [Fact]
        public void StartingTwiceOrAfterDisposeIsRefused()
        {
            SafetyController controller = NewController();
            var loop = new SafetyLoop(controller, new TickCountClock(), 10, 100);
            loop.Start();
            Assert.Throws<InvalidOperationException>(() => loop.Start());
            Assert.True(loop.IsRunning);
            loop.Dispose();
            Assert.Throws<ObjectDisposedException>(() => loop.Start());
            Assert.True(loop.Stop(), "stopping a stopped loop");
        }

        [Fact]
        public void LoopIsRunningUntilItsThreadHasReallyEnded()
        {
            SafetyController controller = NewController();
            var gate = new GatedCheck(ErrorFlags.Application4);
            controller.Register(gate);
            using (var loop = new SafetyLoop(controller, new TickCountClock(), 5, 5))
            {
                loop.Start();
                WaitForCycle(controller, 2);
                gate.HoldNextRun();
                Assert.True(gate.Holding.Wait(Patience), "the loop never ran its check");

                // The thread is busy in a check: Stop gives up after 1005 ms.
                Assert.False(loop.Stop());
                Assert.True(loop.IsRunning, "the thread still runs");
                Assert.Throws<InvalidOperationException>(() => loop.Start());

                gate.Release.Set();
                DateTime until = DateTime.UtcNow + Patience;
                while (loop.IsRunning)
                {
                    Assert.True(DateTime.UtcNow < until, "the loop's thread did not end after its check returned");
                    Thread.Sleep(5);
                }

                long before = controller.LastCycle.Number;
                loop.Start();                       // a fresh thread, the old one has ended
                WaitForCycle(controller, before + 2);
                Assert.True(loop.Stop());
            }
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void StartWaitsForAStopOrDisposeInProgress(bool dispose)
        {
            SafetyController controller = NewController();
            var gate = new GatedCheck(ErrorFlags.Application4);
            controller.Register(gate);
            var loop = new SafetyLoop(controller, new TickCountClock(), 5, 3000);
            loop.Start();
            WaitForCycle(controller, 2);
            gate.HoldNextRun();
            Assert.True(gate.Holding.Wait(Patience), "the loop never ran its check");

            // Stop (or Dispose) waits up to 4 s for the thread held in its check.
            Background<bool> stopping = Background<bool>.Run(() =>
            {
                if (dispose)
                {
                    loop.Dispose();
                    return true;
                }

                return loop.Stop();
            });
            Thread.Sleep(500);
            Background<bool> start = Background.Run(() => loop.Start());
            bool startedDuringTheStop = start.Wait(500);
            gate.Release.Set();
            Assert.True(stopping.Result, "the thread ended once its check returned");
            Assert.False(startedDuringTheStop, "Start completed during a Stop in progress");
            if (dispose)
            {
                Assert.Throws<ObjectDisposedException>(() => start.Result);
                Assert.False(loop.IsRunning);
            }
            else
            {
                Assert.True(start.Result);   // a fresh thread, after the old one ended
                Assert.True(loop.IsRunning);
                Assert.True(loop.Stop());
            }
        }

        [Fact]
        public void ConcurrentStartsStartOneThread()
        {
            SafetyController controller = NewController();
            for (int round = 0; round < 200; round++)
            {
                using (var loop = new SafetyLoop(controller, new TickCountClock(), 50, 5000))
                using (var barrier = new Barrier(2))
                {
                    int started = 0;
                    int refused = 0;
                    ThreadStart start = () =>
                    {
                        barrier.SignalAndWait();
                        try
                        {
                            loop.Start();
                            Interlocked.Increment(ref started);
                        }
                        catch (InvalidOperationException)
                        {
                            Interlocked.Increment(ref refused);
                        }
                    };
                    var first = new Thread(start);
                    var second = new Thread(start);
                    first.Start();
                    second.Start();
                    Assert.True(first.Join(Patience) && second.Join(Patience));
                    Assert.Equal(1, started);
                    Assert.Equal(1, refused);
                    Assert.True(loop.Stop());
                }
            }
        }

        private sealed class ThreadRecordingCheck : ISafetyCheck
        {
            public int ThreadId;

            public ThreadPriority Priority;

            public ErrorFlags Flag => ErrorFlags.Application2;

            public bool Run()
            {
                ThreadId = Environment.CurrentManagedThreadId;
                Priority = Thread.CurrentThread.Priority;
                return true;
            }
        }
    }
}
