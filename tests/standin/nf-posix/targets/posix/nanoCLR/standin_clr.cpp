// TEST STAND-IN: what the rest of nf-interpreter's POSIX library defines and
// the above needs: two native assemblies of the table (no methods), and the
// INT32/UINT32 marshalling the generated _mshl.cpp calls
// (src/CLR/Core/CLR_RT_Interop.cpp in the real tree), on the stand-in
// CLR_RT_StackFrame of tests/standin/nanoclr.
#include <nanoCLR_Runtime.h>

extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_mscorlib = {"mscorlib", 0x1549C856u, nullptr, {1, 0, 0, 0}};
extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_nanoFramework_Runtime_Native = {
    "nanoFramework.Runtime.Native", 0x0EAE898Bu, nullptr, {1, 0, 0, 0}};

HRESULT Interop_Marshal_INT32(const CLR_RT_StackFrame &stackFrame, unsigned int paramIndex, signed int &param)
{
    param = static_cast<signed int>(stackFrame.arguments[paramIndex]);
    return S_OK;
}

HRESULT Interop_Marshal_UINT32(const CLR_RT_StackFrame &stackFrame, unsigned int paramIndex, unsigned int &param)
{
    param = stackFrame.arguments[paramIndex];
    return S_OK;
}

void SetResult_INT32(CLR_RT_StackFrame &stackFrame, signed int value)
{
    stackFrame.result = static_cast<uint32_t>(value);
    stackFrame.result_type = CLR_RT_StackFrame::ResultINT32;
}

void SetResult_UINT32(CLR_RT_StackFrame &stackFrame, unsigned int value)
{
    stackFrame.result = value;
    stackFrame.result_type = CLR_RT_StackFrame::ResultUINT32;
}
