// TEST STAND-IN of nf-interpreter's targets/posix/nanoCLR/CLRStartup.cpp:
// ClrStartup() runs "managed code" on the calling thread. Here that code
// descends a few frames (the interpreter's own depth), then calls
// SafetyMonitor.Native's natives as the CLR does: found by name in
// g_CLR_InteropAssembliesNativeData, through the assembly's method table.
#include "nanoCLR_native.h"

#include <nanoCLR_Runtime.h>

#include <cstdint>
#include <cstring>

struct CLR_SETTINGS
{
    int MaxContextSwitches;
};

extern const CLR_RT_NativeAssemblyData *g_CLR_InteropAssembliesNativeData[];
extern const uint16_t g_CLR_InteropAssembliesCount;

static STANDIN_RESULTS results;

const STANDIN_RESULTS *standin_results(void)
{
    return &results;
}

// Calls native `index` of the assembly (StackCheck's order: GetFree 0,
// GetSize 1, GetFaultStatus 4, GetMinFree 7) and returns its INT32 result.
static int call_native(const CLR_RT_NativeAssemblyData *assembly, unsigned index)
{
    const auto *methods = static_cast<const CLR_RT_MethodHandler *>(assembly->m_pNativeMethods);
    CLR_RT_StackFrame frame{};
    (void)methods[index](frame);
    return static_cast<int>(frame.result);
}

__attribute__((noinline)) static void interpret(const CLR_RT_NativeAssemblyData *assembly, int depth)
{
    volatile char frame[2048];
    frame[0] = static_cast<char>(depth);
    if (depth > 0)
    {
        interpret(assembly, depth - 1);
        frame[2047] = frame[0];
        return;
    }
    results.fault_status = call_native(assembly, 4);
    results.free_bytes = call_native(assembly, 0);
    results.size = call_native(assembly, 1);
    for (int i = 0; i < 5000; i++)
    {
        results.min_free = call_native(assembly, 7);
    }
}

void ClrStartup(CLR_SETTINGS params)
{
    (void)params;
    for (uint16_t i = 0; i < g_CLR_InteropAssembliesCount; i++)
    {
        const CLR_RT_NativeAssemblyData *assembly = g_CLR_InteropAssembliesNativeData[i];
        if (strcmp(assembly->m_szAssemblyName, "SafetyMonitor.Native") == 0)
        {
            results.found = 1;
            results.checksum = assembly->m_checkSum;
            interpret(assembly, 16);
        }
    }
}
