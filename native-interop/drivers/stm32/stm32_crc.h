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

/** Words that stm32_crc_residue_difference() feeds per load-multiple: its @c count is a
 *  multiple of this. */
#define STM32_CRC_RESIDUE_GRANULE_WORDS 8u

/**
 * Self-test of a clocked unit: after CRC_CR.RESET the known-answer word must
 * give ::STM32_CRC_KAT_RESULT, which it does only when CRC_DR held its reset
 * value 0xFFFFFFFF (RM0090 §4.4.3; the CRC step is invertible), so a unit
 * that ignores the reset fails it too. Leaves the unit holding the answer.
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
 * CRC of @p count words through the unit: CRC_CR.RESET, one CRC_DR write per
 * word, one CRC_DR read. Any @p count (the seal's path and the self-test's,
 * not the per-cycle one: see stm32_crc_residue_difference()). Requires a successful
 * stm32_crc_start(); a unit that fails gives a wrong value, which the
 * self-test and the seal's proof (stack_check.c) catch.
 * @param[in] words first word (may be NULL when @p count is 0)
 * @param[in] count number of words (0 gives CRC_DR's reset value,
 *                  0xFFFFFFFF on a working unit)
 * @return CRC_DR after the last word
 */
uint32_t stm32_crc_compute(const uint32_t *words, size_t count);

/**
 * The per-cycle path: CRC_CR.RESET, @p count words fed, CRC_DR read, and
 * @p expected subtracted; no read-back of the reset value (a dead unit shows
 * in the result, which the caller compares with a known non-trivial residue;
 * see stack_check.c). On Thumb-2 the words are fed eight per load-multiple
 * (LDMIA of r4-r11, then eight stores to CRC_DR), the loop counting the words
 * down by 8: 11 instructions per 8 words; the subtraction is the result's
 * SUBS, so the caller's test is a CBNZ. Plain C compiled with
 * arm-none-eabi-gcc 12.2 -Os does not do this (GCC builds load-multiples of
 * at most 4 registers from separate loads): BENCHMARKS.md measures both.
 * Always inlined (GCC, Clang): the check is then one function; a call layer
 * costs more than the lock it would wrap.
 * Requires a successful stm32_crc_start(); the caller serialises the unit.
 * @param[in] words    first word, 4-byte aligned
 * @param[in] count    number of words: a multiple of
 *                     ::STM32_CRC_RESIDUE_GRANULE_WORDS, at least that
 *                     (anything else feeds a different number of words)
 * @param[in] expected the residue expected, a Thumb-2 modified immediate
 *                     (ARMv7-M ARM A5.3.2)
 * @return CRC_DR after the last word minus @p expected (0 when they agree)
 */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline uint32_t stm32_crc_residue_difference(const uint32_t *words, size_t count, uint32_t expected)
{
    const uint32_t dr = BOARD_CRC_BASE + CRC_DR_OFFSET;
#if defined(__thumb2__) && !defined(STM32_MMIO_HOOKED)
    _Static_assert(CRC_CR_OFFSET == 8u, "the CRC_CR.RESET store below");
    uint32_t difference;
    /* CRC_CR.RESET inside the block: the unit's base stays in one register. */
    __asm__ __volatile__("str %[reset], [%[dr], #8]\n"
                         "1:\n\t"
                         "ldmia %[src]!, {r4-r11}\n\t"
                         "str r4, [%[dr]]\n\tstr r5, [%[dr]]\n\tstr r6, [%[dr]]\n\tstr r7, [%[dr]]\n\t"
                         "str r8, [%[dr]]\n\tstr r9, [%[dr]]\n\tstr r10, [%[dr]]\n\tstr r11, [%[dr]]\n\t"
                         "subs %[n], %[n], #8\n\t"
                         "bne 1b\n\t"
                         "ldr %[diff], [%[dr]]\n\t"
                         "subs %[diff], %[diff], %[k]\n\t"
                         : [src] "+&r"(words), [n] "+&r"(count), [diff] "=&r"(difference)
                         : [dr] "r"(dr), [k] "I"(expected), [reset] "r"(CRC_CR_RESET)
                         : "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "cc", "memory");
    return difference;
#else
    stm32_mmio_write32(BOARD_CRC_BASE + CRC_CR_OFFSET, CRC_CR_RESET);
    for (size_t i = 0u; i < count; i++) {
        stm32_mmio_write32(dr, words[i]);
    }
    return stm32_mmio_read32(dr) - expected;
#endif
}

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_STM32_CRC_H */
