// TEST STAND-IN of nf-interpreter's targets/posix/nanoCLR/main.cpp (the test
// harness: nanoCLR_Run() on the process's main thread). It prints what the
// stand-in CLR's natives returned, one line, for the test script to judge:
//   found checksum fault_status free size min_free
#include "nanoCLR_native.h"

#include <cstdio>

int main()
{
    NANO_CLR_SETTINGS settings{};
    settings.MaxContextSwitches = 50;
    nanoCLR_Run(settings);
    const STANDIN_RESULTS *r = standin_results();
    std::printf("%d 0x%08X %d %d %d %d\n", r->found, r->checksum, r->fault_status, r->free_bytes, r->size, r->min_free);
    return 0;
}
