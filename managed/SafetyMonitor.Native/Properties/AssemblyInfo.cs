using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("SafetyMonitor.Native")]
[assembly: AssemblyDescription("Native interop of the SafetyMonitor stack monitor")]
[assembly: AssemblyCompany("SafetyMonitor contributors")]
[assembly: AssemblyProduct("SafetyMonitor")]
[assembly: AssemblyCopyright("Copyright (c) SafetyMonitor contributors")]
[assembly: ComVisible(false)]

#if NANOFRAMEWORK_1_0
////////////////////////////////////////////////////////////////
// Native version of this interop assembly: it must equal the version in
// native-interop/stubs/SafetyMonitor.Native/SafetyMonitor_Native.cpp, or the
// nanoCLR refuses the assembly. The checksum guard test compares the two.
[assembly: AssemblyNativeVersion("1.3.0.0")]
////////////////////////////////////////////////////////////////
#endif
