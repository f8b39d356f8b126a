// TEST STAND-IN (see tests/standin/README.md): nf-interpreter's
// src/CLR/Include/nanoPackStruct.h (unchanged since commit 1e8defc1, 2021-08;
// the same at 5269a236, 2025-04-02, and at a3e8139a, 2026-07-24), which the
// metadata processor's assembly header includes for the __nfpack attribute of
// the enums it declares. Written here from what that header does, not its code:
// with GCC (and compilers that define __GNUC__) __nfpack packs the type, with
// MSVC it is empty (MSVC packs with #pragma pack), and any other compiler
// stops with an error.
#ifndef SAFETYMONITOR_STANDIN_NANO_PACKSTRUCT_H
#define SAFETYMONITOR_STANDIN_NANO_PACKSTRUCT_H

#if defined(_MSC_VER)
#define __nfpack
#elif defined(__GNUC__)
#define __nfpack __attribute__((__packed__))
#else
#error "nanoPackStruct.h stand-in: no packing attribute for this compiler (nf-interpreter's header stops here too)"
#endif

#endif
