namespace SafetyMonitor
{
    /// <summary>
    /// What resets the device when the controller's panic reset fires
    /// (<see cref="SafetyController.SetPanicReset"/>). On nanoFramework use
    /// <c>RuntimeDeviceReset</c> (assembly SafetyMonitor.Runtime:
    /// nanoFramework.Runtime.Native's <c>Power.RebootDevice()</c>); tests
    /// supply a double that records the call.
    /// </summary>
    public interface IDeviceReset
    {
        /// <summary>Resets the device. On a device it does not return.</summary>
        void Reboot();
    }
}
