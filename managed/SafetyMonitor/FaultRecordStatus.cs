namespace SafetyMonitor
{
    /// <summary>
    /// What start-up found in the retained fault record: the C core's status
    /// codes (native-interop/core/fault_record.h, <c>stack_check_last_fault()</c>).
    /// </summary>
    public enum FaultRecordStatus
    {
        /// <summary>No fault was recorded before the last reset. C: <c>STACK_CHECK_OK</c>.</summary>
        None = 0,
        /// <summary>A valid fault record: see <see cref="SafetyController.LastFault"/>. C: <c>STACK_CHECK_FAULT_RECORDED</c>.</summary>
        Recorded = 1,
        /// <summary>Start-up has not validated the record (the firmware does not call <c>stack_check_fault_boot()</c>). C: <c>STACK_CHECK_ERR_NOT_INITIALISED</c>.</summary>
        NotValidated = -7,
        /// <summary>The record's magic word is damaged; nothing of it is trusted. C: <c>STACK_CHECK_ERR_RECORD_MAGIC</c>.</summary>
        DamagedMagic = -9,
        /// <summary>A record of another format version; not read. C: <c>STACK_CHECK_ERR_RECORD_VERSION</c>.</summary>
        OtherVersion = -10,
        /// <summary>The record does not match its CRC; nothing of it is trusted. C: <c>STACK_CHECK_ERR_RECORD_CRC</c>.</summary>
        DamagedCrc = -11,
    }
}
