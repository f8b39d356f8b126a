#include "crc_reference.h"

uint32_t crc32_mpeg2(const uint8_t *bytes, size_t count)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < count; i++) {
        crc ^= static_cast<uint32_t>(bytes[i]) << 24;
        for (int bit = 0; bit < 8; bit++) {
            crc = (crc & 0x80000000u) ? (crc << 1) ^ 0x04C11DB7u : crc << 1;
        }
    }
    return crc;
}

uint32_t crc32_stm32_words(const uint32_t *words, size_t count)
{
    std::vector<uint8_t> bytes;
    for (size_t i = 0; i < count; i++) {
        bytes.push_back(static_cast<uint8_t>(words[i] >> 24));
        bytes.push_back(static_cast<uint8_t>(words[i] >> 16));
        bytes.push_back(static_cast<uint8_t>(words[i] >> 8));
        bytes.push_back(static_cast<uint8_t>(words[i]));
    }
    return crc32_mpeg2(bytes.data(), bytes.size());
}
