/**
 * @file stack_protector.c
 * @brief The stack protector's guard and failure handler (stack_protector.h).
 */
#include "stack_protector.h"

#include "cortex_m_regs.h"
#include "fault_record.h"
#include "stack_check.h"
#include "stack_check_port.h"

/* A fixed, non-zero default until the RNG seeds it. */
uintptr_t __stack_chk_guard = 0x5AFE57ACu;
int cm_stack_protector_seed_status = STACK_CHECK_ERR_NOT_INITIALISED;

__attribute__((no_stack_protector)) void cm_stack_protector_seed(void)
{
    uint32_t word = 0u;
    int status = stack_check_port_init();
    if (status == STACK_CHECK_OK) {
        status = stack_check_port_rng_word(&word);
    }
    if (status == STACK_CHECK_OK && word != 0u) {
        __stack_chk_guard = word;
    }
    cm_stack_protector_seed_status = status;
}

__attribute__((no_stack_protector, noreturn)) void __stack_chk_fail(void)
{
    stack_check_fault_record_t fault = {0};
    uint32_t msp;
    uint32_t psp;
    uint32_t control;
    uint32_t ipsr;
    __asm__ __volatile__("mrs %0, msp" : "=r"(msp));
    __asm__ __volatile__("mrs %0, psp" : "=r"(psp));
    __asm__ __volatile__("mrs %0, control" : "=r"(control));
    __asm__ __volatile__("mrs %0, ipsr" : "=r"(ipsr));
    fault.cause = STACK_CHECK_FAULT_CAUSE_STACK_PROTECTOR;
    fault.flags = STACK_CHECK_FAULT_CALLER_VALID;
    /* Handlers always run on MSP; thread mode on PSP when CONTROL.SPSEL. */
    fault.stack = (ipsr == 0u && (control & 2u) != 0u) ? STACK_CHECK_FAULT_STACK_PROCESS : STACK_CHECK_FAULT_STACK_MAIN;
    fault.cfsr = CM_REG(SCB_CFSR);
    fault.hfsr = CM_REG(SCB_HFSR);
    fault.msp = msp;
    fault.psp = psp;
    /* The instrumented function's epilogue called us: LR is in it (Thumb bit cleared). */
    fault.stacked_pc = (uint32_t)(uintptr_t)__builtin_return_address(0) & ~1u;
    stack_check_fault_save(&fault);
    cm_system_reset();
}
