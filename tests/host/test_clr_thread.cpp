// boards/common/nanoframework/safetymonitor_clr_thread.c: takes the reset
// evidence (RCC_CSR, the fault record) and starts the CLR thread on its
// static working area, compiled against the stand-in ChibiOS header and run
// against test doubles of chThdCreateStatic() and of RCC_CSR.
#include <gtest/gtest.h>

#include "stack_check.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

extern "C" {
#include "fault_record.h"
#include "hal.h"
#include "safetymonitor_clr_thread.h"
extern volatile stack_check_fault_record_t stack_check_retained_fault;
}

namespace {

// RCC_CSR as RM0090 §6.3.21 (RM0410 §5.3.21) describes it: the reset flags
// (bits 25-31) are read-only and stay set until a write of RMVF = 1 clears
// them all; LSION is read-write. Every `RCC->...` of the code under test
// calls safetymonitor_standin_rcc() first, so a write shows here at the next
// access (or at settle()): that is when the double applies it. At each
// access it also notes how far the fault record's validation had got, so a
// test sees whether RMVF was written before or after it.
struct RccCsrDouble {
    RCC_TypeDef reg{};
    uint32_t left = 0;                 // CSR as the double last left it
    std::vector<int> record_status;    // stack_check_last_fault_status() before each access
    int rmvf_access = -1;              // the access that wrote RMVF = 1
    int flag_writes = 0;               // writes that tried to change a reset flag

    void reset_with(uint32_t flags)
    {
        reg.CSR = flags;
        left = flags;
        record_status.clear();
        rmvf_access = -1;
        flag_writes = 0;
    }

    void settle()
    {
        const uint32_t written = reg.CSR;
        if (written == left) {
            return;
        }
        const uint32_t flags = left & 0xFE000000u;
        if ((written & 0xFE000000u) != flags) {
            flag_writes++;
        }
        uint32_t csr = flags | (written & RCC_CSR_LSION);
        if ((written & RCC_CSR_RMVF) != 0u) {
            rmvf_access = static_cast<int>(record_status.size()) - 1;
            csr &= ~0xFE000000u;
        }
        reg.CSR = csr;
        left = csr;
    }

    int status_at_rmvf() const
    {
        return rmvf_access < 0 ? STACK_CHECK_ERR_NOT_INITIALISED : record_status[static_cast<size_t>(rmvf_access)];
    }
} rcc;

}  // namespace

extern "C" RCC_TypeDef *safetymonitor_standin_rcc(void)
{
    rcc.settle();
    rcc.record_status.push_back(stack_check_last_fault_status());
    return &rcc.reg;
}

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

// The reset cause. safetymonitor_start_clr_thread() runs once per process,
// as once per boot: each boot runs in a child process of its own
// (EXPECT_EXIT), which reports what it found on stderr and exits 0 only when
// everything held. Defined before the ClrThread tests, which start in this
// process, so that the whole binary passes in one process too.
namespace {

const uint32_t kPowerOn = RCC_CSR_PORRSTF | RCC_CSR_PINRSTF | RCC_CSR_BORRSTF; // RCC_CSR reset value 0x0E000000
const uint32_t kSoftware = RCC_CSR_SFTRSTF | RCC_CSR_PINRSTF;

int failures;

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "FAILED: %s\n", what);
        failures++;
    }
}

// RAM as a power-up leaves it: the retained record full of noise.
void noise_in_retained_record(uint32_t seed)
{
    auto *words = const_cast<uint32_t *>(reinterpret_cast<volatile uint32_t *>(&stack_check_retained_fault));
    for (uint32_t i = 0; i < STACK_CHECK_FAULT_RECORD_WORDS; i++) {
        seed = seed * 1664525u + 1013904223u;
        words[i] = seed;
    }
}

uint32_t retained_magic()
{
    return stack_check_retained_fault.magic;
}

// One boot: the flags RCC_CSR holds, then the start. Returns the record's
// boot status.
int boot(uint32_t flags)
{
    rcc.reset_with(flags);
    static const int settings = 7;
    check(safetymonitor_start_clr_thread(clr_startup_thread, &settings) == &thread_double, "the CLR thread starts");
    rcc.settle();
    return stack_check_last_fault_status();
}

[[noreturn]] void end_boot()
{
    std::fprintf(stderr, "%s\n", failures == 0 ? "BOOT CHECKS PASSED" : "BOOT CHECKS FAILED");
    std::exit(failures == 0 ? 0 : 1);
}

}  // namespace

TEST(ClrThreadResetCause, PowerOnNoiseIsNoDamageAndTheFlagsAreClearedAfterTheValidation)
{
    EXPECT_EXIT(
        {
            noise_in_retained_record(0x5EED0001u);
            const int status = boot(kPowerOn);
            check(status == STACK_CHECK_OK, "power-on noise reads as no fault, not as damage");
            check(retained_magic() == STACK_CHECK_FAULT_RECORD_EMPTY, "the noise is sealed empty at once");
            check(safetymonitor_reset_flags() == kPowerOn, "the captured cause: PORRSTF, PINRSTF, BORRSTF");
            check((rcc.reg.CSR & 0xFE000000u) == 0u, "RCC_CSR's reset flags cleared (RMVF)");
            check(rcc.rmvf_access >= 0, "RMVF written");
            check(rcc.status_at_rmvf() != STACK_CHECK_ERR_NOT_INITIALISED,
                  "RMVF written only after the record was validated with the flags");
            check(rcc.flag_writes == 0, "no write tried to set a reset flag");
            end_boot();
        },
        ::testing::ExitedWithCode(0), "BOOT CHECKS PASSED");
}

TEST(ClrThreadResetCause, ControlWarmResetWithTheSameNoiseReportsDamage)
{
    EXPECT_EXIT(
        {
            noise_in_retained_record(0x5EED0001u);
            const int status = boot(kSoftware);
            check(status == STACK_CHECK_ERR_RECORD_MAGIC, "after a warm reset the same noise is damage");
            check(retained_magic() != STACK_CHECK_FAULT_RECORD_EMPTY, "the damage stays until acknowledged");
            check(safetymonitor_reset_flags() == kSoftware, "the captured cause: SFTRSTF, PINRSTF");
            check((rcc.reg.CSR & 0xFE000000u) == 0u, "RCC_CSR's reset flags cleared (RMVF)");
            end_boot();
        },
        ::testing::ExitedWithCode(0), "BOOT CHECKS PASSED");
}

TEST(ClrThreadResetCause, BrownOutAloneCountsAsPowerOn)
{
    EXPECT_EXIT(
        {
            noise_in_retained_record(0x5EED0002u);
            const int status = boot(RCC_CSR_BORRSTF | RCC_CSR_PINRSTF);
            check(status == STACK_CHECK_OK, "a brown-out (BORRSTF without PORRSTF) leaves noise, not damage");
            check(retained_magic() == STACK_CHECK_FAULT_RECORD_EMPTY, "sealed empty");
            end_boot();
        },
        ::testing::ExitedWithCode(0), "BOOT CHECKS PASSED");
}

TEST(ClrThreadResetCause, PowerOnAloneWithoutBrownOutFlagCountsAsPowerOn)
{
    EXPECT_EXIT(
        {
            noise_in_retained_record(0x5EED0003u);
            const int status = boot(RCC_CSR_PORRSTF);
            check(status == STACK_CHECK_OK, "PORRSTF alone leaves noise, not damage");
            end_boot();
        },
        ::testing::ExitedWithCode(0), "BOOT CHECKS PASSED");
}

TEST(ClrThreadResetCause, WatchdogCauseIsKeptAndAValidRecordIsReported)
{
    EXPECT_EXIT(
        {
            stack_check_fault_record_t fault{};
            fault.cause = STACK_CHECK_FAULT_CAUSE_HARDFAULT;
            fault.cfsr = 0x00008200u;
            stack_check_fault_save(&fault);
            const uint32_t flags = RCC_CSR_IWDGRSTF | RCC_CSR_PINRSTF | RCC_CSR_LPWRRSTF | RCC_CSR_WWDGRSTF;
            const int status = boot(flags);
            check(status == STACK_CHECK_FAULT_RECORDED, "a valid record is reported after a watchdog reset");
            check(stack_check_last_fault_word(5) == 0x00008200u, "with its CFSR");
            check(retained_magic() == STACK_CHECK_FAULT_RECORD_MAGIC, "and kept until the controller acknowledges it");
            check(safetymonitor_reset_flags() == flags, "every reset flag captured, IWDGRSTF among them");
            check((rcc.reg.CSR & 0xFE000000u) == 0u, "then cleared");
            end_boot();
        },
        ::testing::ExitedWithCode(0), "BOOT CHECKS PASSED");
}

TEST(ClrThreadResetCause, OnlyTheResetFlagsAreCaptured)
{
    EXPECT_EXIT(
        {
            noise_in_retained_record(0x5EED0004u);
            (void)boot(kSoftware | RCC_CSR_LSION | RCC_CSR_LSIRDY);
            check(safetymonitor_reset_flags() == kSoftware, "LSION and LSIRDY are not reset flags");
            check((rcc.reg.CSR & RCC_CSR_LSION) != 0u, "the clear keeps LSION");
            end_boot();
        },
        ::testing::ExitedWithCode(0), "BOOT CHECKS PASSED");
}

// CTest runs each test in its own process; these two hold in either order in
// one process too (a NULL entry changes nothing).
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
    rcc.reset_with(RCC_CSR_SFTRSTF | RCC_CSR_PINRSTF);
    ASSERT_EQ(STACK_CHECK_ERR_NOT_INITIALISED, stack_check_last_fault(nullptr));

    static const int settings = 42;
    ASSERT_EQ(&thread_double, safetymonitor_start_clr_thread(clr_startup_thread, &settings));
    // Start-up validated the record before the CLR thread existed.
    EXPECT_EQ(STACK_CHECK_FAULT_RECORDED, stack_check_last_fault_status());
    EXPECT_EQ(0x00000400u, stack_check_last_fault_word(5));
#if SAFETYMONITOR_PAINT_CLR_STACK
    // And painted the working area for the high-water mark.
    const auto *wa = static_cast<const uint32_t *>(created.wsp);
    for (size_t i = 0; i < created.size / sizeof(uint32_t); i++) {
        ASSERT_EQ(STACK_CHECK_PAINT_WORD, wa[i]) << "word " << i;
    }
    EXPECT_EQ(static_cast<int32_t>(created.size), stack_check_get_min_free());
#else
    // Built with SAFETYMONITOR_PAINT_CLR_STACK 0 (the Kconfig option off):
    // the record is validated all the same, the working area is not painted.
    const auto *wa = static_cast<const uint32_t *>(created.wsp);
    size_t painted = 0;
    for (size_t i = 0; i < created.size / sizeof(uint32_t); i++) {
        painted += wa[i] == STACK_CHECK_PAINT_WORD ? 1u : 0u;
    }
    EXPECT_EQ(0u, painted);
    EXPECT_EQ(STACK_CHECK_ERR_NOT_INITIALISED, stack_check_get_min_free());
#endif
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

