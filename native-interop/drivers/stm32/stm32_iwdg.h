/**
 * @file stm32_iwdg.h
 * @brief Register-level driver of the STM32F4/F7 independent watchdog (IWDG),
 *        written from RM0090 §21 (F405/407/42x/43x) and RM0410 (F76x/77x, its IWDG chapter),
 *        which agree on it.
 *
 * The IWDG is a 12-bit down-counter clocked by the LSI (nominal 32 kHz,
 * RM0090 §21.3; the datasheet allows 17 to 47 kHz, DS8626, LSI oscillator characteristics)
 * through a prescaler of 4, 8, ..., 256 (IWDG_PR). Writing 0xCCCC to IWDG_KR
 * starts it (and the LSI); from then on only a reset stops it. When it
 * reaches 0 it resets the MCU and the next boot finds RCC_CSR.IWDGRSTF set
 * (RM0090 §7.3.21). Writing 0xAAAA reloads it from IWDG_RLR. IWDG_PR and
 * IWDG_RLR take writes only after 0x5555 (§21.3), and a value written
 * reaches the LSI domain some LSI periods later: IWDG_SR.PVU/RVU are set
 * meanwhile, and the reference manual asks software to wait for them to
 * clear (§21.4.4).
 *
 * Timeout = 4 * 2^PR * (RLR + 1) / f_LSI. At the nominal 32 kHz: 1 ms to
 * 32768 ms (RM0090 §21.3, the table of IWDG timeouts at 32 kHz: 0.125 ms to 512 ms at /4, 8 ms to
 * 32768 ms at /256). The real timeout follows the LSI: at 17 kHz it is
 * 1.88 times, at 47 kHz 0.68 times the nominal one: choose a timeout whose
 * shortest real value (0.68 times) still exceeds the loop's deadline.
 *
 * Debugging: while the core is halted by a debugger the IWDG keeps counting
 * unless DBGMCU_APB1_FZ.DBG_IWDG_STOP is set (RM0090 §38.16.4); see
 * stm32_iwdg_debug_freeze().
 *
 * No RAM. Every wait bounded.
 */
#ifndef SAFETYMONITOR_STM32_IWDG_H
#define SAFETYMONITOR_STM32_IWDG_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Nominal LSI frequency, Hz (RM0090 §21.3, §7.2.5). */
#define STM32_IWDG_LSI_HZ 32000u
/** Shortest and longest timeout, ms, at the nominal LSI (RM0090 §21.3, the table of IWDG timeouts at 32 kHz). */
#define STM32_IWDG_MIN_TIMEOUT_MS 1u
#define STM32_IWDG_MAX_TIMEOUT_MS 32768u

#ifndef STM32_IWDG_POLL_LIMIT
/** Reads of IWDG_SR while waiting for PVU/RVU to clear, at most. The update
 *  takes up to 5 LSI periods (RM0090 §21.4.4), 156 us at 32 kHz, well under
 *  this many reads at any core clock of the F4/F7; range 1 to UINT32_MAX. */
#define STM32_IWDG_POLL_LIMIT 100000u
#endif

/** A prescaler and reload for a timeout, and the timeout they give. */
typedef struct {
    uint32_t prescaler; /**< IWDG_PR value, 0 to 6 (divider 4 << prescaler) */
    uint32_t reload;    /**< IWDG_RLR value, 0 to 0xFFF */
    uint32_t timeout_ms; /**< the timeout they give at the nominal LSI, ms, rounded down: >= the one asked for */
} stm32_iwdg_config_t;

/**
 * The smallest prescaler, and with it the smallest reload, whose timeout at
 * the nominal LSI is at least @p timeout_ms (so the finest resolution).
 * Pure arithmetic; touches no register.
 *
 * @param timeout_ms wanted timeout, ms, ::STM32_IWDG_MIN_TIMEOUT_MS to ::STM32_IWDG_MAX_TIMEOUT_MS
 * @param[out] config the values (not written on error)
 * @retval 0 (STACK_CHECK_OK)
 * @retval STACK_CHECK_ERR_WATCHDOG_RANGE @p timeout_ms out of range, or @p config NULL
 */
int stm32_iwdg_config_for(uint32_t timeout_ms, stm32_iwdg_config_t *config);

/**
 * Starts the IWDG (or, if it runs, gives it a new timeout) and reloads it:
 * KR = 0xCCCC, KR = 0x5555, PR, RLR, waits (bounded) for SR.PVU and SR.RVU
 * to clear, KR = 0xAAAA. Once started it cannot be stopped: call it only
 * when the application means to refresh it from then on.
 *
 * @param timeout_ms wanted timeout, ms, 1 to 32768
 * @param[out] actual_ms the timeout set at the nominal LSI, ms (may be NULL)
 * @retval 0 running with the new timeout, just reloaded
 * @retval STACK_CHECK_ERR_WATCHDOG_RANGE timeout out of range: nothing written, nothing started
 * @retval STACK_CHECK_ERR_WATCHDOG_TIMEOUT SR.PVU or RVU did not clear: the watchdog runs, with
 *         the new or the previous timeout (512 ms at reset values), and was reloaded
 */
int stm32_iwdg_start(uint32_t timeout_ms, uint32_t *actual_ms);

/**
 * Reloads the counter (KR = 0xAAAA): one register write. On a watchdog
 * that was never started it does nothing (RM0090 §21.3).
 */
void stm32_iwdg_refresh(void);

/**
 * Sets or clears DBGMCU_APB1_FZ.DBG_IWDG_STOP (RM0090 §38.16.4), a
 * read-modify-write: set, the IWDG stops counting while a debugger halts
 * the core, so a breakpoint does not reset the board. For debug builds
 * only: a release build must leave it clear. The register is reset only by
 * a power-on reset, not by a system reset.
 */
void stm32_iwdg_debug_freeze(bool freeze);

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_STM32_IWDG_H */
