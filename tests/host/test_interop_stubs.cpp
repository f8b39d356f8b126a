// The SafetyMonitor.Native interop stubs, compiled against the stand-in
// nanoCLR headers (tests/standin/nanoclr) and the posix C core: the method
// table reaches the right handler in each slot, and each handler returns
// what its C function returns.
#include <gtest/gtest.h>

#include <cstring>

#include "SafetyMonitor_Native.h"

extern "C" {
#include "stack_check.h"
#include "stack_check_port_layout.h"
}

void CLR_RT_StackFrame::SetResult_I4(CLR_INT32 value)
{
    result = value;
    has_result = true;
}

namespace {

typedef Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck StackCheck;

CLR_INT32 Call(CLR_RT_MethodHandler handler)
{
    CLR_RT_StackFrame frame{};
    EXPECT_EQ(handler(frame), S_OK);
    EXPECT_TRUE(frame.has_result);
    return frame.result;
}

const CLR_RT_MethodHandler *Table()
{
    return static_cast<const CLR_RT_MethodHandler *>(g_CLR_AssemblyNative_SafetyMonitor_Native.m_pNativeMethods);
}

TEST(InteropStubs, AssemblyRecordNamesTheAssemblyChecksumAndVersion)
{
    const CLR_RT_NativeAssemblyData &data = g_CLR_AssemblyNative_SafetyMonitor_Native;
    EXPECT_STREQ(data.m_szAssemblyName, "SafetyMonitor.Native");
    EXPECT_EQ(data.m_checkSum, 0xA10EB817u);
    EXPECT_EQ(data.m_Version.iMajorVersion, 1);
    EXPECT_EQ(data.m_Version.iMinorVersion, 0);
    EXPECT_EQ(data.m_Version.iBuildNumber, 0);
    EXPECT_EQ(data.m_Version.iRevisionNumber, 0);
}

TEST(InteropStubs, EachSlotHoldsItsHandler)
{
    EXPECT_EQ(Table()[0], &StackCheck::GetFree___STATIC__I4);
    EXPECT_EQ(Table()[1], &StackCheck::GetSize___STATIC__I4);
    EXPECT_EQ(Table()[2], &StackCheck::InitCorruptionDetectArea___STATIC__I4);
    EXPECT_EQ(Table()[3], &StackCheck::CheckCorruptionDetectArea___STATIC__I4);
}

TEST(InteropStubs, HandlersReturnWhatTheCoreReturns)
{
    EXPECT_EQ(Call(Table()[1]), stack_check_get_size());
    const CLR_INT32 free_via_handler = Call(Table()[0]);
    EXPECT_NEAR(free_via_handler, stack_check_get_free(), 512);
    EXPECT_EQ(Call(Table()[2]), STACK_CHECK_OK);
    EXPECT_EQ(Call(Table()[3]), STACK_CHECK_OK);
    stack_check_posix_area[3] ^= 0x100u;
    EXPECT_EQ(Call(Table()[3]), STACK_CHECK_ERR_CORRUPTED);
    stack_check_posix_area[3] ^= 0x100u;
    EXPECT_EQ(Call(Table()[3]), STACK_CHECK_OK);
}

}  // namespace
