using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace SafetyMonitor.Conformance.Tests
{
    /// <summary>
    /// The metadata processor's rules (NativeMethodTable's remarks) one at a time,
    /// on small assemblies where only that rule decides the answer; the real
    /// mscorlib, Runtime.Native and Hardware.Stm32 do not exercise these cases.
    /// </summary>
    public class MetadataProcessorRulesTests
    {
        private const string Native = "[System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)] ";

        private static string[] TypeOrder(NativeMethodTable table) =>
            table.Entries.Select(e => e.TypeFullName).Distinct().ToArray();

        [Fact]
        public void ExcludedTypeAndTypesNestedInItLeaveBothTables()
        {
            string source = "namespace System.Runtime.CompilerServices { public sealed class ExcludeTypeAttribute : System.Attribute { } }\n" +
                "namespace N {\n" +
                "  [System.Runtime.CompilerServices.ExcludeType] public class Outer { " + Native + "public static extern void A();\n" +
                "    public class Inner { " + Native + "public static extern void B(); } }\n" +
                "  public class Kept { " + Native + "public static extern void C();\n" +
                "    public class Inner { " + Native + "public static extern void D(); } } }";
            NativeMethodTable table = NativeChecksumTests.Derive(source, "X");
            Assert.Equal(new[] { "N.Kept", "N.Kept/Inner", "System.Runtime.CompilerServices.ExcludeTypeAttribute" }, TypeOrder(table));
            Assert.Equal(new[] { "C___STATIC__VOID", "D___STATIC__VOID" }, table.NativeEntries.Select(e => e.MethodName));
        }

        [Fact]
        public void TypeDerivingFromSystemDelegateIsADelegate()
        {
            // C# refuses to derive from the special System.Delegate (CS0644), not from another
            // assembly's System.Delegate: the metadata processor goes by the base type's name.
            var fake = CSharpCompilation.Create(
                "Fake",
                new[] { CSharpSyntaxTree.ParseText("namespace System { public abstract class Delegate { } public abstract class Delegates { } }") },
                NativeChecksumTests.PlatformReferences(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            MetadataReference fakeReference = fake.ToMetadataReference(aliases: new[] { "Fake" }.ToImmutableArray());
            string source = "extern alias Fake;\nnamespace N {\n" +
                "  public class D : Fake::System.Delegate { " + Native + "public extern void M(); }\n" +
                "  public class E : Fake::System.Delegates { " + Native + "public extern void M(); } }";
            NativeMethodTable table = NativeChecksumTests.Derive(source, "X", fakeReference);
            Assert.Equal(new[] { "N.D", "N.E" }, TypeOrder(table));
            Assert.Equal(new[] { "N.E" }, table.NativeEntries.Select(e => e.TypeFullName));
            Assert.Equal(new[] { "N.E", "N.E" }, table.Entries.Where(e => e.InChecksum).Select(e => e.TypeFullName));
        }

        [Fact]
        public void InTheCoreLibraryPrimitivesAreItsOwnTypesButAVoidReturnIsNone()
        {
            // A core library of its own (no references): as in mscorlib, int names System.Int32
            // of this module, while a method returning void does not name System.Void.
            string source = "namespace System {\n" +
                "  public class Object { public static bool Same(object a) => true; }\n" +
                "  public struct Void { public void M() { } }\n  public abstract class ValueType { }\n" +
                "  public struct Int32 { public void M() { } }\n  public struct Boolean { }\n  public sealed class String { }\n" +
                "  public abstract class Enum : ValueType { }\n}\n" +
                "namespace A { public class B { public static void F() { C.G(1); } }\n  public class C { public static void G(int a) { } } }";
            NativeMethodTable table = NativeChecksumTests.Derive(source, "mscorlib", noPlatform: true);
            // B.F names C.G(int): System.Int32 comes before B; C itself is not named (only return and
            // parameter types are), nor is System.Void by the void returns of C.G and Object's .ctor.
            Assert.Equal(new[] { "System.Int32", "A.B", "A.C", "System.Enum", "System.Object", "System.String", "System.ValueType", "System.Void" },
                TypeOrder(table));
        }

        [Theory]
        // A type comes after its declaring type, even when a type before both uses it.
        [InlineData("public class A { public static void F() { Zo.Inner.Use(null); } }\n" +
            "public class Zo { public void M() { } public class Inner { public static void Use(Inner x) { } } }",
            "N.Zo N.Zo/Inner N.A")]
        // A generic interface instance counts as the interface: it comes before its implementer.
        [InlineData("public class A : Zi<int> { public void M() { } }\npublic interface Zi<T> { void M(); }",
            "N.Zi`1 N.A")]
        // A method named by ldtoken (here by an expression tree) counts as a call.
        [InlineData("public class A { public static object F() { System.Linq.Expressions.Expression<System.Func<Zr>> e = () => Zm.Make(); return e; } }\n" +
            "public class Zm { public static Zr Make() => null; }\npublic class Zr { public void M() { } }",
            "N.Zr N.A N.A/<>c N.Zm")]
        // A field named by ldtoken (a generic instance's field: a MemberRef) is no method: ignored.
        [InlineData("public class A { public static object F() { System.Linq.Expressions.Expression<System.Func<int>> e = () => new System.ValueTuple<int, int>(1, 2).Item1; G(); return e; }\n" +
            "  public static Zr G() => null; }\npublic class Zr { public void M() { } }",
            "N.Zr N.A N.A/<>c")]
        // Used types are visited in order of first appearance, not by name.
        [InlineData("public class A { public static void F() { Zz.Make(); Zy.Make(); } }\n" +
            "public class Zy { public static Zy Make() => null; }\npublic class Zz { public static Zz Make() => null; }",
            "N.Zz N.Zy N.A")]
        public void TypesComeAfterWhatTheyDependOn(string types, string order)
        {
            NativeMethodTable table = NativeChecksumTests.Derive("namespace N {\n" + types + "\n}", "X");
            Assert.Equal(order.Split(' '), TypeOrder(table));
        }
    }
}
