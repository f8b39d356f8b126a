using System;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>Bad arguments get a clear exception and change nothing.</summary>
    public class ArgumentTests : NativeTestBase
    {
        private readonly SafetyController _controller = NewController();

        [Fact]
        public void NegativeMinStackFreeIsRefused()
        {
            _controller.MinStackFree = 512;
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => _controller.MinStackFree = -1);
            Assert.Equal("value", e.ParamName);
            Assert.Equal(512, _controller.MinStackFree);
        }

        [Theory]
        [InlineData(ErrorFlags.None)]
        [InlineData(ErrorFlags.Stack | ErrorFlags.MainLoopTiming)]
        [InlineData((ErrorFlags)0x00000100)]
        [InlineData((ErrorFlags)unchecked((int)0x80000000))]
        public void PolicyOfAnythingButOneDefinedFlagIsRefused(ErrorFlags flag)
        {
            _controller.SetPolicy(ErrorFlags.Application5, FlagPolicy.Persistent);
            var e = Assert.Throws<ArgumentException>(() => _controller.SetPolicy(flag, FlagPolicy.Panic));
            Assert.Equal("flag", e.ParamName);
            Assert.Throws<ArgumentException>(() => _controller.GetPolicy(flag));
            Assert.Equal(FlagPolicy.Persistent, _controller.GetPolicy(ErrorFlags.Application5));
            Assert.Equal(FlagPolicy.Persistent, _controller.GetPolicy(ErrorFlags.Stack));
        }

        [Fact]
        public void UndefinedPolicyIsRefused()
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => _controller.SetPolicy(ErrorFlags.Stack, (FlagPolicy)7));
            Assert.Equal("policy", e.ParamName);
            Assert.Equal(FlagPolicy.Persistent, _controller.GetPolicy(ErrorFlags.Stack));
        }

        [Fact]
        public void NullErrorMemoryIsRefused()
        {
            Assert.Equal("errorMemory", Assert.Throws<ArgumentNullException>(() => new SafetyController(null)).ParamName);
        }

        [Fact]
        public void NullCheckIsRefused()
        {
            Assert.Equal("check", Assert.Throws<ArgumentNullException>(() => _controller.Register(null)).ParamName);
        }

        [Theory]
        [InlineData(ErrorFlags.Stack)]
        [InlineData(ErrorFlags.CheckFault)]
        [InlineData(ErrorFlags.None)]
        [InlineData(ErrorFlags.Application0 | ErrorFlags.Application1)]
        public void CheckWithoutExactlyOneApplicationFlagIsRefused(ErrorFlags flag)
        {
            var check = new ScriptedCheck(flag) { Healthy = false };
            Assert.Throws<ArgumentException>(() => _controller.Register(check));
            _controller.Handle();
            Assert.Equal(0, check.Runs);
        }

        [Fact]
        public void SameCheckTwiceIsRefusedAndStillRunsOnce()
        {
            var check = new ScriptedCheck(ErrorFlags.Application7);
            _controller.Register(check);
            Assert.Throws<ArgumentException>(() => _controller.Register(check));
            _controller.Handle();
            Assert.Equal(1, check.Runs);
        }

        [Fact]
        public void CheckBeyondTheCapacityIsRefusedAndTheOthersKeepRunning()
        {
            var checks = new ScriptedCheck[SafetyController.MaxChecks];
            for (int i = 0; i < checks.Length; i++)
            {
                checks[i] = new ScriptedCheck((ErrorFlags)((int)ErrorFlags.Application0 << i));
                _controller.Register(checks[i]);
            }

            Assert.Throws<InvalidOperationException>(() => _controller.Register(new ScriptedCheck(ErrorFlags.Application0)));
            _controller.Handle();
            Assert.All(checks, c => Assert.Equal(1, c.Runs));
        }

        [Theory]
        [InlineData(ErrorFlags.None)]
        [InlineData((ErrorFlags)0x00000100)]
        public void ReportOfNothingOrUndefinedFlagsIsRefused(ErrorFlags conditions)
        {
            Assert.Throws<ArgumentException>(() => _controller.Report(conditions));
            Assert.Equal(ErrorFlags.None, _controller.Handle().Detected);
        }

        [Fact]
        public void ClearingUndefinedFlagsIsRefusedAndClearsNothing()
        {
            _controller.Report(ErrorFlags.CheckFault);
            _controller.Handle();
            Assert.Throws<ArgumentException>(() => _controller.ClearFlags(ErrorFlags.CheckFault | (ErrorFlags)0x100));
            Assert.Equal(ErrorFlags.CheckFault, _controller.Flags);
        }

        [Fact]
        public void LoopArgumentsAreChecked()
        {
            var clock = new TickCountClock();
            Assert.Equal("controller", Assert.Throws<ArgumentNullException>(() => new SafetyLoop(null, clock, 10, 10)).ParamName);
            Assert.Equal("clock", Assert.Throws<ArgumentNullException>(() => new SafetyLoop(_controller, null, 10, 10)).ParamName);
            Assert.Equal("periodMilliseconds",
                Assert.Throws<ArgumentOutOfRangeException>(() => new SafetyLoop(_controller, clock, 0, 10)).ParamName);
            Assert.Equal("deadlineMilliseconds",
                Assert.Throws<ArgumentOutOfRangeException>(() => new SafetyLoop(_controller, clock, 10, 9)).ParamName);
            Assert.Equal(10, new SafetyLoop(_controller, clock, 10, 10).DeadlineMilliseconds);
            Assert.Equal(1, new SafetyLoop(_controller, clock, 1, 1).PeriodMilliseconds);
        }

        [Fact]
        public void EveryApplicationFlagCanHaveItsCheck()
        {
            // Application0 to Application14: fifteen flags, fifteen checks.
            ErrorFlags all = ErrorFlags.None;
            for (int i = 0; i < 15; i++)
            {
                var flag = (ErrorFlags)((int)ErrorFlags.Application0 << i);
                _controller.Register(new ScriptedCheck(flag) { Healthy = false });
                all |= flag;
            }

            Assert.Equal((ErrorFlags)0x7FFF0000, all);
            Assert.Equal(all, _controller.Handle().Detected);
        }
    }
}
