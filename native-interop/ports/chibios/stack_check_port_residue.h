/**
 * @file stack_check_port_residue.h
 * @brief Residue half of the `chibios` port (stack_check_port.h):
 *        nanoFramework's CRC driver, which feeds a buffer's bytes in memory
 *        order, MSB first (stack_check_port_chibios.c says which driver and
 *        how it is shared). On the little-endian Cortex-M a word is therefore
 *        read byte-swapped.
 */
#ifndef SAFETYMONITOR_STACK_CHECK_PORT_RESIDUE_CHIBIOS_H
#define SAFETYMONITOR_STACK_CHECK_PORT_RESIDUE_CHIBIOS_H

#include "stack_check.h"

#include <stddef.h>
#include <stdint.h>

static inline uint32_t stack_check_port_crc_difference(const uint32_t *words, size_t count)
{
    /* The same pass as the seal's (stack_check_port_crc(), declared in
     * stack_check_port.h, which includes this header after it). */
    return stack_check_port_crc(words, count) - STACK_CHECK_SEAL_RESIDUE;
}

/* ARMv7-M is little-endian here (nanoFramework's STM32 targets): the byte at
 * the word's address is its least significant one, fed first. */
static inline uint32_t stack_check_port_word_as_fed(uint32_t word)
{
    return ((word & 0xFFu) << 24) | ((word & 0xFF00u) << 8) | ((word >> 8) & 0xFF00u) | (word >> 24);
}

#endif /* SAFETYMONITOR_STACK_CHECK_PORT_RESIDUE_CHIBIOS_H */
