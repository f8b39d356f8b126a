using System;

namespace SafetyMonitor
{
    /// <summary>
    /// The device reset of the controller's panic reset
    /// (<see cref="SafetyController.SetPanicReset"/>): on nanoFramework
    /// nanoFramework.Runtime.Native's <c>Power.RebootDevice()</c>, a normal
    /// reboot (<c>RebootOption.NormalReboot</c>: the nanoCLR asks the target
    /// to reset, nf-interpreter src/nanoFramework.Runtime.Native/
    /// nf_rt_native_nanoFramework_Runtime_Native_Power.cpp,
    /// <c>CLR_RT_ExecutionEngine::Reboot</c>).
    /// </summary>
    /// <remarks>
    /// On .NET (no <c>NANOFRAMEWORK_1_0</c>) there is no device:
    /// <see cref="Reboot"/> throws, and tests pass a double of
    /// <see cref="IDeviceReset"/> that records the call.
    /// </remarks>
    public sealed class RuntimeDeviceReset : IDeviceReset
    {
        /// <summary>Reboots the device; on a device it does not return.</summary>
        /// <exception cref="NotSupportedException">On .NET: there is no device to reboot.</exception>
        public void Reboot()
        {
#if NANOFRAMEWORK_1_0
            nanoFramework.Runtime.Native.Power.RebootDevice();
#else
            throw new NotSupportedException("There is no device to reboot on .NET; pass a test double of IDeviceReset.");
#endif
        }
    }
}
