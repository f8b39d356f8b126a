using System;

namespace SafetyMonitor
{
    /// <summary>Handler of <see cref="SafetyController.ErrorRaised"/>.</summary>
    /// <param name="sender">The controller.</param>
    /// <param name="e">Which flag was raised.</param>
    public delegate void ErrorRaisedEventHandler(object sender, ErrorRaisedEventArgs e);

    /// <summary>A flag that a cycle newly set.</summary>
    public class ErrorRaisedEventArgs : EventArgs
    {
        /// <summary>Creates the event data.</summary>
        /// <param name="flag">The flag, one bit.</param>
        /// <param name="policy">Its policy.</param>
        /// <param name="cycle">The cycle that set it.</param>
        public ErrorRaisedEventArgs(ErrorFlags flag, FlagPolicy policy, CycleResult cycle)
        {
            Flag = flag;
            Policy = policy;
            Cycle = cycle;
        }

        /// <summary>The flag that was raised (one bit).</summary>
        public ErrorFlags Flag { get; }

        /// <summary>The flag's policy when it was raised.</summary>
        public FlagPolicy Policy { get; }

        /// <summary>The cycle that raised it.</summary>
        public CycleResult Cycle { get; }
    }
}
