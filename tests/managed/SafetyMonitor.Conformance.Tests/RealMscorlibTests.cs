using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace SafetyMonitor.Conformance.Tests
{
    /// <summary>
    /// The interop assembly and the controller compile for nanoFramework
    /// against the real mscorlib of nanoFramework.CoreLibrary 1.17.11 and
    /// nothing else: the controller runs on every nanoCLR, whatever other
    /// assemblies its firmware carries.
    /// </summary>
    public class RealMscorlibTests
    {
        internal static string Mscorlib()
        {
            string root = typeof(RealMscorlibTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "NuGetPackageRoot").Value;
            string path = Path.Combine(root, "nanoframework.corelibrary", "1.17.11", "lib", "mscorlib.dll");
            Assert.True(File.Exists(path), path + " is missing: the PackageDownload of nanoFramework.CoreLibrary 1.17.11 did not restore");
            return path;
        }

        private static (CSharpCompilation Compilation, string Errors) Compile(string name, string folder, params MetadataReference[] references)
        {
            var options = new CSharpParseOptions(LanguageVersion.CSharp7_3, preprocessorSymbols: new[] { NanoFrameworkConformance.NanoFrameworkSymbol });
            var trees = Repository.SourcesOf(folder).Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f)).ToList();
            var compilation = CSharpCompilation.Create(name, trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using (var image = new MemoryStream())
            {
                var result = compilation.Emit(image);
                return (compilation, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            }
        }

        [Fact]
        public void ControllerCompilesAgainstMscorlibAndTheInteropAssemblyOnly()
        {
            MetadataReference mscorlib = MetadataReference.CreateFromFile(Mscorlib());
            var native = Compile("SafetyMonitor.Native", "managed/SafetyMonitor.Native", mscorlib);
            Assert.True(native.Errors.Length == 0, native.Errors);
            var controller = Compile("SafetyMonitor", "managed/SafetyMonitor", mscorlib, native.Compilation.ToMetadataReference());
            Assert.True(controller.Errors.Length == 0, controller.Errors);
        }

        [Fact]
        public void ControlWhatTheRealMscorlibLacksDoesNotCompile()
        {
            // Environment.TickCount64 lives in nanoFramework.Runtime.Native, not in mscorlib.
            var options = new CSharpParseOptions(LanguageVersion.CSharp7_3);
            var compilation = CSharpCompilation.Create(
                "Control",
                new[] { CSharpSyntaxTree.ParseText("class A { long M() { return System.Environment.TickCount64; } }", options) },
                new[] { MetadataReference.CreateFromFile(Mscorlib()) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.GetMessage().Contains("Environment"));
        }
    }
}
