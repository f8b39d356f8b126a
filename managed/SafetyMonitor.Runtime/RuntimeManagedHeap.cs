using System;

namespace SafetyMonitor
{
    /// <summary>
    /// The free managed heap for the controller's heap check
    /// (<see cref="SafetyController.SetHeapCheck"/>): on nanoFramework
    /// nanoFramework.Runtime.Native's <c>GC.Run(false)</c>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// What <c>GC.Run(false)</c> does (nf-interpreter main of 2026-07-24,
    /// a3e8139a: src/nanoFramework.Runtime.Native/nf_rt_native_nanoFramework_Runtime_Native_GC.cpp
    /// and src/CLR/Core/Execution.cpp, <c>PerformGarbageCollection</c>): a
    /// full collection of the managed heap, mark and sweep
    /// (<c>CLR_RT_GarbageCollector::ExecuteGarbageCollection</c>), then the
    /// finalizer thread is woken; it returns the free bytes. With
    /// <c>false</c> it does not compact (compaction moves every live object
    /// and costs far more). So one read costs a collection of the
    /// application's heap, proportional to its objects: measure it every Nth
    /// cycle where that is too much (BENCHMARKS.md).
    /// </para>
    /// <para>
    /// On .NET (no <c>NANOFRAMEWORK_1_0</c>) the equivalent: a full blocking
    /// collection (<c>GC.GetTotalMemory(true)</c>) and the memory the GC may
    /// still use (<c>GCMemoryInfo.TotalAvailableMemoryBytes</c>) less the
    /// bytes it leaves allocated.
    /// </para>
    /// </remarks>
    public sealed class RuntimeManagedHeap : IManagedHeap
    {
        /// <summary>Free managed heap, in bytes, after a full collection.</summary>
        public long FreeBytes
        {
            get
            {
#if NANOFRAMEWORK_1_0
                return nanoFramework.Runtime.Native.GC.Run(false);
#else
                long used = GC.GetTotalMemory(true);
                long free = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes - used;
                return free < 0 ? 0 : free;
#endif
            }
        }
    }
}
