using System;
using System.Collections.Generic;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>
    /// Every call that reads or changes the controller's or the error
    /// memory's state waits while a cycle is half way through its update
    /// (held here inside the error memory's write): it can neither see a
    /// half-updated state nor change one under the cycle's feet. A missing
    /// lock shows as a call that completes while the cycle is held.
    /// </summary>
    public class LockTests : NativeTestBase
    {
        private const int HeldFor = 300;

        private sealed class Held
        {
            public SafetyController Controller;
            public GatedStore Store;
            public ScriptedCheck Check;
            public CycleResult Cycle;
            public ErrorRaisedEventHandler Subscriber;
        }

        private static readonly Dictionary<string, (Action<Held> Call, Action<Held> After)> Calls =
            new Dictionary<string, (Action<Held>, Action<Held>)>
            {
                ["Flags"] = (h => Assert.Equal(ErrorFlags.Application3, h.Controller.Flags), null),
                ["InPanic"] = (h => Assert.True(h.Controller.InPanic), null),
                ["LastCycle"] = (h => Assert.Equal(2, h.Controller.LastCycle.Number), null),
                ["LastFault"] = (h => Assert.Null(h.Controller.LastFault), null),
                ["LastFaultStatus"] = (h => Assert.Equal(FaultRecordStatus.None, h.Controller.LastFaultStatus), null),
                ["ErrorMemoryStatus"] = (h => Assert.Equal(ErrorMemoryStatus.Formatted, h.Controller.ErrorMemoryStatus), null),
                ["InitializationStatus"] = (h => Assert.Equal(AreaStatus.Ok, h.Controller.InitializationStatus), null),
                ["MinStackFree.get"] = (h => Assert.Equal(SafetyController.DefaultMinStackFree, h.Controller.MinStackFree), null),
                ["MinStackFree.set"] = (h => h.Controller.MinStackFree = 64, h => Assert.Equal(64, h.Controller.MinStackFree)),
                ["UseHighWaterMark.get"] = (h => Assert.True(h.Controller.UseHighWaterMark), null),
                ["UseHighWaterMark.set"] = (h => h.Controller.UseHighWaterMark = false, h => Assert.False(h.Controller.UseHighWaterMark)),
                ["GetPolicy"] = (h => Assert.Equal(FlagPolicy.Panic, h.Controller.GetPolicy(ErrorFlags.Application3)), null),
                ["SetPolicy"] = (h => h.Controller.SetPolicy(ErrorFlags.Application5, FlagPolicy.Persistent),
                    h => Assert.Equal(FlagPolicy.Persistent, h.Controller.GetPolicy(ErrorFlags.Application5))),
                ["Register"] = (h => h.Controller.Register(new ScriptedCheck(ErrorFlags.Application6) { Healthy = false }),
                    h => Assert.Equal(ErrorFlags.Application6, h.Controller.Handle().Detected & ErrorFlags.Application6)),
                ["Report"] = (h => h.Controller.Report(ErrorFlags.MainLoopTiming),
                    h => Assert.Equal(ErrorFlags.MainLoopTiming, h.Controller.Handle().Detected & ErrorFlags.MainLoopTiming)),
                ["ClearFlags"] = (h => h.Controller.ClearFlags(ErrorFlags.Application3),
                    h => Assert.Equal(ErrorFlags.None, h.Controller.Flags & ErrorFlags.Application3)),
                ["ClearErrorMemory"] = (h => h.Controller.ClearErrorMemory(),
                    h => Assert.Equal(0, h.Controller.ErrorMemory.GetCount(ErrorFlags.Application3))),
                ["Initialize"] = (h => Assert.Equal(AreaStatus.Ok, h.Controller.Initialize()), null),
                ["Handle"] = (h => Assert.Equal(3, h.Controller.Handle().Number), null),
                ["AcknowledgeFault"] = (h => Assert.True(h.Controller.AcknowledgeFault()), null),
                ["ErrorRaised +="] = (h => h.Controller.ErrorRaised += (s, e) => { }, null),
                ["ErrorRaised -="] = (h => h.Controller.ErrorRaised -= h.Subscriber, null),
                ["PanicEntered +="] = (h => h.Controller.PanicEntered += (s, e) => { }, null),
                ["ErrorMemory.PersistentFlags"] = (h => Assert.Equal(ErrorFlags.Application3, h.Controller.ErrorMemory.PersistentFlags), null),
                ["ErrorMemory.GetCount"] = (h => Assert.Equal(1, h.Controller.ErrorMemory.GetCount(ErrorFlags.Application3)), null),
                ["ErrorMemory.Raise"] = (h => h.Controller.ErrorMemory.Raise(ErrorFlags.Application9, true),
                    h => Assert.Equal(ErrorFlags.Application3 | ErrorFlags.Application9, new ErrorMemory(h.Store).PersistentFlags)),
                ["ErrorMemory.Open"] = (h => Assert.Equal(ErrorMemoryStatus.Ok, h.Controller.ErrorMemory.Open(false)), null),
                ["ErrorMemory.Clear"] = (h => h.Controller.ErrorMemory.Clear(), h => Assert.Equal(ErrorFlags.None, new ErrorMemory(h.Store).PersistentFlags)),
                ["another ErrorMemory on the same store"] = (h => Assert.Equal(ErrorFlags.Application3, new ErrorMemory(h.Store).PersistentFlags), null),
            };

        public static TheoryData<string> CallNames()
        {
            var names = new TheoryData<string>();
            foreach (string name in Calls.Keys)
            {
                names.Add(name);
            }

            return names;
        }

        [Theory]
        [MemberData(nameof(CallNames))]
        public void CallWaitsForACycleHalfWayThroughItsUpdate(string name)
        {
            var held = new Held { Store = new GatedStore(), Check = new ScriptedCheck(ErrorFlags.Application3) };
            held.Controller = new SafetyController(new ErrorMemory(held.Store));
            Assert.Equal(AreaStatus.Ok, held.Controller.Initialize());
            held.Controller.Register(held.Check);
            held.Controller.SetPolicy(ErrorFlags.Application3, FlagPolicy.Panic);
            held.Subscriber = (s, e) => { };
            held.Controller.ErrorRaised += held.Subscriber;
            Assert.Equal(ErrorFlags.None, held.Controller.Handle().Flags);

            // Cycle 2 detects Application3 (panic) and stops half way through
            // writing it into the error memory.
            held.Check.Healthy = false;
            held.Store.HoldNextWrite();
            Background<CycleResult> cycle = Background<CycleResult>.Run(() => held.Controller.Handle());
            Assert.True(held.Store.Holding.Wait(Patience), "the cycle never wrote the error memory");

            (Action<Held> call, Action<Held> after) = Calls[name];
            Background<bool> other = Background.Run(() => call(held));
            bool completedWhileHeld = other.Wait(HeldFor);
            held.Store.Release.Set();
            Assert.True(cycle.Wait(Patience));
            held.Cycle = cycle.Result;
            Assert.True(other.Wait(Patience));
            Assert.True(other.Result);

            Assert.False(completedWhileHeld, name + " completed while a cycle was half way through its update");
            Assert.Equal(2, held.Cycle.Number);
            after?.Invoke(held);
        }

        private static readonly Dictionary<string, (Action<SafetyController> Call, Action<SafetyController> After)> CallsDuringStartUp =
            new Dictionary<string, (Action<SafetyController>, Action<SafetyController>)>
            {
                ["Flags"] = (c => Assert.Equal(ErrorFlags.Stack, c.Flags), null),
                ["LastFault"] = (c => Assert.NotNull(c.LastFault), null),
                ["LastFaultStatus"] = (c => Assert.Equal(FaultRecordStatus.Recorded, c.LastFaultStatus), null),
                ["ErrorMemoryStatus"] = (c => Assert.Equal(ErrorMemoryStatus.Formatted, c.ErrorMemoryStatus), null),
                ["AcknowledgeFault"] = (c => Assert.True(c.AcknowledgeFault()), null),
                ["ClearFlags"] = (c => c.ClearFlags(ErrorFlags.Stack), c => Assert.Equal(ErrorFlags.None, c.Flags)),
                ["Handle"] = (c => Assert.Equal(1, c.Handle().Number), null),
            };

        public static TheoryData<string> CallDuringStartUpNames()
        {
            var names = new TheoryData<string>();
            foreach (string name in CallsDuringStartUp.Keys)
            {
                names.Add(name);
            }

            return names;
        }

        [Theory]
        [MemberData(nameof(CallDuringStartUpNames))]
        public void CallWaitsForInitializeTakingTheEvidence(string name)
        {
            NativeCore.SaveFault(FaultEvidenceTests.OverflowFault());
            NativeCore.BootFaultRecord(false);
            var store = new GatedStore();
            var controller = new SafetyController(new ErrorMemory(store));
            store.HoldNextWrite();   // Initialize formats the blank store: that write stops half way
            Background<AreaStatus> initialize = Background<AreaStatus>.Run(() => controller.Initialize());
            Assert.True(store.Holding.Wait(Patience), "Initialize never wrote the error memory");

            (Action<SafetyController> call, Action<SafetyController> after) = CallsDuringStartUp[name];
            Background<bool> other = Background.Run(() => call(controller));
            bool completedWhileHeld = other.Wait(HeldFor);
            store.Release.Set();
            Assert.Equal(AreaStatus.Ok, initialize.Result);
            Assert.True(other.Result);
            Assert.False(completedWhileHeld, name + " completed while Initialize was taking the evidence");
            after?.Invoke(controller);
        }

        [Fact]
        public void DamageAReaderIsWipingIsRaisedByTheCycleThatMeetsIt()
        {
            var store = new GatedStore();
            var controller = new SafetyController(new ErrorMemory(store));
            controller.Initialize();
            Assert.Equal(ErrorFlags.None, controller.Handle().Detected);
            store.Bytes[44] ^= 0x10;   // a stray write into the store

            // A reader finds the damage; its wipe stops half way.
            store.HoldNextWrite();
            Background<ErrorFlags> read = Background<ErrorFlags>.Run(() => controller.ErrorMemory.PersistentFlags);
            Assert.True(store.Holding.Wait(Patience), "the reader never wiped the store");
            Background<CycleResult> cycle = Background<CycleResult>.Run(() => controller.Handle());
            bool completedWhileWiping = cycle.Wait(HeldFor);
            store.Release.Set();
            Assert.Equal(ErrorFlags.ErrorMemory, read.Result);
            Assert.False(completedWhileWiping, "a cycle completed while a reader was wiping the error memory");
            Assert.Equal(ErrorFlags.ErrorMemory, cycle.Result.Detected);
            Assert.Equal(ErrorMemoryStatus.DamagedCrc, controller.ErrorMemoryStatus);
        }

        [Theory]
        [InlineData("Initialize")]
        [InlineData("Handle")]
        public void ResealAndCycleWaitForACycleRunningItsChecks(string name)
        {
            SafetyController controller = NewController();
            var gate = new GatedCheck(ErrorFlags.Application4);
            controller.Register(gate);
            gate.HoldNextRun();
            Background<CycleResult> cycle = Background<CycleResult>.Run(() => controller.Handle());
            Assert.True(gate.Holding.Wait(Patience), "the cycle never ran its check");

            // Reading the state does not wait for the checks...
            Background<bool> read = Background.Run(() => Assert.Equal(ErrorFlags.None, controller.Flags));
            Assert.True(read.Wait(Patience), "reading Flags waited for a cycle's checks");
            Assert.True(read.Result);

            // ...a re-seal and another cycle do.
            Background<bool> other = Background.Run(() =>
            {
                if (name == "Initialize")
                {
                    Assert.Equal(AreaStatus.Ok, controller.Initialize());
                }
                else
                {
                    Assert.Equal(2, controller.Handle().Number);
                }
            });
            bool completedWhileChecking = other.Wait(HeldFor);
            gate.Release.Set();
            Assert.Equal(1, cycle.Result.Number);
            Assert.True(other.Result);
            Assert.False(completedWhileChecking, name + " completed while a cycle ran its checks");
        }
    }
}
