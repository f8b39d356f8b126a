using System;

namespace SafetyMonitor
{
    /// <summary>
    /// The bits of <see cref="ErrorFlags"/>: which are defined, which belong
    /// to the application, and the argument checks on them.
    /// </summary>
    internal static class FlagBits
    {
        /// <summary>Bits that can carry a flag: 0 to 30 (bit 31 is not used).</summary>
        internal const int Count = 31;

        /// <summary>SafetyMonitor's own flags.</summary>
        internal const int Own = (int)(ErrorFlags.Stack | ErrorFlags.MainLoopTiming | ErrorFlags.CheckFault
            | ErrorFlags.ErrorMemory | ErrorFlags.HandlerFault | ErrorFlags.LoopFault | ErrorFlags.Watchdog | ErrorFlags.Heap);

        /// <summary><see cref="ErrorFlags.Application0"/> to <see cref="ErrorFlags.Application14"/>.</summary>
        internal const int Application = 0x7FFF0000;

        /// <summary>Every defined flag.</summary>
        internal const int Defined = Own | Application;

        /// <summary>The bit index of exactly one defined flag.</summary>
        /// <exception cref="ArgumentException"><paramref name="flag"/> is not exactly one defined flag.</exception>
        internal static int IndexOfSingle(ErrorFlags flag, string parameter)
        {
            int bits = (int)flag;
            if (bits == 0 || (bits & (bits - 1)) != 0 || (bits & ~Defined) != 0)
            {
                throw new ArgumentException("Exactly one defined flag is required.", parameter);
            }

            return IndexOf(bits);
        }

        /// <summary>The index of a single set bit.</summary>
        internal static int IndexOf(int singleBit)
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
