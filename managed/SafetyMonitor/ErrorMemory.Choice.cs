using System;

namespace SafetyMonitor
{
    /// <summary>
    /// The store an error memory is chosen on at start: the RTC backup
    /// registers when the firmware has their natives, else RAM, and which
    /// one it is (<see cref="StoreKind"/>).
    /// </summary>
    public sealed partial class ErrorMemory
    {
        private ErrorMemoryStoreKind _storeKind = ErrorMemoryStoreKind.Supplied;

        /// <summary>Where this error memory keeps its bytes: set once, by <see cref="ChooseStore"/> or the constructor.</summary>
        public ErrorMemoryStoreKind StoreKind
        {
            get { return _storeKind; }
        }

        /// <summary>
        /// Chooses the store once, at start: <paramref name="backupRegisters"/>
        /// when the firmware has their natives and they hold at least
        /// <see cref="Size"/> bytes, else a new <see cref="RamErrorMemoryStore"/>;
        /// <see cref="StoreKind"/> of the result says which and why. Reads
        /// nothing yet (see <see cref="Open"/>).
        /// </summary>
        /// <remarks>
        /// <para>
        /// The probe is one read of <c>backupRegisters.Size</c>, for
        /// <c>BackupMemoryErrorStore</c> the first call of a
        /// nanoFramework.Hardware.Stm32 native (<c>BackupMemory.GetSize()</c>).
        /// On a nanoCLR built without that assembly's natives the assembly still
        /// loads (nf-interpreter src/CLR/Startup/CLRStartup.cpp, <c>LoadAssembly</c>:
        /// no native table found leaves <c>m_nativeCode</c> NULL), and each call of
        /// one of its native methods fails in src/CLR/Core/CLR_RT_StackFrame.cpp,
        /// <c>CLR_RT_StackFrame::Push</c> (no handler and no IL body:
        /// <c>CLR_E_NOT_SUPPORTED</c>), which
        /// src/CLR/CorLib/corlib_native_System_Exception.cpp turns into exactly a
        /// <see cref="NotSupportedException"/> (nf-interpreter a3e8139a, main of
        /// 2026-07-24, and 5269a236 of 2025-04-02 alike). That, and only that,
        /// means "absent".
        /// </para>
        /// <para>
        /// No store fault is hidden: only the probe is guarded, and only that
        /// exact type is taken for absence; a derived type (such as
        /// <c>PlatformNotSupportedException</c>, which a library throws, never
        /// the nanoCLR for a missing native) and every other exception of the
        /// probe propagate. Once the backup registers are chosen, every
        /// exception of their reads and writes reaches the caller of the
        /// <see cref="ErrorMemory"/> call that made them, as with any store.
        /// </para>
        /// </remarks>
        /// <param name="backupRegisters">The store over the RTC backup registers (<c>new BackupMemoryErrorStore()</c>).</param>
        /// <returns>
        /// An error memory on <paramref name="backupRegisters"/>
        /// (<see cref="ErrorMemoryStoreKind.BackupRegisters"/>) or in RAM
        /// (<see cref="ErrorMemoryStoreKind.RamNoBackupRegisters"/>,
        /// <see cref="ErrorMemoryStoreKind.RamBackupRegistersTooSmall"/>).
        /// </returns>
        /// <exception cref="ArgumentNullException"><paramref name="backupRegisters"/> is null.</exception>
        /// <exception cref="Exception">
        /// Whatever the probe throws other than exactly <see cref="NotSupportedException"/>
        /// (a store fault, not an absence): nothing is chosen.
        /// </exception>
        public static ErrorMemory ChooseStore(IErrorMemoryStore backupRegisters)
        {
            if (backupRegisters == null)
            {
                throw new ArgumentNullException("backupRegisters");
            }

            int size;
            try
            {
                size = backupRegisters.Size;
            }
            catch (NotSupportedException e)
            {
                if (e.GetType() != typeof(NotSupportedException))
                {
                    throw;
                }

                return InRam(ErrorMemoryStoreKind.RamNoBackupRegisters);
            }

            if (size < Size)
            {
                return InRam(ErrorMemoryStoreKind.RamBackupRegistersTooSmall);
            }

            var memory = new ErrorMemory(backupRegisters);
            memory._storeKind = ErrorMemoryStoreKind.BackupRegisters;
            return memory;
        }

        /// <summary>
        /// Says in words where the error memory lives and what that means
        /// across resets, for a start-up report or a skipped test.
        /// </summary>
        /// <param name="kind">A <see cref="ErrorMemoryStoreKind"/> value.</param>
        /// <returns>One sentence, without a final full stop.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not an <see cref="ErrorMemoryStoreKind"/> value.</exception>
        public static string DescribeStore(ErrorMemoryStoreKind kind)
        {
            switch (kind)
            {
                case ErrorMemoryStoreKind.Supplied:
                    return "error memory in the store the application supplied";
                case ErrorMemoryStoreKind.BackupRegisters:
                    return "error memory in the RTC backup registers, kept across resets";
                case ErrorMemoryStoreKind.RamNoBackupRegisters:
                    return "error memory in RAM, lost at every reset: this firmware has no backup-register natives (nanoFramework.Hardware.Stm32 BackupMemory)";
                case ErrorMemoryStoreKind.RamBackupRegistersTooSmall:
                    return "error memory in RAM, lost at every reset: the RTC backup registers hold fewer than 80 bytes";
                default:
                    throw new ArgumentOutOfRangeException("kind", "Not an ErrorMemoryStoreKind value.");
            }
        }

        private static ErrorMemory InRam(ErrorMemoryStoreKind kind)
        {
            var memory = new ErrorMemory(new RamErrorMemoryStore());
            memory._storeKind = kind;
            return memory;
        }
    }
}
