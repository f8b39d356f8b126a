/**
 * @file startup.h
 * @brief Reset path of the bare-metal firmware: vector table, .data/.bss
 *        initialisation, FPU enable, board_init(), main(), system_exit().
 */
#ifndef SAFETYMONITOR_STARTUP_H
#define SAFETYMONITOR_STARTUP_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

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
