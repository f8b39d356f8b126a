/**
 * @file cold_boot.c
 * @brief Target test: power-up with noise in the retained RAM. QEMU zeroes
 *        RAM where silicon leaves noise, so the test loads noise over the
 *        fault record and the error memory (run-qemu.cmake NOISE) and the
 *        board's RCC model starts with RCC_CSR's power-on flags.
 *
 * Boot 1 (power-on, found from RCC_CSR.PORRSTF/BORRSTF): the error memory
 * comes up formatted, the fault record reads "none" and is sealed empty,
 * ERR_FLAG_ERROR_MEMORY stays clear, and start-up cleared the reset flags
 * (RMVF). Then a software reset; QEMU writes the same noise again.
 * Boot 2, the control (built without COLD_BOOT_SINGLE): the flags now say a
 * warm reset (SFTRSTF, PINRSTF; PORRSTF gone because boot 1 cleared it), and
 * the same noise must be reported as damage: STACK_CHECK_ERR_RECORD_MAGIC for
 * both stores and ERR_FLAG_ERROR_MEMORY set.
 */
#include "boot_phase.h"
#include "cortex_m_regs.h"
#include "error_memory.h"
#include "fault_record.h"
#include "semihosting.h"
#include "stack_check.h"
#include "startup.h"
#include "stm32_regs.h"
#include "stm32_reset_cause.h"
#include "target_report.h"

#include <stdint.h>

extern volatile stack_check_fault_record_t stack_check_retained_fault;

static void report_stores(uint32_t *flags)
{
    uint16_t counts[STACK_CHECK_ERROR_MEMORY_FLAGS];
    *flags = 0u;
    (void)stack_check_error_memory_read(&cm_error_memory, flags, counts);
    sh_printf("boot %u: RCC_CSR reset flags 0x%08x (power-on: %s), error memory %s, fault record %s, "
              "error memory flags 0x%08x\n",
              (unsigned)(boot_phase() + 1u), (unsigned)cm_reset_flags, board_reset_was_power_on() ? "yes" : "no",
              stack_check_status_name(cm_retained_status), stack_check_status_name(stack_check_last_fault_status()),
              (unsigned)*flags);
}

static int power_on_boot(void)
{
    uint32_t passed = 0u;
    uint32_t total = 0u;
    uint32_t flags;
    report_stores(&flags);
    target_case(&passed, &total, cm_reset_flags == RCC_CSR_POWER_ON_FLAGS,
                "RCC_CSR held its power-on value: PORRSTF, PINRSTF, BORRSTF");
    target_case(&passed, &total, board_reset_was_power_on(), "power-on detected from RCC_CSR");
    target_case(&passed, &total, cm_retained_status == STACK_CHECK_ERROR_MEMORY_FORMATTED,
                "the noise in the error memory was formatted, not reported");
    target_case(&passed, &total, stack_check_last_fault_status() == STACK_CHECK_OK,
                "the noise in the fault record reads as no fault");
    target_case(&passed, &total, stack_check_retained_fault.magic == STACK_CHECK_FAULT_RECORD_EMPTY,
                "and was sealed empty");
    target_case(&passed, &total, (flags & ERR_FLAG_ERROR_MEMORY) == 0u && flags == 0u,
                "no ERR_FLAG_ERROR_MEMORY, no flag at all");
    target_case(&passed, &total, stm32_reset_flags_read() == 0u, "start-up cleared the reset flags (RMVF)");
    if (passed != total) {
        sh_printf("RESULT: %u of %u cases passed\n", (unsigned)passed, (unsigned)total);
        return TARGET_EXIT_CASE_FAILED;
    }
    sh_printf("COLD BOOT: power-on found in RCC_CSR, noise formatted, no damage reported\n");
#if defined(COLD_BOOT_SINGLE)
    sh_printf("RESULT: %u of %u cases passed\n", (unsigned)passed, (unsigned)total);
    return TARGET_EXIT_ALL_CASES_PASSED;
#else
    boot_phase_next(1u);
    cm_system_reset();
#endif
}

static int warm_boot_control(void)
{
    uint32_t passed = 0u;
    uint32_t total = 0u;
    uint32_t flags;
    report_stores(&flags);
    target_case(&passed, &total, cm_reset_flags == (RCC_CSR_SFTRSTF | RCC_CSR_PINRSTF),
                "RCC_CSR says a software reset only: boot 1 cleared PORRSTF");
    target_case(&passed, &total, !board_reset_was_power_on(), "no power-on");
    target_case(&passed, &total, cm_retained_status == STACK_CHECK_ERR_RECORD_MAGIC,
                "the same noise in the error memory is damage: STACK_CHECK_ERR_RECORD_MAGIC");
    target_case(&passed, &total, stack_check_last_fault_status() == STACK_CHECK_ERR_RECORD_MAGIC,
                "the same noise in the fault record is damage: STACK_CHECK_ERR_RECORD_MAGIC");
    target_case(&passed, &total, (flags & ERR_FLAG_ERROR_MEMORY) != 0u && (flags & ERR_FLAG_STACK) == 0u,
                "ERR_FLAG_ERROR_MEMORY set, ERR_FLAG_STACK not");
    sh_printf("RESULT: %u of %u cases passed\n", (unsigned)passed, (unsigned)total);
    if (passed != total) {
        return TARGET_EXIT_CASE_FAILED;
    }
    sh_printf("CONTROL: after a warm reset the same noise was reported as damage\n");
    return TARGET_EXIT_ALL_CASES_PASSED;
}

int main(void)
{
    return boot_phase() == 0u ? power_on_boot() : warm_boot_control();
}
