using SafetyMonitor.Native;

namespace SafetyMonitor
{
    /// <summary>
    /// The evidence of the last run, taken once at start-up: the fault record
    /// that start-up validated, written into the error memory and only then
    /// acknowledged (so that a reset in between reports it again), and the
    /// flags the error memory kept.
    /// </summary>
    internal sealed class LastRunEvidence
    {
        /// <summary>Whether <see cref="Take"/> completed.</summary>
        internal bool Taken;

        /// <summary>The valid record, or null.</summary>
        internal FaultRecord Fault;

        /// <summary>What start-up found in the record.</summary>
        internal FaultRecordStatus FaultStatus = FaultRecordStatus.NotValidated;

        /// <summary>How the error memory was found (<see cref="ErrorMemoryStatus.Ok"/> without one).</summary>
        internal ErrorMemoryStatus MemoryStatus = ErrorMemoryStatus.Ok;

        /// <summary>The flags the evidence sets: the error memory's persistent flags, or without one the record's verdict.</summary>
        internal int Flags;

        /// <summary>RCC_CSR's reset flags as start-up captured them (0 where the firmware has none).</summary>
        internal uint ResetFlags;

        /// <summary>
        /// Reads the record. With an error memory: opens it, counts a recorded
        /// fault there (<see cref="ErrorFlags.Stack"/>, persistent, as often
        /// as the record counts faults) or a damaged record
        /// (<see cref="ErrorFlags.ErrorMemory"/>, persistent, once), then
        /// acknowledges the record; a watchdog reset (RCC_CSR.IWDGRSTF in the
        /// flags start-up captured) is counted as <see cref="ErrorFlags.Watchdog"/>,
        /// persistent. Without an error memory, nothing is acknowledged.
        /// An exception of the store leaves the record unacknowledged and
        /// <see cref="Taken"/> false.
        /// </summary>
        internal void Take(ErrorMemory memory)
        {
            FaultRecordStatus status;
            FaultRecord fault = FaultRecord.Read(out status);
            int evidence = 0;
            if (status == FaultRecordStatus.Recorded)
            {
                evidence = (int)ErrorFlags.Stack;
            }
            else if (status != FaultRecordStatus.None && status != FaultRecordStatus.NotValidated)
            {
                evidence = (int)ErrorFlags.ErrorMemory;
            }

            uint resetFlags = Watchdog.GetResetFlags();
            bool watchdogReset = (resetFlags & IndependentWatchdog.ResetFlagIwdg) != 0;

            if (memory == null)
            {
                Flags = evidence | (watchdogReset ? (int)ErrorFlags.Watchdog : 0);
            }
            else
            {
                ErrorMemoryStatus opened = memory.Open(false);
                if (status == FaultRecordStatus.Recorded)
                {
                    memory.RaiseTimes(ErrorFlags.Stack, true, fault.Count);
                }
                else if (evidence != 0)
                {
                    memory.Raise(ErrorFlags.ErrorMemory, true);
                }

                if (watchdogReset)
                {
                    memory.Raise(ErrorFlags.Watchdog, true);
                }

                if (evidence != 0)
                {
                    // The evidence is in durable storage now: the record may go.
                    StackCheck.AcknowledgeFault();
                }

                // Damage Open found is reported here (MemoryStatus, and ErrorMemory
                // in the flags the store keeps), not again by the first cycle.
                memory.TakeDamage();
                MemoryStatus = opened;
                Flags = (int)memory.PersistentFlags & FlagBits.Defined;
            }

            Fault = fault;
            FaultStatus = status;
            ResetFlags = resetFlags;
            Taken = true;
        }
    }
}
