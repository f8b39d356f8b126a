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
        private static readonly XNamespace Msb = NanoFrameworkProject.Msb;

        public static TheoryData<string> Projects => new TheoryData<string>
        {
            "managed/SafetyMonitor.Native/SafetyMonitor.Native.nfproj",
            "managed/SafetyMonitor/SafetyMonitor.nfproj",
            "managed/SafetyMonitor.Runtime/SafetyMonitor.Runtime.nfproj",
            "managed/SafetyMonitor.Stm32/SafetyMonitor.Stm32.nfproj",
            "managed/SafetyMonitor.Sample/SafetyMonitor.Sample.nfproj",
            "tests/device/NFUnitTest.nfproj",
        };

        [Theory]
        [MemberData(nameof(Projects))]
        public void ProjectIsANanoFrameworkProject(string project)
        {
            XDocument doc = Load(project);
            Assert.Contains(NanoFrameworkProjectType, Value(doc, "ProjectTypeGuids"));
            Assert.Equal("v1.0", Value(doc, "TargetFrameworkVersion"));
            Assert.Contains(doc.Descendants(Msb + "Import"), i => i.Attribute("Project").Value.EndsWith("NFProjectSystem.CSharp.targets", StringComparison.Ordinal));
            // Stated, not left to the compiler's default, which changes with each SDK.
            Assert.Equal("7.3", Value(doc, "LangVersion"));
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

        // The libraries users reference, and the assemblies each may take APIs from.
        public static TheoryData<string, string[]> Libraries => new TheoryData<string, string[]>
        {
            { "SafetyMonitor.Native", new[] { "nanoFramework.CoreLibrary" } },
            { "SafetyMonitor", new[] { "nanoFramework.CoreLibrary" } },
            { "SafetyMonitor.Runtime", new[] { "nanoFramework.CoreLibrary", "nanoFramework.Runtime.Native" } },
            { "SafetyMonitor.Stm32", new[] { "nanoFramework.CoreLibrary", "nanoFramework.Hardware.Stm32" } },
        };

        [Theory]
        [MemberData(nameof(Libraries))]
        public void LibraryTakesOnlyItsPackages(string name, string[] expected)
        {
            // The controller needs mscorlib and the interop assembly only, so it
            // runs on every nanoCLR; what needs a board or runtime package has
            // an assembly of its own.
            string folder = $"managed/{name}";
            var packages = XDocument.Load(Repository.PathOf(folder + "/packages.config")).Descendants("package")
                .Select(p => p.Attribute("id").Value).OrderBy(x => x).ToArray();
            Assert.Equal(expected.OrderBy(x => x), packages);
            var references = Load($"{folder}/{name}.nfproj").Descendants(Msb + "Reference")
                .Select(r => r.Attribute("Include").Value.Split(',')[0]).OrderBy(x => x).ToArray();
            Assert.Equal(expected.Select(AssemblyOf).OrderBy(x => x), references);
        }

        [Theory]
        [MemberData(nameof(Libraries))]
        public void NuspecShipsTheAssemblyAndDependsOnItsPackages(string name, string[] packages)
        {
            XDocument nuspec = XDocument.Load(Repository.PathOf($"managed/{name}.nuspec"));
            XNamespace ns = nuspec.Root.Name.Namespace;
            Assert.Equal(name, nuspec.Descendants(ns + "id").Single().Value);
            var files = nuspec.Descendants(ns + "file").Select(f => f.Attribute("src").Value).ToList();
            foreach (string extension in new[] { "dll", "pdb", "pdbx", "pe", "xml" })
            {
                Assert.Contains($"{name}\\bin\\Release\\{name}.{extension}", files);
            }

            var dependencies = nuspec.Descendants(ns + "dependency").Select(d => d.Attribute("id").Value).ToList();
            Assert.All(packages, p => Assert.Contains(p, dependencies));
            foreach (string project in Load($"managed/{name}/{name}.nfproj").Descendants(Msb + "ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include").Value.Replace('\\', '/'))))
            {
                Assert.Contains(project, dependencies);
            }
        }

        [Theory]
        [InlineData("SafetyMonitor.Native")]
        [InlineData("SafetyMonitor")]
        [InlineData("SafetyMonitor.Runtime")]
        public void LibraryIsBuiltForDotNetFromTheSameSources(string name)
        {
            string host = $"managed/host/{name}.Host/{name}.Host.csproj";
            XDocument project = XDocument.Load(Repository.PathOf(host));
            Assert.Equal(name, project.Descendants("AssemblyName").Single().Value);
            Assert.Contains(project.Descendants("Compile"), c => c.Attribute("Include").Value == $"..\\..\\{name}\\**\\*.cs");
            Assert.Contains(host.Replace("/", "\\\\"), File.ReadAllText(Repository.PathOf("SafetyMonitor.Host.slnf")));
            Assert.Contains(host.Replace('/', '\\'), File.ReadAllText(Repository.PathOf("SafetyMonitor.sln")));
        }

        private static string AssemblyOf(string package) =>
            package == "nanoFramework.CoreLibrary" ? "mscorlib" : package;

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
