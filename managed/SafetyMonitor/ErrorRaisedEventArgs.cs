using System;

namespace SafetyMonitor
{
    /// <summary>Handler of <see cref="SafetyController.ErrorRaised"/>.</summary>
    /// <param name="sender">The controller.</param>
    /// <param name="e">Which flag was raised.</param>
    public delegate void ErrorRaisedEventHandler(object sender, ErrorRaisedEventArgs e);

    /// <summary>A flag whose detection started in a cycle (see <see cref="SafetyController.ErrorRaised"/>).</summary>
    public class ErrorRaisedEventArgs : EventArgs
    {
        /// <summary>Creates the event data.</summary>
        /// <param name="flag">The flag, one bit.</param>
        /// <param name="policy">Its policy.</param>
        /// <param name="cycle">The cycle that detected it.</param>
        public ErrorRaisedEventArgs(ErrorFlags flag, FlagPolicy policy, CycleResult cycle)
        {
            Flag = flag;
            Policy = policy;
            Cycle = cycle;
        }

        /// <summary>The flag whose detection started (one bit).</summary>
        public ErrorFlags Flag { get; }

        /// <summary>The flag's policy as the cycle that detected it applied it.</summary>
        public FlagPolicy Policy { get; }

        /// <summary>The cycle that detected it (its flags after the policies, whether it entered panic).</summary>
        public CycleResult Cycle { get; }
    }
}
