using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("SafetyMonitor")]
[assembly: AssemblyDescription("Safety controller over the SafetyMonitor native stack monitor")]
[assembly: AssemblyCompany("SafetyMonitor contributors")]
[assembly: AssemblyProduct("SafetyMonitor")]
[assembly: AssemblyCopyright("Copyright (c) SafetyMonitor contributors")]
[assembly: ComVisible(false)]
