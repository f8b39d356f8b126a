// boards/common/nanoframework/safetymonitor_clr_thread.c: starts the CLR
// thread on its static working area, compiled against the stand-in ChibiOS
// header and run against a test double of chThdCreateStatic().
#include <gtest/gtest.h>

#include "stack_check.h"

#include <cstddef>
#include <cstdint>

extern "C" {
#include "fault_record.h"
#include "hal.h"
#include "safetymonitor_clr_thread.h"
}

RCC_TypeDef safetymonitor_standin_rcc;

namespace {

struct CreateStaticCall {
    int calls = 0;
    void *wsp = nullptr;
    size_t size = 0;
    tprio_t prio = 0;
    tfunc_t pf = nullptr;
    void *arg = nullptr;
} created;

thread_t thread_double;

int startup_calls;
const void *startup_argument;

void clr_startup_thread(void const *argument)
{
    startup_calls++;
    startup_argument = argument;
}

}  // namespace

// The chibios port's layout (linked through the high-water mark's paint of
// the calling stack, which this test never calls).
extern "C" thread_t *chThdGetSelfX(void)
{
    return &thread_double;
}

extern "C" uintptr_t __get_PSP(void)
{
    return 0u;
}

extern "C" thread_t *chThdCreateStatic(void *wsp, size_t size, tprio_t prio, tfunc_t pf, void *arg)
{
    created.calls++;
    created.wsp = wsp;
    created.size = size;
    created.prio = prio;
    created.pf = pf;
    created.arg = arg;
    return &thread_double;
}

// CTest runs each test in its own process; both hold in either order in one
// process too (a NULL entry changes nothing).
TEST(ClrThread, RefusesANullEntryWithoutCreatingAThread)
{
    const int before = created.calls;
    EXPECT_EQ(nullptr, safetymonitor_start_clr_thread(nullptr, nullptr));
    EXPECT_EQ(before, created.calls);
}

TEST(ClrThread, StartsOnceOnTheStaticWorkingAreaAtNormalPriority)
{
    // A fault the previous run recorded, after a software reset.
    stack_check_fault_record_t fault{};
    fault.cause = STACK_CHECK_FAULT_CAUSE_HARDFAULT;
    fault.cfsr = 0x00000400u;
    stack_check_fault_save(&fault);
    safetymonitor_standin_rcc.CSR = 1u << 28; /* SFTRSTF only */
    ASSERT_EQ(STACK_CHECK_ERR_NOT_INITIALISED, stack_check_last_fault(nullptr));

    static const int settings = 42;
    ASSERT_EQ(&thread_double, safetymonitor_start_clr_thread(clr_startup_thread, &settings));
    // Start-up validated the record before the CLR thread existed.
    EXPECT_EQ(STACK_CHECK_FAULT_RECORDED, stack_check_last_fault_status());
    EXPECT_EQ(0x00000400u, stack_check_last_fault_word(5));
    // And painted the working area for the high-water mark.
    const auto *wa = static_cast<const uint32_t *>(created.wsp);
    for (size_t i = 0; i < created.size / sizeof(uint32_t); i++) {
        ASSERT_EQ(STACK_CHECK_PAINT_WORD, wa[i]) << "word " << i;
    }
    EXPECT_EQ(static_cast<int32_t>(created.size), stack_check_get_min_free());
    ASSERT_EQ(1, created.calls);
    EXPECT_EQ(static_cast<size_t>(THD_WORKING_AREA_SIZE(SAFETYMONITOR_CLR_THREAD_STACK_SIZE)), created.size);
    EXPECT_EQ(0u, reinterpret_cast<uintptr_t>(created.wsp) % sizeof(stkalign_t));
    EXPECT_EQ(NORMALPRIO, created.prio);
    ASSERT_NE(nullptr, created.pf);

    // The thread function runs CLRStartupThread with main()'s argument.
    EXPECT_EQ(0, startup_calls);
    created.pf(created.arg);
    EXPECT_EQ(1, startup_calls);
    EXPECT_EQ(&settings, startup_argument);

    // The working area is in use: a second start creates nothing.
    EXPECT_EQ(nullptr, safetymonitor_start_clr_thread(clr_startup_thread, nullptr));
    EXPECT_EQ(1, created.calls);
}
