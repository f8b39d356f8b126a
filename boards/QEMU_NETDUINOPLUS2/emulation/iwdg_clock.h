/**
 * @file iwdg_clock.h
 * @brief EMULATION ONLY. QEMU 7.2 models no IWDG: the board's register model
 *        (native-interop/models/stm32) answers its registers through the MPU
 *        trap, and this file gives the model its time. Every (re)load of the
 *        model's counter restarts TIM5 for the counter's LSI ticks, in the
 *        guest's virtual time (with -icount shift=0: instructions); when
 *        TIM5 runs out before the next reload the model fires, records a
 *        watchdog reset (RCC_CSR.IWDGRSTF for the next boot) and the board
 *        requests the reset through AIRCR.SYSRESETREQ, which QEMU's
 *        netduinoplus2 honours by rebooting the guest (or by exiting 0 under
 *        -no-reboot).
 *
 * Less strict than silicon in one way: the reset comes from an interrupt
 * (TIM5 at priority 0), so a loop that hangs with interrupts masked
 * (PRIMASK) or inside a handler of priority 0 is not reset here, where an
 * IWDG would reset it. Uses TIM5 and its interrupt; nothing else may.
 */
#ifndef SAFETYMONITOR_IWDG_CLOCK_H
#define SAFETYMONITOR_IWDG_CLOCK_H

/** Connects the IWDG model to TIM5 (stm32_trap_install() calls it). */
void iwdg_clock_install(void);

/** TIM5's interrupt (the vector table in boards/common/cortex-m/startup.c names it). */
void TIM5_IRQHandler(void);

#endif /* SAFETYMONITOR_IWDG_CLOCK_H */
