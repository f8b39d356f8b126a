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

uint32_t stack_check_port_crc(const uint32_t *words, size_t count)
{
    return crc32_stm32_soft_words(CRC32_STM32_SOFT_INIT, words, count);
}

/* A software CRC has no unit to fail: the known answer of the STM32 unit
 * (RM0090 §4.2: 0x12345678 gives 0xDF8A8A2B) shows the code is the right CRC. */
int stack_check_port_crc_selftest(void)
{
    const uint32_t word = 0x12345678u;
    return crc32_stm32_soft_words(CRC32_STM32_SOFT_INIT, &word, 1u) == 0xDF8A8A2Bu ? STACK_CHECK_OK
                                                                                : STACK_CHECK_ERR_CRC;
}
