using System;
using System.Collections.Generic;
using System.Threading;
using SafetyMonitor.Native;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>A watchdog double: records after which cycle each refresh came.</summary>
    internal sealed class RecordingWatchdog : IWatchdog
    {
        private readonly List<long> _refreshedAfter = new List<long>();

        public RecordingWatchdog(int timeoutMilliseconds)
        {
            TimeoutMilliseconds = timeoutMilliseconds;
        }

        public SafetyController Controller { get; set; }

        public bool Throws { get; set; }

        public int TimeoutMilliseconds { get; }

        public long[] RefreshedAfter
        {
            get
            {
                lock (_refreshedAfter)
                {
                    return _refreshedAfter.ToArray();
                }
            }
        }

        public void Refresh()
        {
            if (Throws)
            {
                throw new InvalidOperationException("the watchdog is not running");
            }

            lock (_refreshedAfter)
            {
                _refreshedAfter.Add(Controller.LastCycle.Number);
            }
        }
    }

    /// <summary>The loop refreshes its watchdog only after good cycles; the next boot reports a watchdog reset.</summary>
    public class WatchdogTests : NativeTestBase
    {
        private const int Period = 10;
        private const int Deadline = 250;
        private const uint Iwdgrstf = 1u << 29;
        private const uint Pinrstf = 1u << 26;
        private const uint Sftrstf = 1u << 28;

        // Runs `cycles` cycles on a scripted clock; cycle k (from 0) starts at
        // start(k) and ends end(k) later. Returns the cycles refreshed after.
        private static long[] RunScripted(SafetyController controller, int cycles, Func<int, long> start, Func<int, long> duration)
        {
            var watchdog = new RecordingWatchdog(Deadline + 1) { Controller = controller };
            var clock = new ScriptedClock(read => read % 2 == 0 ? start(read / 2) : start(read / 2) + duration(read / 2));
            using (var loop = new SafetyLoop(controller, clock, Period, Deadline, watchdog))
            {
                loop.Start();
                WaitForCycle(controller, cycles);
                Assert.True(loop.Stop());
                Assert.Equal(watchdog.RefreshedAfter.Length, loop.WatchdogRefreshes);
            }

            return Array.FindAll(watchdog.RefreshedAfter, n => n <= cycles);
        }

        private static long[] Range(int from, int to)
        {
            var numbers = new List<long>();
            for (int n = from; n <= to; n++)
            {
                numbers.Add(n);
            }

            return numbers.ToArray();
        }

        [Fact]
        public void EveryGoodCycleRefreshes()
        {
            long[] refreshed = RunScripted(NewController(), 10, k => k * Period, k => 3);
            Assert.Equal(Range(1, 10), refreshed);
        }

        [Fact]
        public void ACycleThatStartsLateDoesNotRefresh()
        {
            // Cycle 4 starts 1,010 ms after cycle 3: the deadline is missed.
            long[] refreshed = RunScripted(NewController(), 8, k => k * Period + (k >= 3 ? 1000 : 0), k => 3);
            Assert.DoesNotContain(4L, refreshed);
            Assert.Equal(new long[] { 1, 2, 3, 5, 6, 7, 8 }, refreshed);
        }

        [Fact]
        public void ACycleThatRunsPastTheDeadlineDoesNotRefresh()
        {
            // Cycle 3 takes 251 ms, one more than the deadline; 250 is still in time.
            long[] refreshed = RunScripted(NewController(), 6, k => k * Period, k => k == 2 ? Deadline + 1 : k == 4 ? Deadline : 3);
            Assert.Equal(new long[] { 1, 2, 4, 5, 6 }, refreshed);
        }

        [Fact]
        public void APanickedLoopStopsRefreshing()
        {
            SafetyController controller = NewController();
            var check = new ScriptedCheck(ErrorFlags.Application2);
            controller.Register(check);
            controller.SetPolicy(ErrorFlags.Application2, FlagPolicy.Panic);
            long[] refreshed = RunScripted(controller, 8, k =>
            {
                check.Healthy = k < 4;   // cycle 5 panics
                return k * Period;
            }, k => 3);
            Assert.Equal(Range(1, 4), refreshed);
        }

        [Fact]
        public void AWatchdogThatThrowsIsALoopFault()
        {
            SafetyController controller = NewController();
            var watchdog = new RecordingWatchdog(Deadline + 1) { Controller = controller, Throws = true };
            using (var loop = new SafetyLoop(controller, new SteppableClock(), Period, Deadline, watchdog))
            {
                loop.Start();
                WaitForCycle(controller, 3);
                Assert.True(loop.Stop());
                Assert.True(loop.FailedIterations >= 2);
                Assert.Equal(0, loop.WatchdogRefreshes);
            }

            Assert.Equal(ErrorFlags.LoopFault, controller.Flags & ErrorFlags.LoopFault);
        }

        [Fact]
        public void ControlWithoutAWatchdogNothingIsRefreshed()
        {
            SafetyController controller = NewController();
            using (var loop = new SafetyLoop(controller, new SteppableClock(), Period, Deadline))
            {
                loop.Start();
                WaitForCycle(controller, 3);
                Assert.True(loop.Stop());
                Assert.Equal(0, loop.WatchdogRefreshes);
            }
        }

        [Fact]
        public void AWatchdogNotLongerThanTheDeadlineIsRefused()
        {
            SafetyController controller = NewController();
            Assert.Throws<ArgumentNullException>(() => new SafetyLoop(controller, new SteppableClock(), Period, Deadline, null));
            Assert.Throws<ArgumentOutOfRangeException>(() => new SafetyLoop(controller, new SteppableClock(), Period, Deadline, new RecordingWatchdog(Deadline)));
            using (new SafetyLoop(controller, new SteppableClock(), Period, Deadline, new RecordingWatchdog(Deadline + 1)))
            {
            }
        }

        [Fact]
        public void AWatchdogResetIsReportedAndCountedOnce()
        {
            NativeCore.SetResetFlags(Iwdgrstf | Pinrstf);
            var memory = new ErrorMemory(new RamErrorMemoryStore());
            var controller = new SafetyController(memory);
            controller.Initialize();
            Assert.True(controller.LastResetByWatchdog);
            Assert.Equal(Iwdgrstf | Pinrstf, controller.LastResetFlags);
            Assert.Equal(ErrorFlags.Watchdog, controller.Flags & ErrorFlags.Watchdog);
            Assert.Equal(1, memory.GetCount(ErrorFlags.Watchdog));
            Assert.Equal(ErrorFlags.Watchdog, memory.PersistentFlags & ErrorFlags.Watchdog);
            controller.Initialize();
            Assert.Equal(1, memory.GetCount(ErrorFlags.Watchdog));
        }

        [Fact]
        public void AWatchdogResetWithoutErrorMemorySetsTheFlag()
        {
            NativeCore.SetResetFlags(Iwdgrstf);
            var controller = new SafetyController();
            controller.Initialize();
            Assert.Equal(ErrorFlags.Watchdog, controller.Flags);
        }

        [Fact]
        public void ControlASoftwareResetIsNoWatchdogReset()
        {
            NativeCore.SetResetFlags(Sftrstf | Pinrstf);
            var memory = new ErrorMemory(new RamErrorMemoryStore());
            var controller = new SafetyController(memory);
            controller.Initialize();
            Assert.False(controller.LastResetByWatchdog);
            Assert.Equal(ErrorFlags.None, controller.Flags);
            Assert.Equal(0, memory.GetCount(ErrorFlags.Watchdog));
        }

        [Fact]
        public void TheNativesRefuseBadTimeoutsWithoutStartingAnything()
        {
            // Nothing here may start the POSIX stand-in: it would end the test host.
            Assert.Equal(-12, Watchdog.Start(0));
            Assert.Equal(-12, Watchdog.Start(32769));
            Assert.Equal(-15, Watchdog.Refresh());
            Assert.Throws<ArgumentOutOfRangeException>(() => IndependentWatchdog.Start(0));
            Assert.Throws<ArgumentOutOfRangeException>(() => IndependentWatchdog.Start(IndependentWatchdog.MaxTimeoutMilliseconds + 1));
            Assert.Equal(-15, Watchdog.Refresh());
            NativeCore.SetResetFlags(Iwdgrstf);
            Assert.Equal(Iwdgrstf, IndependentWatchdog.ResetFlags);
        }
    }
}
