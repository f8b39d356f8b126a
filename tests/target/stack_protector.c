/**
 * @file stack_protector.c
 * @brief Target test, across a reset, built with -fstack-protector-strong:
 *        boot 1 checks the guard was seeded from the RNG, then a function
 *        overruns a local buffer; its epilogue calls __stack_chk_fail(),
 *        which writes the fault record and resets; boot 2 finds the record
 *        (cause: stack protector, the smashing function's address, the
 *        main stack) and ERR_FLAG_STACK persistent, then overruns again on
 *        the process stack (Thread mode, CONTROL.SPSEL = 1); boot 3 finds
 *        that record saying so.
 */
#include "boot_phase.h"
#include "error_memory.h"
#include "fault_record.h"
#include "semihosting.h"
#include "stack_check.h"
#include "stack_protector.h"
#include "startup.h"
#include "process_stack.h"
#include "target_report.h"

#include <stdint.h>
#include <string.h>

/* The overrun: writes `count` bytes into a 16-byte buffer. With count > 16
 * it runs over the guard copy that -fstack-protector-strong puts above the
 * buffer. noinline: the function must have a frame of its own. */
void smash(volatile uint32_t count);

__attribute__((noinline)) void smash(volatile uint32_t count)
{
    char buffer[16];
    memset(buffer, 0x41, count);
    __asm__ __volatile__("" : : "r"(buffer) : "memory");
}

/* smash() is a few dozen bytes long: the caller address must lie in it. */
#define SMASH_MAX_BYTES 128u

/* Boot 2's overrun, on the process stack. */
static void smash_on_process_stack(void)
{
    smash(24u);
    sh_printf("boot 2: the overrun on the process stack was NOT caught\n");
    sh_exit(TARGET_EXIT_CASE_FAILED);
}

static int process_stack_boot(void)
{
    uint32_t passed = 0u;
    uint32_t total = 0u;
    stack_check_fault_record_t r;
    const int fault = stack_check_last_fault(&r);
    sh_printf("boot 3: fault record %s: cause %u, stack %u\n", stack_check_status_name(fault), (unsigned)r.cause,
              (unsigned)r.stack);
    target_case(&passed, &total, fault == STACK_CHECK_FAULT_RECORDED && r.cause == STACK_CHECK_FAULT_CAUSE_STACK_PROTECTOR,
                "the overrun on the process stack was recorded");
    target_case(&passed, &total, r.stack == STACK_CHECK_FAULT_STACK_PROCESS, "on the process stack (CONTROL.SPSEL)");
    sh_printf("RESULT: %u of %u cases passed\n", (unsigned)passed, (unsigned)total);
    return passed == total ? TARGET_EXIT_ALL_CASES_PASSED : TARGET_EXIT_CASE_FAILED;
}

int main(void)
{
    if (boot_phase() == 0u) {
        sh_printf("boot 1: guard seeded: %s, guard %s the default\n", stack_check_status_name(cm_stack_protector_seed_status),
                  __stack_chk_guard == 0x5AFE57ACu ? "equals" : "differs from");
        if (cm_stack_protector_seed_status != STACK_CHECK_OK || __stack_chk_guard == 0x5AFE57ACu || __stack_chk_guard == 0u) {
            return TARGET_EXIT_CASE_FAILED;
        }
        smash(16u); /* control: within the buffer, must return */
        sh_printf("boot 1: an in-bounds write returned normally; now overrunning the buffer by 8 bytes\n");
        boot_phase_next(1u);
        smash(24u);
        sh_printf("boot 1: the overrun was NOT caught\n");
        return TARGET_EXIT_CASE_FAILED;
    }
    if (boot_phase() == 2u) {
        return process_stack_boot();
    }
    uint32_t passed = 0u;
    uint32_t total = 0u;
    stack_check_fault_record_t r;
    const int fault = stack_check_last_fault(&r);
    const uint32_t smash_start = (uint32_t)(uintptr_t)smash & ~1u;
    sh_printf("boot 2: fault record %s: cause %u, caller 0x%08x (smash() at 0x%08x)\n", stack_check_status_name(fault),
              (unsigned)r.cause, (unsigned)r.stacked_pc, (unsigned)smash_start);
    target_case(&passed, &total, fault == STACK_CHECK_FAULT_RECORDED, "the record survived the reset");
    target_case(&passed, &total, r.cause == STACK_CHECK_FAULT_CAUSE_STACK_PROTECTOR, "cause: stack protector");
    target_case(&passed, &total,
                (r.flags & STACK_CHECK_FAULT_CALLER_VALID) != 0u && r.stacked_pc > smash_start &&
                    r.stacked_pc < smash_start + SMASH_MAX_BYTES,
                "the caller is the smashing function");
    target_case(&passed, &total, (r.stacked_pc & 1u) == 0u,
                "an instruction address: the return address's Thumb bit cleared");
    target_case(&passed, &total, r.stack == STACK_CHECK_FAULT_STACK_MAIN, "on the main stack");
    uint32_t flags = 0u;
    (void)stack_check_error_memory_read(&cm_error_memory, &flags, NULL);
    target_case(&passed, &total, (flags & ERR_FLAG_STACK) != 0u, "ERR_FLAG_STACK persistent in the error memory");
    sh_printf("boot 2: %u of %u cases passed; now overrunning on the process stack\n", (unsigned)passed, (unsigned)total);
    if (passed != total) {
        sh_printf("RESULT: %u of %u cases passed\n", (unsigned)passed, (unsigned)total);
        return TARGET_EXIT_CASE_FAILED;
    }
    stack_check_error_memory_clear(&cm_error_memory);
    boot_phase_next(2u);
    call_on_process_stack(smash_on_process_stack);
    return TARGET_EXIT_CASE_FAILED;
}
