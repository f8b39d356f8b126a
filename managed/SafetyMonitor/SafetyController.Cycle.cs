using System;
using SafetyMonitor.Native;

namespace SafetyMonitor
{
    /// <summary>The safety cycle: the stack check, the checks, the policies, the events.</summary>
    public sealed partial class SafetyController
    {
        // CycleResult.MinFreeStackBytes when the mark is off or the stack not
        // painted: the C core's STACK_CHECK_ERR_NOT_INITIALISED.
        private const int NotMeasured = -7;

        // Serialises cycles and Initialize(): the native area calls never overlap.
        private readonly object _cycleSync = new object();

        // The policy each flag that started had in the cycle that detected it,
        // for its ErrorRaised; and whether a subscriber threw in the last
        // cycle. Both belong to the cycle: used only under _cycleSync.
        private readonly FlagPolicy[] _startedPolicies = new FlagPolicy[FlagBits.Count];
        private bool _subscriberThrew;
        private int _detectedBefore;
        private long _cycles;
        private CycleResult _last;

        /// <summary>The last cycle's result (a copy; allocates nothing). <c>Number</c> is 0 before the first cycle.</summary>
        public CycleResult LastCycle
        {
            get
            {
                lock (_sync)
                {
                    return _last;
                }
            }
        }

        /// <summary>
        /// One safety cycle: the stack check, every registered check, the heap
        /// check when due (<see cref="SetHeapCheck"/>), the conditions reported
        /// since the last cycle; then the flags are updated
        /// by their policies, detections that start are counted in the error
        /// memory and raise <see cref="ErrorRaised"/>, and a detected panic
        /// flag enters panic (<see cref="PanicEntered"/>, once), and in panic a
        /// panic reset (<see cref="SetPanicReset"/>) is requested once the panic
        /// is in the error memory. Cycles run one
        /// at a time: a call waits for one in progress on another thread.
        /// </summary>
        /// <remarks>
        /// Nothing a check, a subscriber or the error memory's store throws
        /// leaves this method: a throwing check detects its flag and
        /// <see cref="ErrorFlags.CheckFault"/>; a throwing subscriber is
        /// reported as <see cref="ErrorFlags.HandlerFault"/> to the next cycle;
        /// a store that throws (the evidence of this cycle is lost) or is found
        /// damaged detects <see cref="ErrorFlags.ErrorMemory"/>.
        /// </remarks>
        /// <returns>What the cycle saw (also in <see cref="LastCycle"/>).</returns>
        /// <exception cref="NotSupportedException">On a nanoCLR whose firmware lacks SafetyMonitor.Native's natives (the nanoCLR's answer to a missing native).</exception>
        public CycleResult Handle()
        {
            lock (_cycleSync)
            {
                long number;
                int minStackFree;
                bool useHighWaterMark;
                int checkCount;
                IManagedHeap heap;
                long minHeapFree;
                int heapEvery;
                lock (_sync)
                {
                    number = _cycles + 1;
                    minStackFree = _minStackFree;
                    useHighWaterMark = _useHighWaterMark;
                    checkCount = _checks.Count;
                    heap = _heap;
                    minHeapFree = _minHeapFree;
                    heapEvery = _heapEvery;
                }

                StackCheck.SetCycle(unchecked((uint)number));
                int freeBytes = StackCheck.GetFree();
                int minFreeBytes = useHighWaterMark ? StackCheck.GetMinFree() : NotMeasured;
                AreaStatus area = (AreaStatus)StackCheck.CheckCorruptionDetectArea();
                int detected = StackDetected(freeBytes, minFreeBytes, minStackFree, area) | _checks.Run(checkCount);
                long freeHeapBytes;
                detected |= CheckHeap(number, heap, minHeapFree, heapEvery, out freeHeapBytes);

                CycleResult result;
                int started;
                bool enteredPanic;
                if (_subscriberThrew)
                {
                    detected |= (int)ErrorFlags.HandlerFault;
                }

                lock (_sync)
                {
                    detected |= _reported;
                    _reported = 0;
                    started = detected & ~_detectedBefore;
                    if (_errorMemory != null)
                    {
                        int lost = Record(started);
                        detected |= lost;
                        started |= lost;
                    }

                    _detectedBefore = detected;
                    KeepPolicies(started);
                    _flags = _policies.Apply(_flags, detected);
                    enteredPanic = !_panic && _policies.AnyPanic(detected);
                    _panic |= enteredPanic;
                    _cycles = number;
                    result = new CycleResult(number, freeBytes, minFreeBytes, area, (ErrorFlags)detected, (ErrorFlags)_flags, _panic, freeHeapBytes);
                    _last = result;
                }

                int failures = RaiseErrors(started, result);
                if (enteredPanic)
                {
                    failures += _panicSubscribers.Raise(this, EventArgs.Empty);
                }

                _subscriberThrew = failures != 0;
                if (result.Panic)
                {
                    RequestPanicReset();
                }

                return result;
            }
        }

        // Stack when the free stack or the mark is below the minimum (equal
        // passes) or the area is not intact. A mark the core cannot give (not
        // painted, or the mark is off) is no measurement.
        private static int StackDetected(int freeBytes, int minFreeBytes, int minStackFree, AreaStatus area)
        {
            bool tooLittle = freeBytes < minStackFree;
            bool peakTooDeep = minFreeBytes != NotMeasured && minFreeBytes < minStackFree;
            return tooLittle || peakTooDeep || area != AreaStatus.Ok ? (int)ErrorFlags.Stack : 0;
        }

        // Counts the detections that started in the error memory, keeping the
        // flags that are not self-clearing. Returns ErrorMemory when evidence
        // was lost: the store threw, or a call on any thread found it damaged
        // (and wiped it). Caller holds _sync.
        private int Record(int started)
        {
            int lost = 0;
            if (started != 0)
            {
                int kept = _policies.Kept(started);
                try
                {
                    if (kept != 0)
                    {
                        _errorMemory.Raise((ErrorFlags)kept, true);
                    }

                    if ((started & ~kept) != 0)
                    {
                        _errorMemory.Raise((ErrorFlags)(started & ~kept), false);
                    }
                }
                catch (Exception)
                {
                    lost = (int)ErrorFlags.ErrorMemory;
                }
            }

            ErrorMemoryStatus damage = _errorMemory.TakeDamage();
            if (damage != ErrorMemoryStatus.Ok)
            {
                _errorMemoryStatus = damage;
                lost = (int)ErrorFlags.ErrorMemory;
            }

            return lost;
        }

        // Notes the policy of each started flag as this cycle applies it.
        // Caller holds _sync and _cycleSync.
        private void KeepPolicies(int started)
        {
            for (int bit = 0; started != 0 && bit < FlagBits.Count; bit++)
            {
                if ((started & (1 << bit)) != 0)
                {
                    _startedPolicies[bit] = _policies.Get(bit);
                }
            }
        }

        // ErrorRaised for each started flag, in bit order, with the policy the
        // cycle applied. Returns how many subscribers threw. Caller holds _cycleSync.
        private int RaiseErrors(int started, CycleResult cycle)
        {
            if (started == 0 || _errorSubscribers.Snapshot.Length == 0)
            {
                return 0;
            }

            int failures = 0;
            for (int bit = 0; bit < FlagBits.Count; bit++)
            {
                int mask = 1 << bit;
                if ((started & mask) != 0)
                {
                    failures += _errorSubscribers.Raise(this, new ErrorRaisedEventArgs((ErrorFlags)mask, _startedPolicies[bit], cycle));
                }
            }

            return failures;
        }
    }
}
