using SafetyMonitor.Native;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>
    /// Each property of <see cref="FaultRecord"/> reads its own word of the C
    /// record (stack_check_fault_record_t, native-interop/core/fault_record.h):
    /// a record whose every register word differs from the others catches two
    /// swapped fields, an index off by one and a flag bit moved.
    /// </summary>
    public class FaultRecordFieldTests : NativeTestBase
    {
        private static uint[] Distinct(uint flags)
        {
            var record = new uint[FaultRecord.Words];
            record[2] = 2;             // cause: StackProtector
            record[3] = flags;
            record[4] = 1;             // stack: Main
            for (int i = 5; i <= 14; i++)
            {
                record[i] = 0xA0000000u + ((uint)i * 0x01010101u);
            }

            return record;
        }

        private static FaultRecord SaveAndRead(uint[] record)
        {
            NativeCore.SaveFault(record);
            Assert.Equal(1, NativeCore.BootFaultRecord(false));
            FaultRecord fault = FaultRecord.Read(out FaultRecordStatus status);
            Assert.Equal(FaultRecordStatus.Recorded, status);
            Assert.NotNull(fault);
            return fault;
        }

        [Fact]
        public void EveryPropertyReadsItsOwnWord()
        {
            StackCheck.SetCycle(0x00C0FFEE);
            uint[] record = Distinct(1u);
            FaultRecord fault = SaveAndRead(record);

            Assert.Equal(FaultCause.StackProtector, fault.Cause);
            Assert.Equal(FaultStack.Main, fault.Stack);
            Assert.Equal(record[5], fault.Cfsr);
            Assert.Equal(record[6], fault.Hfsr);
            Assert.Equal(record[7], fault.Mmfar);
            Assert.Equal(record[8], fault.Bfar);
            Assert.Equal(record[9], fault.Msp);
            Assert.Equal(record[10], fault.Psp);
            Assert.Equal(record[11], fault.ExcReturn);
            Assert.Equal(record[12], fault.StackedPc);
            Assert.Equal(record[13], fault.StackedLr);
            Assert.Equal(record[14], fault.StackedXpsr);
            Assert.Equal(0x00C0FFEEu, fault.Cycle);
            Assert.Equal(1u, fault.Count);
        }

        [Theory]
        [InlineData(1u, true, false)]   // STACK_CHECK_FAULT_FRAME_VALID
        [InlineData(2u, false, true)]   // STACK_CHECK_FAULT_CALLER_VALID
        [InlineData(0u, false, false)]
        public void FlagBitsAreTheCores(uint flags, bool frameValid, bool callerValid)
        {
            FaultRecord fault = SaveAndRead(Distinct(flags));
            Assert.Equal(frameValid, fault.FrameValid);
            Assert.Equal(callerValid, fault.CallerValid);
        }
    }
}
