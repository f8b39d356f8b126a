/**
 * @file posix_periph.c
 * @brief Peripheral half of the `posix` port: getrandom() words through the
 *        continuous test, and the software CRC bit-exact with the STM32 unit.
 */
#include "crc32_stm32_soft.h"
#include "posix_entropy.h"
#include "rng_continuous_test.h"
#include "stack_check.h"
#include "stack_check_port.h"

static rng_continuous_test_t continuous_test;

int stack_check_port_init(void)
{
    rng_continuous_test_restart(&continuous_test);
    return STACK_CHECK_OK;
}

int stack_check_port_rng_word(uint32_t *word)
{
    /* At most two source words: one to prime the test after a restart. */
    for (unsigned step = 0u; step < 2u; step++) {
        uint32_t value = 0u;
        const int status = posix_entropy_word(&value);
        if (status != STACK_CHECK_OK) {
            return status;
        }
        const int verdict = rng_continuous_test_feed(&continuous_test, value);
        if (verdict == RNG_CONTINUOUS_TEST_DISCARD) {
            continue;
        }
        if (verdict == STACK_CHECK_OK) {
            *word = value;
        }
        return verdict;
    }
    return STACK_CHECK_ERR_RNG_REPEAT; /* not reached: the second word is never discarded */
}

int stack_check_port_crc(const uint32_t *words, size_t count, uint32_t *crc)
{
    *crc = crc32_stm32_soft_words(CRC32_STM32_SOFT_INIT, words, count);
    return STACK_CHECK_OK;
}
