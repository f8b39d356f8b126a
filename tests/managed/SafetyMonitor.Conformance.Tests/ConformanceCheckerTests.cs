using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace SafetyMonitor.Conformance.Tests
{
    /// <summary>The conformance checker finds what it must (each case is a control of ConformanceTests).</summary>
    public class ConformanceCheckerTests
    {
        private static readonly ApiAllowlist Allowlist = ApiAllowlist.Parse(new[]
        {
            "System.Threading.Thread | nanoframework/CoreLibrary@v1.17.11: nanoFramework.CoreLibrary/System/Threading/Thread.cs",
            "System.Threading.Thread.Sleep(int) | nanoframework/CoreLibrary@v1.17.11: nanoFramework.CoreLibrary/System/Threading/Thread.cs",
            "System.Threading.Interlocked | nanoframework/CoreLibrary@v1.17.11: nanoFramework.CoreLibrary/System/Threading/Interlocked.cs",
            "System.Threading.Interlocked.Increment(ref int) | nanoframework/CoreLibrary@v1.17.11: nanoFramework.CoreLibrary/System/Threading/Interlocked.cs",
            "System.Reflection.AssemblyNativeVersionAttribute.AssemblyNativeVersionAttribute(string) | nanoframework/CoreLibrary@v1.17.11: nanoFramework.CoreLibrary/System/Reflection/AssemblyNativeVersionAttribute.cs | nanoFramework only",
            "object.Object() | nanoframework/CoreLibrary@v1.17.11: nanoFramework.CoreLibrary/System/Object.cs",
            "System.Environment | nanoframework/nanoFramework.Runtime.Native@v1.7.11: nanoFramework.Runtime.Native/System/Environment.cs",
            "System.Environment.TickCount64 | nanoframework/nanoFramework.Runtime.Native@v1.7.11: nanoFramework.Runtime.Native/System/Environment.cs",
            "nanoFramework | nanoframework/nanoFramework.Hardware.Stm32@v1.10.37: nanoFramework.Hardware.Stm32/BackupMemory.cs | nanoFramework only",
            "nanoFramework.Hardware.Stm32.BackupMemory | nanoframework/nanoFramework.Hardware.Stm32@v1.10.37: nanoFramework.Hardware.Stm32/BackupMemory.cs | nanoFramework only",
        });

        private static IReadOnlyList<string> Violations(string code, params string[] packages)
        {
            var project = new NanoFrameworkConformance.Project(
                "Snippet", new[] { new NanoFrameworkConformance.SourceText("Snippet.cs", code) }, packages.Length == 0 ? null : packages);
            return new NanoFrameworkConformance(Allowlist).Check(new[] { project });
        }

        [Fact]
        public void ApiOfAPackageTheProjectDoesNotReferenceIsReported()
        {
            const string Clock = "class A { long M() { return System.Environment.TickCount64; } }";
            Assert.Contains(Violations(Clock, "nanoFramework.CoreLibrary"),
                v => v.Contains("System.Environment.TickCount64 ships in nanoFramework.Runtime.Native, which Snippet's packages.config does not reference"));
            Assert.Empty(Violations(Clock, "nanoFramework.CoreLibrary", "nanoFramework.Runtime.Native"));

            const string Backup = "class A { int M() { return nanoFramework.Hardware.Stm32.BackupMemory.Size; } }";
            Assert.Contains(Violations(Backup, "nanoFramework.CoreLibrary"), v => v.Contains("ships in nanoFramework.Hardware.Stm32"));
        }

        [Fact]
        public void CodeUsingOnlyListedApisPasses()
        {
            Assert.Empty(Violations(@"
                [assembly: System.Reflection.AssemblyNativeVersion(""1.0.0.0"")]
                class A { int n; void M() { System.Threading.Thread.Sleep(1); System.Threading.Interlocked.Increment(ref n); } }"));
        }

        [Theory]
        [InlineData("class A { void M() { System.Console.WriteLine(1); } }", "System.Console.WriteLine(int) is not in the list")]
        [InlineData("class A { long n; void M() { System.Threading.Interlocked.Increment(ref n); } }", "Interlocked.Increment(ref long) is not in the list")]
        [InlineData("class A<T> { }", "generic type or method declared")]
        [InlineData("class A { void M<T>() { } }", "generic type or method declared")]
        [InlineData("class A { object M() { return new System.Collections.Generic.List<int>(); } }", "generic List<int>")]
        [InlineData("class A { object M(int[] a) { return from x in a select x; } }", "LINQ query")]
        [InlineData("class A { async void M() { } }", "async method")]
        [InlineData("class A { void M() { System.Span<byte> s = stackalloc byte[4]; } }", "stackalloc")]
        [InlineData("class A { int M(System.ReadOnlySpan<byte> s) { return s.Length; } }", "generic ReadOnlySpan<byte>")]
        [InlineData("class A { object M(System.Collections.IEnumerable e) { return System.Linq.Enumerable.Cast<int>(e); } }", "no LINQ")]
        [InlineData("[assembly: NotANanoFrameworkAttribute] class A { }", "does not compile for nanoFramework here")]
        public void ForbiddenUseIsReported(string code, string expected)
        {
            IReadOnlyList<string> violations = Violations(code);
            Assert.Contains(violations, v => v.Contains(expected));
        }

        [Fact]
        public void ListedNanoFrameworkOnlyNamesAreAcceptedOnlyAsListed()
        {
            Assert.Empty(Violations(@"[assembly: System.Reflection.AssemblyNativeVersion(""1.0.0.0"")] class A { }"));
            Assert.NotEmpty(Violations(@"[assembly: System.Reflection.AssemblyNativeChecksum(1)] class A { }"));
        }

        [Fact]
        public void AllowlistRejectsMalformedLines()
        {
            Assert.Throws<System.FormatException>(() => ApiAllowlist.Parse(new[] { "System.Threading.Thread.Sleep(int)" }));
            Assert.Throws<System.FormatException>(() => ApiAllowlist.Parse(new[] { "a | b", "a | b" }));
            Assert.Throws<System.FormatException>(() => ApiAllowlist.Parse(new[] { "a | b | maybe" }));
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
