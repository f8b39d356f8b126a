using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("SafetyMonitor.Runtime")]
[assembly: AssemblyDescription("What the SafetyMonitor controller needs from nanoFramework.Runtime.Native: the monotonic clock")]
[assembly: AssemblyCompany("SafetyMonitor contributors")]
[assembly: AssemblyProduct("SafetyMonitor")]
[assembly: AssemblyCopyright("Copyright (c) SafetyMonitor contributors")]
[assembly: ComVisible(false)]
