using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using SafetyMonitor.Native;
using SafetyMonitor.Sample;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>
    /// The sample's start (managed/SafetyMonitor.Sample/SafetyStart.cs, all of
    /// Program.Main before its loop) on a nanoCLR without the backup
    /// registers' natives, with them, and with a store that fails.
    /// </summary>
    public class SampleStartTests : NativeTestBase
    {
        private readonly List<string> _lines = new List<string>();

        private SafetyController Start(IErrorMemoryStore registers, WorkerHeartbeatCheck heartbeat = null) =>
            new SafetyStart(_lines.Add).Start(registers, heartbeat ?? new WorkerHeartbeatCheck());

        [Fact]
        public void WithoutNativesTheSampleRunsItsCyclesInRamAndSaysSoFirst()
        {
            var heartbeat = new WorkerHeartbeatCheck();
            SafetyController controller = Start(ProbeStore.WithoutNatives(), heartbeat);

            Assert.Equal(ErrorMemoryStoreKind.RamNoBackupRegisters, controller.ErrorMemory.StoreKind);
            Assert.Equal(
                "safety: error memory in RAM, lost at every reset: this firmware has no backup-register natives (nanoFramework.Hardware.Stm32 BackupMemory)",
                _lines[0]);
            Assert.Equal(AreaStatus.Ok, controller.InitializationStatus);
            Assert.Equal(ErrorMemoryStatus.Formatted, controller.ErrorMemoryStatus);
            Assert.Equal("safety: flags kept from earlier runs 0, stack errors counted 0", _lines[1]);
            Assert.Equal(2, _lines.Count);

            for (int i = 0; i < 5; i++)
            {
                heartbeat.Beat();
                Assert.Equal(ErrorFlags.None, controller.Handle().Detected);
            }

            Assert.Equal(ErrorFlags.Application0, controller.Handle().Detected);
            Assert.Equal(2 + 1, _lines.Count);
            Assert.StartsWith("safety: flag 65536 raised in cycle 6, free stack ", _lines[2]);
            Assert.Equal(1, controller.ErrorMemory.GetCount(ErrorFlags.Application0));
        }

        [Fact]
        public void WithTheRegistersTheSampleKeepsItsEvidenceThere()
        {
            ProbeStore registers = ProbeStore.Answering(ErrorMemory.Size);
            var earlierRun = new ErrorMemory(registers);
            earlierRun.Open(false);
            earlierRun.Raise(ErrorFlags.Stack, true);

            SafetyController controller = Start(registers);
            Assert.Equal(ErrorMemoryStoreKind.BackupRegisters, controller.ErrorMemory.StoreKind);
            Assert.Equal("safety: error memory in the RTC backup registers, kept across resets", _lines[0]);
            Assert.Equal("safety: flags kept from earlier runs 1, stack errors counted 1", _lines[1]);
            Assert.Equal(ErrorFlags.Stack, controller.Flags);
        }

        [Fact]
        public void PoliciesCheckAndPanicReportAreSet()
        {
            var heartbeat = new WorkerHeartbeatCheck();
            SafetyController controller = Start(ProbeStore.WithoutNatives(), heartbeat);
            Assert.Equal(FlagPolicy.Panic, controller.GetPolicy(ErrorFlags.Stack));
            Assert.Equal(FlagPolicy.SelfClearing, controller.GetPolicy(ErrorFlags.Application0));

            // Registered already: a second registration is refused.
            Assert.Throws<ArgumentException>(() => controller.Register(heartbeat));

            heartbeat.Beat();
            controller.MinStackFree = controller.StackSize + 1;
            Assert.True(controller.Handle().Panic);
            Assert.Equal("safety: panic; the device needs a reset", _lines[_lines.Count - 1]);
            Assert.StartsWith("safety: flag 1 raised in cycle 1, free stack ", _lines[_lines.Count - 2]);
        }

        [Fact]
        public void AFaultOfTheLastRunIsReported()
        {
            StackCheck.SetCycle(77);
            NativeCore.SaveFault(FaultEvidenceTests.OverflowFault());
            NativeCore.BootFaultRecord(false);
            SafetyController controller = Start(ProbeStore.WithoutNatives());
            Assert.Equal(
                "safety: the last run ended in a fault in cycle 77: cause " + ((int)FaultCause.HardFault).ToString()
                + ", CFSR 37376, HFSR 1073741824, BFAR 268435424, stack " + ((int)FaultStack.Process).ToString(),
                _lines[1]);
            Assert.Equal("safety: flags kept from earlier runs 1, stack errors counted 1", _lines[2]);
            Assert.Equal(FaultRecordStatus.Recorded, controller.LastFaultStatus);
        }

        [Fact]
        public void ADamagedFaultRecordIsReportedByItsStatus()
        {
            NativeCore.SaveFault(FaultEvidenceTests.OverflowFault());
            Marshal.WriteInt32(NativeCore.RetainedFault, Marshal.ReadInt32(NativeCore.RetainedFault) ^ 0x100);
            NativeCore.BootFaultRecord(false);
            Start(ProbeStore.WithoutNatives());
            Assert.Equal("safety: fault record status -9", _lines[1]);
            Assert.Equal("safety: flags kept from earlier runs 8, stack errors counted 0", _lines[2]);
        }

        [Fact]
        public void AnUnsealedAreaIsReported()
        {
            NativeCore.SetEntropyFault(NativeCore.EntropyFault.Failed);
            SafetyController controller = Start(ProbeStore.WithoutNatives());
            Assert.NotEqual(AreaStatus.Ok, controller.InitializationStatus);
            Assert.Equal("safety: stack corruption-detect area not sealed, status " + ((int)controller.InitializationStatus).ToString(), _lines[_lines.Count - 1]);
        }

        [Fact]
        public void AFaultyStoreStopsTheStartLoudly()
        {
            // A store fault is no absence: the sample must not go on in RAM.
            var fault = new InvalidOperationException("bus error on the backup domain");
            Exception thrown = Record.Exception(() => Start(ProbeStore.Throwing(fault)));
            Assert.Same(fault, thrown);
            Assert.Empty(_lines);
        }

        [Fact]
        public void AStoreThatFailsAfterTheChoiceStopsTheStart()
        {
            ProbeStore registers = ProbeStore.Answering(ErrorMemory.Size);
            registers.ReadFault = new NotSupportedException();
            Assert.Throws<NotSupportedException>(() => Start(registers));
            Assert.Equal("safety: error memory in the RTC backup registers, kept across resets", Assert.Single(_lines));
        }

        [Fact]
        public void MissingArgumentsAreRefused()
        {
            Assert.Equal("print", Assert.Throws<ArgumentNullException>(() => new SafetyStart(null)).ParamName);
            var start = new SafetyStart(_lines.Add);
            Assert.Equal("heartbeat", Assert.Throws<ArgumentNullException>(() => start.Start(ProbeStore.WithoutNatives(), null)).ParamName);
            Assert.Equal("backupRegisters", Assert.Throws<ArgumentNullException>(() => start.Start(null, new WorkerHeartbeatCheck())).ParamName);
            Assert.Empty(_lines);
        }
    }
}
