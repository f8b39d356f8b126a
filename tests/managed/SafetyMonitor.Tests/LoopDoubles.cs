using System;
using System.Diagnostics;
using System.Threading;

namespace SafetyMonitor.Tests
{
    /// <summary>
    /// A monotonic clock that runs with real time from 10 hours on, and that
    /// a test can step (as SNTP or an RTC set steps a wall clock) or make throw.
    /// </summary>
    internal sealed class SteppableClock : IMonotonicClock
    {
        private readonly Stopwatch _real = Stopwatch.StartNew();
        private long _offset = 10L * 3600 * 1000;
        private int _throws;

        public long Milliseconds
        {
            get
            {
                if (Volatile.Read(ref _throws) != 0)
                {
                    throw new InvalidOperationException("the clock failed");
                }

                return _real.ElapsedMilliseconds + Interlocked.Read(ref _offset);
            }
        }

        public bool Throws
        {
            set { Volatile.Write(ref _throws, value ? 1 : 0); }
        }

        public void Step(long milliseconds) => Interlocked.Add(ref _offset, milliseconds);
    }

    /// <summary>A check that blocks in Run() once armed, until released: a cycle held inside its checks.</summary>
    internal sealed class GatedCheck : ISafetyCheck
    {
        private int _armed;

        public GatedCheck(ErrorFlags flag)
        {
            Flag = flag;
        }

        public ErrorFlags Flag { get; }

        public ManualResetEventSlim Holding { get; } = new ManualResetEventSlim(false);

        public ManualResetEventSlim Release { get; } = new ManualResetEventSlim(false);

        public void HoldNextRun()
        {
            Holding.Reset();
            Release.Reset();
            Volatile.Write(ref _armed, 1);
        }

        public bool Run()
        {
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                Holding.Set();
                Release.Wait(TimeSpan.FromSeconds(30));
            }

            return true;
        }
    }

    /// <summary>
    /// A clock that answers a fixed list of readings, one per read (the loop
    /// reads it twice per cycle: at the start, and after the cycle), then the
    /// last one forever: the loop's arithmetic on exact values.
    /// </summary>
    internal sealed class ScriptedClock : IMonotonicClock
    {
        private readonly Func<int, long> _reading;
        private readonly int _count;
        private int _next;

        public ScriptedClock(params long[] readings)
        {
            _reading = read => readings[Math.Min(read, readings.Length - 1)];
            _count = readings.Length;
        }

        /// <summary>A clock whose read number n (from 0) answers reading(n).</summary>
        public ScriptedClock(Func<int, long> reading)
        {
            _reading = reading;
            _count = int.MaxValue;
        }

        /// <summary>Whether every listed reading was read.</summary>
        public bool Done => Volatile.Read(ref _next) >= _count;

        public long Milliseconds
        {
            get
            {
                int next = Volatile.Read(ref _next);
                Volatile.Write(ref _next, next + 1);
                return _reading(next);
            }
        }
    }
}
