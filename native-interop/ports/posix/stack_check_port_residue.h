/**
 * @file stack_check_port_residue.h
 * @brief Residue half of the `posix` port (stack_check_port.h): the software
 *        CRC over whole words (posix_periph.c, drivers/soft); no unit to
 *        share, no lock.
 */
#ifndef SAFETYMONITOR_STACK_CHECK_PORT_RESIDUE_POSIX_H
#define SAFETYMONITOR_STACK_CHECK_PORT_RESIDUE_POSIX_H

#include "stack_check.h"

#include <stddef.h>
#include <stdint.h>

static inline uint32_t stack_check_port_crc_difference(const uint32_t *words, size_t count)
{
    /* The same pass as the seal's (stack_check_port_crc(), declared in
     * stack_check_port.h, which includes this header after it). */
    return stack_check_port_crc(words, count) - STACK_CHECK_SEAL_RESIDUE;
}

static inline uint32_t stack_check_port_word_as_fed(uint32_t word)
{
    return word;
}

#endif /* SAFETYMONITOR_STACK_CHECK_PORT_RESIDUE_POSIX_H */
