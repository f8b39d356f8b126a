/**
 * @file stack_check_port_layout.h
 * @brief Layout half of the bare-metal `stm32` port: the stack the caller runs
 *        on (MSP or PSP) and the corruption-detect area, from linker symbols.
 *
 * Linker symbols it needs (linker/stack_flipped.ld and
 * linker/stack_corruption_area.ld define them; a board that runs thread code
 * on PSP also places `.pstack`):
 * - `__main_stack_base__`, `__main_stack_end__`: the MSP stack;
 * - `__process_stack_base__`, `__process_stack_end__`: the PSP stack;
 * - `__stack_corruption_area_start__`, `__stack_corruption_area_end__`.
 *
 * Which stack: CONTROL.SPSEL alone. Thread mode runs on PSP when
 * CONTROL.SPSEL is 1, else on MSP (ARMv7-M Architecture Reference Manual,
 * B1.4.4 "The special-purpose CONTROL register"); Handler mode always runs on
 * MSP, and exception entry clears CONTROL.SPSEL (B1.5.6, ExceptionTaken():
 * "CONTROL.SPSEL = '0'"; the exception return restores it from EXC_RETURN,
 * B1.5.8), so no IPSR test is needed (tests/target's handler-mode case shows
 * it). The current stack pointer is SP itself.
 */
#ifndef SAFETYMONITOR_STACK_CHECK_PORT_LAYOUT_STM32_H
#define SAFETYMONITOR_STACK_CHECK_PORT_LAYOUT_STM32_H

#include "stack_check_port.h"
#include "stack_check_port_linker_area.h"
#include "stack_check_port_paint.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

extern uint8_t __main_stack_base__[];
extern uint8_t __main_stack_end__[];
extern uint8_t __process_stack_base__[];
extern uint8_t __process_stack_end__[];

#define STACK_CHECK_CONTROL_SPSEL (1u << 1) /* ARMv7-M ARM B1.4.4 */

static inline stack_check_stack_t stack_check_port_stack(void)
{
    uint32_t control;
    uint32_t sp;
    stack_check_stack_t stack;
    __asm__ __volatile__("mrs %0, control" : "=r"(control));
    __asm__ __volatile__("mov %0, sp" : "=r"(sp));
    if ((control & STACK_CHECK_CONTROL_SPSEL) != 0u) {
        stack.base = (uintptr_t)__process_stack_base__;
        stack.end = (uintptr_t)__process_stack_end__;
    } else {
        stack.base = (uintptr_t)__main_stack_base__;
        stack.end = (uintptr_t)__main_stack_end__;
    }
    stack.sp = sp;
    return stack;
}


#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_STACK_CHECK_PORT_LAYOUT_STM32_H */
