namespace SafetyMonitor
{
    /// <summary>
    /// Result of the corruption-detect area's initialisation or check: the C
    /// core's status codes (native-interop/core/stack_check.h).
    /// </summary>
    public enum AreaStatus
    {
        /// <summary>Initialised, or intact. C: <c>STACK_CHECK_OK</c>.</summary>
        Ok = 0,
        /// <summary>RNG seed error that persisted through recovery. C: <c>STACK_CHECK_ERR_RNG_SEED</c>.</summary>
        RngSeedError = -1,
        /// <summary>RNG clock error. C: <c>STACK_CHECK_ERR_RNG_CLOCK</c>.</summary>
        RngClockError = -2,
        /// <summary>The RNG never became ready. C: <c>STACK_CHECK_ERR_RNG_TIMEOUT</c>.</summary>
        RngTimeout = -3,
        /// <summary>RNG continuous test failed: a word repeated. C: <c>STACK_CHECK_ERR_RNG_REPEAT</c>.</summary>
        RngRepeatedWord = -4,
        /// <summary>CRC unit fault. C: <c>STACK_CHECK_ERR_CRC</c>.</summary>
        CrcUnitFault = -5,
        /// <summary>The area changed since it was sealed. C: <c>STACK_CHECK_ERR_CORRUPTED</c>.</summary>
        Corrupted = -6,
        /// <summary>Never (successfully) initialised. C: <c>STACK_CHECK_ERR_NOT_INITIALISED</c>.</summary>
        NotInitialized = -7,
        /// <summary>No usable area in the firmware. C: <c>STACK_CHECK_ERR_LAYOUT</c>.</summary>
        LayoutError = -8,
    }
}
