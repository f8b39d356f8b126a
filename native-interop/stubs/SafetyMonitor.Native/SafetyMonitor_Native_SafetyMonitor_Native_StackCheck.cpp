//-----------------------------------------------------------------------------
//
//    SafetyMonitor.Native.StackCheck: the implementation of its native
//    functions (declared in SafetyMonitor_Native_SafetyMonitor_Native_StackCheck.h
//    and called by the handlers in ..._StackCheck_mshl.cpp, which marshal the
//    arguments and the result). Each calls the C core
//    (native-interop/core/stack_check.h, fault_record.h) and returns what it
//    returns; none fails at the CLR level, so none sets hr (the core's status
//    codes are the managed results).
//
//    The metadata processor writes an empty body for each of these; when the
//    stubs are regenerated in Visual Studio, keep this file (and
//    FindINTEROP-SafetyMonitor.Native.cmake, which adds the core's sources).
//
//    All run on the CLR thread (every interop call does): the first four
//    measure or check that thread's native stack; the next two read the
//    fault record that start-up validated (fault_record.h), one word per
//    call, so that no array crosses the boundary; SetCycle notes the cycle
//    number a fault record would carry; GetMinFree reads the CLR thread's
//    high-water mark; AcknowledgeFault seals the retained fault record empty
//    once the controller has stored its evidence.
//
//-----------------------------------------------------------------------------

#include "SafetyMonitor_Native.h"
#include "SafetyMonitor_Native_SafetyMonitor_Native_StackCheck.h"

extern "C"
{
#include "fault_record.h"
#include "stack_check.h"
}

using namespace SafetyMonitor_Native::SafetyMonitor_Native;

signed int StackCheck::GetFree( HRESULT &hr )
{
    (void)hr;
    return stack_check_get_free();
}

signed int StackCheck::GetSize( HRESULT &hr )
{
    (void)hr;
    return stack_check_get_size();
}

signed int StackCheck::InitCorruptionDetectArea( HRESULT &hr )
{
    (void)hr;
    return stack_check_init_corruption_detect_area();
}

signed int StackCheck::CheckCorruptionDetectArea( HRESULT &hr )
{
    (void)hr;
    return stack_check_corruption_detect_area();
}

signed int StackCheck::GetFaultStatus( HRESULT &hr )
{
    (void)hr;
    return stack_check_last_fault_status();
}

unsigned int StackCheck::GetFaultWord( signed int param0, HRESULT &hr )
{
    (void)hr;
    return stack_check_last_fault_word(param0);
}

void StackCheck::SetCycle( unsigned int param0, HRESULT &hr )
{
    (void)hr;
    stack_check_set_cycle(param0);
}

signed int StackCheck::GetMinFree( HRESULT &hr )
{
    (void)hr;
    return stack_check_get_min_free();
}

signed int StackCheck::AcknowledgeFault( HRESULT &hr )
{
    (void)hr;
    return stack_check_fault_acknowledge();
}
