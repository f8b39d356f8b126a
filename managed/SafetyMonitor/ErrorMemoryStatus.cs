namespace SafetyMonitor
{
    /// <summary>
    /// Outcome of opening or using the error memory: the same codes as the C
    /// core's error_memory.h.
    /// </summary>
    public enum ErrorMemoryStatus
    {
        /// <summary>Valid; used as it was. C: <c>STACK_CHECK_OK</c>.</summary>
        Ok = 0,
        /// <summary>Blank (all zeros, or noise after a power-on reset): formatted empty. C: <c>STACK_CHECK_ERROR_MEMORY_FORMATTED</c>.</summary>
        Formatted = 2,
        /// <summary>Damaged magic word: wiped, <see cref="ErrorFlags.ErrorMemory"/> set. C: <c>STACK_CHECK_ERR_RECORD_MAGIC</c>.</summary>
        DamagedMagic = -9,
        /// <summary>Another format version: wiped, <see cref="ErrorFlags.ErrorMemory"/> set. C: <c>STACK_CHECK_ERR_RECORD_VERSION</c>.</summary>
        OtherVersion = -10,
        /// <summary>Contents do not match the CRC: wiped, <see cref="ErrorFlags.ErrorMemory"/> set. C: <c>STACK_CHECK_ERR_RECORD_CRC</c>.</summary>
        DamagedCrc = -11,
    }
}
