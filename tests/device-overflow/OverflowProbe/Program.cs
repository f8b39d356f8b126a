using System.Diagnostics;
using SafetyMonitor.TestNative;

namespace SafetyMonitor.DeviceTests.Overflow
{
    /// <summary>
    /// TEST ONLY. The managed-code stack overflow, across a reset: the first
    /// boot finds no fault record and overflows the CLR thread's native stack
    /// (SafetyMonitor.TestNative); the flipped layout turns that into a
    /// HardFault at the SRAM origin, SafetyMonitor's fault handler records it
    /// and resets; the next boot runs this again and reports the record
    /// through <see cref="SafetyController.LastFault"/>, then exits.
    /// `safetymon qemu-run` prints both boots' lines.
    /// </summary>
    public static class Program
    {
        public static void Main()
        {
            var controller = new SafetyController(new ErrorMemory(new RamErrorMemoryStore()));
            controller.Initialize();
            if (controller.LastFaultStatus == FaultRecordStatus.Recorded)
            {
                FaultRecord fault = controller.LastFault;
                Debug.WriteLine("overflow: the last boot ended in a fault: cause " + (int)fault.Cause +
                                ", stack " + (int)fault.Stack + ", CFSR 0x" + fault.Cfsr.ToString("X8") +
                                ", HFSR 0x" + fault.Hfsr.ToString("X8") + ", BFAR 0x" + fault.Bfar.ToString("X8") +
                                ", PSP 0x" + fault.Psp.ToString("X8") + ", count " + fault.Count);
                Debug.WriteLine("overflow: CAUGHT and reported after the reset");
                return;
            }

            Debug.WriteLine("overflow: no fault record (" + (int)controller.LastFaultStatus + "); overflowing the CLR thread's native stack");
            int depth = StackBurner.Overflow();
            Debug.WriteLine("overflow: NOT CAUGHT: the native stack ran " + depth + " frames deep without a fault");
        }
    }
}
