// The SafetyMonitor.Native interop stubs, compiled against the stand-in
// nanoCLR headers (tests/standin/nanoclr) and the posix C core: the method
// table reaches the right handler in each slot, each handler takes its
// argument from the right place of the frame and returns what its C
// function returns, with the result type of the managed method.
#include <gtest/gtest.h>

#include <cstring>

#include "SafetyMonitor_Native.h"

extern "C" {
#include "fault_record.h"
#include "stack_check.h"
#include "stack_check_port_layout.h"
#include "stack_check_watchdog.h"
}

// The assembly header includes nanoPackStruct.h as the generator writes it:
// its __nfpack packs an enum declared as the generator declares enums.
typedef enum __nfpack PackedProbe
{
    PackedProbe_One = 1,
} PackedProbe;
static_assert(sizeof(PackedProbe) == 1, "__nfpack packs under GCC as nanoPackStruct.h does");

// Test doubles of nf-interpreter's CLR_RT_Interop.cpp: an argument read
// from the frame (ArgN(paramIndex)), the result set with its type. Reading
// an argument the call does not have fails with an HRESULT here (the nanoCLR
// would read a neighbouring heap block), so that a handler reading the wrong
// index returns an error, and a handler that goes on after a failed
// marshalling is seen.
const HRESULT kNoSuchArgument = static_cast<HRESULT>(0x80000001u);

HRESULT Interop_Marshal_INT32(const CLR_RT_StackFrame &stackFrame, unsigned int paramIndex, signed int &param)
{
    if (paramIndex >= stackFrame.argument_count)
    {
        return kNoSuchArgument;
    }
    param = static_cast<signed int>(stackFrame.arguments[paramIndex]);
    return S_OK;
}

HRESULT Interop_Marshal_UINT32(const CLR_RT_StackFrame &stackFrame, unsigned int paramIndex, unsigned int &param)
{
    if (paramIndex >= stackFrame.argument_count)
    {
        return kNoSuchArgument;
    }
    param = stackFrame.arguments[paramIndex];
    return S_OK;
}

void SetResult_INT32(CLR_RT_StackFrame &stackFrame, signed int value)
{
    EXPECT_EQ(stackFrame.result_type, CLR_RT_StackFrame::NoResult) << "a second result";
    stackFrame.result = static_cast<uint32_t>(value);
    stackFrame.result_type = CLR_RT_StackFrame::ResultINT32;
}

void SetResult_UINT32(CLR_RT_StackFrame &stackFrame, unsigned int value)
{
    EXPECT_EQ(stackFrame.result_type, CLR_RT_StackFrame::NoResult) << "a second result";
    stackFrame.result = value;
    stackFrame.result_type = CLR_RT_StackFrame::ResultUINT32;
}

namespace {

typedef Library_SafetyMonitor_Native_SafetyMonitor_Native_StackCheck StackCheck;
typedef Library_SafetyMonitor_Native_SafetyMonitor_Native_Watchdog Watchdog;

// An int method without arguments.
CLR_INT32 Call(CLR_RT_MethodHandler handler)
{
    CLR_RT_StackFrame frame{};
    EXPECT_EQ(handler(frame), S_OK);
    EXPECT_EQ(frame.result_type, CLR_RT_StackFrame::ResultINT32);
    return static_cast<CLR_INT32>(frame.result);
}

const CLR_RT_MethodHandler *Table()
{
    return static_cast<const CLR_RT_MethodHandler *>(g_CLR_AssemblyNative_SafetyMonitor_Native.m_pNativeMethods);
}

TEST(InteropStubs, AssemblyRecordNamesTheAssemblyChecksumAndVersion)
{
    const CLR_RT_NativeAssemblyData &data = g_CLR_AssemblyNative_SafetyMonitor_Native;
    EXPECT_STREQ(data.m_szAssemblyName, "SafetyMonitor.Native");
    EXPECT_EQ(data.m_checkSum, 0xB65EEE28u);
    EXPECT_EQ(data.m_Version.iMajorVersion, 1);
    EXPECT_EQ(data.m_Version.iMinorVersion, 3);
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
    EXPECT_EQ(Table()[9], &Watchdog::Start___STATIC__I4__I4);
    EXPECT_EQ(Table()[10], &Watchdog::Refresh___STATIC__I4);
    EXPECT_EQ(Table()[11], &Watchdog::GetResetFlags___STATIC__U4);
}

// The watchdog handlers reach the port (here the posix stand-in). None may
// start it in this process: once started, nothing stops it.
TEST(InteropStubs, WatchdogHandlersReturnWhatThePortReturns)
{
    CLR_RT_StackFrame start{};
    start.arguments[0] = 0u;
    start.argument_count = 1;
    EXPECT_EQ(Table()[9](start), S_OK);
    EXPECT_EQ(start.result_type, CLR_RT_StackFrame::ResultINT32);
    EXPECT_EQ(static_cast<CLR_INT32>(start.result), STACK_CHECK_ERR_WATCHDOG_RANGE);
    CLR_RT_StackFrame too_long{};
    too_long.arguments[0] = 40000u;
    too_long.argument_count = 1;
    EXPECT_EQ(Table()[9](too_long), S_OK);
    EXPECT_EQ(static_cast<CLR_INT32>(too_long.result), STACK_CHECK_ERR_WATCHDOG_RANGE);
    CLR_RT_StackFrame no_argument{};
    EXPECT_EQ(Table()[9](no_argument), kNoSuchArgument);
    EXPECT_EQ(Call(Table()[10]), STACK_CHECK_ERR_WATCHDOG_NOT_STARTED);
    CLR_RT_StackFrame flags{};
    EXPECT_EQ(Table()[11](flags), S_OK);
    EXPECT_EQ(flags.result_type, CLR_RT_StackFrame::ResultUINT32) << "GetResetFlags returns uint";
    EXPECT_EQ(flags.result, stack_check_reset_flags());
}

TEST(InteropStubs, FaultHandlersReadTheRecordStartUpFound)
{
    // The cycle number goes into the record through SetCycle.
    CLR_RT_StackFrame set_cycle{};
    set_cycle.arguments[0] = 0xC0FFEEu;
    set_cycle.argument_count = 1;
    EXPECT_EQ(Table()[6](set_cycle), S_OK);
    EXPECT_EQ(set_cycle.result_type, CLR_RT_StackFrame::NoResult) << "SetCycle returns void";

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
        frame.arguments[0] = static_cast<uint32_t>(index);
        frame.argument_count = 1;
        EXPECT_EQ(Table()[5](frame), S_OK);
        EXPECT_EQ(frame.result_type, CLR_RT_StackFrame::ResultUINT32) << "GetFaultWord returns uint";
        return frame.result;
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

TEST(InteropStubs, AFailedMarshallingLeavesWithItsHresultBeforeTheNativeFunction)
{
    CLR_RT_StackFrame set_cycle{};
    set_cycle.arguments[0] = 7u;
    set_cycle.argument_count = 1;
    ASSERT_EQ(Table()[6](set_cycle), S_OK);

    // No argument: the handler returns the marshalling's HRESULT and does
    // not call SetCycle (the record keeps cycle 7).
    CLR_RT_StackFrame empty{};
    empty.arguments[0] = 99u;
    EXPECT_EQ(Table()[6](empty), kNoSuchArgument);
    CLR_RT_StackFrame word_frame{};
    EXPECT_EQ(Table()[5](word_frame), kNoSuchArgument);
    EXPECT_EQ(word_frame.result_type, CLR_RT_StackFrame::NoResult) << "no result after a failed marshalling";

    stack_check_fault_record_t fault{};
    fault.cause = STACK_CHECK_FAULT_CAUSE_HARDFAULT;
    stack_check_fault_save(&fault);
    ASSERT_EQ(stack_check_fault_boot(false), STACK_CHECK_FAULT_RECORDED);
    CLR_RT_StackFrame cycle_word{};
    cycle_word.arguments[0] = 15u;
    cycle_word.argument_count = 1;
    ASSERT_EQ(Table()[5](cycle_word), S_OK);
    EXPECT_EQ(cycle_word.result, 7u) << "SetCycle ran although its argument was missing";
    EXPECT_EQ(Call(Table()[8]), STACK_CHECK_OK);
    ASSERT_EQ(stack_check_fault_boot(false), STACK_CHECK_OK);
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
