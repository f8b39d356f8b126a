using System;

namespace SafetyMonitor
{
    /// <summary>The managed heap check: free heap against a minimum, every Nth cycle, and the least seen.</summary>
    public sealed partial class SafetyController
    {
        // CycleResult.FreeHeapBytes when the cycle did not measure the heap.
        private const long HeapNotMeasured = -1;

        private IManagedHeap _heap;
        private long _minHeapFree;
        private int _heapEvery = 1;
        private long _lowestHeapFree = HeapNotMeasured;

        /// <summary>Least free managed heap, in bytes, that a measuring cycle accepts (0 until <see cref="SetHeapCheck"/>).</summary>
        public long MinHeapFree
        {
            get
            {
                lock (_sync)
                {
                    return _minHeapFree;
                }
            }
        }

        /// <summary>Every how many cycles the heap is measured: cycle 1 and every this many after it (1 until <see cref="SetHeapCheck"/>).</summary>
        public int HeapCheckEvery
        {
            get
            {
                lock (_sync)
                {
                    return _heapEvery;
                }
            }
        }

        /// <summary>The least free managed heap any cycle measured, in bytes; -1 before the first measurement.</summary>
        public long LowestHeapFree
        {
            get
            {
                lock (_sync)
                {
                    return _lowestHeapFree;
                }
            }
        }

        /// <summary>
        /// Turns on the managed heap check from the next cycle: cycle 1 and
        /// every <paramref name="everyNthCycle"/>-th after it reads
        /// <paramref name="heap"/>'s free bytes; less than
        /// <paramref name="minFreeBytes"/> detects <see cref="ErrorFlags.Heap"/>
        /// (equal passes), and the least value read is kept
        /// (<see cref="LowestHeapFree"/>). A heap that throws detects
        /// <see cref="ErrorFlags.CheckFault"/>.
        /// </summary>
        /// <remarks>
        /// Cost: on nanoFramework <c>GC.Run(false)</c> is a full mark-and-sweep
        /// collection of the managed heap (no compaction; nf-interpreter
        /// src/CLR/Core/Execution.cpp, PerformGarbageCollection), so a
        /// measuring cycle costs what a collection of the application's heap
        /// costs, while the others cost one division. BENCHMARKS.md has it
        /// measured; choose <paramref name="everyNthCycle"/> from it.
        /// </remarks>
        /// <param name="heap">Where the free bytes come from (on nanoFramework <c>new RuntimeManagedHeap()</c>).</param>
        /// <param name="minFreeBytes">Least free bytes accepted, 0 or more.</param>
        /// <param name="everyNthCycle">1 (every cycle) or more.</param>
        /// <exception cref="ArgumentNullException"><paramref name="heap"/> is null; nothing changes.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="minFreeBytes"/> is negative or <paramref name="everyNthCycle"/> below 1; nothing changes.</exception>
        public void SetHeapCheck(IManagedHeap heap, long minFreeBytes, int everyNthCycle)
        {
            if (heap == null)
            {
                throw new ArgumentNullException("heap");
            }

            if (minFreeBytes < 0)
            {
                throw new ArgumentOutOfRangeException("minFreeBytes", "MinHeapFree is a number of bytes, 0 or more.");
            }

            if (everyNthCycle < 1)
            {
                throw new ArgumentOutOfRangeException("everyNthCycle", "The heap is measured every 1 or more cycles.");
            }

            lock (_sync)
            {
                _heap = heap;
                _minHeapFree = minFreeBytes;
                _heapEvery = everyNthCycle;
            }
        }

        // The heap check of cycle `number`: the bits it detects, and the free
        // bytes it read (HeapNotMeasured when not due or without a heap).
        // Caller holds _cycleSync, not _sync.
        private int CheckHeap(long number, IManagedHeap heap, long minHeapFree, int every, out long freeBytes)
        {
            freeBytes = HeapNotMeasured;
            if (heap == null || (number - 1) % every != 0)
            {
                return 0;
            }

            try
            {
                freeBytes = heap.FreeBytes;
            }
            catch (Exception)
            {
                return (int)ErrorFlags.CheckFault;
            }

            lock (_sync)
            {
                if (_lowestHeapFree == HeapNotMeasured || freeBytes < _lowestHeapFree)
                {
                    _lowestHeapFree = freeBytes;
                }
            }

            return freeBytes < minHeapFree ? (int)ErrorFlags.Heap : 0;
        }
    }
}
