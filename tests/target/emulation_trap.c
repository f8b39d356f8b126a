/**
 * @file emulation_trap.c
 * @brief Target test of the board's peripheral emulation
 *        (boards/QEMU_NETDUINOPLUS2/emulation/stm32_trap.c): the load and
 *        store forms the production drivers do not use, each through the
 *        MPU trap to the CRC unit's model, must behave as on silicon
 *        (ARMv7-M ARM A7.7: LDR/STR addressing, LDRSB/LDRSH sign extension,
 *        IT blocks): post-indexed and pre-indexed with write-back, a
 *        negative offset, a shifted register offset in a 32-bit encoding,
 *        sign extension, a narrow store, and a trapped load inside an IT
 *        block, after which the block's other instructions keep their
 *        conditions (ITSTATE advanced, A7.3).
 *
 * CRC_IDR (RM0090 §4.4.2) is the 8-bit scratch register used as memory;
 * CRC_DR reads 0xFFFFFFFF after CRC_CR.RESET.
 */
#include "board.h"
#include "semihosting.h"
#include "stm32_regs.h"
#include "stm32_trap.h"
#include "target_report.h"

#include <stdbool.h>
#include <stdint.h>

#define CRC_IDR (BOARD_CRC_BASE + CRC_IDR_OFFSET)
#define CRC_DR (BOARD_CRC_BASE + CRC_DR_OFFSET)
#define CRC_CR (BOARD_CRC_BASE + CRC_CR_OFFSET)

static volatile uint32_t ram_word = 0xDEADu;

static void reg_write(uint32_t address, uint32_t value)
{
    *(volatile uint32_t *)(uintptr_t)address = value;
}

int main(void)
{
    uint32_t passed = 0u;
    uint32_t total = 0u;
    const uint32_t ahb1enr = BOARD_RCC_BASE + RCC_AHB1ENR_OFFSET;
    reg_write(ahb1enr, *(volatile uint32_t *)(uintptr_t)ahb1enr | RCC_AHB1ENR_CRCEN);
    reg_write(CRC_IDR, 0xA5u);
    const uint32_t traps_before = stm32_trap_count();

    uint32_t value = 0u;
    uint32_t base = CRC_IDR;
    __asm__ __volatile__("ldr %0, [%1], #4" : "=r"(value), "+r"(base) : : "memory");
    target_case(&passed, &total, value == 0xA5u && base == CRC_IDR + 4u,
                "post-indexed LDR: reads at the base, then adds the offset to it");

    __asm__ __volatile__("ldr %0, [%1, #-4]!" : "=r"(value), "+r"(base) : : "memory");
    target_case(&passed, &total, value == 0xA5u && base == CRC_IDR,
                "pre-indexed LDR with write-back and a negative offset");

    const uint32_t one = 1u;
    __asm__ __volatile__("ldr.w %0, [%1, %2, lsl #2]" : "=r"(value) : "r"(BOARD_CRC_BASE), "r"(one) : "memory");
    target_case(&passed, &total, value == 0xA5u, "32-bit LDR with a shifted register offset");

    reg_write(CRC_IDR, 0x80u);
    __asm__ __volatile__("ldrsb %0, [%1]" : "=r"(value) : "r"(CRC_IDR) : "memory");
    target_case(&passed, &total, value == 0xFFFFFF80u, "LDRSB sign-extends bit 7");

    reg_write(CRC_CR, CRC_CR_RESET);
    __asm__ __volatile__("ldrsh.w %0, [%1, #2]" : "=r"(value) : "r"(CRC_DR) : "memory");
    target_case(&passed, &total, value == 0xFFFFFFFFu, "LDRSH (32-bit encoding) sign-extends bit 15 of CRC_DR's upper half");
    __asm__ __volatile__("ldrh %0, [%1, #2]" : "=r"(value) : "r"(CRC_DR) : "memory");
    target_case(&passed, &total, value == 0x0000FFFFu, "LDRH does not");

    const uint32_t half = 0x1234u;
    __asm__ __volatile__("strh %0, [%1]" : : "r"(half), "r"(CRC_IDR) : "memory");
    target_case(&passed, &total, (*(volatile uint32_t *)(uintptr_t)CRC_IDR) == 0x34u,
                "STRH to the 8-bit CRC_IDR keeps its low byte");

    /* ITE EQ: the trapped LDREQ runs, the LDRNE after it must be skipped. */
    reg_write(CRC_IDR, 0x5Au);
    const uint32_t zero = 0u;
    __asm__ __volatile__("cmp %[z], %[z]\n\t"
                         "ite eq\n\t"
                         "ldreq %[v], [%[idr]]\n\t"
                         "ldrne %[v], [%[ram]]\n\t"
                         : [v] "=&r"(value)
                         : [z] "r"(zero), [idr] "r"(CRC_IDR), [ram] "r"(&ram_word)
                         : "cc", "memory");
    target_case(&passed, &total, value == 0x5Au, "ITE EQ: after the trapped LDREQ the LDRNE is skipped");
    /* ITT EQ: the trapped LDREQ runs, the ADDEQ after it must run too. */
    __asm__ __volatile__("cmp %[z], %[z]\n\t"
                         "itt eq\n\t"
                         "ldreq %[v], [%[idr]]\n\t"
                         "addeq %[v], %[v], #1\n\t"
                         : [v] "=&r"(value)
                         : [z] "r"(zero), [idr] "r"(CRC_IDR)
                         : "cc", "memory");
    target_case(&passed, &total, value == 0x5Bu, "ITT EQ: after the trapped LDREQ the ADDEQ still runs");

    target_case(&passed, &total, stm32_trap_count() - traps_before == 13u,
                "every access above went through the trap, and only those");
    sh_printf("RESULT: %u of %u cases passed\n", (unsigned)passed, (unsigned)total);
    if (passed != total) {
        return TARGET_EXIT_CASE_FAILED;
    }
    sh_printf("EMULATION TRAP: every addressing form, sign extension and IT block behaved as on silicon\n");
    return TARGET_EXIT_ALL_CASES_PASSED;
}
