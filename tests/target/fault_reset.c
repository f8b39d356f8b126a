/**
 * @file fault_reset.c
 * @brief Target test, across a reset (QEMU without -no-reboot): an overflow
 *        of the flipped stack faults; the HardFault handler writes the fault
 *        record and resets (the default cm_fault_hook()); the second boot
 *        finds the record, valid, with the registers of that fault, and
 *        ERR_FLAG_STACK set persistent in the error memory.
 */
#include "boot_phase.h"
#include "error_memory.h"
#include "fault_record.h"
#include "semihosting.h"
#include "stack_check.h"
#include "startup.h"
#include "target_report.h"

#include <stdbool.h>
#include <stdint.h>

#define FAULT_CYCLE 4242u

extern uint8_t __main_stack_base__[];

static volatile bool stop_recursion; /* never set */

static uint32_t recurse(uint32_t depth)
{
    volatile uint32_t frame[8];
    frame[0] = depth;
    if (stop_recursion) {
        return depth;
    }
    frame[7] = recurse(depth + 1u);
    return frame[0] + frame[7];
}

static int first_boot(void)
{
    stack_check_fault_record_t record;
    const int fault = stack_check_last_fault(&record);
    sh_printf("boot 1: fault record %s, error memory %s\n", stack_check_status_name(fault),
              stack_check_status_name(cm_retained_status));
    if (fault != STACK_CHECK_OK) {
        return SH_EXIT_FAIL;
    }
    boot_phase_next(1u);
    stack_check_set_cycle(FAULT_CYCLE);
    sh_printf("boot 1: overflowing the stack at cycle %u\n", (unsigned)FAULT_CYCLE);
    (void)recurse(0u);
    sh_printf("boot 1: the recursion returned\n");
    return SH_EXIT_FAIL;
}

static int second_boot(void)
{
    uint32_t passed = 0u;
    uint32_t total = 0u;
    stack_check_fault_record_t r;
    const int fault = stack_check_last_fault(&r);
    sh_printf("boot 2: fault record %s: cause %u, stack %u, CFSR 0x%08x HFSR 0x%08x BFAR 0x%08x MSP 0x%08x "
              "EXC_RETURN 0x%08x, cycle %u\n",
              stack_check_status_name(fault), (unsigned)r.cause, (unsigned)r.stack, (unsigned)r.cfsr,
              (unsigned)r.hfsr, (unsigned)r.bfar, (unsigned)r.msp, (unsigned)r.exc_return, (unsigned)r.cycle);
    const uint32_t base = (uint32_t)(uintptr_t)__main_stack_base__;
    target_case(&passed, &total, fault == STACK_CHECK_FAULT_RECORDED, "the record survived the reset, CRC valid");
    target_case(&passed, &total, r.cause == STACK_CHECK_FAULT_CAUSE_HARDFAULT, "cause: HardFault");
    target_case(&passed, &total, (r.hfsr & (1u << 30)) != 0u && (r.cfsr & (1u << 12)) != 0u,
                "HFSR.FORCED and CFSR.STKERR: a BusFault while stacking, escalated");
    target_case(&passed, &total, r.bfar < base && r.msp < base, "BFAR and MSP below the stack's region origin");
    target_case(&passed, &total, r.stack == STACK_CHECK_FAULT_STACK_MAIN && r.exc_return == 0xFFFFFFF9u,
                "on the main stack (EXC_RETURN 0xFFFFFFF9)");
    target_case(&passed, &total, (r.flags & STACK_CHECK_FAULT_FRAME_VALID) == 0u,
                "no stacked frame claimed (stacking failed)");
    target_case(&passed, &total, r.cycle == FAULT_CYCLE, "the cycle number of the fault");

    uint32_t flags = 0u;
    uint16_t counts[STACK_CHECK_ERROR_MEMORY_FLAGS];
    const int memory = stack_check_error_memory_read(&cm_error_memory, &flags, counts);
    sh_printf("boot 2: error memory %s, flags 0x%08x, ERR_FLAG_STACK counted %u\n", stack_check_status_name(memory),
              (unsigned)flags, (unsigned)counts[0]);
    target_case(&passed, &total, memory == STACK_CHECK_OK && (flags & ERR_FLAG_STACK) != 0u && counts[0] == 1u,
                "ERR_FLAG_STACK persistent in the error memory, counted once");

    /* Start-up acknowledged the record once it was in the error memory. */
    target_case(&passed, &total, r.count == 1u, "one fault since the last acknowledgement");
    target_case(&passed, &total, stack_check_fault_boot(false) == STACK_CHECK_OK,
                "acknowledged after the error memory took it: a later boot finds none");
    sh_printf("RESULT: %u of %u cases passed\n", (unsigned)passed, (unsigned)total);
    if (passed != total) {
        return TARGET_EXIT_CASE_FAILED;
    }
    sh_printf("FAULT RECORD: the overflow's record survived the reset and was reported\n");
    return TARGET_EXIT_ALL_CASES_PASSED;
}

int main(void)
{
    return boot_phase() == 0u ? first_boot() : second_boot();
}
