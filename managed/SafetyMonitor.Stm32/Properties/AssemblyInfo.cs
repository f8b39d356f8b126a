using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("SafetyMonitor.Stm32")]
[assembly: AssemblyDescription("What the SafetyMonitor controller needs from nanoFramework.Hardware.Stm32: the error memory in the RTC backup registers")]
[assembly: AssemblyCompany("SafetyMonitor contributors")]
[assembly: AssemblyProduct("SafetyMonitor")]
[assembly: AssemblyCopyright("Copyright (c) SafetyMonitor contributors")]
[assembly: ComVisible(false)]
