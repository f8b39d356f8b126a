/**
 * @file stack_check_port_stm32_residue.h
 * @brief Residue half of the `stm32` and `host` ports: the per-cycle CRC
 *        through the register-level driver (stm32_crc_residue_difference()) under the
 *        port's own lock (stack_check_port_lock.h from the include path:
 *        stm32 BASEPRI, host none). Both ports feed whole words.
 */
#ifndef SAFETYMONITOR_STACK_CHECK_PORT_STM32_RESIDUE_H
#define SAFETYMONITOR_STACK_CHECK_PORT_STM32_RESIDUE_H

#include "stack_check.h"
#include "stack_check_port_lock.h"
#include "stm32_crc.h"

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline uint32_t stack_check_port_crc_difference(const uint32_t *words, size_t count)
{
    const uint32_t lock = stack_check_port_lock();
    const uint32_t difference = stm32_crc_residue_difference(words, count, STACK_CHECK_SEAL_RESIDUE);
    stack_check_port_unlock(lock);
    return difference;
}

static inline uint32_t stack_check_port_word_as_fed(uint32_t word)
{
    return word;
}

#endif /* SAFETYMONITOR_STACK_CHECK_PORT_STM32_RESIDUE_H */
