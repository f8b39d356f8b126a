/**
 * @file crc32_stm32_soft.h
 * @brief Software CRC-32 bit-exact with the STM32 CRC unit (RM0090 §4.2:
 *        polynomial 0x04C11DB7, initial value 0xFFFFFFFF, 32-bit words fed
 *        MSB first, no reflection, no final XOR). For ports without the unit
 *        (POSIX) and as the software baseline of the benchmarks.
 *
 * Equals CRC-32/MPEG-2 over each word's bytes in big-endian order. Cost: 8
 * table look-ups per word with a 64-byte table; no RAM.
 */
#ifndef SAFETYMONITOR_CRC32_STM32_SOFT_H
#define SAFETYMONITOR_CRC32_STM32_SOFT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Initial value of the unit's CRC_DR after CRC_CR.RESET. */
#define CRC32_STM32_SOFT_INIT 0xFFFFFFFFu

/**
 * Continues a CRC over @p count words.
 * @param crc   running value: ::CRC32_STM32_SOFT_INIT for a fresh computation
 * @param words first word (may be NULL when @p count is 0)
 * @param count number of 32-bit words
 * @return the CRC after the words, as CRC_DR would read
 */
uint32_t crc32_stm32_soft_words(uint32_t crc, const uint32_t *words, size_t count);

/**
 * Continues a CRC over @p count bytes, each fed MSB first as an 8-bit write
 * to the F7 unit's CRC_DR would be (CRC-32/MPEG-2 from
 * ::CRC32_STM32_SOFT_INIT).
 */
uint32_t crc32_stm32_soft_bytes(uint32_t crc, const uint8_t *bytes, size_t count);

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_CRC32_STM32_SOFT_H */
