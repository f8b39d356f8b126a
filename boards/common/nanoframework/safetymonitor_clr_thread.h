/**
 * @file safetymonitor_clr_thread.h
 * @brief Starts nanoFramework's CLR thread on a static working area that the
 *        linker places flipped, at the origin of a RAM region
 *        (linker/clr_thread_flipped.ld), instead of on a block carved from
 *        the CRT heap.
 *
 * In the target's nanoCLR/main.c, include this header and replace
 *     osThreadCreate(osThread(CLRStartupThread), &clrSettings);
 * with
 *     safetymonitor_start_clr_thread(CLRStartupThread, &clrSettings);
 * then drop the osThreadDef(CLRStartupThread, ...) line: its stack size moves
 * to SAFETYMONITOR_CLR_THREAD_STACK_SIZE in the board's safetymonitor.cmake.
 *
 * The thread keeps the priority osThreadCreate() gave it: ChibiOS's CMSIS-RTOS
 * wrapper (os/common/abstractions/cmsis_os/cmsis_os.c) maps osPriorityNormal
 * to NORMALPRIO + 0.
 */
#ifndef SAFETYMONITOR_CLR_THREAD_H
#define SAFETYMONITOR_CLR_THREAD_H

#include "ch.h"

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Takes the evidence of the last reset first: reads RCC_CSR's reset flags
 * (safetymonitor_reset_flags()), validates the retained fault record with
 * them (stack_check_fault_boot(), once per boot, before any managed code
 * runs; a power-on or brown-out reset, RCC_CSR.PORRSTF or BORRSTF, leaves
 * noise, not damage: RM0090 §6.3.21, RM0410 §5.3.21), and only then clears
 * the flags (RCC_CSR.RMVF), so that the next boot sees the resets after this
 * one only. The record itself stays until the managed controller has stored
 * it and acknowledged it (stack_check_fault_acknowledge()). Then, unless
 * built with SAFETYMONITOR_PAINT_CLR_STACK 0, it paints the working area for
 * the high-water mark (stack_check_paint_region(): one store per word), and
 * creates the CLR thread on the
 * working area in the input section .clr_thread_wa: SAFETYMONITOR_CLR_THREAD_STACK_SIZE bytes of stack plus
 * ChibiOS's thread_t and port overhead (THD_WORKING_AREA(), ChibiOS/RT 7
 * chthreads.h), at NORMALPRIO, running @p clr_startup_thread(@p argument).
 * Call it once, from main(), where main() created the thread before (after
 * osKernelInitialize()). A second call returns NULL and creates nothing: the
 * working area is in use.
 *
 * @param clr_startup_thread nanoFramework's CLRStartupThread
 *                           (targets/ChibiOS/_nanoCLR/CLR_Startup_Thread.c);
 *                           must not be NULL
 * @param argument           its argument (&clrSettings in main())
 * @return the thread, or NULL when @p clr_startup_thread is NULL or the
 *         thread was already started
 */
thread_t *safetymonitor_start_clr_thread(void (*clr_startup_thread)(void const *argument), void const *argument);

/**
 * RCC_CSR's reset flags as safetymonitor_start_clr_thread() found them,
 * before it cleared them: bits 25-31 (RCC_CSR_BORRSTF, _PINRSTF, _PORRSTF,
 * _SFTRSTF, _IWDGRSTF, _WWDGRSTF, _LPWRRSTF; RM0090 §6.3.21, RM0410
 * §5.3.21), every other bit 0. They tell every reset since the previous
 * boot's clear (PINRSTF comes with each internal reset: §6.1.2). 0 before the
 * start. nanoFramework (nf-interpreter, ChibiOS 21.11's HAL) neither reads
 * nor clears these flags, and the nanoBooter that runs before the nanoCLR
 * leaves them alone, so this is the whole record of the reset. The chibios
 * port's stack_check_reset_flags() (stack_check_watchdog.h, behind
 * SafetyMonitor.Native's Watchdog.GetResetFlags()) returns the same.
 */
uint32_t safetymonitor_reset_flags(void);

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_CLR_THREAD_H */
