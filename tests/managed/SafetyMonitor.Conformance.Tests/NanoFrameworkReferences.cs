using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SafetyMonitor.Conformance.Tests
{
    /// <summary>
    /// The nanoFramework assemblies a .nfproj references, as far as they can
    /// be had on these machines.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item><b>mscorlib</b>: the real one, lib/mscorlib.dll of nanoFramework.CoreLibrary
    /// 1.17.11, restored from NuGet by this project's PackageDownload into the
    /// ordinary package cache.</item>
    /// <item><b>nanoFramework.Runtime.Native</b>: not on the NuGet registry these machines
    /// reach. Compiled here, in memory and never shipped, from the declarations
    /// in Fixtures/RuntimeNative-1.7.11.cs.txt, which NativeChecksumTests proves
    /// against the package's published native checksum 0x0EAE898B: the name,
    /// order and signature of every native method and the number and order of
    /// every other method agree with the real assembly (signatures of methods
    /// with IL bodies, fields and enum values are as read from its source).</item>
    /// <item>Anything else (nanoFramework.Hardware.Stm32, nanoFramework.TestFramework,
    /// nanoFramework.UnitTestLauncher) cannot be had: <see cref="Resolve"/>
    /// returns null, and the names a project takes from it are accepted only
    /// as the API list (nanoframework-stable-api.txt) lists them.</item>
    /// </list>
    /// </remarks>
    internal static class NanoFrameworkReferences
    {
        /// <summary>The version of nanoFramework.CoreLibrary every .nfproj references.</summary>
        internal const string CoreLibraryVersion = "1.17.11";

        private static readonly Lazy<MetadataReference> RealMscorlib =
            new Lazy<MetadataReference>(() => MetadataReference.CreateFromFile(MscorlibPath()));

        private static readonly Lazy<MetadataReference> RuntimeNativeStandIn = new Lazy<MetadataReference>(CompileRuntimeNative);

        /// <summary>The real mscorlib.</summary>
        internal static MetadataReference Mscorlib => RealMscorlib.Value;

        /// <summary>Path of the restored lib/mscorlib.dll; fails with the reason when the restore did not bring it.</summary>
        internal static string MscorlibPath()
        {
            string root = typeof(NanoFrameworkReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "NuGetPackageRoot").Value;
            string path = Path.Combine(root, "nanoframework.corelibrary", CoreLibraryVersion, "lib", "mscorlib.dll");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"{path} is missing: the PackageDownload of nanoFramework.CoreLibrary {CoreLibraryVersion} did not restore", path);
            }

            return path;
        }

        /// <summary>The reference for an assembly's simple name, or null when it cannot be had here.</summary>
        internal static MetadataReference Resolve(string assemblyName)
        {
            switch (assemblyName)
            {
                case "mscorlib":
                    return Mscorlib;
                case "nanoFramework.Runtime.Native":
                    return RuntimeNativeStandIn.Value;
                default:
                    return null;
            }
        }

        /// <summary>The NuGet package an assembly ships in.</summary>
        internal static string PackageOf(string assemblyName)
        {
            switch (assemblyName)
            {
                case "mscorlib":
                    return "nanoFramework.CoreLibrary";
                case "nanoFramework.UnitTestLauncher":
                    return "nanoFramework.TestFramework";
                default:
                    return assemblyName;
            }
        }

        /// <summary>The assembly a package ships (its main one).</summary>
        internal static string AssemblyOf(string package) => package == "nanoFramework.CoreLibrary" ? "mscorlib" : package;

        private static MetadataReference CompileRuntimeNative()
        {
            string source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "RuntimeNative-1.7.11.cs.txt"));
            var compilation = CSharpCompilation.Create(
                "nanoFramework.Runtime.Native",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp7_3)) },
                new[] { Mscorlib },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using (var image = new MemoryStream())
            {
                var result = compilation.Emit(image);
                if (!result.Success)
                {
                    throw new InvalidDataException("the Runtime.Native declarations do not compile against the real mscorlib:\n"
                        + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
                }

                return MetadataReference.CreateFromImage(image.ToArray());
            }
        }
    }
}
