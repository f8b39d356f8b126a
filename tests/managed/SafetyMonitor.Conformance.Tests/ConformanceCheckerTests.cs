using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace SafetyMonitor.Conformance.Tests
{
    /// <summary>The conformance checker finds what it must (each case is a control of NanoFrameworkBuildTests).</summary>
    public class ConformanceCheckerTests
    {
        private static readonly ApiAllowlist Allowlist = ApiAllowlist.Parse(new[]
        {
            "nanoFramework.Hardware.Stm32.BackupMemory | nanoframework/nanoFramework.Hardware.Stm32@v1.10.37: nanoFramework.Hardware.Stm32/BackupMemory.cs",
            "nanoFramework.Hardware.Stm32.BackupMemory.Size | nanoframework/nanoFramework.Hardware.Stm32@v1.10.37: nanoFramework.Hardware.Stm32/BackupMemory.cs",
        });

        private static IReadOnlyList<string> Violations(string code, string[] packages, string[] references)
        {
            var project = new NanoFrameworkConformance.Project(
                "Snippet", new[] { new NanoFrameworkConformance.SourceText("Snippet.cs", code) }, packages, references);
            return new NanoFrameworkConformance(Allowlist).Check(new[] { project });
        }

        private static IReadOnlyList<string> Violations(string code) =>
            Violations(code, new[] { "nanoFramework.CoreLibrary" }, new[] { "mscorlib" });

        [Fact]
        public void ApiOfAPackageTheProjectDoesNotReferenceIsReported()
        {
            const string Backup = "class A { int M() { return nanoFramework.Hardware.Stm32.BackupMemory.Size; } }";
            Assert.Contains(Violations(Backup), v => v.Contains("ships in nanoFramework.Hardware.Stm32, which Snippet's packages.config does not reference"));
            Assert.Contains(Violations(Backup, new[] { "nanoFramework.CoreLibrary", "nanoFramework.Hardware.Stm32" }, new[] { "mscorlib" }),
                v => v.Contains("which Snippet does not reference"));
            Assert.Empty(Violations(Backup, new[] { "nanoFramework.CoreLibrary", "nanoFramework.Hardware.Stm32" }, new[] { "mscorlib", "nanoFramework.Hardware.Stm32" }));

            // Runtime.Native's declarations bind: the reference and the package are both needed.
            const string Clock = "class A { long M() { return System.Environment.TickCount64; } }";
            Assert.Contains(Violations(Clock), v => v.Contains("'Environment' does not exist in the namespace 'System'"));
            Assert.Contains(Violations(Clock, new[] { "nanoFramework.CoreLibrary" }, new[] { "mscorlib", "nanoFramework.Runtime.Native" }),
                v => v.Contains("System.Environment.TickCount64 ships in nanoFramework.Runtime.Native, which Snippet's packages.config does not reference"));
            Assert.Empty(Violations(Clock, new[] { "nanoFramework.CoreLibrary", "nanoFramework.Runtime.Native" }, new[] { "mscorlib", "nanoFramework.Runtime.Native" }));
        }

        [Fact]
        public void CodeUsingTheRealMscorlibPasses()
        {
            Assert.Empty(Violations(@"
                [assembly: System.Reflection.AssemblyNativeVersion(""1.0.0.0"")]
                class A { int n; void M() { System.Threading.Thread.Sleep(1); System.Threading.Interlocked.Increment(ref n); } }"));
        }

        [Theory]
        [InlineData("class A { void M() { System.Console.WriteLine(1); } }", "CS1503")]
        [InlineData("class A { long n; void M() { System.Threading.Interlocked.Increment(ref n); } }", "CS1503")]
        [InlineData("class A<T> { }", "generic type or method declared")]
        [InlineData("class A { void M<T>() { } }", "generic type or method declared")]
        [InlineData("class A { object M() { return new System.Collections.Generic.List<int>(); } }", "CS0234")]
        [InlineData("class A { void M(System.Action<int> a) { a(1); } }", "generic Action<int>")]
        [InlineData("class A { object M(int[] a) { return from x in a select x; } }", "LINQ query")]
        [InlineData("class A { async void M() { } }", "async method")]
        [InlineData("class A { unsafe void M() { int* s = stackalloc int[4]; } }", "stackalloc")]
        [InlineData("class A { int M(System.ReadOnlySpan<byte> s) { return s.Length; } }", "CS0234")]
        [InlineData("[assembly: NotANanoFrameworkAttribute] class A { }", "does not compile for nanoFramework")]
        [InlineData("class A { void M() { int unused; } }", "CS0168")]
        public void ForbiddenUseIsReported(string code, string expected)
        {
            IReadOnlyList<string> violations = Violations(code);
            Assert.True(violations.Any(v => v.Contains(expected)), string.Join("\n", violations));
        }

        [Fact]
        public void ListedNamesAreAcceptedOnlyAsListed()
        {
            string[] packages = { "nanoFramework.CoreLibrary", "nanoFramework.Hardware.Stm32" };
            string[] references = { "mscorlib", "nanoFramework.Hardware.Stm32" };
            Assert.Empty(Violations("using nanoFramework.Hardware.Stm32; class A { int M() { return BackupMemory.Size; } }", packages, references));
            Assert.Contains(Violations("using nanoFramework.Hardware.Stm32; class A { int M() { return BackupMemory.Capacity; } }", packages, references),
                v => v.Contains("BackupMemory.Capacity is not in the list"));
            Assert.Contains(Violations("using nanoFramework.Hardware.Stm32; class A { int M() { return Rtc.Size; } }", packages, references),
                v => v.Contains("does not compile for nanoFramework"));
        }

        [Fact]
        public void AllowlistRejectsMalformedLines()
        {
            Assert.Throws<System.FormatException>(() => ApiAllowlist.Parse(new[] { "System.Threading.Thread.Sleep(int)" }));
            Assert.Throws<System.FormatException>(() => ApiAllowlist.Parse(new[] { "a | nanoframework/X@1: a.cs", "a | nanoframework/X@1: a.cs" }));
            Assert.Throws<System.FormatException>(() => ApiAllowlist.Parse(new[] { "a | nanoframework/X@1: a.cs | nanoFramework only" }));
            Assert.Throws<System.FormatException>(() => ApiAllowlist.Parse(new[] { "a | b" }));
            // mscorlib and Runtime.Native can be had: their members are the compiler's to check.
            Assert.Throws<System.FormatException>(() => ApiAllowlist.Parse(new[] { "System.Array | nanoframework/CoreLibrary@v1.17.11: nanoFramework.CoreLibrary/System/Array.cs" }));
            Assert.Throws<System.FormatException>(() => ApiAllowlist.Parse(new[] { "System.Environment | nanoframework/nanoFramework.Runtime.Native@v1.7.11: nanoFramework.Runtime.Native/System/Environment.cs" }));
        }

        [Fact]
        public void CheckedInAllowlistNamesASourceFileForEveryEntry()
        {
            ApiAllowlist list = ApiAllowlist.Load(Repository.PathOf("tests/managed/SafetyMonitor.Conformance.Tests/" + ApiAllowlist.FileName));
            Assert.NotEmpty(list.Entries);
            var bad = list.Entries.Where(e => !ApiAllowlist.IsSourceReference(e.Source)).Select(e => $"line {e.Line}: {e.Source}").ToList();
            Assert.True(bad.Count == 0, string.Join("\n", bad));
        }
    }
}
