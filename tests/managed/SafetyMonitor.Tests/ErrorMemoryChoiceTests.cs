using System;
using System.Linq;
using Xunit;

namespace SafetyMonitor.Tests
{
    /// <summary>
    /// The error memory's store chosen at start: the backup registers when
    /// the probe answers, RAM when it throws what the nanoCLR throws for a
    /// missing native, and never RAM for a store fault.
    /// </summary>
    public class ErrorMemoryChoiceTests
    {
        [Fact]
        public void ProbeThatAnswersChoosesTheBackupRegisters()
        {
            ProbeStore registers = ProbeStore.Answering(ErrorMemory.Size);
            ErrorMemory memory = ErrorMemory.ChooseStore(registers);
            Assert.Equal(ErrorMemoryStoreKind.BackupRegisters, memory.StoreKind);
            Assert.Equal(ErrorMemoryStatus.Formatted, memory.Open(false));
            memory.Raise(ErrorFlags.Stack, true);

            // The bytes are in the registers: a new instance on them reads them.
            var reread = new ErrorMemory(registers);
            Assert.Equal(ErrorMemoryStatus.Ok, reread.Open(false));
            Assert.Equal(ErrorFlags.Stack, reread.PersistentFlags);
            Assert.Equal(1, reread.GetCount(ErrorFlags.Stack));
        }

        [Fact]
        public void MissingNativesChooseRamThatWorks()
        {
            ProbeStore registers = ProbeStore.WithoutNatives();
            ErrorMemory memory = ErrorMemory.ChooseStore(registers);
            Assert.Equal(ErrorMemoryStoreKind.RamNoBackupRegisters, memory.StoreKind);
            Assert.Equal(1, registers.Probes);
            Assert.Equal(ErrorMemoryStatus.Formatted, memory.Open(false));
            Assert.Equal(ErrorMemoryStatus.Ok, memory.Raise(ErrorFlags.Stack, true));
            Assert.Equal(ErrorFlags.Stack, memory.PersistentFlags);
            Assert.Equal(1, memory.GetCount(ErrorFlags.Stack));
            Assert.Equal(0, registers.Accesses);
        }

        [Fact]
        public void EachChoiceOfRamHasItsOwnBlankStore()
        {
            ErrorMemory first = ErrorMemory.ChooseStore(ProbeStore.WithoutNatives());
            first.Open(false);
            first.Raise(ErrorFlags.Stack, true);
            ErrorMemory second = ErrorMemory.ChooseStore(ProbeStore.WithoutNatives());
            Assert.Equal(ErrorMemoryStatus.Formatted, second.Open(false));
            Assert.Equal(ErrorFlags.None, second.PersistentFlags);
        }

        [Fact]
        public void DerivedNotSupportedIsAStoreFaultNotAnAbsence()
        {
            // The nanoCLR throws exactly NotSupportedException for a missing
            // native; PlatformNotSupportedException (a NotSupportedException in
            // nanoFramework's mscorlib too) is a library's word.
            var fault = new PlatformNotSupportedException("the store refuses");
            Exception thrown = Assert.Throws<PlatformNotSupportedException>(() => ErrorMemory.ChooseStore(ProbeStore.Throwing(fault)));
            Assert.Same(fault, thrown);
        }

        public static TheoryData<Exception> StoreFaults => new TheoryData<Exception>
        {
            new InvalidOperationException("bus error"),
            new ArgumentException("position out of range"),
            new ArgumentOutOfRangeException("value"),
            new NotImplementedException(),
            new IndexOutOfRangeException(),
            new Exception("anything"),
        };

        [Theory]
        [MemberData(nameof(StoreFaults))]
        public void ProbeFaultPropagatesAndNothingIsChosen(Exception fault)
        {
            Exception thrown = Record.Exception(() => ErrorMemory.ChooseStore(ProbeStore.Throwing(fault)));
            Assert.Same(fault, thrown);
        }

        [Fact]
        public void NotSupportedAfterTheChoiceIsNotHidden()
        {
            // Only the probe decides: once the registers are chosen, a read
            // that throws (even NotSupportedException) reaches the caller.
            ProbeStore registers = ProbeStore.Answering(ErrorMemory.Size);
            ErrorMemory memory = ErrorMemory.ChooseStore(registers);
            registers.ReadFault = new NotSupportedException();
            Assert.Throws<NotSupportedException>(() => memory.Open(false));
            Assert.Equal(ErrorMemoryStoreKind.BackupRegisters, memory.StoreKind);
        }

        [Theory]
        [InlineData(ErrorMemory.Size - 1, ErrorMemoryStoreKind.RamBackupRegistersTooSmall)]
        [InlineData(20, ErrorMemoryStoreKind.RamBackupRegistersTooSmall)]
        [InlineData(0, ErrorMemoryStoreKind.RamBackupRegistersTooSmall)]
        [InlineData(-1, ErrorMemoryStoreKind.RamBackupRegistersTooSmall)]
        [InlineData(ErrorMemory.Size, ErrorMemoryStoreKind.BackupRegisters)]
        [InlineData(128, ErrorMemoryStoreKind.BackupRegisters)]
        public void RegistersSmallerThanTheErrorMemoryChooseRam(int size, ErrorMemoryStoreKind kind)
        {
            ProbeStore registers = ProbeStore.Answering(size);
            ErrorMemory memory = ErrorMemory.ChooseStore(registers);
            Assert.Equal(kind, memory.StoreKind);
            Assert.Equal(ErrorMemoryStatus.Formatted, memory.Open(false));
            Assert.Equal(kind == ErrorMemoryStoreKind.BackupRegisters, registers.Accesses > 0);
        }

        [Fact]
        public void NoStoreIsAnArgumentError()
        {
            var e = Assert.Throws<ArgumentNullException>(() => ErrorMemory.ChooseStore(null));
            Assert.Equal("backupRegisters", e.ParamName);
        }

        [Fact]
        public void TheConstructorChoosesNothing()
        {
            // The sample's old first statement: a store without natives passed
            // to the constructor throws there (only ChooseStore falls back).
            Assert.Throws<NotSupportedException>(() => new ErrorMemory(ProbeStore.WithoutNatives()));
        }

        [Fact]
        public void ASuppliedStoreIsNoChoice()
        {
            Assert.Equal(ErrorMemoryStoreKind.Supplied, new ErrorMemory(new RamErrorMemoryStore()).StoreKind);
            Assert.Equal(ErrorMemoryStoreKind.Supplied, new ErrorMemory(ProbeStore.Answering(ErrorMemory.Size)).StoreKind);
        }

        [Theory]
        [InlineData(ErrorMemoryStoreKind.Supplied, "supplied")]
        [InlineData(ErrorMemoryStoreKind.BackupRegisters, "RTC backup registers, kept across resets")]
        [InlineData(ErrorMemoryStoreKind.RamNoBackupRegisters, "in RAM, lost at every reset: this firmware has no backup-register natives (nanoFramework.Hardware.Stm32 BackupMemory)")]
        [InlineData(ErrorMemoryStoreKind.RamBackupRegistersTooSmall, "in RAM, lost at every reset: the RTC backup registers hold fewer than 80 bytes")]
        public void EachKindIsSaidInWords(ErrorMemoryStoreKind kind, string words)
        {
            Assert.Contains(words, ErrorMemory.DescribeStore(kind));
        }

        [Fact]
        public void EveryKindHasItsOwnWords()
        {
            var kinds = (ErrorMemoryStoreKind[])Enum.GetValues(typeof(ErrorMemoryStoreKind));
            Assert.Equal(4, kinds.Length);
            Assert.Equal(kinds.Length, Array.ConvertAll(kinds, ErrorMemory.DescribeStore).Distinct().Count());
        }

        [Fact]
        public void KindsKeepTheirNumbers()
        {
            // Applications may log or keep the number (nanoFramework prints enums as numbers).
            Assert.Equal(0, (int)ErrorMemoryStoreKind.Supplied);
            Assert.Equal(1, (int)ErrorMemoryStoreKind.BackupRegisters);
            Assert.Equal(2, (int)ErrorMemoryStoreKind.RamNoBackupRegisters);
            Assert.Equal(3, (int)ErrorMemoryStoreKind.RamBackupRegistersTooSmall);
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(4)]
        public void AnUndefinedKindIsAnArgumentError(int kind)
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => ErrorMemory.DescribeStore((ErrorMemoryStoreKind)kind));
            Assert.Equal("kind", e.ParamName);
        }
    }
}
