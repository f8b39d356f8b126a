namespace SafetyMonitor
{
    /// <summary>
    /// Where the error memory's 80 bytes live, kept across resets:
    /// <c>BackupMemoryErrorStore</c> on nanoFramework STM32 targets
    /// (the RTC backup registers), <see cref="RamErrorMemoryStore"/> where
    /// nothing survives a reset but the object (PCs, tests, and a nanoCLR
    /// without the backup registers' natives: <see cref="ErrorMemory.ChooseStore"/>).
    /// </summary>
    public interface IErrorMemoryStore
    {
        /// <summary>Bytes the store holds; at least <see cref="ErrorMemory.Size"/> for an <see cref="ErrorMemory"/>.</summary>
        int Size { get; }

        /// <summary>Reads <c>buffer.Length</c> bytes from the start of the store.</summary>
        /// <param name="buffer">Receives the bytes; its length is at most <see cref="Size"/>.</param>
        void Read(byte[] buffer);

        /// <summary>Writes <c>buffer.Length</c> bytes at the start of the store.</summary>
        /// <param name="buffer">The bytes; its length is at most <see cref="Size"/>.</param>
        void Write(byte[] buffer);
    }
}
