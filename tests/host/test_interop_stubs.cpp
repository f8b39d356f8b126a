// The SafetyMonitor.Native interop stubs, compiled against the stand-in
// nanoCLR headers (tests/standin/nanoclr) and the posix C core: the method
// table reaches the right handler in each slot, and each handler returns
// what its C function returns.
#include <gtest/gtest.h>

#include <cstring>

#include "SafetyMonitor_Native.h"

extern "C" {
#include "fault_record.h"
#include "stack_check.h"
#include "stack_check_port_layout.h"
}

void CLR_RT_StackFrame::SetResult_I4(CLR_INT32 value)
{
    result = value;
    has_result = true;
}

void CLR_RT_StackFrame::SetResult_U4(CLR_UINT32 value)
{
    result_u4 = value;
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
    EXPECT_EQ(data.m_checkSum, 0x98BBD3CBu);
    EXPECT_EQ(data.m_Version.iMajorVersion, 1);
    EXPECT_EQ(data.m_Version.iMinorVersion, 2);
    EXPECT_EQ(data.m_Version.iBuildNumber, 0);
    EXPECT_EQ(data.m_Version.iRevisionNumber, 0);
}

TEST(InteropStubs, EachSlotHoldsItsHandler)
{
    EXPECT_EQ(Table()[0], &StackCheck::GetFree___STATIC__I4);
    EXPECT_EQ(Table()[1], &StackCheck::GetSize___STATIC__I4);
    EXPECT_EQ(Table()[2], &StackCheck::InitCorruptionDetectArea___STATIC__I4);
    EXPECT_EQ(Table()[3], &StackCheck::CheckCorruptionDetectArea___STATIC__I4);
    EXPECT_EQ(Table()[4], &StackCheck::GetFaultStatus___STATIC__I4);
    EXPECT_EQ(Table()[5], &StackCheck::GetFaultWord___STATIC__U4__I4);
    EXPECT_EQ(Table()[6], &StackCheck::SetCycle___STATIC__VOID__U4);
    EXPECT_EQ(Table()[7], &StackCheck::GetMinFree___STATIC__I4);
    EXPECT_EQ(Table()[8], &StackCheck::AcknowledgeFault___STATIC__I4);
}

TEST(InteropStubs, FaultHandlersReadTheRecordStartUpFound)
{
    // The cycle number goes into the record through SetCycle.
    CLR_RT_StackFrame set_cycle{};
    set_cycle.arg0.numeric.u4 = 0xC0FFEEu;
    EXPECT_EQ(Table()[6](set_cycle), S_OK);

    // A fault saved, then "the next boot": start-up validates it.
    stack_check_fault_record_t fault{};
    fault.cause = STACK_CHECK_FAULT_CAUSE_HARDFAULT;
    fault.cfsr = 0x00009200u;
    fault.bfar = 0x1FFFFFE0u;
    stack_check_fault_save(&fault);
    ASSERT_EQ(stack_check_fault_boot(false), STACK_CHECK_FAULT_RECORDED);

    EXPECT_EQ(Call(Table()[4]), STACK_CHECK_FAULT_RECORDED);
    auto word = [](CLR_INT32 index) {
        CLR_RT_StackFrame frame{};
        frame.arg0.numeric.s4 = index;
        EXPECT_EQ(Table()[5](frame), S_OK);
        EXPECT_TRUE(frame.has_result);
        return frame.result_u4;
    };
    EXPECT_EQ(word(0), STACK_CHECK_FAULT_RECORD_MAGIC);
    EXPECT_EQ(word(5), 0x00009200u);
    EXPECT_EQ(word(8), 0x1FFFFFE0u);
    EXPECT_EQ(word(15), 0xC0FFEEu) << "the cycle SetCycle noted";
    EXPECT_EQ(word(16), 1u) << "one fault since the last acknowledgement";
    EXPECT_EQ(word(18), 0u) << "out of range";
    EXPECT_EQ(word(-1), 0u) << "out of range";

    // Not yet acknowledged: a reset now reports it again.
    ASSERT_EQ(stack_check_fault_boot(false), STACK_CHECK_FAULT_RECORDED);

    // AcknowledgeFault (the controller, once the evidence is stored) seals it
    // empty; this boot still reports it, the next boot finds none.
    EXPECT_EQ(Call(Table()[8]), STACK_CHECK_OK);
    EXPECT_EQ(Call(Table()[4]), STACK_CHECK_FAULT_RECORDED);
    EXPECT_EQ(word(5), 0x00009200u);
    ASSERT_EQ(stack_check_fault_boot(false), STACK_CHECK_OK);
    EXPECT_EQ(Call(Table()[4]), STACK_CHECK_OK);
    EXPECT_EQ(word(5), 0u);
    EXPECT_EQ(Call(Table()[8]), STACK_CHECK_OK) << "acknowledging again changes nothing";
    EXPECT_EQ(stack_check_fault_boot(false), STACK_CHECK_OK);
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
