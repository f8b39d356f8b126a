using System;
using System.Threading;

namespace SafetyMonitor
{
    /// <summary>
    /// Runs <see cref="SafetyController.Handle"/> on a thread of its own, one
    /// cycle every <see cref="PeriodMilliseconds"/>. A cycle that starts more
    /// than <see cref="DeadlineMilliseconds"/> after the previous one (a cycle
    /// or a check that ran too long, or a starved thread) is a missed deadline:
    /// it is reported to the controller as <see cref="ErrorFlags.MainLoopTiming"/>
    /// and shows in that very cycle.
    /// </summary>
    /// <remarks>
    /// Time is read from <see cref="DateTime.UtcNow"/> (ticks of 100 ns). A
    /// late loop does not try to catch up: the next cycle is planned one period
    /// after the late one.
    /// </remarks>
    public sealed class SafetyLoop : IDisposable
    {
        private const long TicksPerMillisecond = 10000;

        private readonly SafetyController _controller;
        private readonly long _periodTicks;
        private readonly long _deadlineTicks;
        private readonly ManualResetEvent _stop = new ManualResetEvent(false);
        private readonly object _sync = new object();
        private Thread _thread;
        private int _missedDeadlines;
        private bool _disposed;

        /// <summary>Creates a stopped loop.</summary>
        /// <param name="controller">The controller whose cycles it runs.</param>
        /// <param name="periodMilliseconds">Time between cycle starts, in ms; 1 or more.</param>
        /// <param name="deadlineMilliseconds">Longest allowed time between cycle starts, in ms; at least the period.</param>
        /// <exception cref="ArgumentNullException"><paramref name="controller"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The period is below 1 ms, or the deadline below the period.</exception>
        public SafetyLoop(SafetyController controller, int periodMilliseconds, int deadlineMilliseconds)
        {
            if (controller == null)
            {
                throw new ArgumentNullException("controller");
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
            PeriodMilliseconds = periodMilliseconds;
            DeadlineMilliseconds = deadlineMilliseconds;
            _periodTicks = periodMilliseconds * TicksPerMillisecond;
            _deadlineTicks = deadlineMilliseconds * TicksPerMillisecond;
        }

        /// <summary>Time between cycle starts, in milliseconds.</summary>
        public int PeriodMilliseconds { get; }

        /// <summary>Longest allowed time between cycle starts, in milliseconds.</summary>
        public int DeadlineMilliseconds { get; }

        /// <summary>Deadlines missed since the loop was created.</summary>
        public int MissedDeadlines
        {
            get { return Interlocked.CompareExchange(ref _missedDeadlines, 0, 0); }
        }

        /// <summary>Whether the loop's thread runs.</summary>
        public bool IsRunning
        {
            get
            {
                lock (_sync)
                {
                    return _thread != null;
                }
            }
        }

        /// <summary>Starts the loop's thread (above-normal priority). The first cycle runs at once.</summary>
        /// <exception cref="InvalidOperationException">The loop runs already.</exception>
        /// <exception cref="ObjectDisposedException">The loop was disposed.</exception>
        public void Start()
        {
            lock (_sync)
            {
                if (_disposed)
                {
                    throw new ObjectDisposedException("SafetyLoop");
                }

                if (_thread != null)
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
        /// </summary>
        /// <returns>true when the thread ended in time (or was not running).</returns>
        public bool Stop()
        {
            Thread thread;
            lock (_sync)
            {
                thread = _thread;
                _thread = null;
            }

            if (thread == null)
            {
                return true;
            }

            _stop.Set();
            return thread.Join(DeadlineMilliseconds + 1000);
        }

        /// <summary>Stops the loop; it cannot be started again.</summary>
        public void Dispose()
        {
            Stop();
            lock (_sync)
            {
                _disposed = true;
            }
        }

        private void Run()
        {
            long previousStart = 0;
            long nextStart = DateTime.UtcNow.Ticks;
            while (true)
            {
                long start = DateTime.UtcNow.Ticks;
                if (previousStart != 0 && start - previousStart > _deadlineTicks)
                {
                    Interlocked.Increment(ref _missedDeadlines);
                    _controller.Report(ErrorFlags.MainLoopTiming);
                }

                previousStart = start;
                _controller.Handle();

                nextStart += _periodTicks;
                long now = DateTime.UtcNow.Ticks;
                if (nextStart < now)
                {
                    nextStart = now;
                }

                int waitMilliseconds = (int)((nextStart - now) / TicksPerMillisecond);
                if (_stop.WaitOne(waitMilliseconds, false))
                {
                    return;
                }
            }
        }
    }
}
