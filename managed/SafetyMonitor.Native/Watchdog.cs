#if !NANOFRAMEWORK_1_0
using System.Runtime.InteropServices;
#endif
using System.Runtime.CompilerServices;

namespace SafetyMonitor.Native
{
    /// <summary>
    /// The MCU's independent watchdog (on STM32: the IWDG, RM0090 §21) and
    /// the reset cause start-up captured, one method per function of the C
    /// core's native-interop/core/stack_check_watchdog.h. New methods go at
    /// the end, so that the existing slots of the method table keep their place.
    /// </summary>
    /// <remarks>
    /// <para>
    /// In the method table this class follows <see cref="StackCheck"/> (the
    /// metadata processor orders types by full name), so adding it left
    /// StackCheck's slots where they were; the native version went to 1.3.0.0.
    /// </para>
    /// <para>
    /// Once started the IWDG cannot be stopped; nothing here starts it by
    /// itself. Use it through <c>SafetyMonitor.IndependentWatchdog</c> and a
    /// <c>SafetyLoop</c>, which refreshes it only after a good cycle.
    /// </para>
    /// <para>
    /// On .NET (no <c>NANOFRAMEWORK_1_0</c>) the same declarations bind by
    /// <c>DllImport</c> to <c>libsafetymon_native</c>, whose POSIX port has a
    /// software stand-in: a thread that ends the process (exit status 86)
    /// when it is not refreshed in time.
    /// </para>
    /// </remarks>
    public static class Watchdog
    {
        /// <summary>
        /// Starts the watchdog, or gives a running one a new timeout, and
        /// refreshes it (C: <c>stack_check_watchdog_start()</c>; on STM32 the
        /// prescaler and reload of RM0090 §21.3 for the timeout).
        /// </summary>
        /// <param name="timeoutMilliseconds">Wanted timeout, ms, 1 to 32768.</param>
        /// <returns>
        /// The timeout set, ms (at least the one asked for; on silicon at the
        /// LSI's nominal 32 kHz: the real one is 0.68 to 1.88 times it), or a
        /// negative status: -12 timeout out of range (nothing started), -13
        /// IWDG_SR.PVU/RVU did not clear (started, timeout uncertain), -14 the
        /// firmware's port has no watchdog.
        /// </returns>
#if NANOFRAMEWORK_1_0
        [MethodImpl(MethodImplOptions.InternalCall)]
#else
        [DllImport(StackCheck.NativeLibraryName, EntryPoint = "stack_check_watchdog_start")]
#endif
        public static extern int Start(int timeoutMilliseconds);

        /// <summary>
        /// Refreshes (reloads) the watchdog (C: <c>stack_check_watchdog_refresh()</c>;
        /// on STM32 one write of 0xAAAA to IWDG_KR, RM0090 §21.4.1).
        /// </summary>
        /// <returns>0 refreshed; -15 never started (nothing done); -14 the port has no watchdog.</returns>
#if NANOFRAMEWORK_1_0
        [MethodImpl(MethodImplOptions.InternalCall)]
#else
        [DllImport(StackCheck.NativeLibraryName, EntryPoint = "stack_check_watchdog_refresh")]
#endif
        public static extern int Refresh();

        /// <summary>
        /// The reset flags of RCC_CSR (bits 25-31, RM0090 §7.3.21: BORRSTF,
        /// PINRSTF, PORRSTF, SFTRSTF, IWDGRSTF bit 29, WWDGRSTF, LPWRRSTF) as
        /// start-up captured them (C: <c>stack_check_reset_flags()</c>).
        /// </summary>
        /// <returns>The flags; 0 where the firmware has no such register (the POSIX port).</returns>
#if NANOFRAMEWORK_1_0
        [MethodImpl(MethodImplOptions.InternalCall)]
#else
        [DllImport(StackCheck.NativeLibraryName, EntryPoint = "stack_check_reset_flags")]
#endif
        public static extern uint GetResetFlags();
    }
}
