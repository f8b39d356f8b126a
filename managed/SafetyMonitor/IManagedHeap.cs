namespace SafetyMonitor
{
    /// <summary>
    /// The free managed heap, as the controller's heap check reads it
    /// (<see cref="SafetyController.SetHeapCheck"/>). On nanoFramework use
    /// <c>RuntimeManagedHeap</c> (assembly SafetyMonitor.Runtime:
    /// nanoFramework.Runtime.Native's <c>GC.Run(false)</c>, a full collection
    /// that returns the free bytes); tests supply their own.
    /// </summary>
    public interface IManagedHeap
    {
        /// <summary>Free managed heap, in bytes (0 or more). May collect garbage first; may throw.</summary>
        long FreeBytes { get; }
    }
}
