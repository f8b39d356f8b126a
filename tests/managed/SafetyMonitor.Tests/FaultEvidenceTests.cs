using System.Collections.Generic;
using System.Runtime.InteropServices;
using SafetyMonitor.Native;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>
    /// The evidence of the last run reaching the controller: the fault record
    /// the C core kept across the "reset" (a save, then start-up's
    /// validation), and the error memory.
    /// </summary>
    public class FaultEvidenceTests : NativeTestBase
    {
        private static uint[] OverflowFault()
        {
            var record = new uint[FaultRecord.Words];
            record[2] = (uint)FaultCause.HardFault;
            record[4] = (uint)FaultStack.Process;
            record[5] = 0x00009200;   // CFSR: PRECISERR, STKERR, BFARVALID
            record[6] = 0x40000000;   // HFSR: FORCED
            record[8] = 0x0FFFFFE0;   // BFAR: below the CCM
            record[10] = 0x0FFFFFE0;  // PSP
            record[11] = 0xFFFFFFFD;  // EXC_RETURN: thread mode, PSP
            return record;
        }

        [Fact]
        public void RecordedFaultIsReadAndSetsStackPersistently()
        {
            StackCheck.SetCycle(77);
            NativeCore.SaveFault(OverflowFault());
            Assert.Equal(1, NativeCore.BootFaultRecord(false));

            var store = new RamErrorMemoryStore();
            var controller = new SafetyController(new ErrorMemory(store));
            Assert.Equal(AreaStatus.Ok, controller.Initialize());
            Assert.Equal(FaultRecordStatus.Recorded, controller.LastFaultStatus);
            FaultRecord fault = controller.LastFault;
            Assert.NotNull(fault);
            Assert.Equal(FaultCause.HardFault, fault.Cause);
            Assert.Equal(FaultStack.Process, fault.Stack);
            Assert.Equal(0x00009200u, fault.Cfsr);
            Assert.Equal(0x40000000u, fault.Hfsr);
            Assert.Equal(0x0FFFFFE0u, fault.Bfar);
            Assert.Equal(0xFFFFFFFDu, fault.ExcReturn);
            Assert.False(fault.FrameValid);
            Assert.Equal(77u, fault.Cycle);
            Assert.True((controller.Flags & ErrorFlags.Stack) != 0);
            Assert.Equal(ErrorFlags.Stack, controller.ErrorMemory.PersistentFlags);
            Assert.Equal(1, controller.ErrorMemory.GetCount(ErrorFlags.Stack));

            // The next boot: no new fault, but the flag stays until cleared.
            NativeCore.BootFaultRecord(false);
            var next = new SafetyController(new ErrorMemory(store));
            next.Initialize();
            Assert.Equal(FaultRecordStatus.None, next.LastFaultStatus);
            Assert.Null(next.LastFault);
            Assert.Equal(ErrorFlags.Stack, next.Flags);

            next.ClearErrorMemory();
            next.ClearFlags(ErrorFlags.Stack);
            NativeCore.BootFaultRecord(false);
            var cleared = new SafetyController(new ErrorMemory(store));
            cleared.Initialize();
            Assert.Equal(ErrorFlags.None, cleared.Flags);
        }

        [Fact]
        public void HandleNotesTheCycleAFaultWouldCarry()
        {
            SafetyController controller = NewController();
            controller.Handle();
            controller.Handle();
            NativeCore.SaveFault(OverflowFault());  // a fault now, in cycle 3's place
            NativeCore.BootFaultRecord(false);
            FaultRecord fault = FaultRecord.Read(out FaultRecordStatus status);
            Assert.Equal(FaultRecordStatus.Recorded, status);
            Assert.Equal(2u, fault.Cycle);
        }

        [Theory]
        [InlineData(0, FaultRecordStatus.DamagedMagic)]
        [InlineData(1, FaultRecordStatus.OtherVersion)]
        [InlineData(9, FaultRecordStatus.DamagedCrc)]
        public void DamagedRecordIsNeverTrustedAndSetsErrorMemory(int word, FaultRecordStatus expected)
        {
            NativeCore.SaveFault(OverflowFault());
            System.IntPtr at = NativeCore.RetainedFault + (4 * word);
            Marshal.WriteInt32(at, Marshal.ReadInt32(at) ^ 0x100);
            NativeCore.BootFaultRecord(false);

            var controller = new SafetyController(new ErrorMemory(new RamErrorMemoryStore()));
            controller.Initialize();
            Assert.Equal(expected, controller.LastFaultStatus);
            Assert.Null(controller.LastFault);
            Assert.Equal(ErrorFlags.ErrorMemory, controller.Flags);
            Assert.Equal(0u, StackCheck.GetFaultWord(5));
        }

        [Fact]
        public void WithoutErrorMemoryAFaultStillSetsStack()
        {
            NativeCore.SaveFault(OverflowFault());
            NativeCore.BootFaultRecord(false);
            var controller = new SafetyController();
            controller.Initialize();
            Assert.Equal(ErrorFlags.Stack, controller.Flags);
            Assert.Throws<System.InvalidOperationException>(() => controller.ClearErrorMemory());
        }

        [Fact]
        public void RaisedFlagsAreCountedAndKeptByPolicy()
        {
            var store = new RamErrorMemoryStore();
            var controller = new SafetyController(new ErrorMemory(store));
            controller.Initialize();
            controller.Report(ErrorFlags.MainLoopTiming);  // self-clearing: counted, not kept
            controller.Handle();
            NativeCore.FlipAreaBit(5);                     // Stack: persistent, kept
            controller.Handle();
            NativeCore.FlipAreaBit(5);
            controller.Handle();

            var memory = new ErrorMemory(store);
            Assert.Equal(ErrorMemoryStatus.Ok, memory.Open(false));
            Assert.Equal(ErrorFlags.Stack, memory.PersistentFlags);
            Assert.Equal(1, memory.GetCount(ErrorFlags.MainLoopTiming));
            Assert.Equal(1, memory.GetCount(ErrorFlags.Stack));
        }

        [Fact]
        public void DamageFoundDuringACycleIsRaisedThatCycle()
        {
            var store = new RamErrorMemoryStore();
            var raised = new List<ErrorRaisedEventArgs>();
            var controller = new SafetyController(new ErrorMemory(store));
            controller.Initialize();
            controller.ErrorRaised += (s, e) => raised.Add(e);
            store.Bytes[30] ^= 0x04;                       // a stray write into the store
            controller.Report(ErrorFlags.MainLoopTiming);
            CycleResult cycle = controller.Handle();
            Assert.Equal(ErrorMemoryStatus.DamagedCrc, controller.ErrorMemoryStatus);
            Assert.True((cycle.Flags & ErrorFlags.ErrorMemory) != 0);
            Assert.Contains(raised, e => e.Flag == ErrorFlags.ErrorMemory);
        }
    }
}
