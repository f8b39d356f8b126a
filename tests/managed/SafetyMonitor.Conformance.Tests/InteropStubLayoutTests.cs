using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace SafetyMonitor.Conformance.Tests
{
    /// <summary>
    /// The stubs are in the layout Visual Studio regenerates for SafetyMonitor.Native
    /// (the metadata processor's interop layout, selected by the .nfproj), with the
    /// generator's file names, includes and marshalling code; each way of breaking
    /// that agreement is caught.
    /// </summary>
    public class InteropStubLayoutTests
    {
        private const string Mshl = "SafetyMonitor_Native_SafetyMonitor_Native_StackCheck_mshl.cpp";
        private const string ClassHeader = "SafetyMonitor_Native_SafetyMonitor_Native_StackCheck.h";
        private const string Implementation = "SafetyMonitor_Native_SafetyMonitor_Native_StackCheck.cpp";
        private const string Header = "SafetyMonitor_Native.h";
        private const string Module = "FindINTEROP-SafetyMonitor.Native.cmake";

        private static readonly NativeMethodTable Table = NativeMethodTable.FromFile(typeof(SafetyMonitor.Native.StackCheck).Assembly.Location);
        private static readonly string StubFolder = Repository.PathOf("native-interop/stubs/SafetyMonitor.Native");

        private static InteropStubs Stubs() => InteropStubs.Load(StubFolder);

        private static XDocument Project() => XDocument.Load(StubLayout.SafetyMonitorNativeProject);

        private static List<string> Problems(InteropStubs stubs, StubLayout layout = null) =>
            stubs.Compare(Table, "1.3.0.0", layout ?? StubLayout.OfSafetyMonitorNative());

        private static void AssertCaught(List<string> problems, string expected) =>
            Assert.True(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), $"expected \"{expected}\" among:\n" + string.Join("\n", problems));

        /// <summary>The problems after replacing <paramref name="original"/> (which must be there) in one stub file.</summary>
        private static List<string> ProblemsAfterEdit(string file, string original, string changed)
        {
            InteropStubs stubs = Stubs();
            Assert.Contains(original, stubs.Files[file]);
            return Problems(stubs.With(file, t => t.Replace(original, changed)));
        }

        private static StubLayout LayoutWith(string property, string value)
        {
            XDocument nfproj = Project();
            XNamespace msb = nfproj.Root.Name.Namespace;
            XElement group = nfproj.Descendants(msb + "PropertyGroup").First(g => g.Attribute("Label")?.Value == "nanoFramework");
            group.Elements(msb + property).Remove();
            if (value != null)
            {
                group.Add(new XElement(msb + property, value));
            }

            return StubLayout.FromProject(nfproj);
        }

        [Fact]
        public void TheNfprojSelectsTheInteropLayoutWithTheNamesOfTheStubs()
        {
            StubLayout layout = StubLayout.OfSafetyMonitorNative();
            Assert.False(layout.WithoutInterop);
            Assert.False(layout.IsCoreLibrary);
            Assert.Empty(layout.Problems);
            Assert.Equal("SafetyMonitor_Native", layout.ProjectName);
            Assert.Equal("SafetyMonitor.Native", layout.RootName);
            Assert.Equal(new[] { Header, "SafetyMonitor_Native.cpp", Mshl, Implementation, ClassHeader, Module },
                layout.Files(new[] { "SafetyMonitor_Native_StackCheck" }));
            Assert.Empty(Problems(Stubs()));
        }

        [Fact]
        public void HeaderWithoutNanoPackStructIsCaught()
        {
            var problems = ProblemsAfterEdit(Header, "#include <nanoPackStruct.h>\n", string.Empty);
            AssertCaught(problems, "the generator's includes <nanoCLR_Interop.h>, <nanoCLR_Runtime.h>, <nanoPackStruct.h>");
        }

        [Fact]
        public void HeaderIncludesInAnotherOrderAreCaught()
        {
            var problems = ProblemsAfterEdit(Header, "#include <nanoCLR_Runtime.h>\n#include <nanoPackStruct.h>", "#include <nanoPackStruct.h>\n#include <nanoCLR_Runtime.h>");
            AssertCaught(problems, "SafetyMonitor_Native.h includes <nanoCLR_Interop.h>, <nanoPackStruct.h>, <nanoCLR_Runtime.h>");
        }

        [Theory]
        [InlineData(Mshl)]
        [InlineData(ClassHeader)]
        [InlineData(Implementation)]
        public void AMissingFileIsCaught(string file)
        {
            AssertCaught(Problems(Stubs().WithFile(file, null)), "missing " + file);
        }

        [Theory]
        [InlineData("FindSafetyMonitor.Native.cmake")]
        [InlineData("SafetyMonitor_Native_Extra.cpp")]
        [InlineData("stack_check_glue.h")]
        public void AFileTheGeneratorDoesNotWriteIsCaught(string file)
        {
            AssertCaught(Problems(Stubs().WithFile(file, "// extra\n")), file + " is no file the metadata processor writes in the interop layout");
        }

        [Fact]
        public void TheWithoutInteropSetUnderTheInteropLayoutIsCaught()
        {
            // The set the stubs had before: handlers in the class's .cpp, no _mshl.cpp, no class header.
            string handlers = Stubs().Files[Mshl];
            var problems = Problems(Stubs().WithFile(Mshl, null).WithFile(ClassHeader, null).WithFile(Implementation, handlers));
            AssertCaught(problems, "missing " + Mshl);
            AssertCaught(problems, "missing " + ClassHeader);
            AssertCaught(problems, "is not in " + Mshl);
        }

        [Fact]
        public void ACoreLibraryNfprojSelectsTheWithoutInteropLayoutAndOurStubsDisagree()
        {
            StubLayout layout = LayoutWith("NF_IsCoreLibrary", "True");
            Assert.True(layout.WithoutInterop);
            var problems = Problems(Stubs(), layout);
            AssertCaught(problems, Mshl + " is no file the metadata processor writes in the \"without interop\" layout");
            AssertCaught(problems, ClassHeader + " is no file the metadata processor writes");
            AssertCaught(problems, "missing FindSafetyMonitor.Native.cmake");
            AssertCaught(problems, "<corlib_native.h>");
        }

        [Theory]
        [InlineData("SkeletonWithoutInterop", "true")]
        [InlineData("SkeletonWithoutInterop", "false")]
        [InlineData("NFMDP_STUB_SkeletonWithoutInterop", "true")]
        public void ASkeletonWithoutInteropPropertyInTheNfprojIsCaught(string property, string value)
        {
            StubLayout layout = LayoutWith(property, value);
            Assert.False(layout.WithoutInterop);
            AssertCaught(Problems(Stubs(), layout), property + " is set in the .nfproj, but the MetaDataProcessor target sets it itself (false");
        }

        [Fact]
        public void StubGenerationOffInTheNfprojIsCaught()
        {
            AssertCaught(Problems(Stubs(), LayoutWith("NFMDP_GENERATE_STUBS", null)), "NFMDP_GENERATE_STUBS is not true");
        }

        [Fact]
        public void AnotherSkeletonProjectNameInTheNfprojIsCaught()
        {
            StubLayout layout = LayoutWith("NF_GenerateSkeletonProjectName", "SafetyMonitor.Stack");
            var problems = Problems(Stubs(), layout);
            AssertCaught(problems, "missing SafetyMonitor_Stack.h");
            AssertCaught(problems, Header + " is no file the metadata processor writes");
        }

        [Fact]
        public void AnotherStubsRootNameInTheNfprojIsCaught()
        {
            var problems = Problems(Stubs(), LayoutWith("NF_GenerateStubsRootName", "SafetyMonitor.Natives"));
            AssertCaught(problems, "the stubs are in SafetyMonitor.Native, the metadata processor writes them into a folder SafetyMonitor.Natives");
            AssertCaught(problems, "native assembly data is g_CLR_AssemblyNative_SafetyMonitor_Native, expected g_CLR_AssemblyNative_SafetyMonitor_Natives");
        }

        [Theory]
        [InlineData("argument index", "Interop_Marshal_INT32( stack, 0, param0 )", "Interop_Marshal_INT32( stack, 1, param0 )")]
        [InlineData("result type", "SetResult_UINT32( stack, retValue )", "SetResult_INT32( stack, retValue )")]
        [InlineData("argument type", "Interop_Marshal_UINT32( stack, 0, param0 )", "Interop_Marshal_INT32( stack, 0, param0 )")]
        [InlineData("hr not checked", "StackCheck::GetSize(  hr );\n        NANOCLR_CHECK_HRESULT( hr );", "StackCheck::GetSize(  hr );")]
        [InlineData("no class header", "#include \"SafetyMonitor_Native_SafetyMonitor_Native_StackCheck.h\"\n", "")]
        [InlineData("hand-made handler", "signed int retValue = StackCheck::GetMinFree(  hr );", "signed int retValue = stack_check_get_min_free();")]
        public void MarshallingCodeOtherThanTheGeneratorsIsCaught(string what, string original, string changed)
        {
            var problems = ProblemsAfterEdit(Mshl, original, changed);
            Assert.True(problems.Any(p => p.StartsWith(Mshl + " is not what the metadata processor writes", StringComparison.Ordinal)), what + ":\n" + string.Join("\n", problems));
        }

        [Theory]
        [InlineData("static unsigned int GetFaultWord( signed int param0, HRESULT &hr );", "static unsigned int GetFaultWord( int param0, HRESULT &hr );")]
        [InlineData("static void SetCycle( unsigned int param0, HRESULT &hr );", "static void SetCycle( unsigned int cycle, HRESULT &hr );")]
        [InlineData("namespace SafetyMonitor_Native\n{\n    namespace SafetyMonitor_Native", "namespace SafetyMonitor\n{\n    namespace SafetyMonitor_Native")]
        [InlineData("#define SAFETYMONITOR_NATIVE_SAFETYMONITOR_NATIVE_SAFETYMONITOR_NATIVE_STACKCHECK_H", "#define SAFETYMONITOR_NATIVE_STACKCHECK_H")]
        public void AClassHeaderOtherThanTheGeneratorsIsCaught(string original, string changed)
        {
            AssertCaught(ProblemsAfterEdit(ClassHeader, original, changed), ClassHeader + " is not what the metadata processor writes");
        }

        [Theory]
        [InlineData("unsigned int StackCheck::GetFaultWord( signed int param0, HRESULT &hr )", "signed int StackCheck::GetFaultWord( signed int param0, HRESULT &hr )",
            "defines unsigned int StackCheck::GetFaultWord( signed int param0, HRESULT &hr ) 0 times")]
        [InlineData("signed int StackCheck::GetFree( HRESULT &hr )", "unsigned int StackCheck::GetFree( HRESULT &hr )",
            "defines signed int StackCheck::GetFree( HRESULT &hr ) 0 times")]
        [InlineData("void StackCheck::SetCycle( unsigned int param0, HRESULT &hr )", "void StackCheck::SetCycle( unsigned int param0 )",
            "defines void StackCheck::SetCycle( unsigned int param0, HRESULT &hr ) 0 times")]
        [InlineData("#include \"SafetyMonitor_Native_SafetyMonitor_Native_StackCheck.h\"\n", "",
            "must begin with the includes \"SafetyMonitor_Native.h\", \"SafetyMonitor_Native_SafetyMonitor_Native_StackCheck.h\"")]
        [InlineData("using namespace SafetyMonitor_Native::SafetyMonitor_Native;", "",
            "lacks using namespace SafetyMonitor_Native::SafetyMonitor_Native;")]
        public void AnImplementationThatDoesNotFitTheGeneratedHeaderIsCaught(string original, string changed, string expected)
        {
            AssertCaught(ProblemsAfterEdit(Implementation, original, changed), expected);
        }

        [Theory]
        [InlineData("    SafetyMonitor_Native_SafetyMonitor_Native_StackCheck_mshl.cpp\n    SafetyMonitor_Native_SafetyMonitor_Native_StackCheck.cpp\n",
            "    SafetyMonitor_Native_SafetyMonitor_Native_StackCheck.cpp\n    SafetyMonitor_Native_SafetyMonitor_Native_StackCheck_mshl.cpp\n", "lists the stubs")]
        [InlineData("    SafetyMonitor_Native_SafetyMonitor_Native_StackCheck_mshl.cpp\n", "", "does not list " + Mshl)]
        [InlineData("    core/stack_check.c\n", "    core/stack_check.c\n    SafetyMonitor_Native_Extra.cpp\n", "lists SafetyMonitor_Native_Extra.cpp, which is not in the stub folder")]
        [InlineData("    core/stack_check.c\n", "    core/stack_checks.c\n", "lists core/stack_checks.c, which is not in native-interop/")]
        [InlineData("${PROJECT_SOURCE_DIR}/InteropAssemblies/SafetyMonitor.Native)", "${BASE_PATH_FOR_CLASS_LIBRARIES_MODULES}/SafetyMonitor.Native)",
            "must set BASE_PATH_FOR_THIS_MODULE to ${PROJECT_SOURCE_DIR}/InteropAssemblies/SafetyMonitor.Native")]
        public void AModuleThatDoesNotListExactlyTheStubsIsCaught(string original, string changed, string expected)
        {
            AssertCaught(ProblemsAfterEdit(Module, original, changed), expected);
        }

        [Fact]
        public void AHeaderWithoutTheAssemblyDataDeclarationIsCaught()
        {
            const string declaration = "extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_SafetyMonitor_Native;\n";
            AssertCaught(ProblemsAfterEdit(Header, declaration, string.Empty),
                "SafetyMonitor_Native.h does not declare extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_SafetyMonitor_Native");
        }

        [Fact]
        public void TheLookupFileIncludesOnlyTheAssemblyHeader()
        {
            var problems = ProblemsAfterEdit("SafetyMonitor_Native.cpp", "#include \"SafetyMonitor_Native.h\"", "#include \"SafetyMonitor_Native.h\"\n#include <stdint.h>");
            AssertCaught(problems, "SafetyMonitor_Native.cpp includes \"SafetyMonitor_Native.h\", <stdint.h>");
        }
    }
}
