// TEST STAND-IN of nf-interpreter's targets/posix/nanoCLR/nanoCLR_native_posix.cpp
// (main, a3e8139a): nanoCLR_Run() prepares the CLR settings and calls
// ClrStartup(clrSettings) on the calling thread, once.
#include "nanoCLR_native.h"

#include <cstring>

struct CLR_SETTINGS
{
    int MaxContextSwitches;
};

void ClrStartup(CLR_SETTINGS params);

void nanoCLR_Run(NANO_CLR_SETTINGS nanoClrSettings)
{
    CLR_SETTINGS clrSettings;
    memset(&clrSettings, 0, sizeof(CLR_SETTINGS));
    clrSettings.MaxContextSwitches = nanoClrSettings.MaxContextSwitches;

    ClrStartup(clrSettings);
}
