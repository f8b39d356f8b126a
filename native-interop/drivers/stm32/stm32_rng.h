/**
 * @file stm32_rng.h
 * @brief Register-level driver of the STM32F4/F7 random number generator,
 *        written from RM0090 §24 (RNG) and §7.3.11 (RCC_AHB2ENR).
 *
 * What it does for the stack monitor:
 * - turns the RNG's AHB2 clock on (RCC_AHB2ENR.RNGEN) and sets RNG_CR.RNGEN;
 * - waits for RNG_SR.DRDY with a bound (::STM32_RNG_DRDY_POLL_LIMIT reads of
 *   RNG_SR per word);
 * - recovers from seed errors as RM0090 §24.3.2 prescribes (clear SEIS, clear
 *   and set RNGEN), at most ::STM32_RNG_SEED_RECOVERIES times per word;
 * - runs the continuous test of RM0090 §24.3.1 (after FIPS PUB 140-2): the
 *   first word after each RNGEN rising edge is kept only for comparison, and a
 *   word equal to the one before it is a failure.
 *
 * The RNG's own 48 MHz clock (PLL48CLK) is the board's business; without it
 * the RNG reports a clock error (RNG_SR.CECS) and this driver returns
 * ::STACK_CHECK_ERR_RNG_CLOCK.
 *
 * RAM: 8 bytes (the previous word and the continuous-test state).
 * Not reentrant: one caller at a time.
 */
#ifndef SAFETYMONITOR_STM32_RNG_H
#define SAFETYMONITOR_STM32_RNG_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef STM32_RNG_DRDY_POLL_LIMIT
/**
 * Reads of RNG_SR while waiting for one word before giving up with
 * ::STACK_CHECK_ERR_RNG_TIMEOUT. A word takes at most 40 RNG clock periods
 * (RM0090 §24.4.3), 46 after RNGEN rises; at 48 MHz RNG clock and 168 MHz HCLK
 * that is about 160 CPU cycles, some 40 polls. Default 1024 polls, 25 times
 * the need; range 1 to 2^32-1.
 */
#define STM32_RNG_DRDY_POLL_LIMIT 1024u
#endif

#ifndef STM32_RNG_SEED_RECOVERIES
/** Seed-error recoveries (RM0090 §24.3.2) tried for one word before
 *  ::STACK_CHECK_ERR_RNG_SEED is returned. Default 2; range 0 to 15. */
#define STM32_RNG_SEED_RECOVERIES 2u
#endif

/**
 * Turns the RNG clock on, enables the RNG and restarts the continuous test
 * (the next word read is kept for comparison only). No wait.
 */
void stm32_rng_start(void);

/**
 * Reads one random word that passed the continuous test.
 *
 * Bound: at most 2 * (::STM32_RNG_SEED_RECOVERIES + 1) waits for RNG_SR.DRDY,
 * each of at most ::STM32_RNG_DRDY_POLL_LIMIT reads of RNG_SR.
 *
 * @param[out] word the random word; untouched on failure
 * @retval STACK_CHECK_OK               @p word written
 * @retval STACK_CHECK_ERR_RNG_SEED     seed error (RNG_SR.SECS/SEIS) after every recovery
 * @retval STACK_CHECK_ERR_RNG_CLOCK    clock error (RNG_SR.CECS or CEIS); CEIS is cleared
 * @retval STACK_CHECK_ERR_RNG_TIMEOUT  RNG_SR.DRDY did not rise within the poll limit
 * @retval STACK_CHECK_ERR_RNG_REPEAT   the word equalled the previous one
 */
int stm32_rng_read(uint32_t *word);

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_STM32_RNG_H */
