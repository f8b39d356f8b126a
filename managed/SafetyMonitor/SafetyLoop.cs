using System;
using System.Threading;

namespace SafetyMonitor
{
    /// <summary>
    /// Runs <see cref="SafetyController.Handle"/> on a thread of its own, one
    /// cycle every <see cref="PeriodMilliseconds"/> of a monotonic clock. A
    /// cycle that starts more than <see cref="DeadlineMilliseconds"/> after the
    /// previous one (a cycle or a check that ran too long, a starved thread,
    /// or a clock that jumped forward) is a missed deadline: it is reported to
    /// the controller as <see cref="ErrorFlags.MainLoopTiming"/> and shows in
    /// that very cycle.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Time comes from an <see cref="IMonotonicClock"/>, never from the wall
    /// clock: <c>DateTime.UtcNow</c> follows the RTC, which SNTP or
    /// <c>Rtc.SetSystemTime</c> step (nf-interpreter
    /// src/CLR/CorLib/corlib_native_System_DateTime.cpp and
    /// targets/ChibiOS/_nanoCLR/targetHAL_Time.cpp), and a step back of an
    /// hour would stop every cycle for an hour. The waits between cycles use
    /// <c>WaitHandle.WaitOne(int, bool)</c>, whose timeout the nanoCLR counts
    /// on the monotonic system time (src/CLR/Core/Execution.cpp,
    /// <c>InitTimeout</c>: <c>HAL_Time_CurrentTime()</c>).
    /// </para>
    /// <para>
    /// Cycles keep the phase of the first one: each is planned one period
    /// after the previous plan, so a wait that wakes a little late shortens
    /// the next wait. A late loop does not try to catch up: when a plan has
    /// passed, the next cycle starts at once and the phase restarts from it.
    /// Every wait lies between 0 and one period, whatever the clock does: a
    /// clock that goes back is counted (<see cref="ClockStepsBack"/>) and
    /// reported as <see cref="ErrorFlags.MainLoopTiming"/> (the loop's timing
    /// could not be checked), and the loop goes on at its period.
    /// </para>
    /// <para>
    /// An iteration that ends in an exception (the clock, or
    /// <see cref="SafetyController.Handle"/>, threw) never ends the thread: it
    /// is counted (<see cref="FailedIterations"/>), reported as
    /// <see cref="ErrorFlags.LoopFault"/> to the next cycle, and the loop tries
    /// again one period later. The next cycle that starts is checked against
    /// the deadline from the last one that started: failures that lasted
    /// longer than the deadline are a missed deadline too.
    /// </para>
    /// <para>
    /// With a watchdog (<see cref="IndependentWatchdog"/>, the constructor
    /// that takes one) the loop refreshes it after a cycle only when that
    /// cycle started within the deadline, completed within the deadline and
    /// left the controller out of panic. A loop that hangs, starves or
    /// panics stops refreshing, and the watchdog resets the MCU. The watchdog
    /// goes on after <see cref="Stop"/> and <see cref="Dispose"/>: nothing
    /// refreshes it then, and the device resets.
    /// </para>
    /// </remarks>
    public sealed class SafetyLoop : IDisposable
    {
        private readonly SafetyController _controller;
        private readonly IMonotonicClock _clock;
        private readonly IWatchdog _watchdog;
        private readonly ManualResetEvent _stop = new ManualResetEvent(false);
        private readonly object _sync = new object();
        private Thread _thread;
        private int _missedDeadlines;
        private int _clockStepsBack;
        private int _failedIterations;
        private int _refreshes;
        private int _lastWait;
        private bool _disposed;

        /// <summary>Creates a stopped loop.</summary>
        /// <param name="controller">The controller whose cycles it runs.</param>
        /// <param name="clock">The monotonic time base (on nanoFramework <c>new TickCountClock()</c>, assembly SafetyMonitor.Runtime).</param>
        /// <param name="periodMilliseconds">Time between cycle starts, in ms; 1 or more.</param>
        /// <param name="deadlineMilliseconds">Longest allowed time between cycle starts, in ms; at least the period.</param>
        /// <exception cref="ArgumentNullException"><paramref name="controller"/> or <paramref name="clock"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The period is below 1 ms, or the deadline below the period.</exception>
        public SafetyLoop(SafetyController controller, IMonotonicClock clock, int periodMilliseconds, int deadlineMilliseconds)
        {
            if (controller == null)
            {
                throw new ArgumentNullException("controller");
            }

            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            if (periodMilliseconds < 1)
            {
                throw new ArgumentOutOfRangeException("periodMilliseconds", "The period is 1 ms or more.");
            }

            if (deadlineMilliseconds < periodMilliseconds)
            {
                throw new ArgumentOutOfRangeException("deadlineMilliseconds", "The deadline is at least the period.");
            }

            _controller = controller;
            _clock = clock;
            PeriodMilliseconds = periodMilliseconds;
            DeadlineMilliseconds = deadlineMilliseconds;
        }

        /// <summary>
        /// Creates a stopped loop that refreshes <paramref name="watchdog"/>
        /// after each good cycle: started and completed within the deadline,
        /// the controller not in panic.
        /// </summary>
        /// <param name="controller">The controller whose cycles it runs.</param>
        /// <param name="clock">The monotonic time base.</param>
        /// <param name="periodMilliseconds">Time between cycle starts, in ms; 1 or more.</param>
        /// <param name="deadlineMilliseconds">Longest allowed time between cycle starts, in ms; at least the period.</param>
        /// <param name="watchdog">A running watchdog (<c>IndependentWatchdog.Start(...)</c>) whose timeout exceeds the deadline.</param>
        /// <exception cref="ArgumentNullException"><paramref name="controller"/>, <paramref name="clock"/> or <paramref name="watchdog"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The period is below 1 ms, the deadline below the period, or the watchdog's timeout not longer than the deadline.</exception>
        public SafetyLoop(SafetyController controller, IMonotonicClock clock, int periodMilliseconds, int deadlineMilliseconds, IWatchdog watchdog)
            : this(controller, clock, periodMilliseconds, deadlineMilliseconds)
        {
            if (watchdog == null)
            {
                throw new ArgumentNullException("watchdog");
            }

            if (watchdog.TimeoutMilliseconds <= deadlineMilliseconds)
            {
                throw new ArgumentOutOfRangeException("watchdog", "The watchdog's timeout must be longer than the loop's deadline.");
            }

            _watchdog = watchdog;
        }

        /// <summary>Times the loop refreshed its watchdog (0 without one).</summary>
        public int WatchdogRefreshes
        {
            get { return Interlocked.CompareExchange(ref _refreshes, 0, 0); }
        }

        /// <summary>Time between cycle starts, in milliseconds.</summary>
        public int PeriodMilliseconds { get; }

        /// <summary>Longest allowed time between cycle starts, in milliseconds.</summary>
        public int DeadlineMilliseconds { get; }

        /// <summary>Deadlines missed since the loop was created (a clock that jumped forward counts here).</summary>
        public int MissedDeadlines
        {
            get { return Interlocked.CompareExchange(ref _missedDeadlines, 0, 0); }
        }

        /// <summary>Times the clock read less at a cycle's start than at the previous one's (a monotonic clock never does).</summary>
        public int ClockStepsBack
        {
            get { return Interlocked.CompareExchange(ref _clockStepsBack, 0, 0); }
        }

        /// <summary>Iterations that ended in an exception (the clock or <see cref="SafetyController.Handle"/> threw).</summary>
        public int FailedIterations
        {
            get { return Interlocked.CompareExchange(ref _failedIterations, 0, 0); }
        }

        /// <summary>
        /// How long, in milliseconds, the loop waited (or waits) after its last
        /// iteration: 0 to <see cref="PeriodMilliseconds"/>, the time left to
        /// the next planned start (the cycle's slack: the period less the
        /// cycle's own duration and less how late it started; 0 when it
        /// overran its period), a whole period after a step back of the clock
        /// or a failed iteration. 0 before the first iteration.
        /// </summary>
        public int LastWaitMilliseconds
        {
            get { return Interlocked.CompareExchange(ref _lastWait, 0, 0); }
        }

        /// <summary>
        /// Whether the loop's thread runs: true from <see cref="Start"/> until
        /// the thread has ended, also after a <see cref="Stop"/> that timed out
        /// while the thread was still busy (a check or subscriber that blocks).
        /// Never waits: it reads the thread reference once (an atomic read)
        /// rather than wait for a <see cref="Stop"/> in progress.
        /// </summary>
        public bool IsRunning
        {
            get
            {
                Thread thread = _thread;
                return thread != null && thread.IsAlive;
            }
        }

        /// <summary>
        /// Starts the loop's thread (above-normal priority). The first cycle
        /// runs at once. Waits for a <see cref="Stop"/> or <see cref="Dispose"/>
        /// in progress on another thread.
        /// </summary>
        /// <exception cref="InvalidOperationException">The loop's thread runs already (or still: a <see cref="Stop"/> timed out).</exception>
        /// <exception cref="ObjectDisposedException">The loop was disposed.</exception>
        public void Start()
        {
            lock (_sync)
            {
                if (_disposed)
                {
                    throw new ObjectDisposedException("SafetyLoop");
                }

                if (_thread != null && _thread.IsAlive)
                {
                    throw new InvalidOperationException("The safety loop runs already.");
                }

                _stop.Reset();
                _thread = new Thread(Run);
                _thread.Priority = ThreadPriority.AboveNormal;
                _thread.Start();
            }
        }

        /// <summary>
        /// Stops the loop and waits for its thread, at most one deadline plus
        /// one second. Does nothing when the loop is not running.
        /// <see cref="Start"/>, <see cref="Stop"/> and <see cref="Dispose"/>
        /// on other threads wait for it.
        /// </summary>
        /// <returns>true when the thread ended in time (or was not running); false when it still runs (<see cref="IsRunning"/> stays true until it ends).</returns>
        public bool Stop()
        {
            lock (_sync)
            {
                Thread thread = _thread;
                if (thread == null)
                {
                    return true;
                }

                _stop.Set();
                bool ended = thread.Join(DeadlineMilliseconds + 1000);
                if (ended)
                {
                    _thread = null;
                }

                return ended;
            }
        }

        /// <summary>
        /// Stops the loop (as <see cref="Stop"/>); it cannot be started again,
        /// also not by a <see cref="Start"/> that was waiting for this.
        /// </summary>
        public void Dispose()
        {
            lock (_sync)
            {
                Stop();
                _disposed = true;
            }
        }

        private void Run()
        {
            bool timed = false;
            long previousStart = 0;
            long nextStart = 0;
            while (true)
            {
                int wait = PeriodMilliseconds;
                try
                {
                    long start = _clock.Milliseconds;
                    bool onTime = true;
                    if (!timed)
                    {
                        nextStart = start;
                    }
                    else if (start < previousStart)
                    {
                        onTime = false;
                        Interlocked.Increment(ref _clockStepsBack);
                        _controller.Report(ErrorFlags.MainLoopTiming);
                    }
                    else if (start - previousStart > DeadlineMilliseconds)
                    {
                        onTime = false;
                        Interlocked.Increment(ref _missedDeadlines);
                        _controller.Report(ErrorFlags.MainLoopTiming);
                    }

                    previousStart = start;
                    timed = true;
                    CycleResult cycle = _controller.Handle();

                    nextStart += PeriodMilliseconds;
                    long now = _clock.Milliseconds;
                    if (_watchdog != null && onTime && !cycle.Panic && now >= start && now - start <= DeadlineMilliseconds)
                    {
                        _watchdog.Refresh();
                        Interlocked.Increment(ref _refreshes);
                    }

                    if (nextStart < now)
                    {
                        nextStart = now;   // late: no catching up
                    }
                    else if (nextStart - now > PeriodMilliseconds)
                    {
                        nextStart = now + PeriodMilliseconds;   // the clock went back
                    }

                    wait = (int)(nextStart - now);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref _failedIterations);
                    _controller.Report(ErrorFlags.LoopFault);
                }

                Interlocked.Exchange(ref _lastWait, wait);
                if (_stop.WaitOne(wait, false))
                {
                    return;
                }
            }
        }
    }
}
