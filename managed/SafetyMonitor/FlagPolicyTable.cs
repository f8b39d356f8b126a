namespace SafetyMonitor
{
    /// <summary>
    /// The policy of each flag, and what the policies make of a cycle's
    /// detections. Not thread-safe: <see cref="SafetyController"/> guards it
    /// with its lock.
    /// </summary>
    internal sealed class FlagPolicyTable
    {
        private readonly FlagPolicy[] _policies = new FlagPolicy[FlagBits.Count];

        /// <summary>
        /// The default policies: <see cref="ErrorFlags.Stack"/>,
        /// <see cref="ErrorFlags.CheckFault"/>, <see cref="ErrorFlags.ErrorMemory"/>,
        /// <see cref="ErrorFlags.HandlerFault"/>, <see cref="ErrorFlags.LoopFault"/>,
        /// <see cref="ErrorFlags.Watchdog"/> and <see cref="ErrorFlags.Heap"/>
        /// persistent, every other flag self-clearing.
        /// </summary>
        internal FlagPolicyTable()
        {
            const int Persistent = (int)(ErrorFlags.Stack | ErrorFlags.CheckFault | ErrorFlags.ErrorMemory
                | ErrorFlags.HandlerFault | ErrorFlags.LoopFault | ErrorFlags.Watchdog | ErrorFlags.Heap);
            for (int bit = 0; bit < FlagBits.Count; bit++)
            {
                if ((Persistent & (1 << bit)) != 0)
                {
                    _policies[bit] = FlagPolicy.Persistent;
                }
            }
        }

        /// <summary>The policy of the flag at <paramref name="bit"/> (0 to 30).</summary>
        internal FlagPolicy Get(int bit)
        {
            return _policies[bit];
        }

        /// <summary>Sets the policy of the flag at <paramref name="bit"/> (0 to 30).</summary>
        internal void Set(int bit, FlagPolicy policy)
        {
            _policies[bit] = policy;
        }

        /// <summary>
        /// The flags after a cycle: every detected flag is set; a set flag
        /// that was not detected stays set unless it is self-clearing.
        /// </summary>
        internal int Apply(int flags, int detected)
        {
            return detected | Kept(flags);
        }

        /// <summary>The flags of <paramref name="mask"/> that are not self-clearing (what stays set, and what the error memory keeps).</summary>
        internal int Kept(int mask)
        {
            int kept = 0;
            for (int bit = 0; bit < FlagBits.Count; bit++)
            {
                if ((mask & (1 << bit)) != 0 && _policies[bit] != FlagPolicy.SelfClearing)
                {
                    kept |= 1 << bit;
                }
            }

            return kept;
        }

        /// <summary>Whether a flag of <paramref name="mask"/> has <see cref="FlagPolicy.Panic"/>.</summary>
        internal bool AnyPanic(int mask)
        {
            return Panics(mask) != 0;
        }

        /// <summary>The flags of <paramref name="mask"/> whose policy is <see cref="FlagPolicy.Panic"/>.</summary>
        internal int Panics(int mask)
        {
            int panics = 0;
            for (int bit = 0; bit < FlagBits.Count; bit++)
            {
                if ((mask & (1 << bit)) != 0 && _policies[bit] == FlagPolicy.Panic)
                {
                    panics |= 1 << bit;
                }
            }

            return panics;
        }
    }
}
