using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("SafetyMonitor.Sample")]
[assembly: AssemblyDescription("The SafetyMonitor controller inside an application's loop")]
[assembly: AssemblyCompany("SafetyMonitor contributors")]
[assembly: AssemblyProduct("SafetyMonitor")]
[assembly: AssemblyCopyright("Copyright (c) SafetyMonitor contributors")]
[assembly: ComVisible(false)]
