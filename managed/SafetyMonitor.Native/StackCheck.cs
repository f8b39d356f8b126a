#if !NANOFRAMEWORK_1_0
using System.Runtime.InteropServices;
#endif
using System.Runtime.CompilerServices;

namespace SafetyMonitor.Native
{
    /// <summary>
    /// The native stack monitor: one method per function of the C core
    /// (native-interop/core/stack_check.h, fault_record.h). New methods go at
    /// the end, so that the existing slots of the method table keep their place.
    /// </summary>
    /// <remarks>
    /// <para>
    /// On nanoFramework these are interop natives: the nanoCLR binds them, by
    /// position, to the handlers of the firmware's <c>SafetyMonitor_Native.cpp</c>
    /// method table and refuses the assembly unless its native checksum matches.
    /// Any method added to this assembly changes that table: keep this class
    /// as it is, and put logic in the <c>SafetyMonitor</c> assembly.
    /// </para>
    /// <para>
    /// On .NET (no <c>NANOFRAMEWORK_1_0</c>) the same declarations bind by
    /// <c>DllImport</c> to <c>libsafetymon_native</c>, the C core with its POSIX
    /// port (native-interop/ports/posix).
    /// </para>
    /// <para>
    /// All methods measure or check the native stack of the calling thread. In
    /// the nanoCLR that is the CLR thread's C stack, on which all managed code
    /// and every interop call run; managed stack frames themselves live on the
    /// managed heap.
    /// </para>
    /// </remarks>
    public static class StackCheck
    {
#if !NANOFRAMEWORK_1_0
        /// <summary>File name of the native library on .NET (without prefix and extension).</summary>
        public const string NativeLibraryName = "safetymon_native";
#endif

        /// <summary>
        /// Free bytes of the native stack the caller runs on: the stack pointer
        /// minus the stack's lowest usable address (C: <c>stack_check_get_free()</c>).
        /// </summary>
        /// <returns>
        /// Bytes, from <see cref="int.MinValue"/> to the stack size; negative when
        /// the stack pointer is already below the stack (an overflow that has
        /// not faulted yet).
        /// </returns>
#if NANOFRAMEWORK_1_0
        [MethodImpl(MethodImplOptions.InternalCall)]
#else
        [DllImport(NativeLibraryName, EntryPoint = "stack_check_get_free")]
#endif
        public static extern int GetFree();

        /// <summary>
        /// Size in bytes of the native stack the caller runs on
        /// (C: <c>stack_check_get_size()</c>).
        /// </summary>
        /// <returns>Bytes, 0 to <see cref="int.MaxValue"/>; 0 when the bounds are unknown.</returns>
#if NANOFRAMEWORK_1_0
        [MethodImpl(MethodImplOptions.InternalCall)]
#else
        [DllImport(NativeLibraryName, EntryPoint = "stack_check_get_size")]
#endif
        public static extern int GetSize();

        /// <summary>
        /// Fills the corruption-detect area with RNG words and seals it with
        /// their CRC (C: <c>stack_check_init_corruption_detect_area()</c>).
        /// </summary>
        /// <returns>
        /// 0 on success, else a negative status: -1 RNG seed error, -2 RNG clock
        /// error, -3 RNG timeout, -4 RNG continuous-test failure, -5 CRC unit
        /// fault, -8 no usable area. The values of <c>SafetyMonitor.AreaStatus</c>.
        /// </returns>
#if NANOFRAMEWORK_1_0
        [MethodImpl(MethodImplOptions.InternalCall)]
#else
        [DllImport(NativeLibraryName, EntryPoint = "stack_check_init_corruption_detect_area")]
#endif
        public static extern int InitCorruptionDetectArea();

        /// <summary>
        /// Checks the corruption-detect area against its CRC
        /// (C: <c>stack_check_corruption_detect_area()</c>).
        /// </summary>
        /// <returns>
        /// 0 when intact, else a negative status: -6 corrupted, -7 never
        /// initialised, -5 CRC unit fault, -8 no usable area. Never 0 before a
        /// successful <see cref="InitCorruptionDetectArea"/>.
        /// </returns>
#if NANOFRAMEWORK_1_0
        [MethodImpl(MethodImplOptions.InternalCall)]
#else
        [DllImport(NativeLibraryName, EntryPoint = "stack_check_corruption_detect_area")]
#endif
        public static extern int CheckCorruptionDetectArea();

        /// <summary>
        /// What start-up found in the retained fault record
        /// (C: <c>stack_check_last_fault()</c>, native-interop/core/fault_record.h).
        /// </summary>
        /// <returns>
        /// 1 a valid fault record (read it with <see cref="GetFaultWord"/>);
        /// 0 no fault recorded; -7 start-up has not validated the record yet;
        /// -9 damaged magic, -10 another format version, -11 damaged CRC (a
        /// damaged record is never handed out). The values of
        /// <c>SafetyMonitor.FaultRecordStatus</c>.
        /// </returns>
#if NANOFRAMEWORK_1_0
        [MethodImpl(MethodImplOptions.InternalCall)]
#else
        [DllImport(NativeLibraryName, EntryPoint = "stack_check_last_fault_status")]
#endif
        public static extern int GetFaultStatus();

        /// <summary>
        /// One 32-bit word of the fault record start-up found
        /// (C: <c>stack_check_last_fault_word()</c>), word by word so that no
        /// array crosses the interop boundary.
        /// </summary>
        /// <param name="index">
        /// Word index, 0 to 17, in the order of <c>stack_check_fault_record_t</c>:
        /// magic, version, cause, flags, stack, CFSR, HFSR, MMFAR, BFAR, MSP,
        /// PSP, EXC_RETURN, stacked PC, stacked LR, stacked xPSR, cycle, count, CRC.
        /// </param>
        /// <returns>The word; 0 for an index out of range or when <see cref="GetFaultStatus"/> is not 1.</returns>
#if NANOFRAMEWORK_1_0
        [MethodImpl(MethodImplOptions.InternalCall)]
#else
        [DllImport(NativeLibraryName, EntryPoint = "stack_check_last_fault_word")]
#endif
        public static extern uint GetFaultWord(int index);

        /// <summary>
        /// Notes the safety-cycle number that a fault record carries if a
        /// fault happens now (C: <c>stack_check_set_cycle()</c>). One store;
        /// the controller calls it at the start of every cycle.
        /// </summary>
        /// <param name="cycle">The cycle number, any value.</param>
#if NANOFRAMEWORK_1_0
        [MethodImpl(MethodImplOptions.InternalCall)]
#else
        [DllImport(NativeLibraryName, EntryPoint = "stack_check_set_cycle")]
#endif
        public static extern void SetCycle(uint cycle);

        /// <summary>
        /// The least free native stack seen since it was painted, in bytes: the
        /// high-water mark (C: <c>stack_check_get_min_free()</c>). Each call looks
        /// at a bounded number of stack words (32 by default), so its cost does
        /// not grow with the stack; a deeper excursion, even one between two
        /// calls, shows within 2 * ceil(stack words / 32) calls.
        /// </summary>
        /// <returns>
        /// Bytes, 0 to the stack size; -7 when the stack was never painted (the
        /// nanoCLR paints the CLR thread's working area before it starts).
        /// </returns>
#if NANOFRAMEWORK_1_0
        [MethodImpl(MethodImplOptions.InternalCall)]
#else
        [DllImport(NativeLibraryName, EntryPoint = "stack_check_get_min_free")]
#endif
        public static extern int GetMinFree();

        /// <summary>
        /// Seals the retained fault record empty, once what start-up found in
        /// it (a fault, or damage) is in durable storage
        /// (C: <c>stack_check_fault_acknowledge()</c>). Until then every boot
        /// reports the record again, so a reset between start-up and storing
        /// the evidence loses nothing. What <see cref="GetFaultStatus"/> and
        /// <see cref="GetFaultWord"/> report for this boot does not change.
        /// </summary>
        /// <returns>
        /// 0 sealed empty (or already empty); -7 start-up has not validated the
        /// record (<c>stack_check_fault_boot()</c> did not run): nothing changed.
        /// </returns>
#if NANOFRAMEWORK_1_0
        [MethodImpl(MethodImplOptions.InternalCall)]
#else
        [DllImport(NativeLibraryName, EntryPoint = "stack_check_fault_acknowledge")]
#endif
        public static extern int AcknowledgeFault();
    }
}
