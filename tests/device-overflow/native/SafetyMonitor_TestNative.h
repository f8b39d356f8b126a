// TEST ONLY: SafetyMonitor.TestNative's natives (tests/device-overflow), in
// the metadata processor's interop layout. Linked only into a test nanoCLR.
#ifndef SAFETYMONITOR_TESTNATIVE_H
#define SAFETYMONITOR_TESTNATIVE_H

#include <nanoCLR_Interop.h>
#include <nanoCLR_Runtime.h>

struct Library_SafetyMonitor_TestNative_SafetyMonitor_TestNative_StackBurner
{
    NANOCLR_NATIVE_DECLARE(Overflow___STATIC__I4);

    //--//
};

extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_SafetyMonitor_TestNative;

#endif // SAFETYMONITOR_TESTNATIVE_H
