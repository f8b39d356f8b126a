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
            var loop = new SafetyLoop(controller, new TickCountClock(), 50, 500);
            loop.Start();
            Thread.Sleep(1000);
            Assert.IsTrue(loop.Stop(), "the loop did not stop");
            OutputHelper.WriteLine("cycles in 1 s: " + controller.LastCycle.Number.ToString());
            Assert.IsTrue(controller.LastCycle.Number >= 10, "fewer than 10 cycles in 1 s at 50 ms");
            Assert.AreEqual(0, loop.MissedDeadlines, "deadline missed on an idle board");
            Assert.AreEqual(0, loop.ClockStepsBack, "Environment.TickCount64 went back");
            Assert.AreEqual(0, loop.FailedIterations, "an iteration of the loop failed");
        }

        [TestMethod]
        public void TickCountClockIsMonotonicAndCountsMilliseconds()
        {
            var clock = new TickCountClock();
            long before = clock.Milliseconds;
            Thread.Sleep(200);
            long after = clock.Milliseconds;
            OutputHelper.WriteLine("200 ms of Thread.Sleep: " + (after - before).ToString() + " ms of TickCount64");
            Assert.IsTrue(after - before >= 200, "TickCount64 advanced less than the sleep");
            Assert.IsTrue(after - before < 1000, "TickCount64 is not in milliseconds (old firmware counted 100 ns ticks)");
        }

        [TestMethod]
        public void ThrowingSubscriberSkipsNeitherPanicNorTheOthers()
        {
            var controller = new SafetyController();
            controller.Initialize();
            controller.MinStackFree = controller.StackSize + 1;
            controller.SetPolicy(ErrorFlags.Stack, FlagPolicy.Panic);
            int raised = 0;
            int panics = 0;
            controller.ErrorRaised += (s, e) => { throw new System.InvalidOperationException("subscriber bug"); };
            controller.ErrorRaised += (s, e) => raised++;
            controller.PanicEntered += (s, e) => panics++;
            Assert.IsTrue(controller.Handle().Panic);
            Assert.AreEqual(1, raised);
            Assert.AreEqual(1, panics);
            Assert.AreEqual((int)ErrorFlags.HandlerFault, (int)(controller.Handle().Detected & ErrorFlags.HandlerFault));
        }
    }
}
