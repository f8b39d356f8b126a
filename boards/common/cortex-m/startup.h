/**
 * @file startup.h
 * @brief Reset path of the bare-metal firmware: vector table, .data/.bss
 *        initialisation, FPU enable, board_init(), main(), system_exit().
 */
#ifndef SAFETYMONITOR_STARTUP_H
#define SAFETYMONITOR_STARTUP_H

#include "error_memory.h"

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The firmware's error memory (error_memory.h), in section .noinit; opened
 *  at start-up by stack_check_retained_boot() before main(). */
extern stack_check_error_memory_t cm_error_memory;

/** What stack_check_retained_boot() returned at start-up (the error memory's
 *  open status); stack_check_last_fault() tells the fault record's. */
extern int cm_retained_status;

/** RCC_CSR's reset flags (bits 25-31: LPWRRSTF, WWDGRSTF, IWDGRSTF, SFTRSTF,
 *  PORRSTF, PINRSTF, BORRSTF; RM0090 §7.3.21, §6.3.21 on the F42x/43x,
 *  RM0410 §5.3.21) as start-up found them, before it cleared them with RMVF
 *  once the retained evidence was taken: every reset since the previous
 *  boot's clear (PINRSTF comes with every internal reset). 0 before start-up. */
extern uint32_t cm_reset_flags;

/** Whether the last reset was a power-on or brown-out reset
 *  (::cm_reset_flags has RCC_CSR.PORRSTF or BORRSTF), after which RAM holds
 *  noise: stack_check_retained_boot() then formats the retained stores
 *  instead of reporting them damaged. */
bool board_reset_was_power_on(void);

/** Board set-up before main() (clocks, emulation). Weak default: nothing. */
void board_init(void);

/** Where the firmware ends when main() returns. Weak default: a system reset
 *  request (AIRCR.SYSRESETREQ); the emulated board exits QEMU instead. */
__attribute__((noreturn)) void system_exit(int status);

/* Handlers named in the vector table. Each is a weak alias of a handler that
 * reports the exception and exits, unless the firmware defines it. */
void Reset_Handler(void);
void NMI_Handler(void);
void HardFault_Handler(void);
void MemManage_Handler(void);
void BusFault_Handler(void);
void UsageFault_Handler(void);
void SVC_Handler(void);
void DebugMon_Handler(void);
void PendSV_Handler(void);
void SysTick_Handler(void);
void TIM2_IRQHandler(void);
void Default_Handler(void);

/** Number of external interrupt vectors in the table (STM32F405: 82). */
#define STARTUP_IRQ_VECTORS 82

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_STARTUP_H */
