namespace SafetyMonitor
{
    /// <summary>
    /// A running watchdog that a <see cref="SafetyLoop"/> refreshes after
    /// each good cycle: <see cref="IndependentWatchdog"/> on a device (the
    /// MCU's IWDG); tests supply their own.
    /// </summary>
    public interface IWatchdog
    {
        /// <summary>The watchdog's timeout, ms: longer than the loop's deadline.</summary>
        int TimeoutMilliseconds { get; }

        /// <summary>Reloads the watchdog's counter. May throw.</summary>
        void Refresh();
    }
}
