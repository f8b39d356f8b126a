using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace SafetyMonitor.Conformance.Tests
{
    /// <summary>
    /// The nanoFramework project files follow nanoFramework's conventions and
    /// agree with the sources: they cannot be built here, so a stale one would
    /// only show on a developer's machine.
    /// </summary>
    public class NanoFrameworkProjectTests
    {
        private const string NanoFrameworkProjectType = "{11A8DD76-328B-46DF-9F39-F559912D0360}";
        private static readonly XNamespace Msb = "http://schemas.microsoft.com/developer/msbuild/2003";

        public static TheoryData<string> Projects => new TheoryData<string>
        {
            "managed/SafetyMonitor.Native/SafetyMonitor.Native.nfproj",
            "managed/SafetyMonitor/SafetyMonitor.nfproj",
            "managed/SafetyMonitor.Sample/SafetyMonitor.Sample.nfproj",
            "tests/device/NFUnitTest.nfproj",
        };

        [Theory]
        [MemberData(nameof(Projects))]
        public void CompileItemsAreExactlyTheSourceFiles(string project)
        {
            string folder = Path.GetDirectoryName(Repository.PathOf(project));
            var listed = Load(project).Descendants(Msb + "Compile").Select(c => c.Attribute("Include").Value.Replace('\\', '/')).OrderBy(x => x).ToList();
            var files = Repository.SourcesOf(Path.GetRelativePath(Repository.Root, folder).Replace('\\', '/'))
                .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).OrderBy(x => x).ToList();
            Assert.Equal(files, listed);
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void ProjectIsANanoFrameworkProject(string project)
        {
            XDocument doc = Load(project);
            Assert.Contains(NanoFrameworkProjectType, Value(doc, "ProjectTypeGuids"));
            Assert.Equal("v1.0", Value(doc, "TargetFrameworkVersion"));
            Assert.Contains(doc.Descendants(Msb + "Import"), i => i.Attribute("Project").Value.EndsWith("NFProjectSystem.CSharp.targets", StringComparison.Ordinal));
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void ReferencesPointIntoThePackagesOfPackagesConfig(string project)
        {
            string folder = Path.GetDirectoryName(Repository.PathOf(project));
            var packages = XDocument.Load(Path.Combine(folder, "packages.config")).Descendants("package")
                .ToDictionary(p => p.Attribute("id").Value, p => p.Attribute("version").Value);
            Assert.Equal("1.17.11", packages["nanoFramework.CoreLibrary"]);
            Assert.All(packages.Keys, id => Assert.Equal("netnano1.0", XDocument.Load(Path.Combine(folder, "packages.config"))
                .Descendants("package").First(p => p.Attribute("id").Value == id).Attribute("targetFramework").Value));
            foreach (XElement hint in Load(project).Descendants(Msb + "HintPath"))
            {
                Match package = Regex.Match(hint.Value, @"^\.\.\\\.\.\\packages\\(?<id>[A-Za-z0-9.]+?)\.(?<version>\d+\.\d+\.\d+)\\lib\\");
                Assert.True(package.Success, $"{hint.Value}: expected ..\\..\\packages\\<id>.<version>\\lib\\ (packages beside SafetyMonitor.sln)");
                Assert.True(packages.TryGetValue(package.Groups["id"].Value, out string version), $"{package.Groups["id"].Value} is not in packages.config");
                Assert.Equal(version, package.Groups["version"].Value);
            }
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void SolutionListsTheProjectWithNanoFrameworksTypeAndItsGuid(string project)
        {
            string guid = Value(Load(project), "ProjectGuid").ToUpperInvariant();
            string path = project.Replace('/', '\\');
            string solution = File.ReadAllText(Repository.PathOf("SafetyMonitor.sln"));
            Assert.Contains($"Project(\"{NanoFrameworkProjectType}\") = \"{Path.GetFileNameWithoutExtension(project)}\", \"{path}\", \"{{{guid}}}\"", solution);
        }

        [Fact]
        public void DeviceTestProjectIsANanoFrameworkUnitTestProject()
        {
            XDocument doc = Load("tests/device/NFUnitTest.nfproj");
            Assert.Equal("NFUnitTest", Value(doc, "AssemblyName"));
            Assert.Equal("true", Value(doc, "IsTestProject"));
            Assert.Equal("UnitTest", Value(doc, "TestProjectType"));
            Assert.Contains(doc.Descendants(Msb + "ProjectCapability"), c => c.Attribute("Include").Value == "TestContainer");
            var packages = XDocument.Load(Repository.PathOf("tests/device/packages.config")).Descendants("package");
            Assert.Contains(packages, p => p.Attribute("id").Value == "nanoFramework.TestFramework" && p.Attribute("version").Value == "3.0.77");
            XDocument settings = XDocument.Load(Repository.PathOf("tests/device/nano.runsettings"));
            Assert.Equal("True", settings.Descendants("nanoFrameworkAdapter").Single().Element("IsRealHardware").Value);
        }

        private static XDocument Load(string project) => XDocument.Load(Repository.PathOf(project));

        private static string Value(XDocument doc, string property) => doc.Descendants(Msb + property).First().Value;
    }
}
