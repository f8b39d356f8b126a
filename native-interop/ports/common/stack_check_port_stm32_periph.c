/**
 * @file stack_check_port_stm32_periph.c
 * @brief Peripheral half of the `stm32` and `host` ports: the seam's RNG
 *        and CRC through the register-level drivers (the host port routes
 *        their register accesses to models).
 */
#include "stack_check.h"
#include "stack_check_status.h"
#include "stack_check_port.h"
/* The port's own lock, from the include path (stm32: BASEPRI;
 * host: none): this folder has none. */
#include "stack_check_port_lock.h"
#include "stm32_crc.h"
#include "stm32_rng.h"

_Static_assert(STACK_CHECK_AREA_GRANULE_WORDS % STM32_CRC_RESIDUE_GRANULE_WORDS == 0u,
               "the area's granule must be whole load-multiples of the CRC feed (stm32_crc_residue_difference())");

/* The per-cycle check and the self-test on its failing path use the CRC unit
 * under the port's lock (stack_check_port_lock.h): a check from an interrupt
 * handler must not interleave with another. The initialisation's own use
 * (start, seal) needs none: it clears the seal state before it touches the
 * unit, and a check that finds the area unsealed returns before it does;
 * interrupt handlers never initialise (stack_check.h). The RNG is used only
 * by the initialisation. */
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

int stack_check_port_crc_selftest(void)
{
    const uint32_t lock = stack_check_port_lock();
    const int status = stm32_crc_selftest();
    stack_check_port_unlock(lock);
    return status;
}

uint32_t stack_check_port_crc(const uint32_t *words, size_t count)
{
    return stm32_crc_compute(words, count);
}
