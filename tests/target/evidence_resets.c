/**
 * @file evidence_resets.c
 * @brief Target tests, across resets: a recorded fault survives every reset
 *        until its evidence is in the error memory and acknowledged
 *        (stack_check_retained_boot()). The resets are injected at the
 *        exact points that matter by wrapping the functions start-up calls
 *        (-Wl,--wrap): a watchdog or brown-out strikes there on silicon.
 *
 * Boot 1 of each scenario faults for real: a store below the SRAM origin, a
 * precise BusFault escalated to HardFault, which the fault handler records
 * before it resets. Then, by EVIDENCE_SCENARIO:
 *  - RESET_BEFORE_STORE: boot 2 resets between stack_check_fault_boot() and
 *    the error memory's store; boot 3 must still report the fault, store it
 *    once (ERR_FLAG_STACK counted 1) and acknowledge it.
 *  - RESET_BEFORE_ACKNOWLEDGE: boot 2 resets after the store, before the
 *    acknowledgement; boot 3 reports the fault again and stores it again:
 *    evidence is stored at least once, never lost (counted 2).
 *  - FAULT_BEFORE_ACKNOWLEDGE: boot 2 faults again during start-up, before
 *    the record was stored; boot 3 finds one record that counts both faults
 *    (count 2, the second fault's registers) and stores both (counted 2).
 */
#include "boot_phase.h"
#include "error_memory.h"
#include "fault_record.h"
#include "semihosting.h"
#include "stack_check.h"
#include "startup.h"
#include "target_report.h"

#include "cortex_m_regs.h"

#include <stdint.h>

#define RESET_BEFORE_STORE 1
#define RESET_BEFORE_ACKNOWLEDGE 2
#define FAULT_BEFORE_ACKNOWLEDGE 3

#ifndef EVIDENCE_SCENARIO
#error "define EVIDENCE_SCENARIO"
#endif

/* Unmapped on the emulated board: right below the SRAM origin. */
#define FIRST_FAULT_ADDRESS 0x1FFFFFF0u
#define SECOND_FAULT_ADDRESS 0x1FFFFF00u

extern volatile stack_check_fault_record_t stack_check_retained_fault;

static void fault_at(uint32_t address)
{
    *(volatile uint32_t *)(uintptr_t)address = 0xDEADu;
}

#if EVIDENCE_SCENARIO == RESET_BEFORE_STORE
int __real_stack_check_error_memory_raise_times(stack_check_error_memory_t *store, uint32_t flags, bool persistent,
                                                uint32_t times);
int __wrap_stack_check_error_memory_raise_times(stack_check_error_memory_t *store, uint32_t flags, bool persistent,
                                                uint32_t times);
int __wrap_stack_check_error_memory_raise_times(stack_check_error_memory_t *store, uint32_t flags, bool persistent,
                                                uint32_t times)
{
    if (boot_phase() == 1u) {
        sh_printf("boot 2: a reset before the error memory stores the fault\n");
        boot_phase_next(2u);
        cm_system_reset();
    }
    return __real_stack_check_error_memory_raise_times(store, flags, persistent, times);
}
#elif EVIDENCE_SCENARIO == RESET_BEFORE_ACKNOWLEDGE
int __real_stack_check_fault_acknowledge(void);
int __wrap_stack_check_fault_acknowledge(void);
int __wrap_stack_check_fault_acknowledge(void)
{
    if (boot_phase() == 1u) {
        sh_printf("boot 2: a reset after the error memory stored the fault, before the acknowledgement\n");
        boot_phase_next(2u);
        cm_system_reset();
    }
    return __real_stack_check_fault_acknowledge();
}
#elif EVIDENCE_SCENARIO == FAULT_BEFORE_ACKNOWLEDGE
int __real_stack_check_retained_boot(stack_check_error_memory_t *store, bool power_on);
int __wrap_stack_check_retained_boot(stack_check_error_memory_t *store, bool power_on);
int __wrap_stack_check_retained_boot(stack_check_error_memory_t *store, bool power_on)
{
    if (boot_phase() == 1u) {
        sh_printf("boot 2: the fault recurs during start-up, before its record is stored\n");
        boot_phase_next(2u);
        fault_at(SECOND_FAULT_ADDRESS);
    }
    return __real_stack_check_retained_boot(store, power_on);
}
#endif

static int first_boot(void)
{
    sh_printf("boot 1: fault record %s; faulting at 0x%08x\n", stack_check_status_name(stack_check_last_fault_status()),
              (unsigned)FIRST_FAULT_ADDRESS);
    if (stack_check_last_fault_status() != STACK_CHECK_OK) {
        return TARGET_EXIT_CASE_FAILED;
    }
    boot_phase_next(1u);
    fault_at(FIRST_FAULT_ADDRESS);
    sh_printf("boot 1: the store did not fault\n");
    return TARGET_EXIT_CASE_FAILED;
}

static int last_boot(void)
{
    uint32_t passed = 0u;
    uint32_t total = 0u;
    stack_check_fault_record_t r;
    const int fault = stack_check_last_fault(&r);
    uint32_t flags = 0u;
    uint16_t counts[STACK_CHECK_ERROR_MEMORY_FLAGS];
    const int memory = stack_check_error_memory_read(&cm_error_memory, &flags, counts);
    sh_printf("boot 3: fault record %s, count %u, BFAR 0x%08x; error memory %s, flags 0x%08x, ERR_FLAG_STACK "
              "counted %u\n",
              stack_check_status_name(fault), (unsigned)r.count, (unsigned)r.bfar, stack_check_status_name(memory),
              (unsigned)flags, (unsigned)counts[0]);
#if EVIDENCE_SCENARIO == FAULT_BEFORE_ACKNOWLEDGE
    const uint32_t faults = 2u;
    const uint32_t last_address = SECOND_FAULT_ADDRESS;
    const uint32_t stored = 2u;
#elif EVIDENCE_SCENARIO == RESET_BEFORE_ACKNOWLEDGE
    const uint32_t faults = 1u;
    const uint32_t last_address = FIRST_FAULT_ADDRESS;
    const uint32_t stored = 2u;
#else
    const uint32_t faults = 1u;
    const uint32_t last_address = FIRST_FAULT_ADDRESS;
    const uint32_t stored = 1u;
#endif
    target_case(&passed, &total, boot_phase() == 2u, "boot 2 reset where it was meant to");
    target_case(&passed, &total, fault == STACK_CHECK_FAULT_RECORDED && r.cause == STACK_CHECK_FAULT_CAUSE_HARDFAULT,
                "the fault was reported again after the reset");
    target_case(&passed, &total, r.count == faults, faults == 1u ? "one fault in the record" : "both faults in the record");
    target_case(&passed, &total, (r.cfsr & SCB_CFSR_BFARVALID) != 0u && r.bfar == last_address,
                "the registers of the last fault");
    target_case(&passed, &total, memory == STACK_CHECK_OK && (flags & ERR_FLAG_STACK) != 0u && counts[0] == stored,
                stored == 1u ? "stored in the error memory once" : "stored in the error memory, counted twice");
    target_case(&passed, &total, stack_check_retained_fault.magic == STACK_CHECK_FAULT_RECORD_EMPTY,
                "acknowledged once stored: the retained record is sealed empty");
    sh_printf("RESULT: %u of %u cases passed\n", (unsigned)passed, (unsigned)total);
    if (passed != total) {
        return TARGET_EXIT_CASE_FAILED;
    }
    sh_printf("EVIDENCE: the fault survived the injected reset and was stored\n");
    return TARGET_EXIT_ALL_CASES_PASSED;
}

int main(void)
{
    switch (boot_phase()) {
    case 0u:
        return first_boot();
    case 1u:
        sh_printf("boot 2: start-up stored the record without the injected reset\n");
        return TARGET_EXIT_CASE_FAILED;
    default:
        return last_boot();
    }
}
