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

#include "board.h"
#include "stm32_mmio.h"
#include "stm32_regs.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Known-answer test of stm32_crc_selftest(): the single word 0x12345678 fed
 *  after a reset gives 0xDF8A8A2B (CRC-32/MPEG-2 of its bytes in big-endian
 *  order). */
#define STM32_CRC_KAT_WORD 0x12345678u
#define STM32_CRC_KAT_RESULT 0xDF8A8A2Bu

/** Words that stm32_crc_residue() feeds per load-multiple: its @c count is a
 *  multiple of this. */
#define STM32_CRC_RESIDUE_GRANULE_WORDS 8u

/**
 * Self-test of a clocked unit: CRC_DR must read 0xFFFFFFFF after CRC_CR.RESET
 * (RM0090 §4.4.3) and the known-answer word must give ::STM32_CRC_KAT_RESULT.
 * Leaves the unit holding the known answer.
 * @retval STACK_CHECK_OK       unit usable
 * @retval STACK_CHECK_ERR_CRC  reset value or known answer wrong (unit absent,
 *                              unclocked, misconfigured or faulty)
 */
int stm32_crc_selftest(void);

/**
 * Turns the CRC unit's clock on (RCC_AHB1ENR.CRCEN, RM0090 §7.3.10) and runs
 * stm32_crc_selftest().
 * @retval STACK_CHECK_OK       unit usable
 * @retval STACK_CHECK_ERR_CRC  the self-test failed
 */
int stm32_crc_start(void);

/**
 * CRC of @p count words through the unit: CRC_CR.RESET, a check that CRC_DR
 * holds its reset value, one CRC_DR write per word, one CRC_DR read.
 * Requires a successful stm32_crc_start(). Any @p count (the seal's path,
 * not the per-cycle one: see stm32_crc_residue()).
 * @param[in]  words first word
 * @param[in]  count number of words (0 gives 0xFFFFFFFF)
 * @param[out] crc   the result; untouched on failure
 * @retval STACK_CHECK_OK       @p crc written
 * @retval STACK_CHECK_ERR_CRC  CRC_DR not 0xFFFFFFFF after reset
 */
int stm32_crc_compute(const uint32_t *words, size_t count, uint32_t *crc);

/**
 * The per-cycle path: CRC_CR.RESET, @p count words fed, CRC_DR read; no
 * read-back of the reset value (a dead unit shows in the result, which the
 * caller compares with a known non-trivial residue; see stack_check.c).
 * On Thumb-2 the words are fed eight per load-multiple (LDMIA of r2-r9, then
 * eight stores to CRC_DR), sixteen per loop pass: 20 instructions per 16
 * words (1.25 per word) and 2 to enter the loop. Plain C compiled with
 * arm-none-eabi-gcc 12.2 -Os does not do this (GCC builds load-multiples of
 * at most 4 registers from separate loads): BENCHMARKS.md measures both.
 * Always inlined (GCC, Clang): the check is then one function; a call layer
 * costs more than the lock it would wrap.
 * Requires a successful stm32_crc_start(); the caller serialises the unit.
 * @param[in] words first word, 4-byte aligned
 * @param[in] count number of words: a multiple of
 *                  ::STM32_CRC_RESIDUE_GRANULE_WORDS, at least that
 *                  (anything else feeds a different number of words)
 * @return CRC_DR after the last word
 */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline uint32_t stm32_crc_residue(const uint32_t *words, size_t count)
{
    const uint32_t dr = BOARD_CRC_BASE + CRC_DR_OFFSET;
    stm32_mmio_write32(BOARD_CRC_BASE + CRC_CR_OFFSET, CRC_CR_RESET);
#if defined(__thumb2__) && !defined(STM32_MMIO_HOOKED)
    register uint32_t w0 __asm__("r2");
    register uint32_t w1 __asm__("r3");
    register uint32_t w2 __asm__("r4");
    register uint32_t w3 __asm__("r5");
    register uint32_t w4 __asm__("r6");
    register uint32_t w5 __asm__("r7");
    register uint32_t w6 __asm__("r8");
    register uint32_t w7 __asm__("r9");
    uint32_t passes;
    __asm__ __volatile__("lsrs %[n], %[count], #4\n\t" /* 16-word passes; C: an odd group of 8 */
                         "bcc 1f\n\t"
                         "adds %[n], %[n], #1\n\t" /* the odd group: enter at the second half */
                         "b 2f\n"
                         "1:\n\t"
                         "ldmia %[src]!, {r2-r9}\n\t"
                         "str r2, [%[dr]]\n\tstr r3, [%[dr]]\n\tstr r4, [%[dr]]\n\tstr r5, [%[dr]]\n\t"
                         "str r6, [%[dr]]\n\tstr r7, [%[dr]]\n\tstr r8, [%[dr]]\n\tstr r9, [%[dr]]\n"
                         "2:\n\t"
                         "ldmia %[src]!, {r2-r9}\n\t"
                         "str r2, [%[dr]]\n\tstr r3, [%[dr]]\n\tstr r4, [%[dr]]\n\tstr r5, [%[dr]]\n\t"
                         "str r6, [%[dr]]\n\tstr r7, [%[dr]]\n\tstr r8, [%[dr]]\n\tstr r9, [%[dr]]\n\t"
                         "subs %[n], %[n], #1\n\t"
                         "bne 1b\n\t"
                         : [src] "+&r"(words), [n] "=&r"(passes), "=r"(w0), "=r"(w1), "=r"(w2), "=r"(w3), "=r"(w4),
                           "=r"(w5), "=r"(w6), "=r"(w7)
                         : [count] "r"(count), [dr] "r"(dr)
                         : "cc", "memory");
#else
    for (size_t i = 0u; i < count; i++) {
        stm32_mmio_write32(dr, words[i]);
    }
#endif
    return stm32_mmio_read32(dr);
}

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_STM32_CRC_H */
