/**
 * @file stm32_crc.h
 * @brief Register-level driver of the STM32F4/F7 CRC calculation unit,
 *        written from RM0090 §4 (CRC) and §7.3.10 (RCC_AHB1ENR).
 *
 * The unit computes CRC-32 with polynomial 0x04C11DB7, initial value
 * 0xFFFFFFFF, 32-bit words fed MSB first, no reflection, no final XOR
 * (RM0090 §4.2; on the F7 these are the reset defaults of its programmable
 * unit). One word takes 4 AHB clock cycles (RM0090 §4.2): the physical floor
 * of a hardware check is 4 cycles per word.
 *
 * No RAM. No waits: the unit is ready for the next word when the AHB write
 * completes. Not reentrant: the unit holds one running CRC.
 */
#ifndef SAFETYMONITOR_STM32_CRC_H
#define SAFETYMONITOR_STM32_CRC_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Known-answer test of stm32_crc_start(): the single word 0x12345678 fed
 *  after a reset gives 0xDF8A8A2B (CRC-32/MPEG-2 of its bytes in big-endian
 *  order). */
#define STM32_CRC_KAT_WORD 0x12345678u
#define STM32_CRC_KAT_RESULT 0xDF8A8A2Bu

/**
 * Turns the CRC unit's clock on (RCC_AHB1ENR.CRCEN) and self-tests it: CRC_DR
 * must read 0xFFFFFFFF after CRC_CR.RESET, and the known-answer word must give
 * ::STM32_CRC_KAT_RESULT.
 * @retval STACK_CHECK_OK       unit usable
 * @retval STACK_CHECK_ERR_CRC  reset value or known answer wrong (unit absent,
 *                              unclocked, misconfigured or faulty)
 */
int stm32_crc_start(void);

/**
 * CRC of @p count words through the unit: CRC_CR.RESET, a check that CRC_DR
 * holds its reset value, one CRC_DR write per word, one CRC_DR read.
 * Requires a successful stm32_crc_start().
 * @param[in]  words first word
 * @param[in]  count number of words (0 gives 0xFFFFFFFF)
 * @param[out] crc   the result; untouched on failure
 * @retval STACK_CHECK_OK       @p crc written
 * @retval STACK_CHECK_ERR_CRC  CRC_DR not 0xFFFFFFFF after reset
 */
int stm32_crc_compute(const uint32_t *words, size_t count, uint32_t *crc);

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_STM32_CRC_H */
