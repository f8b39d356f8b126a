/**
 * @file stack_check_watchdog.h
 * @brief The independent watchdog as the safety loop uses it: its error flag
 *        and the port seam the interop natives call (SafetyMonitor.Native's
 *        Watchdog class).
 *
 * A watchdog that nothing refreshes resets the MCU: a safety loop that hangs,
 * starves or panics then ends in a reset instead of running on unwatched.
 * Once started it cannot be stopped (RM0090 §21.3), so starting it is an
 * explicit act of the application and never a default.
 *
 * Ports: chibios (ChibiOS's WDG driver where the target enables HAL_USE_WDG,
 * else the IWDG registers through drivers/stm32/stm32_iwdg.c); posix (a
 * software stand-in: a thread that ends the process with
 * ::STACK_CHECK_WATCHDOG_EXIT_STATUS, the way a reset ends a run). Bare-metal
 * firmware calls drivers/stm32/stm32_iwdg.h itself.
 */
#ifndef SAFETYMONITOR_STACK_CHECK_WATCHDOG_H
#define SAFETYMONITOR_STACK_CHECK_WATCHDOG_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Error flag counted in the error memory when the last reset was a watchdog
 * reset (RCC_CSR.IWDGRSTF, RM0090 §7.3.21). Bit 6 of the controller's
 * error-flag word; the managed `ErrorFlags.Watchdog` has the same value.
 */
#define ERR_FLAG_WATCHDOG (1u << 6)

/** Exit status of the POSIX stand-in when its watchdog fires (distinct from 0, 1 and signals). */
#define STACK_CHECK_WATCHDOG_EXIT_STATUS 86

/**
 * Starts the watchdog, or gives a running one a new timeout, and refreshes it.
 *
 * @param timeout_ms wanted timeout, ms, 1 to 32768 (the IWDG's range at its
 *        nominal 32 kHz LSI, RM0090 §21.3)
 * @return the timeout set, ms (1 to 32768, at least @p timeout_ms; on silicon
 *         nominal: the LSI's spread, 17-47 kHz, makes the real one 0.68 to
 *         1.88 times it), or STACK_CHECK_ERR_WATCHDOG_RANGE (nothing started),
 *         STACK_CHECK_ERR_WATCHDOG_TIMEOUT (started, timeout uncertain),
 *         STACK_CHECK_ERR_WATCHDOG_UNSUPPORTED (the port has none)
 */
int32_t stack_check_watchdog_start(int32_t timeout_ms);

/**
 * Refreshes the watchdog (reloads its counter).
 *
 * @retval 0 refreshed
 * @retval STACK_CHECK_ERR_WATCHDOG_NOT_STARTED never started: nothing done
 * @retval STACK_CHECK_ERR_WATCHDOG_UNSUPPORTED the port has none
 */
int32_t stack_check_watchdog_refresh(void);

/**
 * The reset flags of RCC_CSR (bits 25-31: BORRSTF to LPWRRSTF, RM0090
 * §7.3.21) as start-up captured them before clearing them; 0 where the port
 * has no such register (posix).
 */
uint32_t stack_check_reset_flags(void);

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_STACK_CHECK_WATCHDOG_H */
