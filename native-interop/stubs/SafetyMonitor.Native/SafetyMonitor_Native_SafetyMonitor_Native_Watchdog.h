//-----------------------------------------------------------------------------
//
//    SafetyMonitor.Native.Watchdog: its native functions, one per interop
//    native of the managed class, with the parameter and return types the
//    metadata processor maps the managed ones to (int -> signed int,
//    uint -> unsigned int) and the HRESULT a function sets to make the call
//    throw. SafetyMonitor_Native_SafetyMonitor_Native_Watchdog_mshl.cpp
//    calls them; SafetyMonitor_Native_SafetyMonitor_Native_Watchdog.cpp
//    implements them. Namespaces, guard and signatures as the generator
//    writes them, so that a regenerated header is this one.
//
//-----------------------------------------------------------------------------

#ifndef SAFETYMONITOR_NATIVE_SAFETYMONITOR_NATIVE_SAFETYMONITOR_NATIVE_WATCHDOG_H
#define SAFETYMONITOR_NATIVE_SAFETYMONITOR_NATIVE_SAFETYMONITOR_NATIVE_WATCHDOG_H

namespace SafetyMonitor_Native
{
    namespace SafetyMonitor_Native
    {
        struct Watchdog
        {
            static signed int Start( signed int param0, HRESULT &hr );
            static signed int Refresh(  HRESULT &hr );
            static unsigned int GetResetFlags(  HRESULT &hr );
        };
    }
}

#endif // SAFETYMONITOR_NATIVE_SAFETYMONITOR_NATIVE_SAFETYMONITOR_NATIVE_WATCHDOG_H
