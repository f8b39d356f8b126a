//-----------------------------------------------------------------------------
//
//    SafetyMonitor.Native.Watchdog: the implementation of its native
//    functions (declared in SafetyMonitor_Native_SafetyMonitor_Native_Watchdog.h
//    and called by the handlers in ..._Watchdog_mshl.cpp). Each calls the
//    port's watchdog (native-interop/core/stack_check_watchdog.h: on ChibiOS
//    targets the WDG driver or the IWDG registers, on the POSIX nanoCLR the
//    software stand-in) and returns what it returns; none fails at the CLR
//    level, so none sets hr (the status codes are the managed results).
//
//    The metadata processor writes an empty body for each of these; when the
//    stubs are regenerated in Visual Studio, keep this file.
//
//-----------------------------------------------------------------------------

#include "SafetyMonitor_Native.h"
#include "SafetyMonitor_Native_SafetyMonitor_Native_Watchdog.h"

extern "C"
{
#include "stack_check_watchdog.h"
}

using namespace SafetyMonitor_Native::SafetyMonitor_Native;

signed int Watchdog::Start( signed int param0, HRESULT &hr )
{
    (void)hr;
    return stack_check_watchdog_start(param0);
}

signed int Watchdog::Refresh( HRESULT &hr )
{
    (void)hr;
    return stack_check_watchdog_refresh();
}

unsigned int Watchdog::GetResetFlags( HRESULT &hr )
{
    (void)hr;
    return stack_check_reset_flags();
}
