/**
 * @file watchdog_reset.c
 * @brief Target test, across two resets: a loop that refreshes the IWDG
 *        runs well past its timeout; the same loop, hung, is reset by it; the
 *        next boot finds RCC_CSR.IWDGRSTF and the error memory counts
 *        ERR_FLAG_WATCHDOG; a software reset after it (the control) is not
 *        taken for a watchdog reset.
 *
 * Runs with -icount shift=0: the IWDG model counts LSI ticks of 31,250 guest
 * instructions (iwdg_clock.h), so a 2 ms timeout is 2,000,000 instructions.
 */
#include "boot_phase.h"
#include "cortex_m_regs.h"
#include "error_memory.h"
#include "semihosting.h"
#include "stack_check.h"
#include "stack_check_watchdog.h"
#include "startup.h"
#include "stm32_iwdg.h"
#include "stm32_regs.h"
#include "target_report.h"

#include <stdint.h>

#define TIMEOUT_MS 2u
#define REFRESHES 100u
/* About 4 instructions per iteration: ~0.2 ms between refreshes, 10 timeouts in all. */
#define SPIN_BETWEEN_REFRESHES 50000u

static volatile uint32_t spin_sink;

static void spin(uint32_t iterations)
{
    for (uint32_t i = 0u; i < iterations; i++) {
        spin_sink = i;
    }
}

static uint16_t watchdog_count(uint32_t *flags)
{
    uint16_t counts[STACK_CHECK_ERROR_MEMORY_FLAGS];
    (void)stack_check_error_memory_read(&cm_error_memory, flags, counts);
    return counts[6];
}

int main(void)
{
    const uint32_t phase = boot_phase();
    uint32_t passed = 0u;
    uint32_t total = 0u;
    uint32_t flags = 0u;
    if (phase == 0u) {
        uint32_t actual = 0u;
        const int status = stm32_iwdg_start(TIMEOUT_MS, &actual);
        sh_printf("boot 1: IWDG started: %s, timeout %u ms\n", stack_check_status_name(status), (unsigned)actual);
        if (status != STACK_CHECK_OK || actual != TIMEOUT_MS) {
            return TARGET_EXIT_CASE_FAILED;
        }
        for (uint32_t i = 0u; i < REFRESHES; i++) {
            spin(SPIN_BETWEEN_REFRESHES);
            stm32_iwdg_refresh();
        }
        sh_printf("boot 1: refreshed %u times over about 10 timeouts: no reset (control)\n", (unsigned)REFRESHES);
        sh_printf("boot 1: the loop hangs now, no more refreshes\n");
        boot_phase_next(1u);
        for (;;) {
            spin_sink++;
        }
    }
    if (phase == 1u) {
        const uint16_t count = watchdog_count(&flags);
        sh_printf("boot 2: reset flags 0x%08x, error memory flags 0x%08x, ERR_FLAG_WATCHDOG counted %u\n",
                  (unsigned)cm_reset_flags, (unsigned)flags, (unsigned)count);
        target_case(&passed, &total, (cm_reset_flags & RCC_CSR_IWDGRSTF) != 0u, "RCC_CSR.IWDGRSTF: a watchdog reset");
        target_case(&passed, &total, (cm_reset_flags & RCC_CSR_SFTRSTF) == 0u, "not a software reset (SFTRSTF clear)");
        target_case(&passed, &total, count == 1u && (flags & ERR_FLAG_WATCHDOG) != 0u,
                    "the error memory counted it once and keeps ERR_FLAG_WATCHDOG");
        sh_printf("boot 2: %u of %u cases passed; control: a software reset next\n", (unsigned)passed, (unsigned)total);
        if (passed != total) {
            return TARGET_EXIT_CASE_FAILED;
        }
        boot_phase_next(2u);
        cm_system_reset();
    }
    const uint16_t count = watchdog_count(&flags);
    sh_printf("boot 3: reset flags 0x%08x, ERR_FLAG_WATCHDOG counted %u\n", (unsigned)cm_reset_flags, (unsigned)count);
    target_case(&passed, &total, phase == 2u, "boot 2 passed");
    target_case(&passed, &total, (cm_reset_flags & RCC_CSR_IWDGRSTF) == 0u && (cm_reset_flags & RCC_CSR_SFTRSTF) != 0u,
                "control: a software reset is no watchdog reset");
    target_case(&passed, &total, count == 1u, "control: not counted again");
    sh_printf("RESULT: %u of %u cases passed\n", (unsigned)passed, (unsigned)total);
    if (passed != total) {
        return TARGET_EXIT_CASE_FAILED;
    }
    sh_printf("WATCHDOG: the hung loop was reset by the IWDG and the next boot reported IWDGRSTF\n");
    return TARGET_EXIT_ALL_CASES_PASSED;
}
