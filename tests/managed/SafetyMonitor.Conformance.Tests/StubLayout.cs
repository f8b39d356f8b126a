using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace SafetyMonitor.Conformance.Tests
{
    /// <summary>
    /// The stub layout and names the metadata processor writes when Visual Studio
    /// builds a .nfproj with NFMDP_GENERATE_STUBS on, read from the .nfproj as the
    /// nanoFramework extension's targets read it.
    /// </summary>
    /// <remarks>
    /// Facts, from nf-Visual-Studio-extension's
    /// VisualStudio.Extension-2022/Targets/NFProjectSystem.MDP.targets (unchanged
    /// since commit 1f029740, 2022-10-06, to f2057022): for a project whose
    /// <c>NF_IsCoreLibrary</c> is not True the MetaDataProcessor target sets
    /// <c>NFMDP_STUB_SkeletonWithoutInterop</c> to false itself, inside the target,
    /// and passes it to the task's <c>SkeletonWithoutInterop</c> parameter; for a
    /// core library (<c>NF_IsCoreLibrary</c> True) it sets it to true. A property
    /// of that name in the .nfproj changes nothing. The stubs go to
    /// <c>$(NF_GenerateStubsDirectory)\$(NF_GenerateStubsRootName)</c>;
    /// <c>NF_GenerateStubsRootName</c> and <c>NF_GenerateSkeletonProjectName</c>
    /// default to <c>$(TargetName)</c>. metadata-processor v3.0.100
    /// (nanoSkeletonGenerator.cs, MetaDataProcessorTask.cs) names the files
    /// after the project name with '.' turned into '_' and the native assembly
    /// data after the root name likewise.
    /// </remarks>
    internal sealed class StubLayout
    {
        private static readonly XNamespace Msb = NanoFrameworkProject.Msb;

        private StubLayout(bool withoutInterop, bool isCoreLibrary, string assemblyName, string rootName, string projectName, List<string> problems)
        {
            WithoutInterop = withoutInterop;
            IsCoreLibrary = isCoreLibrary;
            AssemblyName = assemblyName;
            RootName = rootName;
            ProjectName = projectName;
            Problems = problems;
        }

        /// <summary>True for the "without interop" layout (handlers in the class's .cpp, Find&lt;Assembly&gt;.cmake).</summary>
        internal bool WithoutInterop { get; }

        /// <summary>True when the .nfproj builds a core library (the header then includes corlib_native.h).</summary>
        internal bool IsCoreLibrary { get; }

        /// <summary>The .nfproj's AssemblyName: the CMake module's name.</summary>
        internal string AssemblyName { get; }

        /// <summary>NF_GenerateStubsRootName: the folder the stubs go to.</summary>
        internal string RootName { get; }

        /// <summary>NF_GenerateSkeletonProjectName with '.' turned into '_': the file and struct prefix.</summary>
        internal string ProjectName { get; }

        /// <summary>The root name with '.' turned into '_': the namespace of the interop classes.</summary>
        internal string SafeRootName => RootName.Replace('.', '_');

        /// <summary>g_CLR_AssemblyNative_&lt;root name&gt;.</summary>
        internal string AssemblyDataName => "g_CLR_AssemblyNative_" + SafeRootName;

        /// <summary>Library_&lt;project name&gt;_: the prefix of the handler structs.</summary>
        internal string LibraryPrefix => "Library_" + ProjectName + "_";

        /// <summary>Settings in the .nfproj that contradict the layout or do nothing; empty when none.</summary>
        internal IReadOnlyList<string> Problems { get; }

        /// <summary>The .nfproj of the interop assembly, managed/SafetyMonitor.Native/SafetyMonitor.Native.nfproj.</summary>
        internal static string SafetyMonitorNativeProject => Repository.PathOf("managed/SafetyMonitor.Native/SafetyMonitor.Native.nfproj");

        internal static StubLayout OfSafetyMonitorNative() => FromProject(XDocument.Load(SafetyMonitorNativeProject));

        internal static StubLayout FromProject(XDocument nfproj)
        {
            var problems = new List<string>();
            string Property(string name) => nfproj.Descendants(Msb + name).Select(e => e.Value.Trim()).LastOrDefault();

            string assemblyName = Property("AssemblyName") ?? string.Empty;
            bool isCoreLibrary = string.Equals(Property("NF_IsCoreLibrary"), "True", StringComparison.OrdinalIgnoreCase);
            if (!isCoreLibrary && !string.Equals(Property("NFMDP_GENERATE_STUBS"), "true", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("NFMDP_GENERATE_STUBS is not true: Visual Studio writes no stubs");
            }

            foreach (string ignored in new[] { "SkeletonWithoutInterop", "NFMDP_STUB_SkeletonWithoutInterop" })
            {
                if (Property(ignored) != null)
                {
                    problems.Add($"{ignored} is set in the .nfproj, but the MetaDataProcessor target sets it itself "
                        + $"({(isCoreLibrary ? "true for a core library" : "false for a library that is not a core library")}): the setting does nothing");
                }
            }

            string rootName = Property("NF_GenerateStubsRootName") ?? assemblyName;
            string projectName = (Property("NF_GenerateSkeletonProjectName") ?? assemblyName).Replace('.', '_');
            return new StubLayout(isCoreLibrary, isCoreLibrary, assemblyName, rootName, projectName, problems);
        }

        /// <summary>The assembly header's includes, in the generator's order.</summary>
        internal IEnumerable<string> HeaderIncludes()
        {
            yield return "<nanoCLR_Interop.h>";
            yield return "<nanoCLR_Runtime.h>";
            yield return "<nanoPackStruct.h>";
            if (IsCoreLibrary)
            {
                yield return "<corlib_native.h>";
            }
        }

        /// <summary>The CMake module's file name.</summary>
        internal string CmakeModule => WithoutInterop ? $"Find{AssemblyName}.cmake" : $"FindINTEROP-{AssemblyName}.cmake";

        /// <summary>The module's BASE_PATH_FOR_THIS_MODULE.</summary>
        internal string CmakeBasePath => WithoutInterop
            ? "${BASE_PATH_FOR_CLASS_LIBRARIES_MODULES}/" + AssemblyName
            : "${PROJECT_SOURCE_DIR}/InteropAssemblies/" + AssemblyName;

        /// <summary>The sources the module lists for the classes with natives, in the generator's order.</summary>
        internal IEnumerable<string> StubSources(IEnumerable<string> classesWithNatives)
        {
            yield return ProjectName + ".cpp";
            foreach (string className in classesWithNatives)
            {
                if (!WithoutInterop)
                {
                    yield return $"{ProjectName}_{className}_mshl.cpp";
                }

                yield return $"{ProjectName}_{className}.cpp";
            }
        }

        /// <summary>Every file the generator writes for the classes with natives.</summary>
        internal IEnumerable<string> Files(IEnumerable<string> classesWithNatives)
        {
            var classes = classesWithNatives.ToList();
            yield return ProjectName + ".h";
            foreach (string source in StubSources(classes))
            {
                yield return source;
            }

            if (!WithoutInterop)
            {
                foreach (string className in classes)
                {
                    yield return $"{ProjectName}_{className}.h";
                }
            }

            yield return CmakeModule;
        }
    }
}
