using System;
using System.Collections.Generic;
using System.Threading;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>
    /// The loop on a misbehaving time base: a step back or forward of an hour,
    /// a clock that throws. Cycles keep coming at the period, the step is
    /// reported, the thread never stops.
    /// </summary>
    public class SafetyLoopClockTests : NativeTestBase
    {
        private const long Hour = 3600L * 1000;
        private const int Period = 10;

        private static List<ErrorFlags> Raised(SafetyController controller)
        {
            var raised = new List<ErrorFlags>();
            controller.ErrorRaised += (s, e) =>
            {
                lock (raised)
                {
                    raised.Add(e.Flag);
                }
            };
            return raised;
        }

        [Theory]
        [InlineData(-Hour)]
        [InlineData(Hour)]
        public void StepOfAnHourIsReportedAndCyclesKeepTheirPeriod(long step)
        {
            // Back: counted as a step back. Forward: the next cycle starts an
            // hour after the last one by this clock, a missed deadline.
            var clock = new SteppableClock();
            SafetyController controller = NewController();
            List<ErrorFlags> raised = Raised(controller);
            using (var loop = new SafetyLoop(controller, clock, Period, 5000))
            {
                loop.Start();
                WaitForCycle(controller, 5);
                clock.Step(step);
                long atStep = controller.LastCycle.Number;
                WaitForCycle(controller, atStep + 30);   // the wall-clock schedule waited an hour after a step back
                Assert.True(loop.Stop());
                Assert.Equal(step < 0 ? 1 : 0, loop.ClockStepsBack);
                Assert.Equal(step < 0 ? 0 : 1, loop.MissedDeadlines);
                Assert.Equal(0, loop.FailedIterations);
            }

            lock (raised)
            {
                Assert.Equal(new[] { ErrorFlags.MainLoopTiming }, raised);
            }
        }

        [Fact]
        public void DeadlineIsAMaximumItselfAllowed()
        {
            // Cycle starts 0, 50 (exactly the deadline: on time), 101 (51 after: missed),
            // then 101 forever. Two readings per cycle: its start and its end.
            var clock = new ScriptedClock(0, 0, 50, 50, 101, 101);
            SafetyController controller = NewController();
            List<ErrorFlags> raised = Raised(controller);
            using (var loop = new SafetyLoop(controller, clock, 1, 50))
            {
                loop.Start();
                WaitForCycle(controller, 5);
                Assert.True(loop.Stop());
                Assert.True(clock.Done);
                Assert.Equal(1, loop.MissedDeadlines);
                Assert.Equal(0, loop.ClockStepsBack);
            }

            lock (raised)
            {
                Assert.Equal(new[] { ErrorFlags.MainLoopTiming }, raised);
            }
        }

        [Fact]
        public void SameReadingTwiceIsNoStepBack()
        {
            // A clock coarser than the period reads the same at two cycle starts.
            var clock = new ScriptedClock(7, 7, 7, 7, 7, 7);
            SafetyController controller = NewController();
            using (var loop = new SafetyLoop(controller, clock, 1, 50))
            {
                loop.Start();
                WaitForCycle(controller, 5);
                Assert.True(loop.Stop());
                Assert.Equal(0, loop.ClockStepsBack);
                Assert.Equal(0, loop.MissedDeadlines);
            }

            Assert.Equal(ErrorFlags.None, controller.Flags);
        }

        [Fact]
        public void WaitIsTheCyclesSlackAndNeverMoreThanAPeriod()
        {
            // Each cycle takes 3 ms by this clock: 7 ms of a 10 ms period are left.
            var clock = new ScriptedClock(read => (read / 2 * Period) + (read % 2 * 3));
            SafetyController controller = NewController();
            using (var loop = new SafetyLoop(controller, clock, Period, 5000))
            {
                Assert.Equal(0, loop.LastWaitMilliseconds);
                loop.Start();
                WaitForCycle(controller, 5);
                Assert.Equal(Period - 3, loop.LastWaitMilliseconds);
                Assert.True(loop.Stop());
            }

            // An hour back, then the clock stands still: a whole period each time, never more.
            var stepped = new ScriptedClock(0, 0, Period, Period, -Hour, -Hour);
            using (var loop = new SafetyLoop(NewController(), stepped, Period, 5000))
            {
                loop.Start();
                DateTime until = DateTime.UtcNow + Patience;
                while (!stepped.Done || loop.ClockStepsBack == 0)
                {
                    Assert.True(DateTime.UtcNow < until, "the loop did not read the stepped clock");
                    Thread.Sleep(5);
                }

                Thread.Sleep(5 * Period);
                Assert.Equal(Period, loop.LastWaitMilliseconds);
                Assert.True(loop.Stop());
            }
        }

        [Fact]
        public void ClockFailingLongerThanTheDeadlineIsAlsoAMissedDeadline()
        {
            var clock = new SteppableClock();
            SafetyController controller = NewController();
            List<ErrorFlags> raised = Raised(controller);
            using (var loop = new SafetyLoop(controller, clock, Period, 100))
            {
                loop.Start();
                WaitForCycle(controller, 3);
                clock.Throws = true;
                DateTime until = DateTime.UtcNow + Patience;
                while (loop.FailedIterations < 25)
                {
                    Assert.True(DateTime.UtcNow < until, "the loop did not try again after its clock threw");
                    Thread.Sleep(5);
                }

                Assert.Equal(Period, loop.LastWaitMilliseconds);
                long before = controller.LastCycle.Number;
                clock.Throws = false;
                WaitForCycle(controller, before + 3);
                Assert.True(loop.Stop());
                Assert.Equal(1, loop.MissedDeadlines);
            }

            lock (raised)
            {
                Assert.Equal(new[] { ErrorFlags.MainLoopTiming, ErrorFlags.LoopFault }, raised);
            }
        }

        [Fact]
        public void ClockThatThrowsIsALoopFaultNotAStop()
        {
            var clock = new SteppableClock { Throws = true };
            SafetyController controller = NewController();
            List<ErrorFlags> raised = Raised(controller);
            using (var loop = new SafetyLoop(controller, clock, Period, 5000))
            {
                loop.Start();
                DateTime until = DateTime.UtcNow.AddSeconds(20);
                while (loop.FailedIterations < 3)
                {
                    Assert.True(DateTime.UtcNow < until, "the loop did not try again after its clock threw");
                    Thread.Sleep(5);
                }

                Assert.True(loop.IsRunning);
                Assert.Equal(0, controller.LastCycle.Number);
                clock.Throws = false;
                WaitForCycle(controller, 3);
                Assert.True(loop.Stop());
            }

            Assert.Equal(ErrorFlags.LoopFault, controller.Flags);
            lock (raised)
            {
                Assert.Equal(new[] { ErrorFlags.LoopFault }, raised);
            }
        }

        [Fact]
        public void LoopKeepsThePhaseOfItsFirstCycle()
        {
            // Cycle 1 starts at 1000 and ends 1 ms before the next planned start;
            // cycle 2 starts 2 ms late and takes 1 ms: it waits for 121000, the
            // first cycle's phase, not a period after its own late start.
            const int LongPeriod = 60000;
            var clock = new ScriptedClock(1000, 60999, 61002, 61003);
            using (var loop = new SafetyLoop(NewController(), clock, LongPeriod, 2 * LongPeriod))
            {
                loop.Start();
                DateTime until = DateTime.UtcNow + Patience;
                while (loop.LastWaitMilliseconds < 1000)
                {
                    Assert.True(DateTime.UtcNow < until, "the loop never began its long wait");
                    Thread.Sleep(5);
                }

                Assert.True(clock.Done);
                Assert.Equal(LongPeriod - 3, loop.LastWaitMilliseconds);
                Assert.Equal(0, loop.MissedDeadlines);
                Assert.True(loop.Stop());
            }
        }

        [Fact]
        public void TickCountClockIsTheSystemsMonotonicCount()
        {
            // Environment.TickCount64: milliseconds since the system started, not the wall clock.
            var clock = new TickCountClock();
            long before = Environment.TickCount64;
            long reading = clock.Milliseconds;
            long after = Environment.TickCount64;
            Assert.InRange(reading, before, after);
        }
    }
}
