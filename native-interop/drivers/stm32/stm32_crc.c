/**
 * @file stm32_crc.c
 * @brief STM32F4/F7 CRC unit driver (RM0090 §4).
 */
#include "stm32_crc.h"

#include "board.h"
#include "stack_check_status.h"
#include "stm32_mmio.h"
#include "stm32_regs.h"

#define CRC_DR (BOARD_CRC_BASE + CRC_DR_OFFSET)
#define CRC_CR (BOARD_CRC_BASE + CRC_CR_OFFSET)

/* RM0090 §4.4.3: writing CRC_CR.RESET reloads CRC_DR with 0xFFFFFFFF. A unit
 * that is missing, unclocked or broken does not show that value. */
static int crc_reset(void)
{
    stm32_mmio_write32(CRC_CR, CRC_CR_RESET);
    return stm32_mmio_read32(CRC_DR) == CRC_INITIAL_VALUE ? STACK_CHECK_OK : STACK_CHECK_ERR_CRC;
}

int stm32_crc_start(void)
{
    /* RM0090 §7.3.10: RCC_AHB1ENR.CRCEN gates the unit's clock; read back so
     * the enable has taken effect before the first CRC access. */
    const uint32_t ahb1enr = BOARD_RCC_BASE + RCC_AHB1ENR_OFFSET;
    stm32_mmio_write32(ahb1enr, stm32_mmio_read32(ahb1enr) | RCC_AHB1ENR_CRCEN);
    (void)stm32_mmio_read32(ahb1enr);

    if (crc_reset() != STACK_CHECK_OK) {
        return STACK_CHECK_ERR_CRC;
    }
    stm32_mmio_write32(CRC_DR, STM32_CRC_KAT_WORD);
    return stm32_mmio_read32(CRC_DR) == STM32_CRC_KAT_RESULT ? STACK_CHECK_OK : STACK_CHECK_ERR_CRC;
}

int stm32_crc_compute(const uint32_t *words, size_t count, uint32_t *crc)
{
    if (crc_reset() != STACK_CHECK_OK) {
        return STACK_CHECK_ERR_CRC;
    }
    /* The odd words first, then four per iteration. */
    switch (count & 3u) {
    case 3u:
        stm32_mmio_write32(CRC_DR, *words++);
        /* fall through */
    case 2u:
        stm32_mmio_write32(CRC_DR, *words++);
        /* fall through */
    case 1u:
        stm32_mmio_write32(CRC_DR, *words++);
        break;
    default:
        break;
    }
    size_t groups = count / 4u;
#if defined(__thumb2__) && !defined(STM32_MMIO_HOOKED)
    /* One load-multiple, four stores and the loop test: 1.75 instructions
     * per word where a plain loop takes 5 (BENCHMARKS.md); the unit takes a
     * word per AHB write (RM0090 §4.2). */
    if (groups != 0u) {
        uint32_t w0;
        uint32_t w1;
        uint32_t w2;
        uint32_t w3;
        __asm__ __volatile__("1:\n\t"
                             "ldmia %[src]!, {%[w0], %[w1], %[w2], %[w3]}\n\t"
                             "str %[w0], [%[dr]]\n\t"
                             "str %[w1], [%[dr]]\n\t"
                             "str %[w2], [%[dr]]\n\t"
                             "str %[w3], [%[dr]]\n\t"
                             "subs %[n], %[n], #1\n\t"
                             "bne 1b\n\t"
                             : [src] "+r"(words), [n] "+r"(groups), [w0] "=&l"(w0), [w1] "=&l"(w1), [w2] "=&l"(w2),
                               [w3] "=&l"(w3)
                             : [dr] "l"(CRC_DR)
                             : "cc", "memory");
    }
#else
    for (; groups != 0u; groups--) {
        stm32_mmio_write32(CRC_DR, words[0]);
        stm32_mmio_write32(CRC_DR, words[1]);
        stm32_mmio_write32(CRC_DR, words[2]);
        stm32_mmio_write32(CRC_DR, words[3]);
        words += 4;
    }
#endif
    *crc = stm32_mmio_read32(CRC_DR);
    return STACK_CHECK_OK;
}
