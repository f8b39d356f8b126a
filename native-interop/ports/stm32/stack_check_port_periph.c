/**
 * @file stack_check_port_periph.c
 * @brief Peripheral half of the `stm32` port: the seam's RNG and CRC through
 *        the register-level drivers. The host port links this same file and
 *        routes the drivers' register accesses to models.
 */
#include "stack_check.h"
#include "stack_check_port.h"
#include "stm32_crc.h"
#include "stm32_rng.h"

int stack_check_port_init(void)
{
    const int status = stm32_crc_start();
    if (status != STACK_CHECK_OK) {
        return status;
    }
    stm32_rng_start();
    return STACK_CHECK_OK;
}

int stack_check_port_rng_word(uint32_t *word)
{
    return stm32_rng_read(word);
}

int stack_check_port_crc(const uint32_t *words, size_t count, uint32_t *crc)
{
    return stm32_crc_compute(words, count, crc);
}
