using System.Reflection;

[assembly: AssemblyTitle("SafetyMonitor.TestNative")]
[assembly: AssemblyDescription("TEST ONLY: overflows the CLR thread's native stack")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyNativeVersion("1.0.0.0")]
