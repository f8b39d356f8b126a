/**
 * @file error_memory_resets.c
 * @brief Target test, across six resets: persistent flags and counters of
 *        the error memory (in .noinit, opened by start-up) survive; a flag
 *        raised without persistence is counted but not kept; a damaged store
 *        is wiped and reported with ERR_FLAG_ERROR_MEMORY.
 */
#include "boot_phase.h"
#include "cortex_m_regs.h"
#include "error_memory.h"
#include "semihosting.h"
#include "stack_check.h"
#include "startup.h"
#include "target_report.h"

#include <stdint.h>

#define RESETS 5u
#define PERSISTENT_FLAG (1u << 16)
#define TRANSIENT_FLAG (1u << 17)

int main(void)
{
    const uint32_t phase = boot_phase();
    if (phase < RESETS) {
        sh_printf("boot %u: error memory %s\n", (unsigned)(phase + 1u), stack_check_status_name(cm_retained_status));
        const bool opened = phase == 0u ? cm_retained_status == STACK_CHECK_ERROR_MEMORY_FORMATTED
                                        : cm_retained_status == STACK_CHECK_OK;
        if (!opened) {
            return TARGET_EXIT_CASE_FAILED;
        }
        (void)stack_check_error_memory_raise(&cm_error_memory, PERSISTENT_FLAG, true);
        (void)stack_check_error_memory_raise(&cm_error_memory, TRANSIENT_FLAG, false);
        boot_phase_next(phase + 1u);
        cm_system_reset();
    }
    uint32_t passed = 0u;
    uint32_t total = 0u;
    if (phase == RESETS) {
        uint32_t flags = 0u;
        uint16_t counts[STACK_CHECK_ERROR_MEMORY_FLAGS];
        const int status = stack_check_error_memory_read(&cm_error_memory, &flags, counts);
        sh_printf("boot %u: error memory %s, flags 0x%08x, counters %u and %u\n", (unsigned)(phase + 1u),
                  stack_check_status_name(status), (unsigned)flags, (unsigned)counts[16], (unsigned)counts[17]);
        if (status != STACK_CHECK_OK || flags != PERSISTENT_FLAG || counts[16] != RESETS || counts[17] != RESETS) {
            sh_printf("RESULT: the counters did not survive\n");
            return TARGET_EXIT_CASE_FAILED;
        }
        sh_printf("boot %u: damaging one byte of the store\n", (unsigned)(phase + 1u));
        ((volatile uint8_t *)&cm_error_memory)[40] ^= 0x20u;
        boot_phase_next(RESETS + 1u);
        cm_system_reset();
    }
    uint32_t flags = 0u;
    uint16_t counts[STACK_CHECK_ERROR_MEMORY_FLAGS];
    (void)stack_check_error_memory_read(&cm_error_memory, &flags, counts);
    sh_printf("boot %u: error memory %s, flags 0x%08x\n", (unsigned)(phase + 1u), stack_check_status_name(cm_retained_status),
              (unsigned)flags);
    target_case(&passed, &total, phase == RESETS + 1u,
                "5 persistent and 5 transient raises counted across 5 resets, only the persistent flag kept");
    target_case(&passed, &total, cm_retained_status == STACK_CHECK_ERR_RECORD_CRC, "a damaged store is reported (STACK_CHECK_ERR_RECORD_CRC)");
    target_case(&passed, &total, flags == ERR_FLAG_ERROR_MEMORY && counts[16] == 0u, "wiped, with ERR_FLAG_ERROR_MEMORY set");
    sh_printf("RESULT: %u of %u cases passed\n", (unsigned)passed, (unsigned)total);
    if (passed != total) {
        return TARGET_EXIT_CASE_FAILED;
    }
    sh_printf("ERROR MEMORY: flags and counters survived %u resets, damage was wiped and flagged\n", (unsigned)RESETS);
    return TARGET_EXIT_ALL_CASES_PASSED;
}
