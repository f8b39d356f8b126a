using System;
using SafetyMonitor.Native;

namespace SafetyMonitor
{
    /// <summary>
    /// The safety controller: one call of <see cref="Handle"/> is one safety
    /// cycle. It checks the native stack (free bytes, now and at the
    /// high-water mark, at least <see cref="MinStackFree"/>; corruption-detect
    /// area intact), runs every
    /// registered <see cref="ISafetyCheck"/>, and updates the error flags by
    /// their policies.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A cycle allocates nothing unless a flag is newly raised (then one
    /// <see cref="ErrorRaisedEventArgs"/> per raised flag, for the event).
    /// Its cost: three native calls (the cycle number, the free stack and the
    /// area check, one CRC over the area, 31 words by default), a fourth for
    /// the high-water mark unless <see cref="UseHighWaterMark"/> is off (32
    /// stack words at most), plus the registered checks. Instruction counts of
    /// each: BENCHMARKS.md.
    /// </para>
    /// <para>
    /// Thread-safe: <see cref="Handle"/> normally runs on the
    /// <see cref="SafetyLoop"/> thread while others read <see cref="LastCycle"/>,
    /// report conditions or clear flags. Events are raised on the thread that
    /// runs <see cref="Handle"/>, outside the controller's lock.
    /// </para>
    /// </remarks>
    public sealed class SafetyController
    {
        /// <summary>Default <see cref="MinStackFree"/>: 0x100 bytes, the C core's <c>SAFETY_MIN_STACK_FREE</c>.</summary>
        public const int DefaultMinStackFree = 0x100;

        /// <summary>Most <see cref="ISafetyCheck"/>s one controller runs.</summary>
        public const int MaxChecks = 15;

        private const int FlagBits = 31;

        // CycleResult.MinFreeStackBytes when the mark is off or the stack not painted.
        private const int NotMeasured = -7;
        private const int OwnFlags = (int)(ErrorFlags.Stack | ErrorFlags.MainLoopTiming | ErrorFlags.CheckFault | ErrorFlags.ErrorMemory);
        private const int ApplicationFlags = 0x7FFF0000;
        private const int DefinedFlags = OwnFlags | ApplicationFlags;

        private readonly object _sync = new object();
        private readonly ISafetyCheck[] _checks = new ISafetyCheck[MaxChecks];
        private readonly int[] _checkFlags = new int[MaxChecks];
        private readonly FlagPolicy[] _policies = new FlagPolicy[FlagBits];
        private int _checkCount;
        private int _flags;
        private int _reported;
        private int _minStackFree = DefaultMinStackFree;
        private bool _useHighWaterMark = true;
        private bool _panic;
        private int _cycles;
        private CycleResult _last;
        private AreaStatus _initStatus = AreaStatus.NotInitialized;
        private readonly ErrorMemory _errorMemory;
        private bool _evidenceRead;
        private FaultRecord _lastFault;
        private FaultRecordStatus _lastFaultStatus = FaultRecordStatus.NotValidated;
        private ErrorMemoryStatus _errorMemoryStatus = ErrorMemoryStatus.Ok;

        /// <summary>
        /// Creates a controller with no flags set, no error memory and the
        /// default policies: <see cref="ErrorFlags.Stack"/>,
        /// <see cref="ErrorFlags.CheckFault"/> and <see cref="ErrorFlags.ErrorMemory"/>
        /// persistent, every other flag self-clearing. Call
        /// <see cref="Initialize"/> before the first cycle.
        /// </summary>
        public SafetyController()
        {
            _policies[BitIndex((int)ErrorFlags.Stack)] = FlagPolicy.Persistent;
            _policies[BitIndex((int)ErrorFlags.CheckFault)] = FlagPolicy.Persistent;
            _policies[BitIndex((int)ErrorFlags.ErrorMemory)] = FlagPolicy.Persistent;
        }

        /// <summary>
        /// Creates a controller that keeps its flags in an error memory: every
        /// newly raised flag is counted there, and flags whose policy is not
        /// <see cref="FlagPolicy.SelfClearing"/> stay set across resets until
        /// <see cref="ClearErrorMemory"/>. <see cref="Initialize"/> opens it.
        /// </summary>
        /// <param name="errorMemory">The error memory (e.g. on a <c>BackupMemoryErrorStore</c>).</param>
        /// <exception cref="ArgumentNullException"><paramref name="errorMemory"/> is null.</exception>
        public SafetyController(ErrorMemory errorMemory)
            : this()
        {
            if (errorMemory == null)
            {
                throw new ArgumentNullException("errorMemory");
            }

            _errorMemory = errorMemory;
        }

        /// <summary>
        /// Raised once for each flag a cycle newly sets, on the thread running
        /// <see cref="Handle"/>, after the cycle's state is updated.
        /// </summary>
        public event ErrorRaisedEventHandler ErrorRaised;

        /// <summary>Raised once, by the cycle that enters panic.</summary>
        public event EventHandler PanicEntered;

        /// <summary>
        /// Least free native stack, in bytes, that a cycle accepts; below it the
        /// cycle detects <see cref="ErrorFlags.Stack"/>. Default
        /// <see cref="DefaultMinStackFree"/>.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is negative; the setting is unchanged.</exception>
        public int MinStackFree
        {
            get
            {
                lock (_sync)
                {
                    return _minStackFree;
                }
            }

            set
            {
                if (value < 0)
                {
                    throw new ArgumentOutOfRangeException("value", "MinStackFree is a number of bytes, 0 or more.");
                }

                lock (_sync)
                {
                    _minStackFree = value;
                }
            }
        }

        /// <summary>
        /// Whether the stack check also compares the high-water mark (the least
        /// free stack seen since painting, <c>StackCheck.GetMinFree()</c>) with
        /// <see cref="MinStackFree"/>, so that a peak between two cycles is
        /// caught, not only the free stack at the moment of the check. Default
        /// true; without a painted stack the check uses the present free stack.
        /// Each cycle's cost grows by one native call that looks at 32 stack
        /// words at most.
        /// </summary>
        public bool UseHighWaterMark
        {
            get
            {
                lock (_sync)
                {
                    return _useHighWaterMark;
                }
            }

            set
            {
                lock (_sync)
                {
                    _useHighWaterMark = value;
                }
            }
        }

        /// <summary>Size in bytes of the native stack of the calling thread (0 if unknown).</summary>
        public int StackSize
        {
            get { return StackCheck.GetSize(); }
        }

        /// <summary>Result of the last <see cref="Initialize"/>; <see cref="AreaStatus.NotInitialized"/> before it.</summary>
        public AreaStatus InitializationStatus
        {
            get
            {
                lock (_sync)
                {
                    return _initStatus;
                }
            }
        }

        /// <summary>The flags now set.</summary>
        public ErrorFlags Flags
        {
            get
            {
                lock (_sync)
                {
                    return (ErrorFlags)_flags;
                }
            }
        }

        /// <summary>True once a flag with <see cref="FlagPolicy.Panic"/> was raised; only a device reset ends it.</summary>
        public bool InPanic
        {
            get
            {
                lock (_sync)
                {
                    return _panic;
                }
            }
        }

        /// <summary>
        /// The fault recorded before the last reset (registers, cause, stack,
        /// cycle), read by the first <see cref="Initialize"/>; null when
        /// <see cref="LastFaultStatus"/> is not <see cref="FaultRecordStatus.Recorded"/>.
        /// </summary>
        public FaultRecord LastFault
        {
            get
            {
                lock (_sync)
                {
                    return _lastFault;
                }
            }
        }

        /// <summary>
        /// What start-up found in the retained fault record;
        /// <see cref="FaultRecordStatus.NotValidated"/> before the first
        /// <see cref="Initialize"/> (or when the firmware never validates it).
        /// </summary>
        public FaultRecordStatus LastFaultStatus
        {
            get
            {
                lock (_sync)
                {
                    return _lastFaultStatus;
                }
            }
        }

        /// <summary>The error memory this controller uses, or null.</summary>
        public ErrorMemory ErrorMemory
        {
            get { return _errorMemory; }
        }

        /// <summary>
        /// How the first <see cref="Initialize"/> found the error memory
        /// (<see cref="ErrorMemoryStatus.Ok"/> without one), or the last
        /// damage a cycle found in it since.
        /// </summary>
        public ErrorMemoryStatus ErrorMemoryStatus
        {
            get
            {
                lock (_sync)
                {
                    return _errorMemoryStatus;
                }
            }
        }

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
        /// Fills the native corruption-detect area with random words and seals
        /// it. Until it succeeds every cycle detects <see cref="ErrorFlags.Stack"/>
        /// (the area check answers <see cref="AreaStatus.NotInitialized"/>).
        /// Calling it again re-seals the area with fresh words.
        /// </summary>
        /// <remarks>
        /// The first call also reads the evidence of the last run: the fault
        /// record (<see cref="LastFault"/>) and the error memory, whose
        /// persistent flags are set at once (without <see cref="ErrorRaised"/>).
        /// A recorded fault sets <see cref="ErrorFlags.Stack"/> persistent; a
        /// damaged fault record or error memory sets
        /// <see cref="ErrorFlags.ErrorMemory"/>.
        /// </remarks>
        /// <returns>
        /// <see cref="AreaStatus.Ok"/>, or why the area could not be sealed
        /// (<see cref="AreaStatus.RngSeedError"/>, <see cref="AreaStatus.RngClockError"/>,
        /// <see cref="AreaStatus.RngTimeout"/>, <see cref="AreaStatus.RngRepeatedWord"/>,
        /// <see cref="AreaStatus.CrcUnitFault"/>, <see cref="AreaStatus.LayoutError"/>).
        /// </returns>
        public AreaStatus Initialize()
        {
            lock (_sync)
            {
                if (!_evidenceRead)
                {
                    ReadEvidence();
                    _evidenceRead = true;
                }

                _initStatus = (AreaStatus)StackCheck.InitCorruptionDetectArea();
                return _initStatus;
            }
        }

        /// <summary>
        /// Clears the error memory's persistent flags and counters (the flags
        /// now set stay set; <see cref="ClearFlags"/> clears those).
        /// </summary>
        /// <exception cref="InvalidOperationException">The controller has no error memory.</exception>
        public void ClearErrorMemory()
        {
            if (_errorMemory == null)
            {
                throw new InvalidOperationException("This controller has no error memory.");
            }

            lock (_sync)
            {
                _errorMemory.Clear();
            }
        }

        // The fault record and the error memory of the last run. Caller holds _sync.
        private void ReadEvidence()
        {
            FaultRecordStatus faultStatus;
            _lastFault = FaultRecord.Read(out faultStatus);
            _lastFaultStatus = faultStatus;
            int evidence = 0;
            if (faultStatus == FaultRecordStatus.Recorded)
            {
                evidence = (int)ErrorFlags.Stack;
            }
            else if (faultStatus != FaultRecordStatus.None && faultStatus != FaultRecordStatus.NotValidated)
            {
                evidence = (int)ErrorFlags.ErrorMemory;
            }

            if (_errorMemory == null)
            {
                _flags |= evidence;
                return;
            }

            _errorMemoryStatus = _errorMemory.Open(false);
            if (evidence != 0)
            {
                Remember(_errorMemory.Raise((ErrorFlags)evidence, true));
            }

            _flags |= (int)_errorMemory.PersistentFlags & DefinedFlags;
        }

        // Notes damage the error memory reported (it has wiped itself and set
        // ErrorMemory in it). Caller holds _sync.
        private void Remember(ErrorMemoryStatus status)
        {
            if (status != ErrorMemoryStatus.Ok)
            {
                _errorMemoryStatus = status;
                _flags |= (int)ErrorFlags.ErrorMemory;
            }
        }

        /// <summary>The policy of one flag.</summary>
        /// <param name="flag">Exactly one defined flag.</param>
        /// <returns>Its policy.</returns>
        /// <exception cref="ArgumentException"><paramref name="flag"/> is not exactly one defined flag.</exception>
        public FlagPolicy GetPolicy(ErrorFlags flag)
        {
            int bit = CheckSingleFlag(flag, "flag");
            lock (_sync)
            {
                return _policies[bit];
            }
        }

        /// <summary>Sets the policy of one flag. It applies from the next cycle.</summary>
        /// <param name="flag">Exactly one defined flag.</param>
        /// <param name="policy">The policy.</param>
        /// <exception cref="ArgumentException"><paramref name="flag"/> is not exactly one defined flag; nothing changes.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="policy"/> is not a <see cref="FlagPolicy"/> value; nothing changes.</exception>
        public void SetPolicy(ErrorFlags flag, FlagPolicy policy)
        {
            int bit = CheckSingleFlag(flag, "flag");
            if (policy != FlagPolicy.SelfClearing && policy != FlagPolicy.Persistent && policy != FlagPolicy.Panic)
            {
                throw new ArgumentOutOfRangeException("policy", "Not a FlagPolicy value.");
            }

            lock (_sync)
            {
                _policies[bit] = policy;
            }
        }

        /// <summary>
        /// Adds a check that runs in every following cycle, in the order of
        /// registration. Its <see cref="ISafetyCheck.Flag"/> is read now.
        /// </summary>
        /// <param name="check">The check.</param>
        /// <exception cref="ArgumentNullException"><paramref name="check"/> is null.</exception>
        /// <exception cref="ArgumentException">Its flag is not exactly one application flag, or the check is already registered; nothing changes.</exception>
        /// <exception cref="InvalidOperationException"><see cref="MaxChecks"/> checks are already registered; nothing changes.</exception>
        public void Register(ISafetyCheck check)
        {
            if (check == null)
            {
                throw new ArgumentNullException("check");
            }

            ErrorFlags checkFlag = check.Flag;
            int flag = (int)checkFlag;
            CheckSingleFlag(checkFlag, "check");
            if ((flag & ApplicationFlags) == 0)
            {
                throw new ArgumentException("A check's flag must be one of Application0 to Application14.", "check");
            }

            lock (_sync)
            {
                for (int i = 0; i < _checkCount; i++)
                {
                    if (_checks[i] == check)
                    {
                        throw new ArgumentException("This check is already registered.", "check");
                    }
                }

                if (_checkCount == MaxChecks)
                {
                    throw new InvalidOperationException("The controller already runs MaxChecks checks.");
                }

                _checks[_checkCount] = check;
                _checkFlags[_checkCount] = flag;
                _checkCount++;
            }
        }

        /// <summary>
        /// Reports conditions found outside the registered checks (the
        /// <see cref="SafetyLoop"/> reports missed deadlines this way). The next
        /// cycle treats them as detected, then forgets them.
        /// </summary>
        /// <param name="conditions">One or more defined flags.</param>
        /// <exception cref="ArgumentException"><paramref name="conditions"/> is empty or has undefined bits; nothing is reported.</exception>
        public void Report(ErrorFlags conditions)
        {
            int bits = (int)conditions;
            if (bits == 0 || (bits & ~DefinedFlags) != 0)
            {
                throw new ArgumentException("Report one or more defined flags.", "conditions");
            }

            lock (_sync)
            {
                _reported |= bits;
            }
        }

        /// <summary>
        /// Clears flags (the operator's acknowledgement of persistent flags).
        /// Panic is not left: only a reset ends it. A condition that still holds
        /// sets its flag again in the next cycle.
        /// </summary>
        /// <param name="flags">Flags to clear; undefined bits are not allowed.</param>
        /// <exception cref="ArgumentException"><paramref name="flags"/> has undefined bits; nothing is cleared.</exception>
        public void ClearFlags(ErrorFlags flags)
        {
            int bits = (int)flags;
            if ((bits & ~DefinedFlags) != 0)
            {
                throw new ArgumentException("Only defined flags can be cleared.", "flags");
            }

            lock (_sync)
            {
                _flags &= ~bits;
            }
        }

        /// <summary>
        /// One safety cycle: the stack check, every registered check, the
        /// conditions reported since the last cycle; then the flags are updated
        /// by their policies, <see cref="ErrorRaised"/> is raised for each newly
        /// set flag and <see cref="PanicEntered"/> if a panic flag was raised.
        /// </summary>
        /// <returns>What the cycle saw (also in <see cref="LastCycle"/>).</returns>
        public CycleResult Handle()
        {
            int cycle;
            lock (_sync)
            {
                cycle = _cycles + 1;
            }

            StackCheck.SetCycle((uint)cycle);
            int freeBytes = StackCheck.GetFree();
            int minStackFree;
            int checkCount;
            bool useHighWaterMark;
            lock (_sync)
            {
                minStackFree = _minStackFree;
                checkCount = _checkCount;
                useHighWaterMark = _useHighWaterMark;
            }

            int minFreeBytes = useHighWaterMark ? StackCheck.GetMinFree() : NotMeasured;
            AreaStatus area = (AreaStatus)StackCheck.CheckCorruptionDetectArea();
            int detected = 0;
            bool peakTooDeep = minFreeBytes >= 0 && minFreeBytes < minStackFree;
            if (freeBytes < minStackFree || peakTooDeep || area != AreaStatus.Ok)
            {
                detected |= (int)ErrorFlags.Stack;
            }

            for (int i = 0; i < checkCount; i++)
            {
                detected |= RunCheck(i);
            }

            CycleResult result;
            int raised;
            bool enteredPanic;
            lock (_sync)
            {
                detected |= _reported;
                _reported = 0;
                int before = _flags;
                int after = Apply(before, detected);
                _flags = after;
                raised = after & ~before;
                if (raised != 0 && _errorMemory != null)
                {
                    // A damaged store sets ErrorMemory: raised in this cycle too.
                    Record(raised);
                    raised |= _flags & ~after;
                    after = _flags;
                }

                enteredPanic = !_panic && RaisesPanic(raised);
                _panic |= enteredPanic;
                _cycles++;
                result = new CycleResult(_cycles, freeBytes, minFreeBytes, area, (ErrorFlags)detected, (ErrorFlags)after, _panic);
                _last = result;
            }

            if (raised != 0)
            {
                RaiseErrors(raised, result);
            }

            if (enteredPanic)
            {
                EventHandler handler = PanicEntered;
                if (handler != null)
                {
                    handler(this, EventArgs.Empty);
                }
            }

            return result;
        }

        private int RunCheck(int index)
        {
            ISafetyCheck check = _checks[index];
            int flag = _checkFlags[index];
            try
            {
                return check.Run() ? 0 : flag;
            }
            catch (Exception)
            {
                return flag | (int)ErrorFlags.CheckFault;
            }
        }

        // Sets every detected flag; clears self-clearing flags whose condition
        // is gone. Caller holds _sync.
        private int Apply(int flags, int detected)
        {
            int result = flags | detected;
            for (int bit = 0; bit < FlagBits; bit++)
            {
                int mask = 1 << bit;
                if ((result & mask) != 0 && (detected & mask) == 0 && _policies[bit] == FlagPolicy.SelfClearing)
                {
                    result &= ~mask;
                }
            }

            return result;
        }

        // Counts newly raised flags in the error memory, keeping those whose
        // policy is not self-clearing. Caller holds _sync.
        private void Record(int raised)
        {
            int kept = 0;
            for (int bit = 0; bit < FlagBits; bit++)
            {
                if ((raised & (1 << bit)) != 0 && _policies[bit] != FlagPolicy.SelfClearing)
                {
                    kept |= 1 << bit;
                }
            }

            if (kept != 0)
            {
                Remember(_errorMemory.Raise((ErrorFlags)kept, true));
            }

            if ((raised & ~kept) != 0)
            {
                Remember(_errorMemory.Raise((ErrorFlags)(raised & ~kept), false));
            }
        }

        // Caller holds _sync.
        private bool RaisesPanic(int raised)
        {
            for (int bit = 0; bit < FlagBits; bit++)
            {
                if ((raised & (1 << bit)) != 0 && _policies[bit] == FlagPolicy.Panic)
                {
                    return true;
                }
            }

            return false;
        }

        private void RaiseErrors(int raised, CycleResult cycle)
        {
            ErrorRaisedEventHandler handler = ErrorRaised;
            if (handler == null)
            {
                return;
            }

            for (int bit = 0; bit < FlagBits; bit++)
            {
                int mask = 1 << bit;
                if ((raised & mask) != 0)
                {
                    FlagPolicy policy;
                    lock (_sync)
                    {
                        policy = _policies[bit];
                    }

                    handler(this, new ErrorRaisedEventArgs((ErrorFlags)mask, policy, cycle));
                }
            }
        }

        private static int CheckSingleFlag(ErrorFlags flag, string parameter)
        {
            int bits = (int)flag;
            if (bits == 0 || (bits & (bits - 1)) != 0 || (bits & ~DefinedFlags) != 0)
            {
                throw new ArgumentException("Exactly one defined flag is required.", parameter);
            }

            return BitIndex(bits);
        }

        private static int BitIndex(int singleBit)
        {
            int index = 0;
            while ((singleBit & 1) == 0)
            {
                singleBit >>= 1;
                index++;
            }

            return index;
        }
    }
}
