/**
 * @file stm32_rng.c
 * @brief STM32F4/F7 RNG driver (RM0090 §24): bounded waits, seed-error
 *        recovery, continuous test.
 */
#include "stm32_rng.h"

#include "board.h"
#include "rng_continuous_test.h"
#include "stack_check_status.h"
#include "stm32_mmio.h"
#include "stm32_regs.h"

/* Each RNGEN rising edge costs one word kept only for comparison, and each
 * seed-error recovery causes one; so one delivered word takes at most this
 * many waits for DRDY (the loop below returns before it runs out). */
#define RNG_READ_STEPS (2u * (STM32_RNG_SEED_RECOVERIES + 1u))

static rng_continuous_test_t continuous_test;

static uint32_t rng_read_reg(uint32_t offset)
{
    return stm32_mmio_read32(BOARD_RNG_BASE + offset);
}

static void rng_write_reg(uint32_t offset, uint32_t value)
{
    stm32_mmio_write32(BOARD_RNG_BASE + offset, value);
}

void stm32_rng_start(void)
{
    /* RM0090 §7.3.11: RCC_AHB2ENR.RNGEN gates the RNG's AHB clock. The read
     * back makes sure the enable has reached the RCC before the first RNG
     * access. */
    const uint32_t ahb2enr = BOARD_RCC_BASE + RCC_AHB2ENR_OFFSET;
    stm32_mmio_write32(ahb2enr, stm32_mmio_read32(ahb2enr) | RCC_AHB2ENR_RNGEN);
    (void)stm32_mmio_read32(ahb2enr);

    /* RNG_CR holds only RNGEN and IE (RM0090 §24.4.1); the driver polls, so
     * IE stays 0. */
    rng_write_reg(RNG_CR_OFFSET, RNG_CR_RNGEN);
    rng_continuous_test_restart(&continuous_test);
}

/* RM0090 §24.3.2: after a seed error, clear SEIS (rc_w0: write 0 to it and 1
 * to CEIS, which leaves CEIS alone), then clear and set RNGEN. */
static void rng_restart_after_seed_error(void)
{
    rng_write_reg(RNG_SR_OFFSET, RNG_SR_CEIS);
    rng_write_reg(RNG_CR_OFFSET, 0u);
    rng_write_reg(RNG_CR_OFFSET, RNG_CR_RNGEN);
    rng_continuous_test_restart(&continuous_test);
}

/* Waits for DRDY, at most STM32_RNG_DRDY_POLL_LIMIT reads of RNG_SR. Error
 * bits are looked at before DRDY: RM0090 §24.3.2 forbids using RNG_DR after a
 * seed error even if DRDY is set. */
static int rng_wait_ready(void)
{
    for (uint32_t polls = 0u; polls < STM32_RNG_DRDY_POLL_LIMIT; polls++) {
        const uint32_t sr = rng_read_reg(RNG_SR_OFFSET);
        if ((sr & (RNG_SR_SECS | RNG_SR_SEIS)) != 0u) {
            return STACK_CHECK_ERR_RNG_SEED;
        }
        if ((sr & (RNG_SR_CECS | RNG_SR_CEIS)) != 0u) {
            /* Clear CEIS (write 0 to it, 1 to SEIS which leaves SEIS alone),
             * so that a later call sees whether the clock is right again. */
            rng_write_reg(RNG_SR_OFFSET, RNG_SR_SEIS);
            return STACK_CHECK_ERR_RNG_CLOCK;
        }
        if ((sr & RNG_SR_DRDY) != 0u) {
            return STACK_CHECK_OK;
        }
    }
    return STACK_CHECK_ERR_RNG_TIMEOUT;
}

int stm32_rng_read(uint32_t *word)
{
    uint32_t recoveries = 0u;
    for (uint32_t step = 0u; step < RNG_READ_STEPS; step++) {
        const int status = rng_wait_ready();
        if (status == STACK_CHECK_ERR_RNG_SEED) {
            if (recoveries == STM32_RNG_SEED_RECOVERIES) {
                return status;
            }
            recoveries++;
            rng_restart_after_seed_error();
            continue;
        }
        if (status != STACK_CHECK_OK) {
            return status;
        }
        const uint32_t value = rng_read_reg(RNG_DR_OFFSET);
        const int verdict = rng_continuous_test_feed(&continuous_test, value);
        if (verdict == RNG_CONTINUOUS_TEST_DISCARD) {
            continue; /* the first word after RNGEN rises only primes the test */
        }
        if (verdict == STACK_CHECK_OK) {
            *word = value;
        }
        return verdict;
    }
    /* Not reached: RNG_READ_STEPS covers every recovery with its discarded word. */
    return STACK_CHECK_ERR_RNG_SEED;
}
