namespace SafetyMonitor
{
    /// <summary>
    /// A monotonic time base in milliseconds: the time since a fixed point
    /// (e.g. the start of the system) that never goes back and never jumps
    /// with the wall clock (an SNTP update, an RTC set). The
    /// <see cref="SafetyLoop"/> schedules its cycles on it.
    /// </summary>
    /// <remarks>
    /// On nanoFramework: <c>SafetyMonitor.TickCountClock</c> (assembly
    /// SafetyMonitor.Runtime) over <c>System.Environment.TickCount64</c> of
    /// nanoFramework.Runtime.Native. The controller's own assembly needs only
    /// mscorlib, so the clock comes from outside.
    /// </remarks>
    public interface IMonotonicClock
    {
        /// <summary>
        /// Milliseconds since the clock's fixed point, 0 or more. Each read is
        /// at least the one before; the <see cref="SafetyLoop"/> survives a
        /// clock that breaks this (it reports a step back and never stalls).
        /// </summary>
        long Milliseconds { get; }
    }
}
