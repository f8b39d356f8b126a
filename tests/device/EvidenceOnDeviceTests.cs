using nanoFramework.TestFramework;
using SafetyMonitor;
using SafetyMonitor.Native;

namespace SafetyMonitor.DeviceTests
{
    /// <summary>
    /// On the board: the firmware validated the retained fault record at
    /// start-up and painted the CLR thread's working area
    /// (safetymonitor_start_clr_thread()), and the error memory lives in the
    /// RTC backup registers. On a nanoCLR without their natives (the POSIX
    /// virtual device) the backup-register test skips, naming what is absent,
    /// and the error memory runs in RAM.
    /// </summary>
    [TestClass]
    public class EvidenceOnDeviceTests
    {
        [TestMethod]
        public void FirmwareValidatedTheFaultRecordAtStartUp()
        {
            int status = StackCheck.GetFaultStatus();
            Assert.AreNotEqual(-7, status, "stack_check_fault_boot() did not run: is the CLR thread started with safetymonitor_start_clr_thread()?");
            if (status == 1)
            {
                Assert.AreEqual(0x53464C54u, StackCheck.GetFaultWord(0), "a valid record starts with its magic");
            }
            else
            {
                Assert.AreEqual(0u, StackCheck.GetFaultWord(5), "no record, no registers");
            }
        }

        [TestMethod]
        public void ClrThreadStackIsPaintedForTheHighWaterMark()
        {
            int minFree = StackCheck.GetMinFree();
            int free = StackCheck.GetFree();
            Assert.IsTrue(minFree >= 0, "the CLR thread's working area was not painted: is it started with safetymonitor_start_clr_thread()?");
            Assert.IsTrue(minFree <= StackCheck.GetSize(), "the mark lies inside the stack");
            Assert.IsTrue(free > 0, "free stack");
        }

        [TestMethod]
        public void BackupRegistersHoldTheErrorMemory()
        {
            ErrorMemory memory = ErrorMemory.ChooseStore(new BackupMemoryErrorStore());
            if (memory.StoreKind != ErrorMemoryStoreKind.BackupRegisters)
            {
                // TestFramework 3.0.77: Assert.SkipTest throws SkipTestException, which
                // the launcher prints as "Test skipped,<test>,<message>".
                Assert.SkipTest("needs the RTC backup registers; " + ErrorMemory.DescribeStore(memory.StoreKind));
            }

            ErrorMemoryStatus opened = memory.Open(false);
            Assert.IsTrue(opened == ErrorMemoryStatus.Ok || opened == ErrorMemoryStatus.Formatted);
            int before = memory.GetCount(ErrorFlags.Application14);
            memory.Raise(ErrorFlags.Application14, false);

            // A second instance reads the registers again.
            var reread = new ErrorMemory(new BackupMemoryErrorStore());
            Assert.AreEqual(ErrorMemoryStatus.Ok, reread.Open(false));
            Assert.AreEqual(before == 65535 ? 65535 : before + 1, reread.GetCount(ErrorFlags.Application14));
        }

        [TestMethod]
        public void ChosenStoreHoldsTheErrorMemoryOnEveryNanoClr()
        {
            // The sample's choice: backup registers where the firmware has their
            // natives, RAM where not (no controller here: its first Initialize
            // would take and acknowledge the board's fault record).
            ErrorMemory memory = ErrorMemory.ChooseStore(new BackupMemoryErrorStore());
            OutputHelper.WriteLine(ErrorMemory.DescribeStore(memory.StoreKind));
            Assert.AreNotEqual((int)ErrorMemoryStoreKind.Supplied, (int)memory.StoreKind, "ChooseStore made no choice");
            ErrorMemoryStatus opened = memory.Open(false);
            Assert.IsTrue(opened == ErrorMemoryStatus.Ok || opened == ErrorMemoryStatus.Formatted, "the chosen store did not open");
            int before = memory.GetCount(ErrorFlags.Application13);
            memory.Raise(ErrorFlags.Application13, false);
            Assert.AreEqual(before == 65535 ? 65535 : before + 1, memory.GetCount(ErrorFlags.Application13));
        }
    }
}
