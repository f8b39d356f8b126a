using nanoFramework.TestFramework;
using SafetyMonitor.Native;

namespace SafetyMonitor.DeviceTests
{
    /// <summary>
    /// The interop natives on a board: they run on the CLR thread and measure
    /// its native stack. The test launcher calls methods with a null target,
    /// so any state lives in static fields.
    /// </summary>
    [TestClass]
    public class StackCheckNativeTests
    {
        private static int _stackSize;

        [Setup]
        public void MeasureTheClrThread()
        {
            _stackSize = StackCheck.GetSize();
            OutputHelper.WriteLine("CLR thread native stack: " + _stackSize.ToString() + " bytes");
        }

        [TestMethod]
        public void StackSizeIsKnown()
        {
            Assert.IsTrue(_stackSize > 0, "the port does not know the CLR thread's stack bounds");
        }

        [TestMethod]
        public void FreeStackLiesWithinTheStack()
        {
            int free = StackCheck.GetFree();
            OutputHelper.WriteLine("free: " + free.ToString() + " bytes");
            Assert.IsTrue(free > 0, "free stack is not positive");
            Assert.IsTrue(free < _stackSize, "free stack exceeds the stack size");
        }

        [TestMethod]
        public void AreaSealsAndChecksIntact()
        {
            Assert.AreEqual(0, StackCheck.InitCorruptionDetectArea(), "init failed (AreaStatus code)");
            Assert.AreEqual(0, StackCheck.CheckCorruptionDetectArea(), "fresh seal not intact");
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(100)]
        [DataRow(1000)]
        public void AreaStaysIntactOverManyChecks(int checks)
        {
            Assert.AreEqual(0, StackCheck.InitCorruptionDetectArea());
            for (int i = 0; i < checks; i++)
            {
                Assert.AreEqual(0, StackCheck.CheckCorruptionDetectArea(), "check " + i.ToString() + " failed");
            }
        }
    }
}
