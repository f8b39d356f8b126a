using System;
using System.Collections.Generic;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>Flag policies, registered checks and reported conditions.</summary>
    public class PolicyTests : NativeTestBase
    {
        private readonly List<ErrorRaisedEventArgs> _raised = new List<ErrorRaisedEventArgs>();
        private readonly SafetyController _controller;
        private readonly ScriptedCheck _check = new ScriptedCheck(ErrorFlags.Application3);

        public PolicyTests()
        {
            _controller = NewController(_raised);
            _controller.Register(_check);
        }

        [Fact]
        public void DefaultPolicies()
        {
            Assert.Equal(FlagPolicy.Persistent, _controller.GetPolicy(ErrorFlags.Stack));
            Assert.Equal(FlagPolicy.Persistent, _controller.GetPolicy(ErrorFlags.CheckFault));
            Assert.Equal(FlagPolicy.Persistent, _controller.GetPolicy(ErrorFlags.ErrorMemory));
            Assert.Equal(FlagPolicy.Persistent, _controller.GetPolicy(ErrorFlags.HandlerFault));
            Assert.Equal(FlagPolicy.Persistent, _controller.GetPolicy(ErrorFlags.LoopFault));
            Assert.Equal(FlagPolicy.SelfClearing, _controller.GetPolicy(ErrorFlags.MainLoopTiming));
            Assert.Equal(FlagPolicy.SelfClearing, _controller.GetPolicy(ErrorFlags.Application3));
        }

        [Fact]
        public void SelfClearingFlagLastsAsLongAsItsCondition()
        {
            _check.Healthy = false;
            Assert.Equal(ErrorFlags.Application3, _controller.Handle().Flags);
            Assert.Equal(ErrorFlags.Application3, _controller.Handle().Flags);
            _check.Healthy = true;
            Assert.Equal(ErrorFlags.None, _controller.Handle().Flags);
            Assert.Single(_raised);
        }

        [Fact]
        public void PersistentFlagStaysUntilCleared()
        {
            _controller.SetPolicy(ErrorFlags.Application3, FlagPolicy.Persistent);
            _check.Healthy = false;
            _controller.Handle();
            _check.Healthy = true;
            CycleResult after = _controller.Handle();
            Assert.Equal(ErrorFlags.None, after.Detected);
            Assert.Equal(ErrorFlags.Application3, after.Flags);
            _controller.ClearFlags(ErrorFlags.Application3);
            Assert.Equal(ErrorFlags.None, _controller.Handle().Flags);
            Assert.Single(_raised);
        }

        [Fact]
        public void ClearedFlagWhoseConditionHoldsIsRaisedAgain()
        {
            _controller.SetPolicy(ErrorFlags.Application3, FlagPolicy.Persistent);
            _check.Healthy = false;
            _controller.Handle();
            _controller.Handle();
            Assert.Single(_raised);
            _controller.ClearFlags(ErrorFlags.Application3);
            Assert.Equal(ErrorFlags.Application3, _controller.Handle().Flags);
            Assert.Equal(2, _raised.Count);
        }

        [Fact]
        public void PanicIsEnteredOnceAndOnlyAResetLeavesIt()
        {
            int panics = 0;
            _controller.PanicEntered += (sender, e) => panics++;
            _controller.SetPolicy(ErrorFlags.Application3, FlagPolicy.Panic);
            Assert.False(_controller.Handle().Panic);
            _check.Healthy = false;
            Assert.True(_controller.Handle().Panic);
            _check.Healthy = true;
            _controller.ClearFlags(ErrorFlags.Application3);
            for (int i = 0; i < 3; i++)
            {
                Assert.True(_controller.Handle().Panic);
            }

            Assert.True(_controller.InPanic);
            Assert.Equal(1, panics);
            Assert.Equal(FlagPolicy.Panic, _raised[0].Policy);
        }

        [Fact]
        public void PanicFlagDetectedCycleAfterCycleEntersPanicOnce()
        {
            int panics = 0;
            _controller.PanicEntered += (sender, e) => panics++;
            _controller.SetPolicy(ErrorFlags.Application3, FlagPolicy.Panic);
            _check.Healthy = false;
            for (int i = 0; i < 4; i++)
            {
                Assert.True(_controller.Handle().Panic);
            }

            _check.Healthy = true;
            _controller.Handle();
            _check.Healthy = false;
            Assert.True(_controller.Handle().Panic);   // a new detection, still the same panic
            Assert.Equal(1, panics);
            Assert.Equal(2, _raised.Count);
        }

        [Fact]
        public void HighestApplicationFlagIsRaisedKeptAndCanPanic()
        {
            var top = new ScriptedCheck(ErrorFlags.Application14) { Healthy = false };
            _controller.Register(top);
            _controller.SetPolicy(ErrorFlags.Application14, FlagPolicy.Persistent);
            Assert.False(_controller.Handle().Panic);
            Assert.Equal(ErrorFlags.Application14, Assert.Single(_raised).Flag);
            Assert.Equal(FlagPolicy.Persistent, _raised[0].Policy);
            top.Healthy = true;
            Assert.Equal(ErrorFlags.Application14, _controller.Handle().Flags);   // kept: persistent
            _controller.SetPolicy(ErrorFlags.Application14, FlagPolicy.Panic);
            top.Healthy = false;
            Assert.True(_controller.Handle().Panic);
            Assert.Equal(FlagPolicy.Panic, _raised[1].Policy);
        }

        [Fact]
        public void ThrowingCheckRaisesItsFlagAndCheckFault()
        {
            _check.Throws = true;
            CycleResult cycle = _controller.Handle();
            Assert.Equal(ErrorFlags.Application3 | ErrorFlags.CheckFault, cycle.Detected);
            Assert.Equal(2, _raised.Count);
            _check.Throws = false;
            Assert.Equal(ErrorFlags.CheckFault, _controller.Handle().Flags); // CheckFault is persistent
        }

        [Fact]
        public void ChecksRunOncePerCycleInRegistrationOrder()
        {
            var second = new ScriptedCheck(ErrorFlags.Application0);
            _controller.Register(second);
            for (int i = 0; i < 5; i++)
            {
                _controller.Handle();
            }

            Assert.Equal(5, _check.Runs);
            Assert.Equal(5, second.Runs);
        }

        [Fact]
        public void ReportedConditionCountsInTheNextCycleOnly()
        {
            _controller.Report(ErrorFlags.MainLoopTiming | ErrorFlags.Application3);
            CycleResult reported = _controller.Handle();
            Assert.Equal(ErrorFlags.MainLoopTiming | ErrorFlags.Application3, reported.Detected);
            Assert.Equal(ErrorFlags.None, _controller.Handle().Detected);
        }

        [Fact]
        public void EventCarriesTheRaisingCycle()
        {
            _check.Healthy = false;
            CycleResult cycle = _controller.Handle();
            ErrorRaisedEventArgs e = Assert.Single(_raised);
            Assert.Equal(ErrorFlags.Application3, e.Flag);
            Assert.Equal(FlagPolicy.SelfClearing, e.Policy);
            Assert.Equal(cycle, e.Cycle);
        }

        [Fact]
        public void ConditionsReportedSeparatelyBeforeACycleAreAllDetected()
        {
            // The loop reports MainLoopTiming and LoopFault by separate calls.
            _controller.Report(ErrorFlags.MainLoopTiming);
            _controller.Report(ErrorFlags.Application5);
            Assert.Equal(ErrorFlags.MainLoopTiming | ErrorFlags.Application5, _controller.Handle().Detected);
        }

        [Fact]
        public void CheckRegisteredDuringACycleRunsFromTheNextCycle()
        {
            var late = new ScriptedCheck(ErrorFlags.Application6) { Healthy = false };
            _controller.Register(new RegisteringCheck(_controller, late));
            Assert.Equal(ErrorFlags.None, _controller.Handle().Detected);
            Assert.Equal(0, late.Runs);
            Assert.Equal(ErrorFlags.Application6, _controller.Handle().Detected);
            Assert.Equal(1, late.Runs);
        }

        /// <summary>A healthy check that registers another one from inside its first run.</summary>
        private sealed class RegisteringCheck : ISafetyCheck
        {
            private readonly SafetyController _controller;
            private ISafetyCheck _toRegister;

            public RegisteringCheck(SafetyController controller, ISafetyCheck toRegister)
            {
                _controller = controller;
                _toRegister = toRegister;
            }

            public ErrorFlags Flag => ErrorFlags.Application7;

            public bool Run()
            {
                if (_toRegister != null)
                {
                    _controller.Register(_toRegister);
                    _toRegister = null;
                }

                return true;
            }
        }
    }
}
