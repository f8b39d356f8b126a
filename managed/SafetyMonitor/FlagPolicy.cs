namespace SafetyMonitor
{
    /// <summary>
    /// What a flag does once its condition has been seen, as in the seed
    /// design's safety controller.
    /// </summary>
    public enum FlagPolicy
    {
        /// <summary>The flag is cleared by the first cycle in which its condition is gone.</summary>
        SelfClearing = 0,

        /// <summary>The flag stays set until <see cref="SafetyController.ClearFlags"/> is called.</summary>
        Persistent = 1,

        /// <summary>
        /// Persistent, and the controller enters panic: <see cref="SafetyController.InPanic"/>
        /// stays true until the device is reset; nothing in the API leaves it.
        /// </summary>
        Panic = 2,
    }
}
