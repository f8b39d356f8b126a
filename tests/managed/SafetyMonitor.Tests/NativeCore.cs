using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SafetyMonitor.Native;
using Xunit;

// The C core keeps process-wide state (the area and its seal): tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace SafetyMonitor.Tests
{
    /// <summary>
    /// Binds <see cref="StackCheck"/>'s DllImports to the C core's test build
    /// and reaches into it: the area's memory, and the getrandom() faults.
    /// </summary>
    public static class NativeCore
    {
        private const string LibraryVariable = "SAFETYMON_NATIVE_LIBRARY";
        private const string DefaultRelativePath = "build/host/tests/host/libsafetymon_native_test.so";
        private static IntPtr _handle;

        public enum EntropyFault
        {
            Healthy = 0,
            NotReady = 1,
            Failed = 2,
            RepeatOnce = 3,
            ShortReads = 4,
        }

        [ModuleInitializer]
        internal static void BindLibrary()
        {
            NativeLibrary.SetDllImportResolver(typeof(StackCheck).Assembly, Resolve);
            NativeLibrary.SetDllImportResolver(typeof(NativeCore).Assembly, Resolve);
        }

        internal static IntPtr Handle
        {
            get
            {
                if (_handle == IntPtr.Zero)
                {
                    _handle = NativeLibrary.Load(LibraryPath());
                }

                return _handle;
            }
        }

        /// <summary>Address of the POSIX port's area (stack_check_posix_area).</summary>
        internal static IntPtr Area => NativeLibrary.GetExport(Handle, "stack_check_posix_area");

        /// <summary>Size of the area in bytes.</summary>
        internal static int AreaBytes => 4 * Marshal.ReadInt32(NativeLibrary.GetExport(Handle, "stack_check_posix_area_words"));

        [DllImport(StackCheck.NativeLibraryName, EntryPoint = "safetymon_test_entropy_fault")]
        internal static extern void SetEntropyFault(EntropyFault fault);

        /// <summary>What the test build's stack_check_reset_flags() returns from now on (RCC_CSR's bits).</summary>
        [DllImport(StackCheck.NativeLibraryName, EntryPoint = "safetymon_test_reset_flags")]
        internal static extern void SetResetFlags(uint flags);

        /// <summary>The C core's retained fault record (stack_check_retained_fault, 18 words).</summary>
        internal static IntPtr RetainedFault => NativeLibrary.GetExport(Handle, "stack_check_retained_fault");

        /// <summary>What a fault handler does: fills and seals the retained record (18 words; magic, version, cycle, count and CRC are set by the core).</summary>
        [DllImport(StackCheck.NativeLibraryName, EntryPoint = "stack_check_fault_save")]
        internal static extern void SaveFault(uint[] record);

        /// <summary>What start-up does after the reset: validates the retained record once.</summary>
        [DllImport(StackCheck.NativeLibraryName, EntryPoint = "stack_check_fault_boot")]
        internal static extern int BootFaultRecord([MarshalAs(UnmanagedType.I1)] bool powerOn);

        /// <summary>The C implementation of the error memory, on an 80-byte store.</summary>
        [DllImport(StackCheck.NativeLibraryName, EntryPoint = "stack_check_error_memory_open")]
        internal static extern int ErrorMemoryOpen(byte[] store, [MarshalAs(UnmanagedType.I1)] bool powerOn);

        [DllImport(StackCheck.NativeLibraryName, EntryPoint = "stack_check_error_memory_raise")]
        internal static extern int ErrorMemoryRaise(byte[] store, uint flags, [MarshalAs(UnmanagedType.I1)] bool persistent);

        [DllImport(StackCheck.NativeLibraryName, EntryPoint = "stack_check_error_memory_raise_times")]
        internal static extern int ErrorMemoryRaiseTimes(byte[] store, uint flags, [MarshalAs(UnmanagedType.I1)] bool persistent, uint times);

        [DllImport(StackCheck.NativeLibraryName, EntryPoint = "stack_check_error_memory_read")]
        internal static extern int ErrorMemoryRead(byte[] store, out uint flags, ushort[] counts);

        /// <summary>Paints the calling thread's unused stack for the high-water mark.</summary>
        [DllImport(StackCheck.NativeLibraryName, EntryPoint = "stack_check_paint")]
        internal static extern int PaintStack();

        /// <summary>Stops the high-water mark (before the painted thread ends).</summary>
        [DllImport(StackCheck.NativeLibraryName, EntryPoint = "stack_check_forget_paint")]
        internal static extern void ForgetPaint();

        /// <summary>The retained record's magic: STACK_CHECK_FAULT_RECORD_MAGIC while a fault waits for its acknowledgement.</summary>
        internal static uint RetainedMagic => (uint)Marshal.ReadInt32(RetainedFault);

        /// <summary>The retained record's magic once acknowledged (STACK_CHECK_FAULT_RECORD_EMPTY, "NONE").</summary>
        internal const uint EmptyRecordMagic = 0x4E4F4E45;

        /// <summary>Starts the next "boot" with no fault recorded.</summary>
        internal static void BootWithoutFault()
        {
            for (int i = 0; i < FaultRecord.Words; i++)
            {
                Marshal.WriteInt32(RetainedFault + (4 * i), 0);
            }

            BootFaultRecord(false);
        }

        internal static void FlipAreaBit(int bit)
        {
            IntPtr address = Area + bit / 8;
            Marshal.WriteByte(address, (byte)(Marshal.ReadByte(address) ^ (1 << (bit % 8))));
        }

        private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
        {
            return name == StackCheck.NativeLibraryName ? Handle : IntPtr.Zero;
        }

        internal static string LibraryPath()
        {
            string configured = Environment.GetEnvironmentVariable(LibraryVariable);
            if (!string.IsNullOrEmpty(configured))
            {
                return File.Exists(configured)
                    ? configured
                    : throw new FileNotFoundException($"{LibraryVariable} names {configured}, which does not exist.");
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SafetyMonitor.sln")))
                {
                    string path = Path.Combine(dir.FullName, DefaultRelativePath);
                    return File.Exists(path)
                        ? path
                        : throw new FileNotFoundException(
                            $"The C core's test library {path} is missing: build the CMake host preset first " +
                            "(cmake --preset host && cmake --build --preset host; make test does it).");
                }
            }

            throw new FileNotFoundException($"Cannot find the repository root above {AppContext.BaseDirectory}; set {LibraryVariable}.");
        }
    }
}
