// TEST STAND-IN (see tests/standin/README.md): the names of nf-interpreter's
// src/CLR/Include/nanoCLR_Interop.h (commit 01743b6f, legacy native assembly
// data) that the SafetyMonitor.Native stubs use. Not nanoFramework's code.
#ifndef SAFETYMONITOR_STANDIN_NANOCLR_INTEROP_H
#define SAFETYMONITOR_STANDIN_NANOCLR_INTEROP_H

#include <stdint.h>

typedef int32_t HRESULT;
typedef int32_t CLR_INT32;
typedef uint16_t CLR_UINT16;
#define S_OK ((HRESULT)0)

struct CLR_RECORD_VERSION
{
    CLR_UINT16 iMajorVersion;
    CLR_UINT16 iMinorVersion;
    CLR_UINT16 iBuildNumber;
    CLR_UINT16 iRevisionNumber;
};

// The stack frame of a native call: only the result setter the stubs use.
// The test double records the result.
struct CLR_RT_StackFrame
{
    void SetResult_I4(CLR_INT32 value);
    CLR_INT32 result;
    bool has_result;
};

#define NANOCLR_HEADER() HRESULT hr
#define NANOCLR_RETURN() return hr
#define NANOCLR_NOCLEANUP_NOLABEL() \
    hr = S_OK;                      \
    NANOCLR_RETURN()
#define NANOCLR_NATIVE_DECLARE(mtd) static HRESULT mtd(CLR_RT_StackFrame &stack)

typedef HRESULT (*CLR_RT_MethodHandler)(CLR_RT_StackFrame &stack);

struct CLR_RT_NativeAssemblyData
{
    const char *m_szAssemblyName;
    unsigned int m_checkSum;
    const void *m_pNativeMethods;
    CLR_RECORD_VERSION m_Version;
};

#endif
