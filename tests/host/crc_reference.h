// Reference CRC-32/MPEG-2 for the tests, written from the catalogue's
// parameters (width 32, poly 0x04C11DB7, init 0xFFFFFFFF, refin/refout false,
// xorout 0, check 0x0376E6E7), independent of the code under test.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

uint32_t crc32_mpeg2(const uint8_t *bytes, size_t count);

// The STM32 CRC unit over 32-bit words: CRC-32/MPEG-2 over each word's bytes
// in big-endian order (the unit feeds a word MSB first).
uint32_t crc32_stm32_words(const uint32_t *words, size_t count);
