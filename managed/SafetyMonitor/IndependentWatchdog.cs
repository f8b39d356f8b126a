using System;

namespace SafetyMonitor
{
    /// <summary>
    /// The MCU's independent watchdog (STM32 IWDG, RM0090 §21), through
    /// SafetyMonitor.Native's <c>Watchdog</c> natives. Hand it to a
    /// <see cref="SafetyLoop"/>, which refreshes it only after a cycle that
    /// completed without panic and within its deadline: a loop that hangs,
    /// starves or panics then resets the MCU, and the next boot reports
    /// <see cref="ErrorFlags.Watchdog"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Arming is explicit and never a default: nothing in SafetyMonitor starts
    /// the watchdog but <see cref="Start"/>, and once started only a reset
    /// stops it (RM0090 §21.3), also when the loop is stopped or the
    /// application ends.
    /// </para>
    /// <para>
    /// Debugging: the IWDG counts on while a debugger halts the core, unless
    /// the firmware sets DBGMCU_APB1_FZ.DBG_IWDG_STOP (RM0090 §38.16.4;
    /// native-interop/drivers/stm32/stm32_iwdg.h, stm32_iwdg_debug_freeze()),
    /// which only a debug firmware should do. Deployment: nanoFramework's
    /// deployment and flash erase stop the CLR (and so the loop) for seconds;
    /// with the watchdog armed the device resets during the deployment.
    /// Deploy to a device whose application has not armed it: reset the
    /// device into nanoBooter first, or have the application arm it only
    /// when no debugger is attached (<c>System.Diagnostics.Debugger.IsAttached</c>).
    /// </para>
    /// <para>
    /// The timeout is nominal: the LSI that clocks the IWDG runs at 17 to
    /// 47 kHz instead of 32 (the datasheet's range, DS8626, LSI oscillator characteristics), so the
    /// real timeout is 0.68 to 1.88 times <see cref="TimeoutMilliseconds"/>.
    /// Choose it so that 0.68 times it still exceeds the loop's deadline.
    /// </para>
    /// </remarks>
    public sealed class IndependentWatchdog : IWatchdog
    {
        /// <summary>Shortest timeout, ms (the IWDG at /4, RM0090 §21.3).</summary>
        public const int MinTimeoutMilliseconds = 1;

        /// <summary>Longest timeout, ms (the IWDG at /256 with RLR 0xFFF, RM0090 §21.3).</summary>
        public const int MaxTimeoutMilliseconds = 32768;

        /// <summary>RCC_CSR.IWDGRSTF (RM0090 §7.3.21): the last reset came from the independent watchdog.</summary>
        public const uint ResetFlagIwdg = 1u << 29;

        private const int RangeError = -12;
        private const int UpdateTimeout = -13;
        private const int Unsupported = -14;

        private IndependentWatchdog(int timeoutMilliseconds)
        {
            TimeoutMilliseconds = timeoutMilliseconds;
        }

        /// <summary>The timeout set, ms, at the nominal LSI: at least the one asked for.</summary>
        public int TimeoutMilliseconds { get; }

        /// <summary>
        /// The reset flags of RCC_CSR that start-up captured (bits 25-31,
        /// RM0090 §7.3.21); 0 on a firmware port without them (POSIX).
        /// </summary>
        public static uint ResetFlags
        {
            get { return Native.Watchdog.GetResetFlags(); }
        }

        /// <summary>
        /// Starts the watchdog (or gives it a new timeout) and refreshes it.
        /// From now on something must refresh it at least once per timeout,
        /// until the device resets.
        /// </summary>
        /// <param name="timeoutMilliseconds">
        /// Wanted timeout, ms, <see cref="MinTimeoutMilliseconds"/> to
        /// <see cref="MaxTimeoutMilliseconds"/>.
        /// </param>
        /// <returns>The running watchdog.</returns>
        /// <exception cref="ArgumentOutOfRangeException">The timeout is out of range; nothing was started.</exception>
        /// <exception cref="NotSupportedException">The firmware's port has no watchdog, or the nanoCLR lacks SafetyMonitor.Native's natives; nothing was started.</exception>
        /// <exception cref="InvalidOperationException">
        /// The IWDG did not take the new prescaler or reload (IWDG_SR.PVU/RVU
        /// stayed set): it runs, with a timeout that is unknown (512 ms if it
        /// was never started before), and nothing refreshes it: the device resets.
        /// </exception>
        public static IndependentWatchdog Start(int timeoutMilliseconds)
        {
            if (timeoutMilliseconds < MinTimeoutMilliseconds || timeoutMilliseconds > MaxTimeoutMilliseconds)
            {
                throw new ArgumentOutOfRangeException("timeoutMilliseconds", "The watchdog's timeout is 1 to 32768 ms.");
            }

            int result = Native.Watchdog.Start(timeoutMilliseconds);
            if (result > 0)
            {
                return new IndependentWatchdog(result);
            }

            switch (result)
            {
                case RangeError:
                    throw new ArgumentOutOfRangeException("timeoutMilliseconds", "The firmware refused the watchdog's timeout.");
                case Unsupported:
                    throw new NotSupportedException("The firmware has no watchdog.");
                case UpdateTimeout:
                    throw new InvalidOperationException("The watchdog runs but did not take its timeout: the device will reset.");
                default:
                    throw new InvalidOperationException("The watchdog did not start.");
            }
        }

        /// <summary>Reloads the watchdog's counter (on STM32 one register write).</summary>
        /// <exception cref="InvalidOperationException">The firmware reports the watchdog not started.</exception>
        public void Refresh()
        {
            if (Native.Watchdog.Refresh() != 0)
            {
                throw new InvalidOperationException("The firmware's watchdog is not running.");
            }
        }
    }
}
