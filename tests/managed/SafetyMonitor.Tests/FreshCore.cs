using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using SafetyMonitor.Native;

namespace SafetyMonitor.Tests
{
    /// <summary>
    /// The controller on a C core that was loaded just now, as at power-up
    /// before start-up ran: a copy of the C core's test library (its own
    /// retained record, its own boot status: stack_check_fault_boot() has not
    /// run) with copies of the managed assemblies bound to it. The process's
    /// core, whose boot every test repeats, cannot go back to that state.
    /// Its types are reached by name; use <c>dynamic</c> on what it creates.
    /// </summary>
    internal sealed class FreshCore : AssemblyLoadContext, IDisposable
    {
        private static readonly string[] Bound = { "SafetyMonitor", "SafetyMonitor.Native" };
        private readonly string _library;

        public FreshCore()
            : base("fresh C core")
        {
            // A copy under another name: dlopen() gives it statics of its own.
            _library = Path.Combine(Path.GetTempPath(), $"safetymon_fresh_{Guid.NewGuid():N}.so");
            File.Copy(NativeCore.LibraryPath(), _library);
        }

        /// <summary>A new instance of SafetyMonitor.<paramref name="typeName"/> from this core's assemblies.</summary>
        public object New(string typeName, params object[] arguments) =>
            Activator.CreateInstance(SafetyMonitorType(typeName), arguments);

        /// <summary>A value of SafetyMonitor.<paramref name="enumName"/> from this core's assemblies.</summary>
        public object Enum(string enumName, int value) => System.Enum.ToObject(SafetyMonitorType(enumName), value);

        public void Dispose()
        {
            File.Delete(_library);   // a loaded library stays mapped
        }

        protected override Assembly Load(AssemblyName name) =>
            Array.IndexOf(Bound, name.Name) >= 0
                ? LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, name.Name + ".dll"))
                : null;

        protected override IntPtr LoadUnmanagedDll(string name) =>
            name == StackCheck.NativeLibraryName ? LoadUnmanagedDllFromPath(_library) : IntPtr.Zero;

        private Type SafetyMonitorType(string name) =>
            LoadFromAssemblyName(new AssemblyName("SafetyMonitor")).GetType("SafetyMonitor." + name, throwOnError: true);
    }
}
