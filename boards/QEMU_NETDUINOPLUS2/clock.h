/**
 * @file clock.h
 * @brief System clock of QEMU_NETDUINOPLUS2 as on the real Netduino Plus 2:
 *        HSE 25 MHz -> PLL -> SYSCLK 168 MHz, PLL48CLK 48 MHz for the RNG.
 */
#ifndef SAFETYMONITOR_BOARD_CLOCK_H
#define SAFETYMONITOR_BOARD_CLOCK_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Polls of a ready bit (RCC_CR.HSERDY, PLLRDY, RCC_CFGR.SWS) before
 *  board_clock_init() gives up. HSE start-up takes up to 2 ms (STM32F405
 *  datasheet, HSE oscillator characteristics), some 32000 polls at 16 MHz HSI. */
#define BOARD_CLOCK_POLL_LIMIT 100000u

/** Which step of board_clock_init() failed. */
typedef enum {
    BOARD_CLOCK_OK = 0,
    BOARD_CLOCK_ERR_HSE = -1,    /**< RCC_CR.HSERDY did not rise */
    BOARD_CLOCK_ERR_PLL = -2,    /**< RCC_CR.PLLRDY did not rise */
    BOARD_CLOCK_ERR_SWITCH = -3  /**< RCC_CFGR.SWS did not show the PLL */
} board_clock_status_t;

/**
 * Starts HSE, configures and starts the main PLL (board.h: M, N, P, Q), sets
 * the flash wait states and switches SYSCLK to the PLL, with bounded waits
 * (RM0090 §7.2 and §7.3.1-§7.3.3, §3.5.1).
 * @return ::BOARD_CLOCK_OK or the step that failed.
 */
board_clock_status_t board_clock_init(void);

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_BOARD_CLOCK_H */
