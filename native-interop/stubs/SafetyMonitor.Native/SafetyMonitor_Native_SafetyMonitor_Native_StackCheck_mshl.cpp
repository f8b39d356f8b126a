//-----------------------------------------------------------------------------
//
//    SafetyMonitor.Native.StackCheck: the handlers method_lookup points to.
//    Each takes its arguments off the CLR stack frame (Interop_Marshal_*),
//    calls the class's native function (SafetyMonitor_Native_SafetyMonitor_
//    Native_StackCheck.cpp), leaves with the HRESULT that function set, and
//    puts the result on the frame (SetResult_*). Written in the metadata
//    processor's marshalling format, so that the file Visual Studio
//    regenerates is this one apart from comments: do not edit by hand, the
//    checksum guard (tests/managed/SafetyMonitor.Conformance.Tests) renders
//    it from the managed assembly and fails on any difference.
//
//-----------------------------------------------------------------------------

#include "SafetyMonitor_Native.h"
#include "SafetyMonitor_Native_SafetyMonitor_Native_StackCheck.h"

using namespace SafetyMonitor_Native::SafetyMonitor_Native;


HRESULT Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetFree___STATIC__I4( CLR_RT_StackFrame& stack )
{
    NANOCLR_HEADER(); hr = S_OK;
    {

        signed int retValue = StackCheck::GetFree(  hr );
        NANOCLR_CHECK_HRESULT( hr );
        SetResult_INT32( stack, retValue );
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetSize___STATIC__I4( CLR_RT_StackFrame& stack )
{
    NANOCLR_HEADER(); hr = S_OK;
    {

        signed int retValue = StackCheck::GetSize(  hr );
        NANOCLR_CHECK_HRESULT( hr );
        SetResult_INT32( stack, retValue );
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::InitCorruptionDetectArea___STATIC__I4( CLR_RT_StackFrame& stack )
{
    NANOCLR_HEADER(); hr = S_OK;
    {

        signed int retValue = StackCheck::InitCorruptionDetectArea(  hr );
        NANOCLR_CHECK_HRESULT( hr );
        SetResult_INT32( stack, retValue );
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::CheckCorruptionDetectArea___STATIC__I4( CLR_RT_StackFrame& stack )
{
    NANOCLR_HEADER(); hr = S_OK;
    {

        signed int retValue = StackCheck::CheckCorruptionDetectArea(  hr );
        NANOCLR_CHECK_HRESULT( hr );
        SetResult_INT32( stack, retValue );
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetFaultStatus___STATIC__I4( CLR_RT_StackFrame& stack )
{
    NANOCLR_HEADER(); hr = S_OK;
    {

        signed int retValue = StackCheck::GetFaultStatus(  hr );
        NANOCLR_CHECK_HRESULT( hr );
        SetResult_INT32( stack, retValue );
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetFaultWord___STATIC__U4__I4( CLR_RT_StackFrame& stack )
{
    NANOCLR_HEADER(); hr = S_OK;
    {

        signed int param0;
        NANOCLR_CHECK_HRESULT( Interop_Marshal_INT32( stack, 0, param0 ) );

        unsigned int retValue = StackCheck::GetFaultWord( param0, hr );
        NANOCLR_CHECK_HRESULT( hr );
        SetResult_UINT32( stack, retValue );
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::SetCycle___STATIC__VOID__U4( CLR_RT_StackFrame& stack )
{
    NANOCLR_HEADER(); hr = S_OK;
    {

        unsigned int param0;
        NANOCLR_CHECK_HRESULT( Interop_Marshal_UINT32( stack, 0, param0 ) );

        StackCheck::SetCycle( param0, hr );
        NANOCLR_CHECK_HRESULT( hr );

    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetMinFree___STATIC__I4( CLR_RT_StackFrame& stack )
{
    NANOCLR_HEADER(); hr = S_OK;
    {

        signed int retValue = StackCheck::GetMinFree(  hr );
        NANOCLR_CHECK_HRESULT( hr );
        SetResult_INT32( stack, retValue );
    }
    NANOCLR_NOCLEANUP();
}

HRESULT Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::AcknowledgeFault___STATIC__I4( CLR_RT_StackFrame& stack )
{
    NANOCLR_HEADER(); hr = S_OK;
    {

        signed int retValue = StackCheck::AcknowledgeFault(  hr );
        NANOCLR_CHECK_HRESULT( hr );
        SetResult_INT32( stack, retValue );
    }
    NANOCLR_NOCLEANUP();
}
