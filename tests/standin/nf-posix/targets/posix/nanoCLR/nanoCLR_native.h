// TEST STAND-IN of nf-interpreter's targets/posix/Include/nanoCLR_native.h
// (main, a3e8139a): the exported entry point nanoCLR_Run(), here with a
// settings struct of one field, and the stand-in's own report of what the
// "managed code" saw (standin_results(); not in the real header).
#ifndef SAFETYMONITOR_STANDIN_NANOCLR_NATIVE_H
#define SAFETYMONITOR_STANDIN_NANOCLR_NATIVE_H

#define NANOCLRNATIVE_API extern "C" __attribute__((visibility("default")))

struct NANO_CLR_SETTINGS
{
    int MaxContextSwitches;
};

// What the stand-in CLR's "managed code" got from SafetyMonitor.Native's
// natives, called through the interop table as the CLR calls them.
struct STANDIN_RESULTS
{
    int found;          // SafetyMonitor.Native is in g_CLR_InteropAssembliesNativeData
    unsigned checksum;  // its native checksum
    int fault_status;   // StackCheck.GetFaultStatus()
    int free_bytes;     // StackCheck.GetFree() at the deepest frame
    int size;           // StackCheck.GetSize()
    int min_free;       // StackCheck.GetMinFree() once the sweep has settled
};

NANOCLRNATIVE_API void nanoCLR_Run(NANO_CLR_SETTINGS nanoClrSettings);
NANOCLRNATIVE_API const STANDIN_RESULTS *standin_results(void);

#endif
