//-----------------------------------------------------------------------------
//
//    SafetyMonitor.Native.Watchdog: the handlers method_lookup points to.
//    Each takes its arguments off the CLR stack frame (Interop_Marshal_*),
//    calls the class's native function (SafetyMonitor_Native_SafetyMonitor_
//    Native_Watchdog.cpp), leaves with the HRESULT that function set, and
//    puts the result on the frame (SetResult_*). Written in the metadata
//    processor's marshalling format, so that the file Visual Studio
//    regenerates is this one apart from comments: do not edit by hand, the
//    checksum guard (tests/managed/SafetyMonitor.Conformance.Tests) renders
//    it from the managed assembly and fails on any difference.
//
//-----------------------------------------------------------------------------

#include "SafetyMonitor_Native.h"
#include "SafetyMonitor_Native_SafetyMonitor_Native_Watchdog.h"

using namespace SafetyMonitor_Native::SafetyMonitor_Native;


HRESULT Library_SafetyMonitor_Native_SafetyMonitor_Native_Watchdog::Start___STATIC__I4__I4( CLR_RT_StackFrame& stack )
{
    NANOCLR_HEADER(); hr = S_OK;
    {

        signed int param0;
        NANOCLR_CHECK_HRESULT( Interop_Marshal_INT32( stack, 0, param0 ) );

        signed int retValue = Watchdog::Start( param0, hr );
        NANOCLR_CHECK_HRESULT( hr );
        SetResult_INT32( stack, retValue );
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_SafetyMonitor_Native_SafetyMonitor_Native_Watchdog::Refresh___STATIC__I4( CLR_RT_StackFrame& stack )
{
    NANOCLR_HEADER(); hr = S_OK;
    {

        signed int retValue = Watchdog::Refresh(  hr );
        NANOCLR_CHECK_HRESULT( hr );
        SetResult_INT32( stack, retValue );
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_SafetyMonitor_Native_SafetyMonitor_Native_Watchdog::GetResetFlags___STATIC__U4( CLR_RT_StackFrame& stack )
{
    NANOCLR_HEADER(); hr = S_OK;
    {

        unsigned int retValue = Watchdog::GetResetFlags(  hr );
        NANOCLR_CHECK_HRESULT( hr );
        SetResult_UINT32( stack, retValue );
    }
    NANOCLR_NOCLEANUP();
}
