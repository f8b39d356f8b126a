namespace SafetyMonitor
{
    /// <summary>
    /// A check of the application that the safety controller runs in every
    /// cycle, after its own stack check (see <see cref="SafetyController.Register"/>).
    /// </summary>
    public interface ISafetyCheck
    {
        /// <summary>
        /// The flag the check raises when it fails: exactly one of
        /// <see cref="ErrorFlags.Application0"/> to <see cref="ErrorFlags.Application14"/>.
        /// Read once, when the check is registered.
        /// </summary>
        ErrorFlags Flag { get; }

        /// <summary>
        /// Runs the check. It must be short and bounded: it runs inside the
        /// safety cycle and delays it. An exception counts as a failure and
        /// also raises <see cref="ErrorFlags.CheckFault"/>.
        /// </summary>
        /// <returns>true when healthy, false when the condition of <see cref="Flag"/> holds.</returns>
        bool Run();
    }
}
