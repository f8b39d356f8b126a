/**
 * @file reset_after_flags_cleared.c
 * @brief Target test, across resets: a reset right after start-up cleared
 *        RCC_CSR's reset flags (RMVF) must not turn power-on noise into
 *        damage. Start-up may clear the flags only once the retained RAM has
 *        been validated with them (and power-on noise formatted); cleared
 *        first, such a reset leaves noise in RAM and flags that say "warm".
 *
 * Boot 1: noise into the retained RAM (fault record and error memory), then
 * the power goes (the RCC model's stm32_periph_model_power_on(): the next
 * boot is a power-on; unlike a QEMU loader, nothing writes the noise again).
 * Boot 2: power-on; a reset strikes right after the flags are cleared
 * (stm32_reset_flags_clear() wrapped with -Wl,--wrap). Boot 3: a warm reset;
 * the retained RAM must hold what boot 2 made of the noise: a formatted
 * error memory and an empty record, no ERR_FLAG_ERROR_MEMORY.
 */
#include "boot_phase.h"
#include "cortex_m_regs.h"
#include "error_memory.h"
#include "fault_record.h"
#include "semihosting.h"
#include "stack_check.h"
#include "startup.h"
#include "stm32_periph_model.h"
#include "stm32_regs.h"
#include "stm32_reset_cause.h"
#include "target_report.h"

#include <stddef.h>
#include <stdint.h>

extern volatile stack_check_fault_record_t stack_check_retained_fault;

void __real_stm32_reset_flags_clear(void);
void __wrap_stm32_reset_flags_clear(void);
void __wrap_stm32_reset_flags_clear(void)
{
    __real_stm32_reset_flags_clear();
    if (boot_phase() == 1u) {
        boot_phase_next(2u);
        cm_system_reset();
    }
}

static void noise(volatile void *object, uint32_t bytes, uint32_t seed)
{
    volatile uint32_t *words = object;
    for (uint32_t i = 0u; i < bytes / 4u; i++) {
        seed = seed * 1664525u + 1013904223u;
        words[i] = seed;
    }
}

int main(void)
{
    const uint32_t phase = boot_phase();
    if (phase == 0u) {
        sh_printf("boot 1: noise into the retained RAM, then power off and on\n");
        noise(&stack_check_retained_fault, sizeof stack_check_retained_fault, 0x5EEDu);
        noise(&cm_error_memory, sizeof cm_error_memory, 0xF00Du);
        boot_phase_next(1u);
        stm32_periph_model_power_on();
        cm_system_reset();
    }
    uint32_t passed = 0u;
    uint32_t total = 0u;
    uint32_t flags = 0u;
    (void)stack_check_error_memory_read(&cm_error_memory, &flags, NULL);
    sh_printf("boot %u: RCC_CSR reset flags 0x%08x, error memory %s, fault record %s, flags 0x%08x\n",
              (unsigned)(phase + 1u), (unsigned)cm_reset_flags, stack_check_status_name(cm_retained_status),
              stack_check_status_name(stack_check_last_fault_status()), (unsigned)flags);
    target_case(&passed, &total, phase == 2u, "boot 2 was reset right after it cleared the flags");
    target_case(&passed, &total, cm_reset_flags == (RCC_CSR_SFTRSTF | RCC_CSR_PINRSTF), "boot 3 is a warm reset");
    target_case(&passed, &total, cm_retained_status == STACK_CHECK_OK, "the error memory boot 2 formatted is valid");
    target_case(&passed, &total, stack_check_last_fault_status() == STACK_CHECK_OK, "the record boot 2 sealed is empty");
    target_case(&passed, &total, flags == 0u, "no ERR_FLAG_ERROR_MEMORY: the noise never counted as damage");
    sh_printf("RESULT: %u of %u cases passed\n", (unsigned)passed, (unsigned)total);
    if (passed != total) {
        return TARGET_EXIT_CASE_FAILED;
    }
    sh_printf("RESET AFTER CLEAR: the power-on noise was formatted before the flags went\n");
    return TARGET_EXIT_ALL_CASES_PASSED;
}
