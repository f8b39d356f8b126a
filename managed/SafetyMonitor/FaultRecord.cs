using SafetyMonitor.Native;

namespace SafetyMonitor
{
    /// <summary>
    /// A fault recorded before the last reset: the registers the HardFault
    /// handler (or <c>__stack_chk_fail()</c>) saw, kept across the reset in a
    /// CRC-sealed record that start-up validated (native-interop/core/fault_record.h).
    /// Register meanings: ARMv7-M Architecture Reference Manual B3.2.15-B3.2.18
    /// (CFSR, HFSR, MMFAR, BFAR), B1.5.6 (exception frame), B1.5.8 (EXC_RETURN).
    /// </summary>
    public sealed class FaultRecord
    {
        /// <summary>32-bit words in a record, the CRC word included.</summary>
        public const int Words = 18;

        private const uint FrameValidFlag = 1u << 0;
        private const uint CallerValidFlag = 1u << 1;

        private readonly uint[] _words;

        private FaultRecord(uint[] words)
        {
            _words = words;
        }

        /// <summary>What recorded the fault.</summary>
        public FaultCause Cause
        {
            get { return (FaultCause)_words[2]; }
        }

        /// <summary>True when <see cref="StackedPc"/>, <see cref="StackedLr"/> and <see cref="StackedXpsr"/> come from a stacked exception frame.</summary>
        public bool FrameValid
        {
            get { return (_words[3] & FrameValidFlag) != 0; }
        }

        /// <summary>True when <see cref="StackedPc"/> is the address that called <c>__stack_chk_fail()</c>.</summary>
        public bool CallerValid
        {
            get { return (_words[3] & CallerValidFlag) != 0; }
        }

        /// <summary>Which stack was in use.</summary>
        public FaultStack Stack
        {
            get { return (FaultStack)_words[4]; }
        }

        /// <summary>SCB-&gt;CFSR at the fault (0xE000ED28: MMFSR, BFSR, UFSR).</summary>
        public uint Cfsr
        {
            get { return _words[5]; }
        }

        /// <summary>SCB-&gt;HFSR at the fault (0xE000ED2C; bit 30 FORCED: escalated).</summary>
        public uint Hfsr
        {
            get { return _words[6]; }
        }

        /// <summary>SCB-&gt;MMFAR (valid when CFSR.MMARVALID, bit 7).</summary>
        public uint Mmfar
        {
            get { return _words[7]; }
        }

        /// <summary>SCB-&gt;BFAR (valid when CFSR.BFARVALID, bit 15).</summary>
        public uint Bfar
        {
            get { return _words[8]; }
        }

        /// <summary>MSP at the handler's entry (may lie outside RAM after an overflow).</summary>
        public uint Msp
        {
            get { return _words[9]; }
        }

        /// <summary>PSP at the handler's entry.</summary>
        public uint Psp
        {
            get { return _words[10]; }
        }

        /// <summary>EXC_RETURN (LR at the handler's entry); 0 for the stack protector.</summary>
        public uint ExcReturn
        {
            get { return _words[11]; }
        }

        /// <summary>PC of the faulting instruction (when <see cref="FrameValid"/>), or the caller of <c>__stack_chk_fail()</c> (when <see cref="CallerValid"/>); else 0.</summary>
        public uint StackedPc
        {
            get { return _words[12]; }
        }

        /// <summary>LR at the fault (when <see cref="FrameValid"/>).</summary>
        public uint StackedLr
        {
            get { return _words[13]; }
        }

        /// <summary>xPSR at the fault (when <see cref="FrameValid"/>).</summary>
        public uint StackedXpsr
        {
            get { return _words[14]; }
        }

        /// <summary>
        /// The safety cycle the fault happened in: the low 32 bits of
        /// <see cref="CycleResult.Number"/> (the controller hands the native
        /// side <c>(uint)number</c>, so the value wraps to 0 after cycle
        /// 4294967295). 0 when the fault came before the first cycle.
        /// </summary>
        public uint Cycle
        {
            get { return _words[15]; }
        }

        /// <summary>
        /// How many faults this record stands for: every fault saved since the
        /// last acknowledgement, this one included (a fault that recurred
        /// before the evidence was stored), 1 to 4294967295 (saturating). The
        /// registers are the last fault's. The error memory counts
        /// <see cref="ErrorFlags.Stack"/> this many times.
        /// </summary>
        public uint Count
        {
            get { return _words[16]; }
        }

        /// <summary>
        /// Reads what start-up found: the status always, the record when it is
        /// valid. Allocates one record (18 words) when there is one.
        /// </summary>
        /// <param name="status">What start-up found.</param>
        /// <returns>The record when <paramref name="status"/> is <see cref="FaultRecordStatus.Recorded"/>, else null.</returns>
        public static FaultRecord Read(out FaultRecordStatus status)
        {
            status = (FaultRecordStatus)StackCheck.GetFaultStatus();
            if (status != FaultRecordStatus.Recorded)
            {
                return null;
            }

            uint[] words = new uint[Words];
            for (int i = 0; i < Words; i++)
            {
                words[i] = StackCheck.GetFaultWord(i);
            }

            return new FaultRecord(words);
        }
    }
}
