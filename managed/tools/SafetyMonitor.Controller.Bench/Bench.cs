using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using SafetyMonitor;
using SafetyMonitor.Native;

// The controller's cycle with the managed heap check off and on. The same
// controller code as on nanoFramework, on .NET: the numbers say what the
// heap check adds relative to the rest of a cycle here, not what a
// Cortex-M takes (there GC.Run(false) is the nanoCLR's own collection).
internal static class Bench
{
    private const int Cycles = 20000;
    private const int Runs = 5;

    private static int Main(string[] args)
    {
        string library = Environment.GetEnvironmentVariable("SAFETYMON_NATIVE_LIBRARY")
            ?? Path.Combine(RepositoryRoot(), "build", "host", "native-interop", "libsafetymon_native.so");
        if (!File.Exists(library))
        {
            Console.Error.WriteLine($"bench-controller: {library} is missing: cmake --preset host && cmake --build --preset host --target safetymon_native");
            return 2;
        }

        NativeLibrary.SetDllImportResolver(typeof(StackCheck).Assembly,
            (name, assembly, path) => name == StackCheck.NativeLibraryName ? NativeLibrary.Load(library) : IntPtr.Zero);

        // A live heap for the collections to walk: 20,000 small objects, as an application keeps.
        object[] live = new object[20000];
        for (int i = 0; i < live.Length; i++)
        {
            live[i] = new byte[64];
        }

        var heap = new RuntimeManagedHeap();
        Console.WriteLine($"| heap check | cycles | µs per cycle (median of {Runs} runs) | heap reads |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        Row("off", 0, heap);
        Row("every 100th cycle", 100, heap);
        Row("every 10th cycle", 10, heap);
        Row("every cycle", 1, heap);

        var one = Stopwatch.StartNew();
        long free = heap.FreeBytes;
        one.Stop();
        GC.KeepAlive(live);
        Console.WriteLine();
        Console.WriteLine($"one RuntimeManagedHeap.FreeBytes (a full blocking collection): {one.Elapsed.TotalMilliseconds * 1000:F0} µs; " +
                          $"{GC.GetTotalMemory(false) / 1024} KiB live, {free / (1024 * 1024)} MiB free");
        return 0;
    }

    private static void Row(string label, int every, RuntimeManagedHeap heap)
    {
        var times = new double[Runs];
        var counting = new CountingHeap(heap);
        for (int run = 0; run < Runs; run++)
        {
            var controller = new SafetyController();
            if (controller.Initialize() != AreaStatus.Ok)
            {
                throw new InvalidOperationException("the area did not seal");
            }

            if (every > 0)
            {
                controller.SetHeapCheck(counting, 0, every);
            }

            var watch = Stopwatch.StartNew();
            for (int i = 0; i < Cycles; i++)
            {
                controller.Handle();
            }

            watch.Stop();
            times[run] = watch.Elapsed.TotalMilliseconds * 1000 / Cycles;
        }

        Array.Sort(times);
        Console.WriteLine($"| {label} | {Cycles:N0} | {times[Runs / 2]:F2} | {counting.Reads / Runs:N0} |");
    }

    private static string RepositoryRoot()
    {
        string folder = AppContext.BaseDirectory;
        while (folder != null && !File.Exists(Path.Combine(folder, "SafetyMonitor.sln")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        return folder ?? Directory.GetCurrentDirectory();
    }

    private sealed class CountingHeap : IManagedHeap
    {
        private readonly IManagedHeap _inner;

        public CountingHeap(IManagedHeap inner)
        {
            _inner = inner;
        }

        public long Reads { get; private set; }

        public long FreeBytes
        {
            get
            {
                Reads++;
                return _inner.FreeBytes;
            }
        }
    }
}
