using System;
using System.Threading;

namespace SafetyMonitor
{
    /// <summary>The panic reset: the device reboots once the panic is in the error memory, after a bounded delay.</summary>
    public sealed partial class SafetyController
    {
        /// <summary>Longest delay between a panic in durable storage and the reset, ms.</summary>
        public const int MaxPanicResetDelayMilliseconds = 60000;

        private IDeviceReset _panicReset;
        private int _panicResetDelay;
        private bool _panicResetRequested;
        private Timer _panicResetTimer;

        /// <summary>
        /// Whether a panic reset is under way: the panic was found in the
        /// error memory and the reset is due (or done) after the delay.
        /// </summary>
        public bool PanicResetRequested
        {
            get
            {
                lock (_sync)
                {
                    return _panicResetRequested;
                }
            }
        }

        /// <summary>
        /// Makes panic reset the device: the first cycle in panic (and, until
        /// it succeeds, each one after it) reads the error memory back; once
        /// every panic flag that is set is there as a persistent flag (so the
        /// next boot reports it), <paramref name="reset"/>'s
        /// <see cref="IDeviceReset.Reboot"/> runs once, on a timer thread,
        /// <paramref name="delayMilliseconds"/> later. A panic flag missing from
        /// the store (its write failed) is written again first; while the
        /// store fails, no reset happens and the cycles go on reporting
        /// <see cref="ErrorFlags.ErrorMemory"/>.
        /// </summary>
        /// <remarks>
        /// The delay gives <see cref="PanicEntered"/>'s subscribers time to
        /// bring the outputs into their safe state and a log to be written.
        /// On nanoFramework pass <c>new RuntimeDeviceReset()</c> (assembly
        /// SafetyMonitor.Runtime: <c>Power.RebootDevice()</c>). Set it before
        /// the loop starts; a panic entered before it is reset by the next cycle.
        /// </remarks>
        /// <param name="reset">What resets the device.</param>
        /// <param name="delayMilliseconds">0 to <see cref="MaxPanicResetDelayMilliseconds"/>.</param>
        /// <exception cref="ArgumentNullException"><paramref name="reset"/> is null; nothing changes.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The delay is out of range; nothing changes.</exception>
        /// <exception cref="InvalidOperationException">The controller has no error memory (nothing durable would hold the panic); nothing changes.</exception>
        public void SetPanicReset(IDeviceReset reset, int delayMilliseconds)
        {
            if (reset == null)
            {
                throw new ArgumentNullException("reset");
            }

            if (delayMilliseconds < 0 || delayMilliseconds > MaxPanicResetDelayMilliseconds)
            {
                throw new ArgumentOutOfRangeException("delayMilliseconds", "The panic reset's delay is 0 to 60000 ms.");
            }

            if (_errorMemory == null)
            {
                throw new InvalidOperationException("A panic reset needs an error memory: the panic must outlive the reset.");
            }

            lock (_sync)
            {
                _panicReset = reset;
                _panicResetDelay = delayMilliseconds;
            }
        }

        // In panic: once the panic flags are durable, the reset after the delay.
        // Caller holds _cycleSync, not _sync.
        private void RequestPanicReset()
        {
            int panics;
            lock (_sync)
            {
                if (_panicReset == null || _panicResetRequested)
                {
                    return;
                }

                panics = _policies.Panics(_flags);
            }

            if (!PanicIsDurable(panics))
            {
                return;
            }

            lock (_sync)
            {
                _panicResetRequested = true;
                _panicResetTimer = new Timer(PanicResetDue, _panicReset, _panicResetDelay, Timeout.Infinite);
            }
        }

        // Whether every flag of `panics` is a persistent flag in the error
        // memory; writes the missing ones once and reads again.
        private bool PanicIsDurable(int panics)
        {
            try
            {
                int missing = panics & ~(int)_errorMemory.PersistentFlags;
                if (missing == 0)
                {
                    return true;
                }

                _errorMemory.Raise((ErrorFlags)missing, true);
                return (panics & ~(int)_errorMemory.PersistentFlags) == 0;
            }
            catch (Exception)
            {
                return false;
            }
        }

        // On the timer's thread. On a device Reboot() does not return; where
        // it does (a test double), the one-shot timer is let go.
        private void PanicResetDue(object reset)
        {
            ((IDeviceReset)reset).Reboot();
            Timer timer;
            lock (_sync)
            {
                timer = _panicResetTimer;
            }

            timer.Dispose();
        }
    }
}
