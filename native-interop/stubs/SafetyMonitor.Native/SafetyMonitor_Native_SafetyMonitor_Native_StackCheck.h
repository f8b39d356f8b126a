//-----------------------------------------------------------------------------
//
//    SafetyMonitor.Native.StackCheck: its native functions, one per interop
//    native of the managed class, with the parameter and return types the
//    metadata processor maps the managed ones to (int -> signed int,
//    uint -> unsigned int) and the HRESULT a function sets to make the call
//    throw. SafetyMonitor_Native_SafetyMonitor_Native_StackCheck_mshl.cpp
//    calls them; SafetyMonitor_Native_SafetyMonitor_Native_StackCheck.cpp
//    implements them. Namespaces, guard and signatures as the generator
//    writes them, so that a regenerated header is this one.
//
//-----------------------------------------------------------------------------

#ifndef SAFETYMONITOR_NATIVE_SAFETYMONITOR_NATIVE_SAFETYMONITOR_NATIVE_STACKCHECK_H
#define SAFETYMONITOR_NATIVE_SAFETYMONITOR_NATIVE_SAFETYMONITOR_NATIVE_STACKCHECK_H

namespace SafetyMonitor_Native
{
    namespace SafetyMonitor_Native
    {
        struct StackCheck
        {
            static signed int GetFree(  HRESULT &hr );
            static signed int GetSize(  HRESULT &hr );
            static signed int InitCorruptionDetectArea(  HRESULT &hr );
            static signed int CheckCorruptionDetectArea(  HRESULT &hr );
            static signed int GetFaultStatus(  HRESULT &hr );
            static unsigned int GetFaultWord( signed int param0, HRESULT &hr );
            static void SetCycle( unsigned int param0, HRESULT &hr );
            static signed int GetMinFree(  HRESULT &hr );
            static signed int AcknowledgeFault(  HRESULT &hr );
        };
    }
}

#endif // SAFETYMONITOR_NATIVE_SAFETYMONITOR_NATIVE_SAFETYMONITOR_NATIVE_STACKCHECK_H
