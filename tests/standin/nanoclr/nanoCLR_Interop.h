// TEST STAND-IN (see tests/standin/README.md): the names of nf-interpreter's
// src/CLR/Include/nanoCLR_Interop.h (commit 01743b6f, legacy native assembly
// data) that the SafetyMonitor.Native stubs use. Not nanoFramework's code.
#ifndef SAFETYMONITOR_STANDIN_NANOCLR_INTEROP_H
#define SAFETYMONITOR_STANDIN_NANOCLR_INTEROP_H

#include <stdint.h>

typedef int32_t HRESULT;
typedef int32_t CLR_INT32;
typedef uint32_t CLR_UINT32;
typedef uint16_t CLR_UINT16;
#define S_OK ((HRESULT)0)

struct CLR_RECORD_VERSION
{
    CLR_UINT16 iMajorVersion;
    CLR_UINT16 iMinorVersion;
    CLR_UINT16 iBuildNumber;
    CLR_UINT16 iRevisionNumber;
};

// A numeric argument of a native call (CLR_RT_HeapBlock::NumericByRefConst()).
union CLR_RT_HeapBlock_NumericValue
{
    CLR_INT32 s4;
    CLR_UINT32 u4;
};

struct CLR_RT_HeapBlock
{
    const CLR_RT_HeapBlock_NumericValue &NumericByRefConst() const
    {
        return numeric;
    }
    CLR_RT_HeapBlock_NumericValue numeric;
};

// The stack frame of a native call: only the argument accessor and result
// setters the stubs use. The test double records the result.
struct CLR_RT_StackFrame
{
    CLR_RT_HeapBlock &Arg0()
    {
        return arg0;
    }
    void SetResult_I4(CLR_INT32 value);
    void SetResult_U4(CLR_UINT32 value);
    CLR_RT_HeapBlock arg0;
    CLR_INT32 result;
    CLR_UINT32 result_u4;
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
