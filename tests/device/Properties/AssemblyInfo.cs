using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("On-device tests of SafetyMonitor")]
[assembly: AssemblyCompany("SafetyMonitor contributors")]
[assembly: AssemblyProduct("SafetyMonitor")]
[assembly: AssemblyCopyright("Copyright (c) SafetyMonitor contributors")]
[assembly: ComVisible(false)]
