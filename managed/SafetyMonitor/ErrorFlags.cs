using System;

namespace SafetyMonitor
{
    /// <summary>
    /// Error flags of a safety loop: one bit per condition. <see cref="Stack"/>
    /// has the value of the C core's <c>ERR_FLAG_STACK</c>.
    /// </summary>
    /// <remarks>
    /// Bits 0-15 belong to SafetyMonitor (bits 8-15 are reserved for its
    /// future checks); bits 16-30 (<see cref="Application0"/> to
    /// <see cref="Application14"/>) are for the application's own checks
    /// (<see cref="ISafetyCheck"/>). Bit 31 is not used.
    /// </remarks>
    [Flags]
    public enum ErrorFlags
    {
        /// <summary>No error.</summary>
        None = 0,

        /// <summary>
        /// Stack check failed: free native stack below
        /// <see cref="SafetyController.MinStackFree"/>, or the corruption-detect
        /// area not intact (also when it was never initialised); or a fault
        /// (HardFault, stack protector) was recorded before the last reset.
        /// C: <c>ERR_FLAG_STACK</c>.
        /// </summary>
        Stack = 0x00000001,

        /// <summary>The safety loop missed its deadline: a cycle started later than allowed.</summary>
        MainLoopTiming = 0x00000002,

        /// <summary>A registered <see cref="ISafetyCheck"/> threw an exception (detected in that cycle). Persistent by default.</summary>
        CheckFault = 0x00000004,

        /// <summary>
        /// The error memory (<see cref="ErrorMemory"/>) was found damaged and
        /// wiped, or the retained fault record was damaged: evidence was lost.
        /// The C core's <c>ERR_FLAG_ERROR_MEMORY</c>. Persistent by default.
        /// </summary>
        ErrorMemory = 0x00000008,

        /// <summary>
        /// A subscriber of <see cref="SafetyController.ErrorRaised"/> or
        /// <see cref="SafetyController.PanicEntered"/> threw an exception. The
        /// other subscribers still ran and panic was still entered; the failure
        /// is detected in the next cycle. Persistent by default.
        /// </summary>
        HandlerFault = 0x00000010,

        /// <summary>
        /// A <see cref="SafetyLoop"/> iteration ended in an exception: its
        /// <see cref="IMonotonicClock"/> or <see cref="SafetyController.Handle"/>
        /// threw. The loop went on at its period; the failure is detected in the
        /// next cycle that completes. Persistent by default.
        /// </summary>
        LoopFault = 0x00000020,

        /// <summary>
        /// The last reset was a watchdog reset: start-up found RCC_CSR.IWDGRSTF
        /// (RM0090 §7.3.21), so the safety loop hung, starved or panicked
        /// with a watchdog armed (<see cref="IndependentWatchdog"/>). Set by
        /// the evidence of the last run at <see cref="SafetyController.Initialize"/>
        /// and counted in the error memory. The C core's <c>ERR_FLAG_WATCHDOG</c>.
        /// Persistent by default.
        /// </summary>
        Watchdog = 0x00000040,

        /// <summary>
        /// Free managed heap below <see cref="SafetyController.MinHeapFree"/>
        /// in a cycle that measured it (<see cref="SafetyController.SetHeapCheck"/>).
        /// Persistent by default.
        /// </summary>
        Heap = 0x00000080,

        /// <summary>Application check 0.</summary>
        Application0 = 0x00010000,
        /// <summary>Application check 1.</summary>
        Application1 = 0x00020000,
        /// <summary>Application check 2.</summary>
        Application2 = 0x00040000,
        /// <summary>Application check 3.</summary>
        Application3 = 0x00080000,
        /// <summary>Application check 4.</summary>
        Application4 = 0x00100000,
        /// <summary>Application check 5.</summary>
        Application5 = 0x00200000,
        /// <summary>Application check 6.</summary>
        Application6 = 0x00400000,
        /// <summary>Application check 7.</summary>
        Application7 = 0x00800000,
        /// <summary>Application check 8.</summary>
        Application8 = 0x01000000,
        /// <summary>Application check 9.</summary>
        Application9 = 0x02000000,
        /// <summary>Application check 10.</summary>
        Application10 = 0x04000000,
        /// <summary>Application check 11.</summary>
        Application11 = 0x08000000,
        /// <summary>Application check 12.</summary>
        Application12 = 0x10000000,
        /// <summary>Application check 13.</summary>
        Application13 = 0x20000000,
        /// <summary>Application check 14.</summary>
        Application14 = 0x40000000,
    }
}
