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

/** Whether the last reset was a power-on or brown-out reset, when the board
 *  can tell (RCC_CSR.PORRSTF/BORRSTF, RM0090 §7.3.21). Weak default: false
 *  (RAM that reads all zeros still counts as blank). */
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
