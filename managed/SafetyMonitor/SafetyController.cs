using System;
using SafetyMonitor.Native;

namespace SafetyMonitor
{
    /// <summary>
    /// The safety controller: one call of <see cref="Handle"/> is one safety
    /// cycle. It checks the native stack (free bytes, now and at the
    /// high-water mark, at least <see cref="MinStackFree"/>; corruption-detect
    /// area intact), runs every registered <see cref="ISafetyCheck"/>, and
    /// updates the error flags by their policies. This file: configuration,
    /// state, policies, checks and reports; SafetyController.Evidence.cs: the
    /// start-up (<see cref="Initialize"/>) and the evidence of the last run;
    /// SafetyController.Cycle.cs: the cycle and its events.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A cycle allocates nothing unless a detection starts (then one
    /// <see cref="ErrorRaisedEventArgs"/> per such flag, when
    /// <see cref="ErrorRaised"/> has subscribers). Its cost: three native
    /// calls (the cycle number, the free stack and the area check, one CRC
    /// over the area, 32 words by default), a fourth for the high-water mark
    /// unless <see cref="UseHighWaterMark"/> is off (32 stack words at most),
    /// plus the registered checks. Instruction counts of each: BENCHMARKS.md.
    /// </para>
    /// <para>
    /// Thread-safe: <see cref="Handle"/> normally runs on the
    /// <see cref="SafetyLoop"/> thread while others read <see cref="LastCycle"/>
    /// or <see cref="ErrorMemory"/>, report conditions, clear flags or re-seal
    /// the area. Cycles and <see cref="Initialize"/> run one at a time (a
    /// re-seal never meets a cycle half way); every other call waits only
    /// while a cycle updates the flags. Events are raised on the thread that
    /// runs <see cref="Handle"/>, after the update.
    /// </para>
    /// </remarks>
    public sealed partial class SafetyController
    {
        /// <summary>Default <see cref="MinStackFree"/>: 0x100 bytes, the C core's <c>SAFETY_MIN_STACK_FREE</c>.</summary>
        public const int DefaultMinStackFree = 0x100;

        /// <summary>Most <see cref="ISafetyCheck"/>s one controller runs.</summary>
        public const int MaxChecks = 15;

        // Guards every field below but _cycleSync's work: flags, policies, reports, results.
        private readonly object _sync = new object();
        private readonly FlagPolicyTable _policies = new FlagPolicyTable();
        private readonly SafetyCheckList _checks = new SafetyCheckList();
        private readonly Subscribers _errorSubscribers;
        private readonly Subscribers _panicSubscribers;
        private int _flags;
        private int _reported;
        private int _minStackFree = DefaultMinStackFree;
        private bool _useHighWaterMark = true;
        private bool _panic;

        /// <summary>
        /// Creates a controller with no flags set, no error memory and the
        /// default policies: <see cref="ErrorFlags.Stack"/>,
        /// <see cref="ErrorFlags.CheckFault"/>, <see cref="ErrorFlags.ErrorMemory"/>,
        /// <see cref="ErrorFlags.HandlerFault"/>, <see cref="ErrorFlags.LoopFault"/>,
        /// <see cref="ErrorFlags.Watchdog"/> and <see cref="ErrorFlags.Heap"/>
        /// persistent, every other flag self-clearing. Call
        /// <see cref="Initialize"/> before the first cycle.
        /// </summary>
        public SafetyController()
        {
            _errorSubscribers = new Subscribers(_sync);
            _panicSubscribers = new Subscribers(_sync);
        }

        /// <summary>
        /// Creates a controller that keeps its flags in an error memory: every
        /// detection that starts is counted there, and flags whose policy is
        /// not <see cref="FlagPolicy.SelfClearing"/> stay set across resets
        /// until <see cref="ClearErrorMemory"/>. <see cref="Initialize"/> opens it.
        /// </summary>
        /// <param name="errorMemory">The error memory (e.g. <c>ErrorMemory.ChooseStore(new BackupMemoryErrorStore())</c>: the backup registers, or RAM where the firmware lacks their natives).</param>
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
        /// Raised once for each flag whose detection starts in a cycle: the
        /// flag is detected in this cycle and was not in the previous one (or
        /// <see cref="ClearFlags"/> cleared it since). Whether the flag was
        /// already set, persistent from an earlier detection or from the error
        /// memory at <see cref="Initialize"/>, does not matter. A condition that
        /// holds for many cycles raises once; one that goes away and comes back
        /// raises again. Each start is also counted in the error memory.
        /// </summary>
        /// <remarks>
        /// Raised on the thread running <see cref="Handle"/>, after the cycle's
        /// state (<see cref="Flags"/>, <see cref="LastCycle"/>, <see cref="InPanic"/>)
        /// is updated and before <see cref="PanicEntered"/>, in bit order. Each
        /// subscriber (each delegate added with <c>+=</c>) is called on its
        /// own: one that throws neither stops the others nor the cycle, and is
        /// reported as <see cref="ErrorFlags.HandlerFault"/> in the next cycle.
        /// Flags set by the evidence of the last run raise nothing.
        /// </remarks>
        public event ErrorRaisedEventHandler ErrorRaised
        {
            add { _errorSubscribers.Add(value); }
            remove { _errorSubscribers.Remove(value); }
        }

        /// <summary>
        /// Raised once, by the cycle that enters panic: the first cycle that
        /// detects a flag whose policy is <see cref="FlagPolicy.Panic"/>,
        /// whether or not the flag was already set. A panic flag that is only
        /// set (left from an earlier detection, or kept by the error memory)
        /// does not enter panic. Only a reset leaves panic.
        /// </summary>
        /// <remarks>
        /// Raised after that cycle's <see cref="ErrorRaised"/> events, on the
        /// same thread; each subscriber on its own, as for
        /// <see cref="ErrorRaised"/> (a throwing one is reported as
        /// <see cref="ErrorFlags.HandlerFault"/> in the next cycle).
        /// </remarks>
        public event EventHandler PanicEntered
        {
            add { _panicSubscribers.Add(value); }
            remove { _panicSubscribers.Remove(value); }
        }

        /// <summary>
        /// Least free native stack, in bytes, that a cycle accepts: free stack
        /// (or high-water mark) equal to it passes, one byte less detects
        /// <see cref="ErrorFlags.Stack"/>. Default <see cref="DefaultMinStackFree"/>.
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

        /// <summary>True once a cycle detected a flag with <see cref="FlagPolicy.Panic"/>; only a device reset ends it.</summary>
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

        /// <summary>The policy of one flag.</summary>
        /// <param name="flag">Exactly one defined flag.</param>
        /// <returns>Its policy.</returns>
        /// <exception cref="ArgumentException"><paramref name="flag"/> is not exactly one defined flag.</exception>
        public FlagPolicy GetPolicy(ErrorFlags flag)
        {
            int bit = FlagBits.IndexOfSingle(flag, "flag");
            lock (_sync)
            {
                return _policies.Get(bit);
            }
        }

        /// <summary>
        /// Sets the policy of one flag. It applies from the next cycle: a flag
        /// made <see cref="FlagPolicy.Panic"/> enters panic the next time it is
        /// detected, even when it is already set.
        /// </summary>
        /// <param name="flag">Exactly one defined flag.</param>
        /// <param name="policy">The policy.</param>
        /// <exception cref="ArgumentException"><paramref name="flag"/> is not exactly one defined flag; nothing changes.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="policy"/> is not a <see cref="FlagPolicy"/> value; nothing changes.</exception>
        public void SetPolicy(ErrorFlags flag, FlagPolicy policy)
        {
            int bit = FlagBits.IndexOfSingle(flag, "flag");
            if (policy != FlagPolicy.SelfClearing && policy != FlagPolicy.Persistent && policy != FlagPolicy.Panic)
            {
                throw new ArgumentOutOfRangeException("policy", "Not a FlagPolicy value.");
            }

            lock (_sync)
            {
                _policies.Set(bit, policy);
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

            ErrorFlags flag = check.Flag;
            FlagBits.IndexOfSingle(flag, "check");
            if (((int)flag & FlagBits.Application) == 0)
            {
                throw new ArgumentException("A check's flag must be one of Application0 to Application14.", "check");
            }

            lock (_sync)
            {
                _checks.Add(check, (int)flag);
            }
        }

        /// <summary>
        /// Reports conditions found outside the registered checks (the
        /// <see cref="SafetyLoop"/> reports missed deadlines this way). The next
        /// cycle treats them as detected, then forgets them; a condition
        /// reported before every cycle is one detection that lasts.
        /// </summary>
        /// <param name="conditions">One or more defined flags.</param>
        /// <exception cref="ArgumentException"><paramref name="conditions"/> is empty or has undefined bits; nothing is reported.</exception>
        public void Report(ErrorFlags conditions)
        {
            int bits = (int)conditions;
            if (bits == 0 || (bits & ~FlagBits.Defined) != 0)
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
        /// is detected anew in the next cycle: its flag is set again,
        /// <see cref="ErrorRaised"/> fires and the error memory counts it.
        /// </summary>
        /// <param name="flags">Flags to clear; undefined bits are not allowed.</param>
        /// <exception cref="ArgumentException"><paramref name="flags"/> has undefined bits; nothing is cleared.</exception>
        public void ClearFlags(ErrorFlags flags)
        {
            int bits = (int)flags;
            if ((bits & ~FlagBits.Defined) != 0)
            {
                throw new ArgumentException("Only defined flags can be cleared.", "flags");
            }

            lock (_sync)
            {
                _flags &= ~bits;
                _detectedBefore &= ~bits;
            }
        }
    }
}
