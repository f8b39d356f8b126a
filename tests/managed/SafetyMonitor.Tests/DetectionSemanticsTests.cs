using System.Collections.Generic;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>
    /// A detection acts on its policy whatever was set before: evidence of an
    /// earlier run, or a persistent flag still set, never masks it.
    /// ErrorRaised fires (and the error memory counts) once per detection
    /// that starts in a cycle; panic comes from any detection of a panic flag.
    /// </summary>
    public class DetectionSemanticsTests : NativeTestBase
    {
        private readonly List<ErrorRaisedEventArgs> _raised = new List<ErrorRaisedEventArgs>();
        private int _panics;

        private SafetyController Observed(SafetyController controller)
        {
            controller.ErrorRaised += (sender, e) => _raised.Add(e);
            controller.PanicEntered += (sender, e) => _panics++;
            return controller;
        }

        [Fact]
        public void StackFromAnEarlierRunDoesNotMaskACorruptedArea()
        {
            // The scenario: the error memory holds Stack from an
            // earlier run; the sample's order: Initialize(), then SetPolicy.
            RamErrorMemoryStore store = StoreKeeping(ErrorFlags.Stack);
            SafetyController controller = Observed(new SafetyController(new ErrorMemory(store)));
            Assert.Equal(AreaStatus.Ok, controller.Initialize());
            Assert.Equal(ErrorFlags.Stack, controller.Flags);
            controller.SetPolicy(ErrorFlags.Stack, FlagPolicy.Panic);

            CycleResult healthy = controller.Handle();
            Assert.False(healthy.Panic, "evidence of an earlier run alone is no detection");
            Assert.Empty(_raised);

            NativeCore.FlipAreaBit(77);
            CycleResult corrupted = controller.Handle();
            Assert.Equal(AreaStatus.Corrupted, corrupted.Area);
            Assert.Equal(ErrorFlags.Stack, corrupted.Detected);
            Assert.True(corrupted.Panic, "detected=Stack area=Corrupted must panic");
            Assert.True(controller.InPanic);
            Assert.Equal(1, _panics);
            ErrorRaisedEventArgs e = Assert.Single(_raised);
            Assert.Equal(ErrorFlags.Stack, e.Flag);
            Assert.Equal(FlagPolicy.Panic, e.Policy);
            Assert.Equal(2, controller.ErrorMemory.GetCount(ErrorFlags.Stack));
        }

        [Fact]
        public void PanicPolicyOnAFlagAlreadySetPanicsWhileItIsDetected()
        {
            SafetyController controller = Observed(NewController());
            var check = new ScriptedCheck(ErrorFlags.Application3) { Healthy = false };
            controller.Register(check);
            controller.SetPolicy(ErrorFlags.Application3, FlagPolicy.Persistent);
            Assert.False(controller.Handle().Panic);
            Assert.Equal(ErrorFlags.Application3, controller.Flags);

            controller.SetPolicy(ErrorFlags.Application3, FlagPolicy.Panic);
            Assert.True(controller.Handle().Panic, "still detected, now with policy Panic");
            Assert.Equal(1, _panics);
            Assert.Single(_raised);  // one detection, never interrupted
        }

        [Fact]
        public void PanicPolicyOnASetFlagWhoseConditionIsGoneWaitsForTheNextDetection()
        {
            SafetyController controller = Observed(NewController());
            var check = new ScriptedCheck(ErrorFlags.Application3) { Healthy = false };
            controller.Register(check);
            controller.SetPolicy(ErrorFlags.Application3, FlagPolicy.Persistent);
            controller.Handle();
            check.Healthy = true;
            controller.SetPolicy(ErrorFlags.Application3, FlagPolicy.Panic);
            Assert.False(controller.Handle().Panic, "set, but not detected");
            Assert.Equal(ErrorFlags.Application3, controller.Flags);

            check.Healthy = false;
            CycleResult again = controller.Handle();
            Assert.True(again.Panic);
            Assert.Equal(1, _panics);
            Assert.Equal(2, _raised.Count);
            Assert.Equal(FlagPolicy.Panic, _raised[1].Policy);
            Assert.Equal(again.Number, _raised[1].Cycle.Number);
        }

        [Fact]
        public void ConditionThatPersistsIsRaisedAndCountedOnce()
        {
            var store = new RamErrorMemoryStore();
            SafetyController controller = Observed(new SafetyController(new ErrorMemory(store)));
            controller.Initialize();
            var check = new ScriptedCheck(ErrorFlags.Application3) { Healthy = false };
            controller.Register(check);
            controller.SetPolicy(ErrorFlags.Application3, FlagPolicy.Persistent);
            for (int i = 0; i < 5; i++)
            {
                Assert.Equal(ErrorFlags.Application3, controller.Handle().Detected);
            }

            Assert.Single(_raised);
            Assert.Equal(1, controller.ErrorMemory.GetCount(ErrorFlags.Application3));
        }

        [Theory]
        [InlineData(FlagPolicy.Persistent)]
        [InlineData(FlagPolicy.SelfClearing)]
        public void ConditionThatGoesAwayAndComesBackIsRaisedAndCountedAgain(FlagPolicy policy)
        {
            var store = new RamErrorMemoryStore();
            SafetyController controller = Observed(new SafetyController(new ErrorMemory(store)));
            controller.Initialize();
            var check = new ScriptedCheck(ErrorFlags.Application3) { Healthy = false };
            controller.Register(check);
            controller.SetPolicy(ErrorFlags.Application3, policy);
            controller.Handle();
            check.Healthy = true;
            CycleResult gone = controller.Handle();
            Assert.Equal(ErrorFlags.None, gone.Detected);
            Assert.Equal(policy == FlagPolicy.Persistent, (gone.Flags & ErrorFlags.Application3) != 0);

            check.Healthy = false;
            CycleResult back = controller.Handle();
            Assert.Equal(2, _raised.Count);
            Assert.Equal(back.Number, _raised[1].Cycle.Number);
            Assert.Equal(2, controller.ErrorMemory.GetCount(ErrorFlags.Application3));
        }

        [Fact]
        public void ReportedConditionEveryCycleIsOneDetection()
        {
            SafetyController controller = Observed(NewController());
            for (int i = 0; i < 4; i++)
            {
                controller.Report(ErrorFlags.MainLoopTiming);
                Assert.Equal(ErrorFlags.MainLoopTiming, controller.Handle().Detected);
            }

            Assert.Single(_raised);
            controller.Handle();
            controller.Report(ErrorFlags.MainLoopTiming);
            controller.Handle();
            Assert.Equal(2, _raised.Count);
        }


        [Fact]
        public void SelfClearingDetectionIsOneWriteOfTheStore()
        {
            var store = new GatedStore();
            SafetyController controller = new SafetyController(new ErrorMemory(store));
            Assert.Equal(AreaStatus.Ok, controller.Initialize());
            controller.Register(new ScriptedCheck(ErrorFlags.Application4) { Healthy = false });
            controller.SetPolicy(ErrorFlags.Application4, FlagPolicy.SelfClearing);
            int writes = store.Writes;
            Assert.Equal(ErrorFlags.Application4, controller.Handle().Detected);
            Assert.Equal(writes + 1, store.Writes);   // nothing kept: no second, empty write
        }
    }
}
