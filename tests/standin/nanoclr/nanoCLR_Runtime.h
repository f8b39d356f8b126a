// TEST STAND-IN (see tests/standin/README.md): nf-interpreter's
// src/CLR/Include/nanoCLR_Runtime.h; the stubs need nothing from it beyond
// what nanoCLR_Interop.h declares here.
#ifndef SAFETYMONITOR_STANDIN_NANOCLR_RUNTIME_H
#define SAFETYMONITOR_STANDIN_NANOCLR_RUNTIME_H
#include "nanoCLR_Interop.h"
#endif
