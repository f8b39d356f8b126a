// TEST STAND-IN of nf-interpreter's targets/posix/nanoCLR/posix_stubs.cpp
// (main, a3e8139a): the POSIX target's own interop table,
// g_CLR_InteropAssembliesNativeData, a nullptr-terminated array of the native
// assemblies built into the library, each declared extern just above it, and
// its count. (The real one lists 14 assemblies; two stand for them here.)
#include <nanoCLR_Runtime.h>

#include <cstdint>

#define ARRAYSIZE(x) (sizeof(x) / sizeof((x)[0]))

// nanoCLR_Runtime.h declares both (external linkage for the const count).
extern const CLR_RT_NativeAssemblyData *g_CLR_InteropAssembliesNativeData[];
extern const uint16_t g_CLR_InteropAssembliesCount;

extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_mscorlib;
extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_nanoFramework_Runtime_Native;

const CLR_RT_NativeAssemblyData *g_CLR_InteropAssembliesNativeData[] = {
    &g_CLR_AssemblyNative_mscorlib,
    &g_CLR_AssemblyNative_nanoFramework_Runtime_Native,
    nullptr,
};
const uint16_t g_CLR_InteropAssembliesCount = ARRAYSIZE(g_CLR_InteropAssembliesNativeData) - 1; // exclude nullptr sentinel
