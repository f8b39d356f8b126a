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
        internal static uint[] OverflowFault()
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
            Assert.Equal(1u, fault.Count);
            Assert.Equal(ErrorFlags.Stack, controller.ErrorMemory.PersistentFlags);
            Assert.Equal(1, controller.ErrorMemory.GetCount(ErrorFlags.Stack));
            Assert.Equal(NativeCore.EmptyRecordMagic, NativeCore.RetainedMagic);   // acknowledged once stored
            Assert.Equal(FaultRecordStatus.Recorded, controller.LastFaultStatus); // this boot still reports it

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
            Assert.Equal(1, controller.ErrorMemory.GetCount(ErrorFlags.ErrorMemory));

            // The damage is in the error memory: the record was acknowledged.
            Assert.Equal(0, NativeCore.BootFaultRecord(false));
        }

        [Fact]
        public void WithoutErrorMemoryAFaultStillSetsStackAndStaysUntilAcknowledged()
        {
            NativeCore.SaveFault(OverflowFault());
            NativeCore.BootFaultRecord(false);
            var controller = new SafetyController();
            Assert.Throws<System.InvalidOperationException>(() => controller.AcknowledgeFault());
            controller.Initialize();
            Assert.Equal(ErrorFlags.Stack, controller.Flags);
            Assert.Throws<System.InvalidOperationException>(() => controller.ClearErrorMemory());

            // Nothing durable holds it: the next boot reports it again...
            Assert.Equal(1, NativeCore.BootFaultRecord(false));
            var next = new SafetyController();
            next.Initialize();
            Assert.Equal(FaultRecordStatus.Recorded, next.LastFaultStatus);

            // ...until the application, having stored it, acknowledges it.
            Assert.True(next.AcknowledgeFault());
            Assert.Equal(NativeCore.EmptyRecordMagic, NativeCore.RetainedMagic);
            Assert.Equal(FaultRecordStatus.Recorded, next.LastFaultStatus);
            Assert.Equal(0, NativeCore.BootFaultRecord(false));
        }

        [Fact]
        public void ResetBetweenBootAndInitializeLosesNothing()
        {
            NativeCore.SaveFault(OverflowFault());
            Assert.Equal(1, NativeCore.BootFaultRecord(false));
            // A reset before the controller ran (a watchdog, a brown-out): the next boot.
            Assert.Equal(1, NativeCore.BootFaultRecord(false));

            var store = new RamErrorMemoryStore();
            var controller = new SafetyController(new ErrorMemory(store));
            controller.Initialize();
            Assert.Equal(FaultRecordStatus.Recorded, controller.LastFaultStatus);
            Assert.Equal(1u, controller.LastFault.Count);
            Assert.Equal(1, controller.ErrorMemory.GetCount(ErrorFlags.Stack));
            Assert.Equal(0, NativeCore.BootFaultRecord(false));
        }

        [Fact]
        public void FaultRecurringBeforeAcknowledgementIsCountedTwice()
        {
            StackCheck.SetCycle(5);
            NativeCore.SaveFault(OverflowFault());
            Assert.Equal(1, NativeCore.BootFaultRecord(false));
            // The fault recurs while the firmware starts, before Initialize.
            StackCheck.SetCycle(0);
            NativeCore.SaveFault(OverflowFault());
            Assert.Equal(1, NativeCore.BootFaultRecord(false));

            var controller = new SafetyController(new ErrorMemory(new RamErrorMemoryStore()));
            controller.Initialize();
            Assert.Equal(2u, controller.LastFault.Count);
            Assert.Equal(0u, controller.LastFault.Cycle);   // the registers are the last fault's
            Assert.Equal(2, controller.ErrorMemory.GetCount(ErrorFlags.Stack));
            Assert.Equal(ErrorFlags.Stack, controller.ErrorMemory.PersistentFlags);
        }

        [Fact]
        public void StoreThatFailsWhileTheEvidenceIsTakenLeavesTheRecord()
        {
            NativeCore.SaveFault(OverflowFault());
            NativeCore.BootFaultRecord(false);
            var store = new FailingStore { FailWrites = true };
            var controller = new SafetyController(new ErrorMemory(store));
            Assert.Throws<System.InvalidOperationException>(() => controller.Initialize());
            Assert.Throws<System.InvalidOperationException>(() => controller.AcknowledgeFault());
            Assert.NotEqual(NativeCore.EmptyRecordMagic, NativeCore.RetainedMagic);

            store.FailWrites = false;
            Assert.Equal(AreaStatus.Ok, controller.Initialize());   // takes the evidence again
            Assert.Equal(1, controller.ErrorMemory.GetCount(ErrorFlags.Stack));
            Assert.Equal(NativeCore.EmptyRecordMagic, NativeCore.RetainedMagic);
        }

        [Fact]
        public void SecondInitializeTakesNoEvidence()
        {
            NativeCore.SaveFault(OverflowFault());
            NativeCore.BootFaultRecord(false);
            var controller = new SafetyController(new ErrorMemory(new RamErrorMemoryStore()));
            controller.Initialize();
            controller.Initialize();
            Assert.Equal(1, controller.ErrorMemory.GetCount(ErrorFlags.Stack));
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
        public void StoreThatFailsDuringACycleIsEvidenceLostNotAStop()
        {
            var store = new FailingStore();
            var raised = new List<ErrorRaisedEventArgs>();
            var controller = new SafetyController(new ErrorMemory(store));
            controller.Initialize();
            controller.ErrorRaised += (s, e) => raised.Add(e);
            store.FailWrites = true;
            controller.Report(ErrorFlags.MainLoopTiming);
            CycleResult cycle = controller.Handle();
            Assert.Equal(ErrorFlags.MainLoopTiming | ErrorFlags.ErrorMemory, cycle.Detected);
            Assert.Equal(ErrorFlags.MainLoopTiming | ErrorFlags.ErrorMemory, cycle.Flags);
            Assert.Equal(ErrorFlags.ErrorMemory, controller.Handle().Flags);   // the lost evidence stays flagged
            Assert.Equal(new[] { ErrorFlags.MainLoopTiming, ErrorFlags.ErrorMemory }, raised.ConvertAll(e => e.Flag));
        }

        [Fact]
        public void DamageAReaderFoundIsRaisedByTheNextCycle()
        {
            var store = new RamErrorMemoryStore();
            var raised = new List<ErrorRaisedEventArgs>();
            var controller = new SafetyController(new ErrorMemory(store));
            controller.Initialize();
            controller.ErrorRaised += (s, e) => raised.Add(e);
            Assert.Equal(ErrorFlags.None, controller.Handle().Flags);
            store.Bytes[44] ^= 0x10;                       // a stray write into the store
            Assert.Equal(ErrorFlags.ErrorMemory, controller.ErrorMemory.PersistentFlags);   // a read finds it, wipes it
            CycleResult cycle = controller.Handle();
            Assert.Equal(ErrorFlags.ErrorMemory, cycle.Detected);
            Assert.Equal(ErrorFlags.ErrorMemory, cycle.Flags);
            Assert.Equal(ErrorMemoryStatus.DamagedCrc, controller.ErrorMemoryStatus);
            Assert.Equal(ErrorFlags.ErrorMemory, Assert.Single(raised).Flag);
            Assert.Equal(ErrorFlags.None, controller.Handle().Detected);   // reported once
        }

        [Fact]
        public void DamageFoundAtStartUpIsReportedOnceNotAgainByTheFirstCycle()
        {
            RamErrorMemoryStore store = StoreKeeping(ErrorFlags.Stack);
            store.Bytes[20] ^= 0x01;
            var raised = new List<ErrorRaisedEventArgs>();
            var controller = new SafetyController(new ErrorMemory(store));
            controller.ErrorRaised += (s, e) => raised.Add(e);
            controller.Initialize();
            Assert.Equal(ErrorMemoryStatus.DamagedCrc, controller.ErrorMemoryStatus);
            Assert.Equal(ErrorFlags.ErrorMemory, controller.Flags);
            Assert.Equal(ErrorFlags.None, controller.Handle().Detected);
            Assert.Empty(raised);
            Assert.Equal(1, controller.ErrorMemory.GetCount(ErrorFlags.ErrorMemory));
        }

        [Fact]
        public void KeptBitsThatNameNoFlagAreNotSet()
        {
            RamErrorMemoryStore store = StoreKeeping(ErrorFlags.Application14 | (ErrorFlags)0x100 | (ErrorFlags)unchecked((int)0x80000000));
            var controller = new SafetyController(new ErrorMemory(store));
            controller.Initialize();
            Assert.Equal(ErrorFlags.Application14, controller.Flags);
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

        [Fact]
        public void PersistentAndSelfClearingFlagsStartingInOneCycleAreEachCountedOnce()
        {
            var store = new RamErrorMemoryStore();
            var controller = new SafetyController(new ErrorMemory(store));
            controller.Initialize();
            controller.Report(ErrorFlags.MainLoopTiming);  // self-clearing
            NativeCore.FlipAreaBit(5);                     // Stack: persistent
            Assert.Equal(ErrorFlags.Stack | ErrorFlags.MainLoopTiming, controller.Handle().Detected);
            NativeCore.FlipAreaBit(5);

            var memory = new ErrorMemory(store);
            Assert.Equal(ErrorFlags.Stack, memory.PersistentFlags);
            Assert.Equal(1, memory.GetCount(ErrorFlags.Stack));
            Assert.Equal(1, memory.GetCount(ErrorFlags.MainLoopTiming));
        }

        [Fact]
        public void EveryRegisterOfTheRecordIsReadFromItsOwnWord()
        {
            // A different value in every word the handler fills, a valid frame.
            var record = new uint[FaultRecord.Words];
            for (int i = 5; i <= 14; i++)
            {
                record[i] = 0x11111111u * (uint)(i - 4);
            }

            record[2] = (uint)FaultCause.StackProtector;
            record[3] = 1u;   // the frame is valid
            record[4] = (uint)FaultStack.Main;
            StackCheck.SetCycle(0xC0DE);
            NativeCore.SaveFault(record);
            NativeCore.BootFaultRecord(false);
            FaultRecord fault = FaultRecord.Read(out FaultRecordStatus status);
            Assert.Equal(FaultRecordStatus.Recorded, status);
            Assert.Equal(FaultCause.StackProtector, fault.Cause);
            Assert.True(fault.FrameValid);
            Assert.False(fault.CallerValid);
            Assert.Equal(FaultStack.Main, fault.Stack);
            Assert.Equal(
                new[] { record[5], record[6], record[7], record[8], record[9], record[10], record[11], record[12], record[13], record[14] },
                new[] { fault.Cfsr, fault.Hfsr, fault.Mmfar, fault.Bfar, fault.Msp, fault.Psp, fault.ExcReturn, fault.StackedPc, fault.StackedLr, fault.StackedXpsr });
            Assert.Equal(0xC0DEu, fault.Cycle);
            Assert.Equal(1u, fault.Count);

            // The other flag: the caller of __stack_chk_fail() is known, no frame.
            record[3] = 2u;
            NativeCore.SaveFault(record);
            NativeCore.BootFaultRecord(false);
            fault = FaultRecord.Read(out status);
            Assert.False(fault.FrameValid);
            Assert.True(fault.CallerValid);
            Assert.Equal(2u, fault.Count);   // not acknowledged in between
        }

        [Fact]
        public void RecordThatStartUpNeverValidatedSetsNothingAndIsNotAcknowledged()
        {
            // A firmware that never calls stack_check_fault_boot(): the status
            // says so, and that is no damage (unlike a damaged record, above).
            using (var fresh = new FreshCore())
            {
                dynamic store = fresh.New("RamErrorMemoryStore");
                dynamic controller = fresh.New("SafetyController", fresh.New("ErrorMemory", store));
                Assert.Equal("Ok", controller.Initialize().ToString());
                Assert.Equal("NotValidated", controller.LastFaultStatus.ToString());
                Assert.Null(controller.LastFault);
                Assert.Equal(0, (int)controller.Flags);
                Assert.Equal(0, controller.ErrorMemory.GetCount((dynamic)fresh.Enum("ErrorFlags", (int)ErrorFlags.ErrorMemory)));
                Assert.False(controller.AcknowledgeFault(), "nothing was validated, so nothing is acknowledged");

                dynamic withoutMemory = fresh.New("SafetyController");
                withoutMemory.Initialize();
                Assert.Equal(0, (int)withoutMemory.Flags);
            }
        }
    }
}
