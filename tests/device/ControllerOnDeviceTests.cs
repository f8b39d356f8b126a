using System.Threading;
using nanoFramework.TestFramework;

namespace SafetyMonitor.DeviceTests
{
    /// <summary>The controller and its loop on a board, with the real natives.</summary>
    [TestClass]
    public class ControllerOnDeviceTests
    {
        private static SafetyController _controller;

        [Setup]
        public void SealTheArea()
        {
            _controller = new SafetyController();
            Assert.AreEqual((int)AreaStatus.Ok, (int)_controller.Initialize(), "the area did not seal");
        }

        [TestMethod]
        public void HealthyCyclesRaiseNothing()
        {
            for (int i = 0; i < 20; i++)
            {
                CycleResult cycle = _controller.Handle();
                Assert.AreEqual((int)ErrorFlags.None, (int)cycle.Detected, "cycle " + cycle.Number.ToString());
                Assert.AreEqual((int)AreaStatus.Ok, (int)cycle.Area);
            }
        }

        [TestMethod]
        public void StackCheckCatchesTooLittleFreeStack()
        {
            // The control: a minimum above the whole stack must be caught.
            var controller = new SafetyController();
            controller.Initialize();
            controller.MinStackFree = controller.StackSize + 1;
            Assert.AreEqual((int)ErrorFlags.Stack, (int)controller.Handle().Detected);
        }

        [TestMethod]
        public void LoopRunsOnTimeOnTheBoard()
        {
            var controller = new SafetyController();
            controller.Initialize();
            var loop = new SafetyLoop(controller, 50, 500);
            loop.Start();
            Thread.Sleep(1000);
            Assert.IsTrue(loop.Stop(), "the loop did not stop");
            OutputHelper.WriteLine("cycles in 1 s: " + controller.LastCycle.Number.ToString());
            Assert.IsTrue(controller.LastCycle.Number >= 10, "fewer than 10 cycles in 1 s at 50 ms");
            Assert.AreEqual(0, loop.MissedDeadlines, "deadline missed on an idle board");
        }
    }
}
