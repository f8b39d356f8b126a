// TEST STAND-IN (see tests/standin/README.md): the names of nf-interpreter's
// src/CLR/Include/nanoCLR_Interop.h (5269a236, 2025-04-02, the first tree with
// mscorlib 1.17.11's checksum; legacy native assembly data ending in the
// version) that the SafetyMonitor.Native stubs use. Not nanoFramework's code.
#ifndef SAFETYMONITOR_STANDIN_NANOCLR_INTEROP_H
#define SAFETYMONITOR_STANDIN_NANOCLR_INTEROP_H

#include <stdint.h>

typedef int32_t HRESULT;
typedef int32_t CLR_INT32;
typedef uint32_t CLR_UINT32;
typedef uint16_t CLR_UINT16;
#define S_OK ((HRESULT)0)
// nf_errors_exceptions.h
#define FAILED(Status) ((HRESULT)(Status) < 0)

struct CLR_RECORD_VERSION
{
    CLR_UINT16 iMajorVersion;
    CLR_UINT16 iMinorVersion;
    CLR_UINT16 iBuildNumber;
    CLR_UINT16 iRevisionNumber;
};

// The stack frame of a native call, opaque to the stubs: they pass it to
// the Interop_Marshal_* and SetResult_* functions. The members are the test
// double's: the arguments a call gets (CLR_RT_StackFrame::ArgN(n) in the
// nanoCLR, n counting from 0 for a static method) and the result it sets.
struct CLR_RT_StackFrame
{
    enum ResultType
    {
        NoResult,
        ResultINT32,
        ResultUINT32
    };
    uint32_t arguments[2];
    unsigned int argument_count;
    uint32_t result;
    ResultType result_type;
};

// The release build's macros: NANOCLR_CHECK_HRESULT leaves for the label
// that NANOCLR_NOCLEANUP() places, which an -Werror build then requires to
// be used (-Wunused-label); NANOCLR_NOCLEANUP_NOLABEL() has no label.
#define NANOCLR_HEADER() HRESULT hr
#define NANOCLR_RETURN() return hr
#define NANOCLR_LEAVE() goto nanoCLR_Cleanup
#define NANOCLR_CHECK_HRESULT(expr) \
    {                               \
        if (FAILED(hr = (expr)))    \
            NANOCLR_LEAVE();        \
    }
#define NANOCLR_CLEANUP() \
    hr = S_OK;            \
    nanoCLR_Cleanup:
#define NANOCLR_CLEANUP_END() NANOCLR_RETURN()
#define NANOCLR_NOCLEANUP() \
    NANOCLR_CLEANUP();      \
    NANOCLR_CLEANUP_END()
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

// The marshalling functions the generator's _mshl.cpp calls for int and uint
// (nanoCLR_Interop.h; CLR_RT_Interop.cpp defines them, the test double here).
HRESULT Interop_Marshal_INT32(const CLR_RT_StackFrame &stackFrame, unsigned int paramIndex, signed int &param);
HRESULT Interop_Marshal_UINT32(const CLR_RT_StackFrame &stackFrame, unsigned int paramIndex, unsigned int &param);
void SetResult_INT32(CLR_RT_StackFrame &stackFrame, signed int value);
void SetResult_UINT32(CLR_RT_StackFrame &stackFrame, unsigned int value);

#endif
