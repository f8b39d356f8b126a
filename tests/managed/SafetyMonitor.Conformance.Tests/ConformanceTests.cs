using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Xunit;
using Xunit.Abstractions;

namespace SafetyMonitor.Conformance.Tests
{
    /// <summary>The managed code uses only stable nanoFramework APIs and constructs.</summary>
    public class ConformanceTests
    {
        // Each project references the ones before it, as in SafetyMonitor.sln.
        private static readonly string[] ProjectFolders =
        {
            "managed/SafetyMonitor.Native", "managed/SafetyMonitor", "managed/SafetyMonitor.Runtime", "managed/SafetyMonitor.Stm32",
            "managed/SafetyMonitor.Sample",
        };

        private readonly ITestOutputHelper _output;

        public ConformanceTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static ApiAllowlist Allowlist() => ApiAllowlist.Load(Repository.PathOf("tests/managed/SafetyMonitor.Conformance.Tests/" + ApiAllowlist.FileName));

        private static NanoFrameworkConformance.Project ManagedProject(string folder) =>
            new NanoFrameworkConformance.Project(
                folder.Split('/').Last(),
                Repository.SourcesOf(folder).Select(NanoFrameworkConformance.SourceText.FromFile).ToList(),
                XDocument.Load(Repository.PathOf(folder + "/packages.config")).Descendants("package").Select(p => p.Attribute("id").Value).ToList());

        [Fact]
        public void ManagedCodeUsesOnlyListedApisAndSupportedConstructs()
        {
            var checker = new NanoFrameworkConformance(Allowlist());
            var projects = ProjectFolders.Select(ManagedProject).ToList();
            Assert.All(projects, p => Assert.NotEmpty(p.Sources));
            foreach (string api in checker.ExternalApis(projects))
            {
                _output.WriteLine(api);
            }

            IReadOnlyList<string> violations = checker.Check(projects);
            Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        }
    }
}
