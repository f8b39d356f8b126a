/**
 * @file posix_periph.c
 * @brief Peripheral half of the `posix` port: getrandom() words through the
 *        continuous test, and the software CRC bit-exact with the STM32 unit.
 */
#include "crc32_stm32_soft.h"
#include "posix_entropy.h"
#include "rng_continuous_test.h"
#include "stack_check_status.h"
#include "stack_check_port.h"

static rng_continuous_test_t continuous_test;

int stack_check_port_init(void)
{
    rng_continuous_test_restart(&continuous_test);
    return STACK_CHECK_OK;
}

int stack_check_port_rng_word(uint32_t *word)
{
    return rng_continuous_test_next(&continuous_test, posix_entropy_word, word);
}

int stack_check_port_crc(const uint32_t *words, size_t count, uint32_t *crc)
{
    *crc = crc32_stm32_soft_words(CRC32_STM32_SOFT_INIT, words, count);
    return STACK_CHECK_OK;
}
