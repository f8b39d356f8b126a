//-----------------------------------------------------------------------------
//
//    SafetyMonitor.Native interop stubs in the metadata processor's interop
//    layout, the one Visual Studio writes for a library that is not a core
//    library (metadata-processor v3.0.100, nanoSkeletonGenerator.cs): this
//    header, SafetyMonitor_Native.cpp (method_lookup and the native assembly
//    data), and per class with natives a _mshl.cpp (the handlers, which
//    marshal the arguments), a .h (the class's native functions) and a .cpp
//    (their implementation), with FindINTEROP-SafetyMonitor.Native.cmake.
//    Includes as the generator writes them, nanoPackStruct.h too.
//
//    The method table and the checksum must match the managed assembly
//    managed/SafetyMonitor.Native: the checksum guard test
//    (tests/managed/SafetyMonitor.Conformance.Tests) derives both from the
//    compiled assembly and fails on any difference.
//
//-----------------------------------------------------------------------------

#ifndef SAFETYMONITOR_NATIVE_H
#define SAFETYMONITOR_NATIVE_H

#include <nanoCLR_Interop.h>
#include <nanoCLR_Runtime.h>
#include <nanoPackStruct.h>

struct Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck
{
    NANOCLR_NATIVE_DECLARE(GetFree___STATIC__I4);
    NANOCLR_NATIVE_DECLARE(GetSize___STATIC__I4);
    NANOCLR_NATIVE_DECLARE(InitCorruptionDetectArea___STATIC__I4);
    NANOCLR_NATIVE_DECLARE(CheckCorruptionDetectArea___STATIC__I4);
    NANOCLR_NATIVE_DECLARE(GetFaultStatus___STATIC__I4);
    NANOCLR_NATIVE_DECLARE(GetFaultWord___STATIC__U4__I4);
    NANOCLR_NATIVE_DECLARE(SetCycle___STATIC__VOID__U4);
    NANOCLR_NATIVE_DECLARE(GetMinFree___STATIC__I4);
    NANOCLR_NATIVE_DECLARE(AcknowledgeFault___STATIC__I4);

    //--//
};

struct Library_SafetyMonitor_Native_SafetyMonitor_Native_Watchdog
{
    NANOCLR_NATIVE_DECLARE(Start___STATIC__I4__I4);
    NANOCLR_NATIVE_DECLARE(Refresh___STATIC__I4);
    NANOCLR_NATIVE_DECLARE(GetResetFlags___STATIC__U4);

    //--//
};

extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_SafetyMonitor_Native;

#endif // SAFETYMONITOR_NATIVE_H
