/**
 * @file fault_record_damage.c
 * @brief Target test, across resets: a damaged fault record is reported as
 *        damaged and never trusted. Boot 1 saves a record and flips one bit
 *        of its CRC-covered data, boot 2 must report STACK_CHECK_ERR_RECORD_CRC;
 *        boot 2 saves another and overwrites its magic, boot 3 must report
 *        STACK_CHECK_ERR_RECORD_MAGIC. Each damaged boot sets
 *        ERR_FLAG_ERROR_MEMORY in the error memory, never ERR_FLAG_STACK.
 */
#include "boot_phase.h"
#include "cortex_m_regs.h"
#include "error_memory.h"
#include "fault_record.h"
#include "semihosting.h"
#include "stack_check.h"
#include "startup.h"
#include "target_report.h"

#include <stdint.h>

extern volatile stack_check_fault_record_t stack_check_retained_fault;

static void save_damaged(uint32_t word, uint32_t mask)
{
    const stack_check_fault_record_t fault = {
        .cause = STACK_CHECK_FAULT_CAUSE_HARDFAULT, .cfsr = 0x8200u, .hfsr = 0x40000000u, .bfar = 0x1FFFFFF0u};
    stack_check_fault_save(&fault);
    ((volatile uint32_t *)&stack_check_retained_fault)[word] ^= mask;
}

static bool untrusted(int expected, const char *what)
{
    stack_check_fault_record_t r;
    const int status = stack_check_last_fault(&r);
    uint32_t flags = 0u;
    uint16_t counts[STACK_CHECK_ERROR_MEMORY_FLAGS];
    (void)stack_check_error_memory_read(&cm_error_memory, &flags, counts);
    sh_printf("boot: %s -> %s, record handed out: CFSR 0x%08x; error memory flags 0x%08x\n", what,
              stack_check_status_name(status), (unsigned)r.cfsr, (unsigned)flags);
    return status == expected && r.cfsr == 0u && (flags & ERR_FLAG_ERROR_MEMORY) != 0u && (flags & ERR_FLAG_STACK) == 0u;
}

int main(void)
{
    static uint32_t passed;
    static uint32_t total;
    switch (boot_phase()) {
    case 0u:
        sh_printf("boot 1: saving a record and flipping bit 3 of its BFAR word\n");
        boot_phase_next(1u);
        save_damaged(8u, 1u << 3);
        cm_system_reset();
    case 1u: {
        const bool ok = untrusted(STACK_CHECK_ERR_RECORD_CRC, "flipped data bit");
        stack_check_error_memory_clear(&cm_error_memory);
        sh_printf("boot 2: saving a record and overwriting its magic\n");
        boot_phase_next(ok ? 2u : 3u);
        save_damaged(0u, 0xFFFF0000u);
        cm_system_reset();
    }
    default: {
        target_case(&passed, &total, boot_phase() == 2u, "a flipped data bit: STACK_CHECK_ERR_RECORD_CRC, not trusted");
        target_case(&passed, &total, untrusted(STACK_CHECK_ERR_RECORD_MAGIC, "overwritten magic"),
                    "an overwritten magic: STACK_CHECK_ERR_RECORD_MAGIC, not trusted");
        sh_printf("RESULT: %u of %u cases passed\n", (unsigned)passed, (unsigned)total);
        return passed == total ? TARGET_EXIT_ALL_CASES_PASSED : TARGET_EXIT_CASE_FAILED;
    }
    }
}
