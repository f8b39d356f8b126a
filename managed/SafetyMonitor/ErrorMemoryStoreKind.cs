namespace SafetyMonitor
{
    /// <summary>
    /// Where an <see cref="ErrorMemory"/> keeps its 80 bytes, and so whether
    /// its flags and counters survive a reset: <see cref="ErrorMemory.StoreKind"/>.
    /// <see cref="ErrorMemory.ChooseStore"/> picks it at start;
    /// <see cref="ErrorMemory.DescribeStore"/> says it in words (nanoFramework
    /// prints an enum value as its number).
    /// </summary>
    public enum ErrorMemoryStoreKind
    {
        /// <summary>
        /// The store the application passed to <see cref="ErrorMemory(IErrorMemoryStore)"/>:
        /// no choice was made, and what survives a reset is that store's to say.
        /// </summary>
        Supplied = 0,

        /// <summary>
        /// The STM32's RTC backup registers (<c>BackupMemoryErrorStore</c>):
        /// kept across every reset while VDD or VBAT is present, all zeros
        /// after a backup-domain reset (RM0090 §26.3.17).
        /// </summary>
        BackupRegisters = 1,

        /// <summary>
        /// RAM (a <see cref="RamErrorMemoryStore"/>), because the firmware has no
        /// natives for the backup registers: nanoFramework.Hardware.Stm32 is not
        /// built into this nanoCLR (the POSIX virtual device; a target built
        /// without it). Flags and counters are lost at every reset.
        /// </summary>
        RamNoBackupRegisters = 2,

        /// <summary>
        /// RAM (a <see cref="RamErrorMemoryStore"/>), because the backup
        /// registers hold fewer than <see cref="ErrorMemory.Size"/> bytes (an
        /// STM32 with 5 of them, 20 bytes). Flags and counters are lost at every reset.
        /// </summary>
        RamBackupRegistersTooSmall = 3,
    }
}
