/**
 * @file process_stack.h
 * @brief For the QEMU target tests that run code on the process stack:
 *        Thread mode onto PSP, at the top of .pstack (the firmware needs
 *        __process_stack_size__), and back. ARMv7-M ARM B1.4.4 (CONTROL.SPSEL),
 *        B5.2.3 (MSR to CONTROL needs an ISB).
 */
#ifndef SAFETYMONITOR_PROCESS_STACK_H
#define SAFETYMONITOR_PROCESS_STACK_H

/** Calls @p function (in r0, as the AAPCS passes it: the asm reads it there)
 *  on the process stack (CONTROL.SPSEL = 1, PSP at the top of .pstack), then
 *  returns to the main stack. */
__attribute__((naked)) static void call_on_process_stack(__attribute__((unused)) void (*function)(void))
{
    __asm__ __volatile__(
        "movw r1, #:lower16:__process_stack_end__\n\t"
        "movt r1, #:upper16:__process_stack_end__\n\t"
        "msr psp, r1\n\t"
        "mrs r1, control\n\t"
        "orr r1, r1, #2\n\t"
        "msr control, r1\n\t"
        "isb\n\t"
        "push {r4, lr}\n\t"
        "blx r0\n\t"
        "pop {r4, lr}\n\t"
        "mrs r1, control\n\t"
        "bic r1, r1, #2\n\t"
        "msr control, r1\n\t"
        "isb\n\t"
        "bx lr\n\t");
}

#endif /* SAFETYMONITOR_PROCESS_STACK_H */
