using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace SafetyMonitor.Conformance.Tests
{
    /// <summary>
    /// Every .nfproj of SafetyMonitor.sln compiles as nanoFramework builds it,
    /// against the real mscorlib of nanoFramework.CoreLibrary 1.17.11, from the
    /// Compile items of the .nfproj itself; and what stable nanoFramework
    /// lacks does not.
    /// </summary>
    public class NanoFrameworkBuildTests
    {
        private readonly ITestOutputHelper _output;

        public NanoFrameworkBuildTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static IReadOnlyList<NanoFrameworkProject> Solution() => NanoFrameworkProject.OfSolution(Repository.PathOf("SafetyMonitor.sln"));

        private static ApiAllowlist Allowlist() => ApiAllowlist.Load(Repository.PathOf("tests/managed/SafetyMonitor.Conformance.Tests/" + ApiAllowlist.FileName));

        private static IReadOnlyList<string> Check(IEnumerable<NanoFrameworkConformance.Project> projects) =>
            new NanoFrameworkConformance(Allowlist()).Check(projects);

        public static TheoryData<string> Projects => new TheoryData<string>
        {
            "SafetyMonitor.Native", "SafetyMonitor", "SafetyMonitor.Runtime", "SafetyMonitor.Stm32", "SafetyMonitor.Sample", "NFUnitTest",
        };

        [Fact]
        public void SolutionListsEveryNanoFrameworkProjectInReferenceOrder()
        {
            Assert.Equal(
                new[] { "SafetyMonitor.Native", "SafetyMonitor", "SafetyMonitor.Runtime", "SafetyMonitor.Stm32", "SafetyMonitor.Sample", "NFUnitTest" },
                Solution().Select(p => p.AssemblyName));
        }

        [Fact]
        public void EveryProjectCompilesAgainstTheRealMscorlibWithWarningsAsErrors()
        {
            var projects = Solution().Select(NanoFrameworkConformance.Project.From).ToList();
            NanoFrameworkConformance.Result result = new NanoFrameworkConformance(Allowlist()).Analyse(projects);
            foreach (string api in result.Apis)
            {
                _output.WriteLine(api);
            }

            Assert.True(result.Violations.Count == 0, string.Join(Environment.NewLine, result.Violations));
        }

        [Fact]
        public void OnlyTheBoardAndTestPackagesCannotBeHad()
        {
            // The controller and the interop assembly are compiled whole; what
            // cannot be had here is Hardware.Stm32 and the TestFramework only.
            var projects = Solution().Select(NanoFrameworkConformance.Project.From).ToList();
            Assert.Equal(
                new[]
                {
                    "SafetyMonitor.Stm32: nanoFramework.Hardware.Stm32",
                    "SafetyMonitor.Sample: nanoFramework.Hardware.Stm32",
                    "NFUnitTest: nanoFramework.TestFramework",
                    "NFUnitTest: nanoFramework.UnitTestLauncher",
                    "NFUnitTest: nanoFramework.Hardware.Stm32",
                },
                NanoFrameworkConformance.Unavailable(projects));
        }

        [Fact]
        public void ControllerReferencesMscorlibAndTheInteropAssemblyOnly()
        {
            NanoFrameworkProject controller = Solution().Single(p => p.AssemblyName == "SafetyMonitor");
            Assert.Equal(new[] { "mscorlib" }, controller.References);
            Assert.Equal(new[] { "SafetyMonitor.Native" }, controller.ProjectReferences.Select(r => NanoFrameworkProject.Load(r).AssemblyName));
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void CompileItemsAreExactlyTheSourceFiles(string assembly)
        {
            NanoFrameworkProject project = Solution().Single(p => p.AssemblyName == assembly);
            Assert.NotEmpty(project.CompileItems);
            IReadOnlyList<string> mismatches = project.CompileItemMismatches();
            Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
        }

        // Controls: the controller's real project with one more file.
        [Theory]
        [InlineData("using System.Collections.Generic; namespace SafetyMonitor { internal static class Extra { internal static object M() { return new List<int>(); } } }", "CS0234")]
        [InlineData("namespace SafetyMonitor { internal static class Extra { internal static int M(System.Span<byte> s) { return s.Length; } } }", "CS0234")]
        [InlineData("namespace SafetyMonitor { internal static class Extra { internal static async void M() { await System.Threading.Tasks.Task.Delay(1); } } }", "does not compile for nanoFramework")]
        [InlineData("namespace SafetyMonitor { internal static class Extra { internal static long M() { return System.Environment.TickCount64; } } }", "'Environment' does not exist in the namespace 'System'")]
        [InlineData("namespace SafetyMonitor { internal static class Extra { internal static void M() { System.Console.WriteLine(1); } } }", "CS1503")]
        [InlineData("namespace SafetyMonitor { internal static class Extra { internal static long M(long n) { return System.Threading.Interlocked.Increment(ref n); } } }", "CS1503")]
        public void ControlWhatStableNanoFrameworkLacksFailsTheBuild(string extra, string expected)
        {
            IReadOnlyList<string> violations = Check(ControllerWith(extra));
            Assert.True(violations.Any(v => v.Contains(expected) && v.Contains("Extra.cs")), string.Join(Environment.NewLine, violations));
        }

        [Fact]
        public void ControlAWarningFailsTheBuild()
        {
            // CS0168: a variable declared and never used; a warning, so an error here.
            Assert.Contains(Check(ControllerWith("namespace SafetyMonitor { internal static class Extra { internal static void M() { int unused; } } }")),
                v => v.Contains("CS0168"));
        }

        [Fact]
        public void ControlAPublicMemberWithoutXmlDocsFailsTheBuild()
        {
            // The .nfproj writes a DocumentationFile, so CS1591 is a warning, and so an error.
            Assert.Contains(Check(ControllerWith("namespace SafetyMonitor { /// <summary>Extra.</summary>\npublic static class Extra { public static void M() { } } }")),
                v => v.Contains("CS1591"));
        }

        [Fact]
        public void ControlALanguageFeatureAfterTheProjectsVersionFailsTheBuild()
        {
            // ??= is C# 8; the .nfproj says 7.3.
            Assert.Contains(Check(ControllerWith("namespace SafetyMonitor { internal static class Extra { internal static object M(object o) { o ??= new object(); return o; } } }")),
                v => v.Contains("CS8370") || v.Contains("CS8652") || v.Contains("not available in C# 7.3"));
        }

        [Fact]
        public void NanoFrameworkSymbolIsDefined()
        {
            Assert.Empty(Check(ControllerWith("#if !NANOFRAMEWORK_1_0\n#error NANOFRAMEWORK_1_0 is not defined\n#endif\nnamespace SafetyMonitor { internal static class Extra { } }")));
        }

        [Fact]
        public void ControlAFileTheProjectDoesNotListOrAnItemWithoutAFileIsFound()
        {
            string folder = Path.Combine(Path.GetTempPath(), "nfproj-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(folder, "Properties"));
            try
            {
                string source = Repository.PathOf("managed/SafetyMonitor.Native/SafetyMonitor.Native.nfproj");
                File.Copy(source, Path.Combine(folder, "SafetyMonitor.Native.nfproj"));
                File.WriteAllText(Path.Combine(folder, "StackCheck.cs"), "// listed");
                File.WriteAllText(Path.Combine(folder, "Watchdog.cs"), "// listed");
                File.WriteAllText(Path.Combine(folder, "Properties", "AssemblyInfo.cs"), "// listed");
                NanoFrameworkProject project = NanoFrameworkProject.Load(Path.Combine(folder, "SafetyMonitor.Native.nfproj"));
                Assert.Empty(project.CompileItemMismatches());

                File.WriteAllText(Path.Combine(folder, "Unlisted.cs"), "// not listed");
                Assert.Contains(project.CompileItemMismatches(), m => m.Contains("Unlisted.cs is on disk but not a Compile item"));
                File.Delete(Path.Combine(folder, "Unlisted.cs"));

                File.Delete(Path.Combine(folder, "StackCheck.cs"));
                Assert.Contains(project.CompileItemMismatches(), m => m.Contains("Compile item StackCheck.cs has no file"));
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public void ControlTheBuildReadsTheCompileItemsNotTheFolder()
        {
            // The interop assembly's .nfproj in a folder with one more file,
            // which does not compile: the build takes only what is listed.
            string folder = Path.Combine(Path.GetTempPath(), "nfproj-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(folder, "Properties"));
            try
            {
                string native = Repository.PathOf("managed/SafetyMonitor.Native");
                File.Copy(Path.Combine(native, "SafetyMonitor.Native.nfproj"), Path.Combine(folder, "SafetyMonitor.Native.nfproj"));
                File.Copy(Path.Combine(native, "packages.config"), Path.Combine(folder, "packages.config"));
                File.Copy(Path.Combine(native, "StackCheck.cs"), Path.Combine(folder, "StackCheck.cs"));
                File.Copy(Path.Combine(native, "Watchdog.cs"), Path.Combine(folder, "Watchdog.cs"));
                File.Copy(Path.Combine(native, "Properties", "AssemblyInfo.cs"), Path.Combine(folder, "Properties", "AssemblyInfo.cs"));
                File.WriteAllText(Path.Combine(folder, "Unlisted.cs"), "#error not a Compile item: never compiled\n");
                var project = NanoFrameworkConformance.Project.From(NanoFrameworkProject.Load(Path.Combine(folder, "SafetyMonitor.Native.nfproj")));
                Assert.Equal(new[] { "StackCheck.cs", "Watchdog.cs", "AssemblyInfo.cs" }, project.Sources.Select(s => Path.GetFileName(s.Path)));
                Assert.Empty(Check(new[] { project }));
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        // SafetyMonitor.Native and SafetyMonitor as their .nfproj files give
        // them, the controller with one more source file (none for null).
        private static IReadOnlyList<NanoFrameworkConformance.Project> ControllerWith(string extra)
        {
            var projects = Solution().Take(2).Select(NanoFrameworkConformance.Project.From).ToList();
            Assert.Equal(new[] { "SafetyMonitor.Native", "SafetyMonitor" }, projects.Select(p => p.AssemblyName));
            if (extra == null)
            {
                return projects;
            }

            NanoFrameworkConformance.Project controller = projects[1];
            projects[1] = new NanoFrameworkConformance.Project(
                controller.AssemblyName,
                controller.Sources.Concat(new[] { new NanoFrameworkConformance.SourceText("Extra.cs", extra) }).ToList(),
                controller.Packages,
                controller.References,
                controller.ProjectReferences,
                controller.LanguageVersion,
                controller.OutputKind,
                controller.WritesDocumentation);
            return projects;
        }
    }
}
