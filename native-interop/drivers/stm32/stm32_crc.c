/**
 * @file stm32_crc.c
 * @brief STM32F4/F7 CRC unit driver (RM0090 §4): start, self-test and the
 *        seal's CRC. The per-cycle feed is stm32_crc_residue_difference(), inline in
 *        stm32_crc.h.
 */
#include "stm32_crc.h"

#include "stack_check_status.h"

#define CRC_DR (BOARD_CRC_BASE + CRC_DR_OFFSET)
#define CRC_CR (BOARD_CRC_BASE + CRC_CR_OFFSET)

uint32_t stm32_crc_compute(const uint32_t *words, size_t count)
{
    stm32_mmio_write32(CRC_CR, CRC_CR_RESET);
    for (size_t i = 0u; i < count; i++) {
        stm32_mmio_write32(CRC_DR, words[i]);
    }
    return stm32_mmio_read32(CRC_DR);
}

int stm32_crc_selftest(void)
{
    /* RM0090 §4.4.3: CRC_CR.RESET reloads CRC_DR with 0xFFFFFFFF; the known
     * answer after it proves that too: feeding w to a register r gives
     * F(r XOR w) with F invertible, so the answer is right only from
     * 0xFFFFFFFF (a separate read-back of the reset value adds nothing). A
     * unit that is missing, unclocked (reads 0) or broken fails it. */
    const uint32_t word = STM32_CRC_KAT_WORD;
    return stm32_crc_compute(&word, 1u) == STM32_CRC_KAT_RESULT ? STACK_CHECK_OK : STACK_CHECK_ERR_CRC;
}

int stm32_crc_start(void)
{
    /* RM0090 §7.3.10: RCC_AHB1ENR.CRCEN gates the unit's clock; read back so
     * the enable has taken effect before the first CRC access. */
    const uint32_t ahb1enr = BOARD_RCC_BASE + RCC_AHB1ENR_OFFSET;
    stm32_mmio_write32(ahb1enr, stm32_mmio_read32(ahb1enr) | RCC_AHB1ENR_CRCEN);
    (void)stm32_mmio_read32(ahb1enr);
    return stm32_crc_selftest();
}
