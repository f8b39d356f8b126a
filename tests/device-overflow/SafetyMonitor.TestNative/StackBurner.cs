using System.Runtime.CompilerServices;

namespace SafetyMonitor.TestNative
{
    /// <summary>
    /// TEST ONLY. A native that overflows the native stack of the thread that
    /// calls it (nanoFramework's CLR thread: managed frames live on the
    /// managed heap, so only native code can overflow it). Never deploy it
    /// to a device that does anything else; its firmware side is
    /// tests/device-overflow/native, linked only into a test nanoCLR.
    /// </summary>
    public static class StackBurner
    {
        /// <summary>
        /// Recurses in native code, 256 bytes of stack per call, until the
        /// stack ends: on the flipped layout the first write below the CLR
        /// thread's working area (the SRAM origin) faults. Does not return
        /// there; returns the depth reached on a layout where nothing faults.
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int Overflow();
    }
}
