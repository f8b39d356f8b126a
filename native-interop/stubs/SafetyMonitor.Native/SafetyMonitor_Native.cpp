//-----------------------------------------------------------------------------
//
//    SafetyMonitor.Native: method table and native assembly data.
//
//    One entry per method of managed/SafetyMonitor.Native in the metadata
//    processor's order (NULL for a method with an IL body). The checksum is
//    the native checksum the metadata processor computes for the managed
//    assembly; the version is its AssemblyNativeVersion. The nanoCLR refuses
//    the managed assembly unless both match.
//
//-----------------------------------------------------------------------------

#include "SafetyMonitor_Native.h"

// clang-format off

static const CLR_RT_MethodHandler method_lookup[] =
{
    Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetFree___STATIC__I4,
    Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetSize___STATIC__I4,
    Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::InitCorruptionDetectArea___STATIC__I4,
    Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::CheckCorruptionDetectArea___STATIC__I4,
    Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetFaultStatus___STATIC__I4,
    Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetFaultWord___STATIC__U4__I4,
    Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::SetCycle___STATIC__VOID__U4,
    Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::GetMinFree___STATIC__I4,
    Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck::AcknowledgeFault___STATIC__I4,
    Library_SafetyMonitor_Native_SafetyMonitor_Native_Watchdog::Start___STATIC__I4__I4,
    Library_SafetyMonitor_Native_SafetyMonitor_Native_Watchdog::Refresh___STATIC__I4,
    Library_SafetyMonitor_Native_SafetyMonitor_Native_Watchdog::GetResetFlags___STATIC__U4,
};

const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_SafetyMonitor_Native =
{
    "SafetyMonitor.Native",
    0xB65EEE28,
    method_lookup,
    { 1, 3, 0, 0 }
};

// clang-format on
