//-----------------------------------------------------------------------------
//
//    SafetyMonitor.Native.StackCheck: the handlers of its interop natives,
//    in the "without interop" style (no marshalling layer): each reads its
//    arguments from the stack frame (none here), calls the C core
//    (native-interop/core/stack_check.h) and sets the result.
//
//    The bodies never leave early, so they end with NANOCLR_NOCLEANUP_NOLABEL()
//    as nf-interpreter's own handlers without a cleanup path do (a
//    NANOCLR_NOCLEANUP() label nothing jumps to is an unused-label error
//    under the interop build's -Wall -Werror).
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

extern "C"
{
#include "fault_record.h"
#include "stack_check.h"
}

HRESULT Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetFree___STATIC__I4( CLR_RT_StackFrame &stack )
{
    NANOCLR_HEADER();

    stack.SetResult_I4(stack_check_get_free());

    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetSize___STATIC__I4( CLR_RT_StackFrame &stack )
{
    NANOCLR_HEADER();

    stack.SetResult_I4(stack_check_get_size());

    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::InitCorruptionDetectArea___STATIC__I4( CLR_RT_StackFrame &stack )
{
    NANOCLR_HEADER();

    stack.SetResult_I4(stack_check_init_corruption_detect_area());

    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::CheckCorruptionDetectArea___STATIC__I4( CLR_RT_StackFrame &stack )
{
    NANOCLR_HEADER();

    stack.SetResult_I4(stack_check_corruption_detect_area());

    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetFaultStatus___STATIC__I4( CLR_RT_StackFrame &stack )
{
    NANOCLR_HEADER();

    stack.SetResult_I4(stack_check_last_fault_status());

    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetFaultWord___STATIC__U4__I4( CLR_RT_StackFrame &stack )
{
    NANOCLR_HEADER();

    stack.SetResult_U4(stack_check_last_fault_word(stack.Arg0().NumericByRefConst().s4));

    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::SetCycle___STATIC__VOID__U4( CLR_RT_StackFrame &stack )
{
    NANOCLR_HEADER();

    stack_check_set_cycle(stack.Arg0().NumericByRefConst().u4);

    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetMinFree___STATIC__I4( CLR_RT_StackFrame &stack )
{
    NANOCLR_HEADER();

    stack.SetResult_I4(stack_check_get_min_free());

    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::AcknowledgeFault___STATIC__I4( CLR_RT_StackFrame &stack )
{
    NANOCLR_HEADER();

    stack.SetResult_I4(stack_check_fault_acknowledge());

    NANOCLR_NOCLEANUP_NOLABEL();
}
