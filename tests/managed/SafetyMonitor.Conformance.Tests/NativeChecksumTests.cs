using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace SafetyMonitor.Conformance.Tests
{
    /// <summary>Known answers of the method table and native checksum derivation.</summary>
    public class NativeChecksumTests
    {
        private const uint RuntimeNative1711Checksum = 0x0EAE898B;
        private const uint HardwareStm321037Checksum = 0xFE16F347;

        // The native slots of nf-interpreter's nf_hardware_stm32_native.cpp (commit 5c15a6a9),
        // Library_nf_hardware_stm32_native_nanoFramework_Hardware_Stm32_ left off; every other slot is NULL.
        private static readonly (int Slot, string Handler)[] HardwareStm32Natives =
        {
            (25, "BackupMemory::ReadBytes___STATIC__VOID__U4__SZARRAY_U1"),
            (26, "BackupMemory::WriteBytes___STATIC__VOID__U4__SZARRAY_U1"),
            (27, "BackupMemory::GetSize___STATIC__I4"),
            (28, "Configuration::ConfigurePin___STATIC__VOID__I4__nanoFrameworkHardwareStm32GpioConfiguration"),
            (29, "Configuration::AddAdcChannel___STATIC__U4__U4__U4__U4"),
            (30, "Configuration::RemoveAdcChannel___STATIC__VOID__U4"),
            (41, "Power::get_WakeupReason___STATIC__nanoFrameworkHardwareStm32PowerWakeupReasonType"),
            (42, "Power::DisableWakeupPin___STATIC__VOID__nanoFrameworkHardwareStm32PowerWakeupPin"),
            (43, "Power::EnableWakeupPin___STATIC__VOID__nanoFrameworkHardwareStm32PowerWakeupPin"),
            (44, "Power::NativeEnterStandbyMode___STATIC__VOID"),
            (46, "RTC::GetAlarm___STATIC__SystemDateTime"),
            (47, "RTC::Native_RTC_SetAlarm___STATIC__VOID__U1__U1__U1__U1"),
            (51, "Utilities::NativeGetDeviceUniqueId___STATIC__VOID__SZARRAY_U1"),
            (52, "Utilities::NativeGetDeviceId___STATIC__U4"),
            (53, "Utilities::NativeGetDeviceRevisionId___STATIC__U4"),
        };

        [Fact]
        public void CrcEngineIsTheMetadataProcessorsCrc32()
        {
            // Polynomial 0x04C11DB7, MSB first, initial 0, no final XOR: the
            // catalogue's CRC-32/POSIX check value 0x765E7680 before its final XOR.
            Assert.Equal(~0x765E7680u, NativeMethodTable.Crc32(Encoding.ASCII.GetBytes("123456789"), 0));
        }

        [Fact]
        public void RuntimeNative1711FromItsDeclarationsGivesThePublishedChecksum()
        {
            NativeMethodTable table = Derive(Fixture("RuntimeNative-1.7.11.cs.txt"), "nanoFramework.Runtime.Native");
            Assert.Equal($"0x{RuntimeNative1711Checksum:X8}", $"0x{table.Checksum:X8}");
            Assert.Equal(27, table.Entries.Count);
            Assert.Equal(14, table.NativeEntries.Count());
            Assert.Equal("Library_nanoFramework_Runtime_Native_nanoFramework_Runtime_Native_ExecutionConstraint::Install___STATIC__VOID__I4__I4",
                table.Entries[1].LookupText(table.LibraryPrefix));
            Assert.Equal("System_Environment", table.Entries.Last().ClassName);
            Assert.Equal("NativeReboot___STATIC__VOID__nanoFrameworkRuntimeNativeRebootOption", table.Entries[9].MethodName);
            // The delegate's four methods have slots but are not in the checksum.
            Assert.Equal(4, table.Entries.Count(e => !e.InChecksum));
        }

        [Fact]
        public void HardwareStm321037FromItsDeclarationsGivesThePublishedChecksum()
        {
            NativeMethodTable table = Derive(Fixture("HardwareStm32-1.10.37.cs.txt"), "nanoFramework.Hardware.Stm32");
            Assert.Equal($"0x{HardwareStm321037Checksum:X8}", $"0x{table.Checksum:X8}");
        }

        [Fact]
        public void HardwareStm321037FromItsDeclarationsGivesThePublishedTable()
        {
            NativeMethodTable table = Derive(Fixture("HardwareStm32-1.10.37.cs.txt"), "nanoFramework.Hardware.Stm32");
            var expected = Enumerable.Repeat("NULL", 54).ToArray();
            foreach (var (slot, handler) in HardwareStm32Natives)
            {
                expected[slot] = "Library_nf_hardware_stm32_native_nanoFramework_Hardware_Stm32_" + handler;
            }

            // The skeleton project of Hardware.Stm32 is nf_hardware_stm32_native.
            var derived = table.Entries.Select(e => e.LookupText("Library_nf_hardware_stm32_native_")).ToList();
            string difference = MscorlibMethodTableTests.FirstDifference(expected, derived);
            Assert.True(difference == null, difference);
        }

        [Theory]
        [InlineData("public static extern void EnableGCMessages(bool enable);", "public static extern void EnableGCMessages(int enable);")]
        [InlineData("private static extern byte GetNativeFloatingPointSupport();", "private static byte GetNativeFloatingPointSupport() => 0;")]
        [InlineData("internal static extern void NativeReboot(RebootOption rebootOption);", "internal static extern void NativeReboot(RebootOption rebootOption);\n        public static void Extra() { }")]
        [InlineData("public static extern long TickCount64", "public static extern int TickCount64")]
        public void AnyChangeAfterTheFirstNativeChangesTheChecksum(string original, string changed)
        {
            string source = Fixture("RuntimeNative-1.7.11.cs.txt");
            Assert.Contains(original, source);
            NativeMethodTable table = Derive(source.Replace(original, changed), "nanoFramework.Runtime.Native");
            Assert.NotEqual(RuntimeNative1711Checksum, table.Checksum);
        }

        [Fact]
        public void OnlyTheMethodNameOfTheFirstNativeCounts()
        {
            // The metadata processor seeds with 0 until a native method was
            // counted: NULLs before it and its assembly and class names vanish.
            const string code = "using System.Runtime.CompilerServices; namespace N {{ public class {0} {{ public void A() {{ }} " +
                "[MethodImpl(MethodImplOptions.InternalCall)] public static extern int F(); }} }}";
            uint first = Derive(string.Format(code, "One"), "X").Checksum;
            uint renamed = Derive(string.Format(code, "Two"), "Y").Checksum;
            Assert.Equal(NativeMethodTable.Crc32(Encoding.ASCII.GetBytes("F___STATIC__I4"), 0), first);
            Assert.Equal(first, renamed);
        }

        [Fact]
        public void AssemblyWithoutNativesHasChecksumZero()
        {
            Assert.Equal(0u, Derive("namespace N { public class C { public int F() => 1; } }", "N").Checksum);
        }

        internal static string Fixture(string name) =>
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

        /// <summary>The assemblies of the .NET running the tests.</summary>
        internal static MetadataReference[] PlatformReferences() =>
            ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(Path.PathSeparator)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();

        internal static NativeMethodTable Derive(string source, string assemblyName, params MetadataReference[] references) =>
            Derive(source, assemblyName, false, references);

        /// <summary>Compiles <paramref name="source"/> and derives its table; with noPlatform the source is its own core library.</summary>
        internal static NativeMethodTable Derive(string source, string assemblyName, bool noPlatform, params MetadataReference[] references)
        {
            var compilation = CSharpCompilation.Create(
                assemblyName,
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp7_3)) },
                (noPlatform ? new MetadataReference[0] : PlatformReferences()).Concat(references),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using (var image = new MemoryStream())
            {
                var result = compilation.Emit(image);
                Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
                image.Position = 0;
                return NativeMethodTable.FromStream(image);
            }
        }
    }

    /// <summary>
    /// The guard: the C stubs in native-interop/stubs/SafetyMonitor.Native agree
    /// with the compiled SafetyMonitor.Native assembly, and so do the
    /// AssemblyNativeVersion and the .nuspec's description.
    /// </summary>
    public class InteropStubGuardTests
    {
        private static readonly NativeMethodTable Table = NativeMethodTable.FromFile(typeof(SafetyMonitor.Native.StackCheck).Assembly.Location);
        private static readonly string StubFolder = Repository.PathOf("native-interop/stubs/SafetyMonitor.Native");

        private static string NativeVersion()
        {
            string info = File.ReadAllText(Repository.PathOf("managed/SafetyMonitor.Native/Properties/AssemblyInfo.cs"));
            Match version = Regex.Match(info, @"AssemblyNativeVersion\(""(?<v>[0-9.]+)""\)");
            Assert.True(version.Success, "AssemblyInfo.cs has no AssemblyNativeVersion");
            return version.Groups["v"].Value;
        }

        [Fact]
        public void ManagedAssemblyHasTheExpectedShape()
        {
            Assert.Equal("SafetyMonitor.Native", Table.AssemblyName);
            Assert.Equal(new[] { "GetFree___STATIC__I4", "GetSize___STATIC__I4", "InitCorruptionDetectArea___STATIC__I4", "CheckCorruptionDetectArea___STATIC__I4",
                "GetFaultStatus___STATIC__I4", "GetFaultWord___STATIC__U4__I4", "SetCycle___STATIC__VOID__U4",
                "GetMinFree___STATIC__I4", "AcknowledgeFault___STATIC__I4",
                "Start___STATIC__I4__I4", "Refresh___STATIC__I4", "GetResetFlags___STATIC__U4" },
                Table.Entries.Select(e => e.MethodName));
            Assert.Equal(Enumerable.Repeat("SafetyMonitor_Native_StackCheck", 9).Concat(Enumerable.Repeat("SafetyMonitor_Native_Watchdog", 3)),
                Table.Entries.Select(e => e.ClassName));
            Assert.All(Table.Entries, e => Assert.True(e.IsNative));
        }

        [Fact]
        public void StubsMatchTheManagedAssembly()
        {
            var problems = InteropStubs.Load(StubFolder).Compare(Table, NativeVersion());
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void NuspecStatesTheNativeVersionAndChecksum()
        {
            string nuspec = File.ReadAllText(Repository.PathOf("managed/SafetyMonitor.Native.nuspec"));
            Assert.Contains($"SafetyMonitor.Native v{NativeVersion()} (checksum 0x{Table.Checksum:X8})", nuspec);
        }

        [Theory]
        [InlineData("checksum", "0xB65EEE28", "0xB65EEE29", "native checksum 0xB65EEE29")]
        [InlineData("order", "::GetFree___STATIC__I4,\n    Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetSize___STATIC__I4",
            "::GetSize___STATIC__I4,\n    Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetFree___STATIC__I4", "method_lookup[0] is")]
        [InlineData("count", "    Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetFree___STATIC__I4,\n", "", "entries, the managed assembly needs 12")]
        [InlineData("version", "{ 1, 3, 0, 0 }", "{ 1, 3, 0, 1 }", "native version 1.3.0.1")]
        [InlineData("name", "\"SafetyMonitor.Native\"", "\"SafetyMonitor.Natives\"", "assembly name")]
        public void GuardFailsWhenTheAssemblyFileDisagrees(string what, string original, string changed, string expected)
        {
            InteropStubs stubs = InteropStubs.Load(StubFolder);
            Assert.Contains(original, stubs.Files["SafetyMonitor_Native.cpp"]);
            var problems = stubs.With("SafetyMonitor_Native.cpp", t => t.Replace(original, changed)).Compare(Table, NativeVersion());
            Assert.True(problems.Any(p => p.Contains(expected)), what + ": " + string.Join("\n", problems));
        }

        [Fact]
        public void GuardFailsWhenAHandlerIsMisnamed()
        {
            InteropStubs stubs = InteropStubs.Load(StubFolder);
            const string file = "SafetyMonitor_Native_SafetyMonitor_Native_StackCheck_mshl.cpp";
            var problems = stubs.With(file, t => t.Replace("::GetSize___STATIC__I4(", "::GetSize___STATIC__U4("))
                .Compare(Table, NativeVersion());
            Assert.Contains(problems, p => p.Contains("GetSize___STATIC__I4 is defined 0 times"));
            Assert.Contains(problems, p => p.Contains("GetSize___STATIC__U4 is defined but is no native method"));
        }

        [Fact]
        public void GuardFailsWhenTheHeaderMissesADeclaration()
        {
            InteropStubs stubs = InteropStubs.Load(StubFolder);
            var problems = stubs.With("SafetyMonitor_Native.h", t => t.Replace("    NANOCLR_NATIVE_DECLARE(GetSize___STATIC__I4);\n", ""))
                .Compare(Table, NativeVersion());
            Assert.Contains(problems, p => p.Contains("header does not declare"));
        }

        [Fact]
        public void GuardFailsWhenTheCmakeModuleMissesASource()
        {
            InteropStubs stubs = InteropStubs.Load(StubFolder);
            var problems = stubs.With("FindINTEROP-SafetyMonitor.Native.cmake", t => t.Replace("SafetyMonitor_Native.cpp", "Other.cpp"))
                .Compare(Table, NativeVersion());
            Assert.Contains(problems, p => p.Contains("does not list SafetyMonitor_Native.cpp"));
        }
    }
}
