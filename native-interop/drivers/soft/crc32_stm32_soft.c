/**
 * @file crc32_stm32_soft.c
 * @brief Software CRC-32 of the STM32 CRC unit, four bits per step.
 */
#include "crc32_stm32_soft.h"

/* nibble_table[n] = the CRC register after shifting the 4-bit value n, in
 * the register's top bits, through 4 steps of the polynomial 0x04C11DB7. */
static const uint32_t nibble_table[16] = {
    0x00000000u, 0x04C11DB7u, 0x09823B6Eu, 0x0D4326D9u,
    0x130476DCu, 0x17C56B6Bu, 0x1A864DB2u, 0x1E475005u,
    0x2608EDB8u, 0x22C9F00Fu, 0x2F8AD6D6u, 0x2B4BCB61u,
    0x350C9B64u, 0x31CD86D3u, 0x3C8EA00Au, 0x384FBDBDu,
};

static uint32_t feed_bits(uint32_t crc, uint32_t data, uint32_t bits)
{
    crc ^= data << (32u - bits);
    for (uint32_t step = 0u; step < bits / 4u; step++) {
        crc = (crc << 4) ^ nibble_table[crc >> 28];
    }
    return crc;
}

uint32_t crc32_stm32_soft_words(uint32_t crc, const uint32_t *words, size_t count)
{
    for (size_t i = 0u; i < count; i++) {
        crc = feed_bits(crc, words[i], 32u);
    }
    return crc;
}

uint32_t crc32_stm32_soft_bytes(uint32_t crc, const uint8_t *bytes, size_t count)
{
    for (size_t i = 0u; i < count; i++) {
        crc = feed_bits(crc, bytes[i], 8u);
    }
    return crc;
}
