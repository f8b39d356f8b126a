using System;
using System.Diagnostics;
using System.Threading;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>A device reset that records the call and what the error memory held at that moment.</summary>
    internal sealed class RecordingReset : IDeviceReset
    {
        private readonly ErrorMemory _memory;
        private int _calls;

        public RecordingReset(ErrorMemory memory)
        {
            _memory = memory;
        }

        public ManualResetEventSlim Rebooted { get; } = new ManualResetEventSlim(false);

        public int Calls => Volatile.Read(ref _calls);

        public ErrorFlags PersistentAtReboot { get; private set; }

        public long MillisecondsAtReboot { get; private set; }

        public Stopwatch Since { get; } = Stopwatch.StartNew();

        public void Reboot()
        {
            PersistentAtReboot = _memory.PersistentFlags;
            MillisecondsAtReboot = Since.ElapsedMilliseconds;
            Interlocked.Increment(ref _calls);
            Rebooted.Set();
        }
    }

    /// <summary>The panic reset: only once the panic is in the error memory, once, after the delay.</summary>
    public class PanicResetTests : NativeTestBase
    {
        private static readonly TimeSpan NoReboot = TimeSpan.FromMilliseconds(300);

        private static SafetyController PanickingController(IErrorMemoryStore store, out ScriptedCheck check)
        {
            var controller = new SafetyController(new ErrorMemory(store));
            Assert.Equal(AreaStatus.Ok, controller.Initialize());
            check = new ScriptedCheck(ErrorFlags.Application0);
            controller.Register(check);
            controller.SetPolicy(ErrorFlags.Application0, FlagPolicy.Panic);
            return controller;
        }

        // The same, with a recording panic reset after delayMilliseconds.
        private static SafetyController WithPanicReset(IErrorMemoryStore store, int delayMilliseconds, out ScriptedCheck check, out RecordingReset reset)
        {
            SafetyController controller = PanickingController(store, out check);
            reset = new RecordingReset(controller.ErrorMemory);
            controller.SetPanicReset(reset, delayMilliseconds);
            return controller;
        }

        [Fact]
        public void PanicRebootsOnceAfterThePanicIsDurable()
        {
            ScriptedCheck check;
            RecordingReset reset;
            SafetyController controller = WithPanicReset(new RamErrorMemoryStore(), 0, out check, out reset);
            controller.Handle();
            Assert.False(controller.PanicResetRequested);
            check.Healthy = false;
            Assert.True(controller.Handle().Panic);
            Assert.True(controller.PanicResetRequested);
            Assert.True(reset.Rebooted.Wait(Patience), "no reboot after the panic");
            Assert.Equal(ErrorFlags.Application0, reset.PersistentAtReboot & ErrorFlags.Application0);
            controller.Handle();
            controller.Handle();
            Thread.Sleep(NoReboot);
            Assert.Equal(1, reset.Calls);
        }

        [Fact]
        public void TheRebootWaitsForTheDelay()
        {
            ScriptedCheck check;
            RecordingReset reset;
            SafetyController controller = WithPanicReset(new RamErrorMemoryStore(), 200, out check, out reset);
            check.Healthy = false;
            long panicAt = reset.Since.ElapsedMilliseconds;
            controller.Handle();
            Assert.True(reset.Rebooted.Wait(Patience));
            Assert.True(reset.MillisecondsAtReboot - panicAt >= 190, $"rebooted {reset.MillisecondsAtReboot - panicAt} ms after the panic");
        }

        [Fact]
        public void AStoreThatFailsHoldsTheRebootUntilThePanicIsWritten()
        {
            var store = new FailingStore();
            ScriptedCheck check;
            RecordingReset reset;
            SafetyController controller = WithPanicReset(store, 0, out check, out reset);
            store.FailWrites = true;
            check.Healthy = false;
            CycleResult panic = controller.Handle();
            Assert.True(panic.Panic);
            Assert.Equal(ErrorFlags.ErrorMemory, panic.Detected & ErrorFlags.ErrorMemory);
            Assert.False(controller.PanicResetRequested);
            Assert.False(reset.Rebooted.Wait(NoReboot), "rebooted with the panic lost");
            controller.Handle();
            Assert.False(reset.Rebooted.Wait(NoReboot), "rebooted with the panic lost");

            store.FailWrites = false;
            controller.Handle();
            Assert.True(reset.Rebooted.Wait(Patience), "no reboot once the store works again");
            Assert.Equal(ErrorFlags.Application0, reset.PersistentAtReboot & ErrorFlags.Application0);
        }

        [Fact]
        public void ControlWithoutPanicThereIsNoReboot()
        {
            ScriptedCheck check;
            RecordingReset reset;
            SafetyController controller = WithPanicReset(new RamErrorMemoryStore(), 0, out check, out reset);
            controller.SetPolicy(ErrorFlags.Application0, FlagPolicy.Persistent);
            check.Healthy = false;
            controller.Handle();
            controller.Handle();
            Assert.False(reset.Rebooted.Wait(NoReboot));
            Assert.False(controller.PanicResetRequested);
        }

        [Fact]
        public void BadArgumentsAndNoErrorMemoryAreRefused()
        {
            ScriptedCheck check;
            SafetyController controller = PanickingController(new RamErrorMemoryStore(), out check);
            var reset = new RecordingReset(controller.ErrorMemory);
            Assert.Throws<ArgumentNullException>(() => controller.SetPanicReset(null, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => controller.SetPanicReset(reset, -1));
            Assert.Throws<ArgumentOutOfRangeException>(() => controller.SetPanicReset(reset, SafetyController.MaxPanicResetDelayMilliseconds + 1));
            controller.SetPanicReset(reset, SafetyController.MaxPanicResetDelayMilliseconds);
            Assert.Throws<InvalidOperationException>(() => NewController().SetPanicReset(reset, 0));
        }

        [Fact]
        public void RefusedArgumentsLeaveNoResetBehind()
        {
            ScriptedCheck check;
            SafetyController controller = PanickingController(new RamErrorMemoryStore(), out check);
            var reset = new RecordingReset(controller.ErrorMemory);
            Assert.Throws<ArgumentOutOfRangeException>(() => controller.SetPanicReset(reset, -1));
            check.Healthy = false;
            Assert.True(controller.Handle().Panic);
            Assert.False(reset.Rebooted.Wait(NoReboot));
        }

        [Fact]
        public void TheRuntimeResetOnDotNetHasNoDevice()
        {
            Assert.Throws<NotSupportedException>(() => new RuntimeDeviceReset().Reboot());
        }
    }
}
