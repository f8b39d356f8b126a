// TEST ONLY: SafetyMonitor.TestNative's method table and its one native
// (tests/device-overflow). The checksum is the native checksum the metadata
// processor computes for the managed assembly; the version its
// AssemblyNativeVersion.
#include "SafetyMonitor_TestNative.h"

#include <stdint.h>

// Each call keeps 256 bytes of its own frame live across the next call, so
// the compiler can neither drop the frames nor turn the recursion into a
// loop; it returns only if the stack never faults.
static volatile uint32_t burn_sink;

__attribute__((noinline)) static uint32_t burn(uint32_t depth)
{
    volatile uint8_t frame[256];
    frame[0] = (uint8_t)depth;
    frame[sizeof frame - 1u] = (uint8_t)(depth >> 8);
    if (depth > 0x7FFFFFFFu)
    {
        return depth; // never: keeps the recursion unbounded for the compiler
    }
    uint32_t deeper = burn(depth + 1u);
    burn_sink = frame[0] + frame[sizeof frame - 1u];
    return deeper;
}

HRESULT Library_SafetyMonitor_TestNative_SafetyMonitor_TestNative_StackBurner::Overflow___STATIC__I4(
    CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    stack.SetResult_I4((int32_t)burn(0u));
    NANOCLR_NOCLEANUP_NOLABEL();
}

// clang-format off

static const CLR_RT_MethodHandler method_lookup[] =
{
    Library_SafetyMonitor_TestNative_SafetyMonitor_TestNative_StackBurner::Overflow___STATIC__I4,
};

const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_SafetyMonitor_TestNative =
{
    "SafetyMonitor.TestNative",
    SAFETYMONITOR_TESTNATIVE_CHECKSUM,
    method_lookup,
    { 1, 0, 0, 0 }
};

// clang-format on
