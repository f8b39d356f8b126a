using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;

namespace SafetyMonitor.Conformance.Tests
{
    /// <summary>
    /// The method table (method_lookup) and native checksum that nanoFramework's
    /// metadata processor derives from a compiled assembly, derived here with
    /// System.Reflection.Metadata by the same rules.
    /// </summary>
    /// <remarks>
    /// Rules, as nanoframework/metadata-processor applies them at tag v3.0.92 (commit
    /// 16a14a59, 2025-02-26, the last v3.0.x release before nanoFramework.CoreLibrary 1.17.11
    /// was built on 2025-04-02): MetadataProcessor.Shared/Tables/nanoTablesContext.cs
    /// (constructor, SetDefaultTypesToExclude, ProcessTypesToExclude, GetOrderedTypes,
    /// SortTypesAccordingUsagesImpl, GetTypesList, GetOrderedMethods),
    /// Utility/NativeMethodsCrc.cs (UpdateCrc, IsClassToExclude, GetClassName,
    /// GetMethodName), Extensions/TypeDefinitionExtensions.cs (IncludeInStub, IsToExclude),
    /// Tables/nanoTypeDefinitionTable.cs (GetFlags), nanoAssemblyBuilder.cs (Minimize) and
    /// nanoSkeletonGenerator.cs (GenerateAssemblyLookup). Checked against what it produced:
    /// nf-interpreter's method_lookup of mscorlib (MscorlibMethodTableTests) and of
    /// nanoFramework.Hardware.Stm32, and the Runtime.Native checksum (NativeChecksumTests).
    /// <list type="bullet">
    /// <item>Excluded types (ClassNamesToExclude): ThisAssembly,
    /// System.Runtime.CompilerServices.RefSafetyRulesAttribute and
    /// System.Runtime.CompilerServices.AccessedThroughPropertyAttribute by default, and every type
    /// marked [System.Runtime.CompilerServices.ExcludeType] (in mscorlib most attribute types,
    /// DBNull and Decimal, for example). A type whose full name, or whose declaring type's, is
    /// excluded is left out of the checksum, and the minimizer drops it, so it has no
    /// method_lookup slots either. (The minimizer's dependency closure could pull an excluded
    /// type back in; it does not for mscorlib 1.17.11, and that closure is not modelled here.
    /// ExcludeClassByName items of an .nfproj are not read: neither mscorlib nor ours has any.)
    /// The attributes of IgnoringAttributes only leave the attribute table and the stub files;
    /// they change neither the checksum nor method_lookup.</item>
    /// <item>Types: every type but &lt;Module&gt;, nested ones included, sorted by full
    /// name (culture-sensitive), then each emitted after its declaring type, the
    /// interfaces it implements that this module defines (a generic instance counts as its
    /// generic type), and the types of this module in the return type (unless void) and
    /// parameter types of every method its bodies name (call, callvirt, newobj, ldftn,
    /// ldvirtftn, ldtoken), visited in order of first appearance. As Mono.Cecil's Resolve()
    /// finds them, arrays, by-refs and generic instances name their element type, and in the
    /// core library (mscorlib) a primitive names its own System type (System.Int32, ...).</item>
    /// <item>Methods of a type: virtual, then instance non-virtual, then static,
    /// each group in metadata order.</item>
    /// <item>method_lookup: one slot per method of every type with methods; a
    /// handler for a native method (no IL body, not abstract) of a class or value
    /// type, NULL otherwise. Interfaces, enums and delegates get NULL slots; a delegate is a
    /// type deriving from System.MulticastDelegate, or from System.Delegate but not
    /// System.MulticastDelegate itself, which is a class with native methods.</item>
    /// <item>Checksum: CRC-32 (polynomial 0x04C11DB7, MSB first, no reflection, no
    /// final XOR; Utility/Crc32.cs) over the methods of classes and value types only: per native
    /// method the assembly name, the class name and the method name, per other
    /// method "NULL". Each step is seeded with the running value only once a
    /// native method has been counted, and with 0 before: so NULLs before the
    /// first native method have no effect, and of the first native method only
    /// its method name does. 0 when there is no native method.</item>
    /// </list>
    /// </remarks>
    internal sealed class NativeMethodTable
    {
        private const string ExcludeTypeAttribute = "System.Runtime.CompilerServices.ExcludeTypeAttribute";
        private static readonly string[] DefaultExcludedTypes =
        {
            "ThisAssembly",
            "System.Runtime.CompilerServices.RefSafetyRulesAttribute",
            "System.Runtime.CompilerServices.AccessedThroughPropertyAttribute",
        };

        private static readonly byte[] NullBytes = Encoding.ASCII.GetBytes("NULL");
        private static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null))
            .ToDictionary(o => o.Value, o => o.OperandType);

        private NativeMethodTable(string assemblyName, List<Entry> entries, uint checksum)
        {
            AssemblyName = assemblyName;
            Entries = entries;
            Checksum = checksum;
        }

        /// <summary>Simple name of the assembly (what the checksum and the stub record carry).</summary>
        internal string AssemblyName { get; }

        /// <summary>method_lookup, slot by slot.</summary>
        internal IReadOnlyList<Entry> Entries { get; }

        /// <summary>The native checksum.</summary>
        internal uint Checksum { get; }

        /// <summary>The native slots only.</summary>
        internal IEnumerable<Entry> NativeEntries => Entries.Where(e => e.IsNative);

        /// <summary>The C++ name of the stub's assembly data, e.g. g_CLR_AssemblyNative_SafetyMonitor_Native.</summary>
        internal string AssemblyDataName => "g_CLR_AssemblyNative_" + AssemblyName.Replace('.', '_');

        /// <summary>The handler prefix, Library_&lt;assembly with '.'→'_'&gt;_.</summary>
        internal string LibraryPrefix => "Library_" + AssemblyName.Replace('.', '_') + "_";

        internal static NativeMethodTable FromFile(string path)
        {
            using (var stream = File.OpenRead(path))
            {
                return FromStream(stream);
            }
        }

        internal static NativeMethodTable FromStream(Stream stream)
        {
            if (string.Compare("a", "B", StringComparison.InvariantCulture) >= 0)
            {
                throw new NotSupportedException(
                    "The metadata processor orders types by a culture-sensitive comparison; this .NET runs in invariant " +
                    "globalization mode (no ICU), which compares ordinally. Install ICU (libicu) to derive the table.");
            }

            using (var pe = new PEReader(stream))
            {
                return new Builder(pe).Build();
            }
        }

        /// <summary>CRC-32 of the metadata processor (polynomial 0x04C11DB7, MSB first, no reflection, no final XOR).</summary>
        internal static uint Crc32(byte[] bytes, uint crc)
        {
            foreach (byte b in bytes)
            {
                crc ^= (uint)b << 24;
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 0x80000000u) != 0 ? (crc << 1) ^ 0x04C11DB7u : crc << 1;
                }
            }

            return crc;
        }

        /// <summary>One slot of method_lookup.</summary>
        internal sealed class Entry
        {
            internal Entry(string typeFullName, string className, string methodName, bool isNative, bool inChecksum)
            {
                TypeFullName = typeFullName;
                ClassName = className;
                MethodName = methodName;
                IsNative = isNative;
                InChecksum = inChecksum;
            }

            /// <summary>Managed type, e.g. SafetyMonitor.Native.StackCheck.</summary>
            internal string TypeFullName { get; }

            /// <summary>Stub class name, e.g. SafetyMonitor_Native_StackCheck.</summary>
            internal string ClassName { get; }

            /// <summary>Stub method name, e.g. GetFree___STATIC__I4.</summary>
            internal string MethodName { get; }

            internal bool IsNative { get; }

            internal bool InChecksum { get; }

            /// <summary>The method_lookup text of this slot: "NULL" or Library_..::Name.</summary>
            internal string LookupText(string libraryPrefix) => IsNative ? $"{libraryPrefix}{ClassName}::{MethodName}" : "NULL";
        }

        private sealed class Builder
        {
            private readonly PEReader _pe;
            private readonly MetadataReader _md;
            private readonly TypeCodeProvider _codes;
            private readonly TypeHandleProvider _handles;

            internal Builder(PEReader pe)
            {
                _pe = pe;
                _md = pe.GetMetadataReader();
                _codes = new TypeCodeProvider(_md);
                _handles = new TypeHandleProvider(_md);
            }

            // The type of this module an interface, base or signature entry names (a generic
            // instantiation names its generic type), or none.
            private ImmutableArray<TypeDefinitionHandle> LocalTypes(EntityHandle type)
            {
                switch (type.Kind)
                {
                    case HandleKind.TypeDefinition:
                        return ImmutableArray.Create((TypeDefinitionHandle)type);
                    case HandleKind.TypeSpecification:
                        return _md.GetTypeSpecification((TypeSpecificationHandle)type).DecodeSignature(_handles, null);
                    default:
                        return ImmutableArray<TypeDefinitionHandle>.Empty;
                }
            }

            internal NativeMethodTable Build()
            {
                string assemblyName = _md.GetString(_md.GetAssemblyDefinition().Name);
                byte[] assemblyBytes = Encoding.ASCII.GetBytes(assemblyName);
                var entries = new List<Entry>();
                uint running = 0;
                int natives = 0;
                HashSet<string> excluded = ExcludedTypeNames();
                foreach (TypeDefinitionHandle handle in OrderedTypes())
                {
                    TypeDefinition type = _md.GetTypeDefinition(handle);
                    if (IsExcluded(handle, excluded))
                    {
                        continue;
                    }

                    bool inStub = IncludeInStub(handle);
                    string className = ClassName(handle);
                    string fullName = FullName(handle);
                    foreach (MethodDefinitionHandle methodHandle in OrderedMethods(type))
                    {
                        MethodDefinition method = _md.GetMethodDefinition(methodHandle);
                        bool native = inStub && method.RelativeVirtualAddress == 0
                            && (method.Attributes & MethodAttributes.Abstract) == 0;
                        string methodName = MethodName(method);
                        entries.Add(new Entry(fullName, className, methodName, native, inStub));
                        if (!inStub)
                        {
                            continue;
                        }

                        // The seed is the running value only once a native method was counted.
                        if (native)
                        {
                            running = Crc32(assemblyBytes, natives > 0 ? running : 0);
                            running = Crc32(Encoding.ASCII.GetBytes(className), natives > 0 ? running : 0);
                            running = Crc32(Encoding.ASCII.GetBytes(methodName), natives > 0 ? running : 0);
                            natives++;
                        }
                        else
                        {
                            running = Crc32(NullBytes, natives > 0 ? running : 0);
                        }
                    }
                }

                return new NativeMethodTable(assemblyName, entries, natives > 0 ? running : 0);
            }

            // Classes and value types, not delegates, interfaces or enums. System.MulticastDelegate
            // itself derives from System.Delegate but is a class with stubs.
            private bool IncludeInStub(TypeDefinitionHandle handle)
            {
                TypeDefinition type = _md.GetTypeDefinition(handle);
                if ((type.Attributes & TypeAttributes.Interface) != 0)
                {
                    return false;
                }

                string baseType = BaseTypeName(type);
                bool isDelegate = baseType == "System.MulticastDelegate"
                    || (baseType == "System.Delegate" && FullName(handle) != "System.MulticastDelegate");
                return !isDelegate && baseType != "System.Enum";
            }

            // ClassNamesToExclude: the metadata processor's defaults and every type marked [ExcludeType].
            private HashSet<string> ExcludedTypeNames()
            {
                var names = new HashSet<string>(DefaultExcludedTypes, StringComparer.Ordinal);
                foreach (TypeDefinitionHandle handle in _md.TypeDefinitions)
                {
                    foreach (CustomAttributeHandle attribute in _md.GetTypeDefinition(handle).GetCustomAttributes())
                    {
                        if (AttributeTypeName(_md.GetCustomAttribute(attribute)) == ExcludeTypeAttribute)
                        {
                            names.Add(FullName(handle));
                        }
                    }
                }

                return names;
            }

            private bool IsExcluded(TypeDefinitionHandle handle, HashSet<string> excluded)
            {
                TypeDefinitionHandle declaring = _md.GetTypeDefinition(handle).GetDeclaringType();
                return excluded.Contains(FullName(handle)) || (!declaring.IsNil && excluded.Contains(FullName(declaring)));
            }

            private string AttributeTypeName(CustomAttribute attribute)
            {
                switch (attribute.Constructor.Kind)
                {
                    case HandleKind.MethodDefinition:
                        return FullName(_md.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType());
                    case HandleKind.MemberReference:
                        EntityHandle parent = _md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
                        return parent.Kind == HandleKind.TypeReference ? ReferenceName((TypeReferenceHandle)parent) : null;
                    default:
                        return null;
                }
            }

            private string ReferenceName(TypeReferenceHandle handle)
            {
                TypeReference reference = _md.GetTypeReference(handle);
                string ns = _md.GetString(reference.Namespace);
                string name = _md.GetString(reference.Name);
                return ns.Length == 0 ? name : ns + "." + name;
            }

            private string BaseTypeName(TypeDefinition type)
            {
                EntityHandle baseType = type.BaseType;
                if (baseType.IsNil)
                {
                    return null;
                }

                switch (baseType.Kind)
                {
                    case HandleKind.TypeReference:
                        return ReferenceName((TypeReferenceHandle)baseType);
                    case HandleKind.TypeDefinition:
                        return FullName((TypeDefinitionHandle)baseType);
                    default:
                        return null;
                }
            }

            private IEnumerable<MethodDefinitionHandle> OrderedMethods(TypeDefinition type)
            {
                var methods = type.GetMethods().ToList();
                Func<MethodDefinitionHandle, MethodAttributes> attributes = h => _md.GetMethodDefinition(h).Attributes;
                return methods.Where(h => (attributes(h) & MethodAttributes.Virtual) != 0)
                    .Concat(methods.Where(h => (attributes(h) & (MethodAttributes.Virtual | MethodAttributes.Static)) == 0))
                    .Concat(methods.Where(h => (attributes(h) & MethodAttributes.Static) != 0));
            }

            private List<TypeDefinitionHandle> OrderedTypes()
            {
                var sorted = _md.TypeDefinitions
                    .Where(h => FullName(h) != "<Module>")
                    .OrderBy(FullName, StringComparer.InvariantCulture)
                    .ToList();
                var done = new HashSet<TypeDefinitionHandle>();
                var result = new List<TypeDefinitionHandle>();
                foreach (TypeDefinitionHandle type in sorted)
                {
                    Visit(type, done, result);
                }

                return result;
            }

            // Depth first: declaring type, interfaces of this module, types used in
            // the signatures of methods the type's bodies call; then the type.
            private void Visit(TypeDefinitionHandle handle, HashSet<TypeDefinitionHandle> done, List<TypeDefinitionHandle> result)
            {
                if (done.Contains(handle))
                {
                    return;
                }

                TypeDefinition type = _md.GetTypeDefinition(handle);
                TypeDefinitionHandle declaring = type.GetDeclaringType();
                if (!declaring.IsNil)
                {
                    Visit(declaring, done, result);
                }

                foreach (InterfaceImplementationHandle implementation in type.GetInterfaceImplementations())
                {
                    EntityHandle itf = _md.GetInterfaceImplementation(implementation).Interface;
                    foreach (TypeDefinitionHandle local in LocalTypes(itf))
                    {
                        Visit(local, done, result);
                    }
                }

                if (!done.Add(handle))
                {
                    return;
                }

                foreach (TypeDefinitionHandle used in TypesUsedByCalls(type))
                {
                    Visit(used, done, result);
                }

                result.Add(handle);
            }

            private IEnumerable<TypeDefinitionHandle> TypesUsedByCalls(TypeDefinition type)
            {
                var used = new List<TypeDefinitionHandle>();
                foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
                {
                    MethodDefinition method = _md.GetMethodDefinition(methodHandle);
                    if (method.RelativeVirtualAddress == 0)
                    {
                        continue;
                    }

                    BlobReader il = _pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader();
                    foreach (EntityHandle called in CalledMethods(il))
                    {
                        foreach (TypeDefinitionHandle t in SignatureTypes(called))
                        {
                            if (!used.Contains(t))
                            {
                                used.Add(t);
                            }
                        }
                    }
                }

                return used;
            }

            private static IEnumerable<EntityHandle> CalledMethods(BlobReader il)
            {
                var calls = new List<EntityHandle>();
                while (il.RemainingBytes > 0)
                {
                    short code = il.ReadByte();
                    if (code == 0xFE)
                    {
                        code = (short)(0xFE00 | il.ReadByte());
                    }

                    OperandType operand = OperandTypes[code];
                    switch (operand)
                    {
                        // Cecil's operands that are MethodReferences: calls, newobj, ldftn and a
                        // ldtoken of a method (SignatureTypes ignores the other tokens).
                        case OperandType.InlineMethod:
                        case OperandType.InlineTok:
                            calls.Add(MetadataTokens.EntityHandle(il.ReadInt32()));
                            break;
                        case OperandType.InlineNone:
                            break;
                        case OperandType.ShortInlineBrTarget:
                        case OperandType.ShortInlineI:
                        case OperandType.ShortInlineVar:
                            il.Offset += 1;
                            break;
                        case OperandType.InlineVar:
                            il.Offset += 2;
                            break;
                        case OperandType.InlineI8:
                        case OperandType.InlineR:
                            il.Offset += 8;
                            break;
                        case OperandType.InlineSwitch:
                            int targets = il.ReadInt32();
                            il.Offset += 4 * targets;
                            break;
                        default:
                            il.Offset += 4;
                            break;
                    }
                }

                return calls;
            }

            private IEnumerable<TypeDefinitionHandle> SignatureTypes(EntityHandle method)
            {
                BlobHandle signature;
                switch (method.Kind)
                {
                    case HandleKind.MethodDefinition:
                        signature = _md.GetMethodDefinition((MethodDefinitionHandle)method).Signature;
                        break;
                    case HandleKind.MemberReference:
                        MemberReference member = _md.GetMemberReference((MemberReferenceHandle)method);
                        if (member.GetKind() != MemberReferenceKind.Method)
                        {
                            return Array.Empty<TypeDefinitionHandle>();
                        }

                        signature = member.Signature;
                        break;
                    case HandleKind.MethodSpecification:
                        return SignatureTypes(_md.GetMethodSpecification((MethodSpecificationHandle)method).Method);
                    default:
                        return Array.Empty<TypeDefinitionHandle>();
                }

                BlobReader reader = _md.GetBlobReader(signature);
                var decoded = new SignatureDecoder<ImmutableArray<TypeDefinitionHandle>, object>(_handles, _md, null)
                    .DecodeMethodSignature(ref reader);
                // Cecil's GetTypesList: the return type unless it is System.Void, then every parameter's.
                reader = _md.GetBlobReader(signature);
                bool returnsVoid = new SignatureDecoder<string, object>(_codes, _md, null).DecodeMethodSignature(ref reader).ReturnType == "VOID";
                return (returnsVoid ? decoded.ParameterTypes : decoded.ParameterTypes.Prepend(decoded.ReturnType)).SelectMany(t => t);
            }

            private string FullName(TypeDefinitionHandle handle)
            {
                TypeDefinition type = _md.GetTypeDefinition(handle);
                string name = _md.GetString(type.Name);
                TypeDefinitionHandle declaring = type.GetDeclaringType();
                if (!declaring.IsNil)
                {
                    return FullName(declaring) + "/" + name;
                }

                string ns = _md.GetString(type.Namespace);
                return ns.Length == 0 ? name : ns + "." + name;
            }

            // Join("_", ClassName(declaring), Namespace, Name), '.'→'_', leading '_' trimmed.
            private string ClassName(TypeDefinitionHandle handle)
            {
                if (handle.IsNil)
                {
                    return string.Empty;
                }

                TypeDefinition type = _md.GetTypeDefinition(handle);
                return string.Join("_", ClassName(type.GetDeclaringType()), _md.GetString(type.Namespace), _md.GetString(type.Name))
                    .Replace(".", "_").TrimStart('_');
            }

            // Name + "___STATIC__" or "___", then the return and parameter codes joined by "__"; '.'→'_', '/' removed.
            private string MethodName(MethodDefinition method)
            {
                MethodSignature<string> signature = method.DecodeSignature(_codes, null);
                bool isStatic = (method.Attributes & MethodAttributes.Static) != 0;
                string name = _md.GetString(method.Name) + (isStatic ? "___STATIC__" : "___")
                    + string.Join("__", signature.ParameterTypes.Prepend(signature.ReturnType));
                return name.Replace(".", "_").Replace("/", string.Empty);
            }
        }

        /// <summary>nanoCLR type codes of signature types (metadata-processor's GetParameterType).</summary>
        private sealed class TypeCodeProvider : ISignatureTypeProvider<string, object>
        {
            private readonly MetadataReader _md;

            internal TypeCodeProvider(MetadataReader md)
            {
                _md = md;
            }

            public string GetPrimitiveType(PrimitiveTypeCode code)
            {
                switch (code)
                {
                    case PrimitiveTypeCode.Void: return "VOID";
                    case PrimitiveTypeCode.SByte: return "I1";
                    case PrimitiveTypeCode.Int16: return "I2";
                    case PrimitiveTypeCode.Int32: return "I4";
                    case PrimitiveTypeCode.Int64: return "I8";
                    case PrimitiveTypeCode.Byte: return "U1";
                    case PrimitiveTypeCode.UInt16: return "U2";
                    case PrimitiveTypeCode.UInt32: return "U4";
                    case PrimitiveTypeCode.UInt64: return "U8";
                    case PrimitiveTypeCode.Single: return "R4";
                    case PrimitiveTypeCode.Double: return "R8";
                    case PrimitiveTypeCode.Char: return "CHAR";
                    case PrimitiveTypeCode.String: return "STRING";
                    case PrimitiveTypeCode.Boolean: return "BOOLEAN";
                    case PrimitiveTypeCode.Object: return "OBJECT";
                    case PrimitiveTypeCode.IntPtr: return "I4";
                    case PrimitiveTypeCode.UIntPtr: return "U4";
                    default: return code.ToString();
                }
            }

            public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
            {
                TypeDefinition type = reader.GetTypeDefinition(handle);
                string name = reader.GetString(type.Name);
                TypeDefinitionHandle declaring = type.GetDeclaringType();
                string full = !declaring.IsNil
                    ? GetTypeFromDefinition(reader, declaring, rawTypeKind) + "/" + name
                    : Qualified(reader.GetString(type.Namespace), name);
                return full.Replace(".", string.Empty);
            }

            public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
            {
                TypeReference type = reader.GetTypeReference(handle);
                string name = reader.GetString(type.Name);
                string full = type.ResolutionScope.Kind == HandleKind.TypeReference
                    ? GetTypeFromReference(reader, (TypeReferenceHandle)type.ResolutionScope, rawTypeKind) + "/" + name
                    : Qualified(reader.GetString(type.Namespace), name);
                if (full == "System.WeakReference")
                {
                    return "WEAKCLASS";
                }

                return full.Replace(".", string.Empty);
            }

            public string GetSZArrayType(string elementType) => "SZARRAY_" + elementType;

            public string GetByReferenceType(string elementType) => "BYREF_" + elementType;

            public string GetGenericMethodParameter(object genericContext, int index) => "GENERICTYPE";

            public string GetGenericTypeParameter(object genericContext, int index) => "GENERICTYPE";

            public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
                genericType + "<" + string.Join(",", typeArguments) + ">";

            public string GetArrayType(string elementType, ArrayShape shape) => "SZARRAY_" + elementType;

            public string GetPointerType(string elementType) => elementType + "*";

            public string GetPinnedType(string elementType) => elementType;

            public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

            public string GetFunctionPointerType(MethodSignature<string> signature) => "FNPTR";

            public string GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
                reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

            private static string Qualified(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;
        }

        /// <summary>
        /// The types of this module a signature names, as Mono.Cecil's Resolve() finds them: arrays,
        /// by-refs, pointers and generic instantiations resolve to their element or generic type, and
        /// a primitive to the module's own System type when the module is the core library.
        /// </summary>
        private sealed class TypeHandleProvider : ISignatureTypeProvider<ImmutableArray<TypeDefinitionHandle>, object>
        {
            private static readonly ImmutableArray<TypeDefinitionHandle> None = ImmutableArray<TypeDefinitionHandle>.Empty;
            private readonly Dictionary<string, TypeDefinitionHandle> _systemTypes = new Dictionary<string, TypeDefinitionHandle>(StringComparer.Ordinal);

            internal TypeHandleProvider(MetadataReader md)
            {
                foreach (TypeDefinitionHandle handle in md.TypeDefinitions)
                {
                    TypeDefinition type = md.GetTypeDefinition(handle);
                    if (type.GetDeclaringType().IsNil && md.GetString(type.Namespace) == "System")
                    {
                        _systemTypes[md.GetString(type.Name)] = handle;
                    }
                }
            }

            // PrimitiveTypeCode names are those of the System types (Int32, String, Void, ...).
            public ImmutableArray<TypeDefinitionHandle> GetPrimitiveType(PrimitiveTypeCode typeCode) =>
                _systemTypes.TryGetValue(typeCode.ToString(), out TypeDefinitionHandle handle) ? ImmutableArray.Create(handle) : None;

            public ImmutableArray<TypeDefinitionHandle> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
                ImmutableArray.Create(handle);

            public ImmutableArray<TypeDefinitionHandle> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => None;

            public ImmutableArray<TypeDefinitionHandle> GetSZArrayType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

            public ImmutableArray<TypeDefinitionHandle> GetByReferenceType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

            public ImmutableArray<TypeDefinitionHandle> GetGenericMethodParameter(object genericContext, int index) => None;

            public ImmutableArray<TypeDefinitionHandle> GetGenericTypeParameter(object genericContext, int index) => None;

            public ImmutableArray<TypeDefinitionHandle> GetGenericInstantiation(ImmutableArray<TypeDefinitionHandle> genericType, ImmutableArray<ImmutableArray<TypeDefinitionHandle>> typeArguments) => genericType;

            public ImmutableArray<TypeDefinitionHandle> GetArrayType(ImmutableArray<TypeDefinitionHandle> elementType, ArrayShape shape) => elementType;

            public ImmutableArray<TypeDefinitionHandle> GetPointerType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

            public ImmutableArray<TypeDefinitionHandle> GetPinnedType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

            public ImmutableArray<TypeDefinitionHandle> GetModifiedType(ImmutableArray<TypeDefinitionHandle> modifier, ImmutableArray<TypeDefinitionHandle> unmodifiedType, bool isRequired) => unmodifiedType;

            public ImmutableArray<TypeDefinitionHandle> GetFunctionPointerType(MethodSignature<ImmutableArray<TypeDefinitionHandle>> signature) => None;

            public ImmutableArray<TypeDefinitionHandle> GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
                reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
        }
    }
}
