using System;
using SafetyMonitor.Native;

namespace SafetyMonitor
{
    /// <summary>The controller's start-up: sealing the area, and the evidence of the last run.</summary>
    public sealed partial class SafetyController
    {
        private readonly ErrorMemory _errorMemory;
        private readonly LastRunEvidence _evidence = new LastRunEvidence();
        private AreaStatus _initStatus = AreaStatus.NotInitialized;
        private ErrorMemoryStatus _errorMemoryStatus = ErrorMemoryStatus.Ok;

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

        /// <summary>
        /// The fault recorded before the last reset (registers, cause, stack,
        /// cycle, how many faults), read by the first <see cref="Initialize"/>;
        /// null when <see cref="LastFaultStatus"/> is not <see cref="FaultRecordStatus.Recorded"/>.
        /// </summary>
        public FaultRecord LastFault
        {
            get
            {
                lock (_sync)
                {
                    return _evidence.Fault;
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
                    return _evidence.FaultStatus;
                }
            }
        }

        /// <summary>
        /// RCC_CSR's reset flags as start-up captured them (bits 25-31, RM0090
        /// §7.3.21), read by the first <see cref="Initialize"/>: 0 before it,
        /// and on a firmware port without them (POSIX).
        /// </summary>
        public uint LastResetFlags
        {
            get
            {
                lock (_sync)
                {
                    return _evidence.ResetFlags;
                }
            }
        }

        /// <summary>
        /// Whether the last reset came from the independent watchdog
        /// (RCC_CSR.IWDGRSTF in <see cref="LastResetFlags"/>); such a reset sets
        /// <see cref="ErrorFlags.Watchdog"/> at <see cref="Initialize"/> and is
        /// counted in the error memory.
        /// </summary>
        public bool LastResetByWatchdog
        {
            get { return (LastResetFlags & IndependentWatchdog.ResetFlagIwdg) != 0; }
        }

        /// <summary>
        /// The error memory this controller uses, or null. Thread-safe: read it
        /// from any thread while the loop runs.
        /// </summary>
        public ErrorMemory ErrorMemory
        {
            get { return _errorMemory; }
        }

        /// <summary>
        /// How the first <see cref="Initialize"/> found the error memory
        /// (<see cref="ErrorMemoryStatus.Ok"/> without one), or the last
        /// damage found in it since (by a cycle, or by a read on any thread of
        /// <see cref="ErrorMemory"/>).
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

        /// <summary>
        /// Fills the native corruption-detect area with random words and seals
        /// it. Until it succeeds every cycle detects <see cref="ErrorFlags.Stack"/>
        /// (the area check answers <see cref="AreaStatus.NotInitialized"/>).
        /// Calling it again re-seals the area with fresh words; it waits for a
        /// cycle in progress, so no cycle ever checks a half-filled area.
        /// </summary>
        /// <remarks>
        /// <para>
        /// The first call also takes the evidence of the last run: the fault
        /// record (<see cref="LastFault"/>) and the error memory, whose
        /// persistent flags are set at once (without <see cref="ErrorRaised"/>;
        /// they are no detection, so they enter no panic). A recorded fault sets
        /// <see cref="ErrorFlags.Stack"/> persistent; a damaged fault record or
        /// error memory sets <see cref="ErrorFlags.ErrorMemory"/>; a watchdog
        /// reset (<see cref="LastResetByWatchdog"/>) sets <see cref="ErrorFlags.Watchdog"/>
        /// and is counted once in the error memory. (The firmware clears
        /// RCC_CSR at start-up: a reset between start-up and this call loses
        /// the watchdog's part of the evidence.)
        /// </para>
        /// <para>
        /// With an error memory, a recorded fault is counted there
        /// (<see cref="ErrorFlags.Stack"/>, <see cref="FaultRecord.Count"/>
        /// times), a damaged record once (<see cref="ErrorFlags.ErrorMemory"/>),
        /// and only then is the record acknowledged
        /// (<c>StackCheck.AcknowledgeFault()</c>): a reset at any point before
        /// reports it again on the next boot. Without an error memory the
        /// record is not acknowledged (nothing durable holds it): store
        /// <see cref="LastFault"/> yourself, then call <see cref="AcknowledgeFault"/>.
        /// One controller per boot takes the evidence: a second one in the same
        /// boot would count the same fault again.
        /// </para>
        /// </remarks>
        /// <returns>
        /// <see cref="AreaStatus.Ok"/>, or why the area could not be sealed
        /// (<see cref="AreaStatus.RngSeedError"/>, <see cref="AreaStatus.RngClockError"/>,
        /// <see cref="AreaStatus.RngTimeout"/>, <see cref="AreaStatus.RngRepeatedWord"/>,
        /// <see cref="AreaStatus.CrcUnitFault"/>, <see cref="AreaStatus.LayoutError"/>).
        /// </returns>
        /// <exception cref="Exception">
        /// Whatever the error memory's store throws while the evidence is taken;
        /// then the record stays unacknowledged, the area unsealed, and the next
        /// call takes the evidence again.
        /// </exception>
        public AreaStatus Initialize()
        {
            lock (_cycleSync)
            {
                lock (_sync)
                {
                    if (!_evidence.Taken)
                    {
                        _evidence.Take(_errorMemory);
                        _flags |= _evidence.Flags;
                        _errorMemoryStatus = _evidence.MemoryStatus;
                    }
                }

                AreaStatus status = (AreaStatus)StackCheck.InitCorruptionDetectArea();
                lock (_sync)
                {
                    _initStatus = status;
                }

                return status;
            }
        }

        /// <summary>
        /// Acknowledges the fault record of the last run: the firmware seals it
        /// empty, so the next boot no longer reports it. With an error memory
        /// the first <see cref="Initialize"/> does this itself once the evidence
        /// is stored; without one, call it once <see cref="LastFault"/> (or
        /// <see cref="LastFaultStatus"/>) is stored elsewhere. Until then every
        /// boot reports the record again. <see cref="LastFault"/> does not change.
        /// </summary>
        /// <returns>true when the record is sealed empty (or was already); false when the firmware never validated it (<see cref="FaultRecordStatus.NotValidated"/>).</returns>
        /// <exception cref="InvalidOperationException"><see cref="Initialize"/> has not read the record yet: acknowledging now would lose it.</exception>
        public bool AcknowledgeFault()
        {
            lock (_sync)
            {
                if (!_evidence.Taken)
                {
                    throw new InvalidOperationException("Initialize() has not read the fault record yet.");
                }
            }

            return StackCheck.AcknowledgeFault() == 0;
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

            _errorMemory.Clear();
        }
    }
}
