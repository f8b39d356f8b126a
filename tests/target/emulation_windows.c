/**
 * @file emulation_windows.c
 * @brief Target test of what the QEMU_NETDUINOPLUS2 nanoCLR adds to the
 *        board's peripheral emulation (boards/QEMU_NETDUINOPLUS2/nanoframework/
 *        emulation/qemu_nanoclr_emulation.c, native-interop/models/stm32/
 *        stm32_backup_domain_model.c, stm32_trap.c's extra windows and
 *        HardFault entry), run bare-metal under QEMU 7.2:
 *        - stm32_trap_add_window() refuses a bad slot, size or alignment;
 *        - PWR_CSR.VOSRDY reads set and the backup registers are
 *          write-protected until PWR_CR.DBP, both through the MPU windows;
 *        - a write to USART2's CR1 with TXEIE pends USART2's interrupt
 *          (NVIC_ISPR1 bit 6; RM0090 §30.4 and Table 61), without TXEIE it
 *          does not;
 *        - with PRIMASK set, an access to an emulated register escalates to
 *          HardFault and comes back emulated (ARMv7-M ARM B1.5.4), HFSR.FORCED
 *          cleared.
 */
#include "board.h"
#include "cortex_m_regs.h"
#include "qemu_nanoclr_emulation.h"
#include "semihosting.h"
#include "stm32_backup_domain_model.h"
#include "stm32_regs.h"
#include "stm32_trap.h"
#include "target_report.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PWR_CR (STM32_MODEL_PWR_BASE + 0x00u)
#define PWR_CSR (STM32_MODEL_PWR_BASE + 0x04u)
#define BKP0R (STM32_MODEL_RTC_BASE + STM32_MODEL_RTC_BKP0R_OFFSET)
#define USART2_SR_ADDRESS 0x40004400u
#define USART2_CR1 0x4000440Cu
#define USART_CR1_UE (1u << 13)
#define USART_CR1_TE (1u << 3)
#define USART_CR1_TXEIE (1u << 7)
#define NVIC_ISPR1 0xE000E204u
#define NVIC_ICPR1 0xE000E284u
#define USART2_PENDING (1u << 6)

#define SCB_VTOR_FOR_TEST 0xE000ED08u /* ARMv7-M ARM B3.2.5 */
void qemu_nanoclr_hard_fault_entry(void);
__attribute__((aligned(512))) static uint32_t ram_vectors[128];

static uint32_t rd(uint32_t address)
{
    return *(volatile uint32_t *)(uintptr_t)address;
}

static void wr(uint32_t address, uint32_t value)
{
    *(volatile uint32_t *)(uintptr_t)address = value;
}

static uint32_t no_read(uint32_t address, uint32_t size)
{
    (void)address;
    (void)size;
    return 0u;
}

static void no_write(uint32_t address, uint32_t value, uint32_t size)
{
    (void)address;
    (void)value;
    (void)size;
}

int main(void)
{
    uint32_t passed = 0u;
    uint32_t total = 0u;

    /* board_init() installed the trap; the nanoCLR's start adds its windows
     * (RCC_CR reads the model's non-zero value now, so install them here as
     * qemu_nanoclr_emulation_start() does on QEMU). */
    target_case(&passed, &total, !qemu_nanoclr_emulation_start(),
                "the nanoCLR's start does nothing when RCC_CR reads non-zero (silicon)");

    const stm32_trap_window_t aligned = {0x40007000u, 10u, no_read, no_write};
    const stm32_trap_window_t misaligned = {0x40007200u, 10u, no_read, no_write};
    const stm32_trap_window_t too_small = {0x40007000u, 4u, no_read, no_write};
    const stm32_trap_window_t no_handler = {0x40007000u, 10u, NULL, no_write};
    target_case(&passed, &total,
                !stm32_trap_add_window(STM32_TRAP_EXTRA_WINDOWS, &aligned) && !stm32_trap_add_window(0u, NULL) &&
                    !stm32_trap_add_window(0u, &misaligned) && !stm32_trap_add_window(0u, &too_small) &&
                    !stm32_trap_add_window(0u, &no_handler),
                "stm32_trap_add_window refuses a slot past the last, NULL, a misaligned base, 16 bytes, no handler");

    const uint32_t traps = stm32_trap_count();
    target_case(&passed, &total, qemu_nanoclr_emulation_add_windows() && (rd(PWR_CSR) & (1u << 14)) != 0u &&
                                     stm32_trap_count() == traps + 1u,
                "PWR_CSR.VOSRDY reads set, through the MPU window");
    wr(PWR_CR, 0u);
    wr(BKP0R, 0x5AFEu);
    const uint32_t locked = rd(BKP0R);
    wr(PWR_CR, 1u << 8);
    wr(BKP0R, 0xC0FFEEu);
    target_case(&passed, &total, locked != 0x5AFEu && rd(BKP0R) == 0xC0FFEEu,
                "RTC_BKP0R ignores writes until PWR_CR.DBP, then holds them");
    target_case(&passed, &total,
                stm32_trap_claims(STM32_MODEL_RTC_BASE + 0x3FCu) && !stm32_trap_claims(STM32_MODEL_RTC_BASE + 0x400u) &&
                    stm32_trap_claims(BOARD_CRC_BASE) && !stm32_trap_claims(0x20000000u),
                "stm32_trap_claims: the window's last word in, the next word and RAM out");

    /* USART2, passed through to QEMU's USART: TXE is set there (its
     * transmit is synchronous), so TXEIE must pend the interrupt. */
    wr(NVIC_ICPR1, USART2_PENDING);
    wr(USART2_CR1, USART_CR1_UE | USART_CR1_TE | USART_CR1_TXEIE);
    const bool pended = (rd(NVIC_ISPR1) & USART2_PENDING) != 0u;
    const uint32_t cr1 = rd(USART2_CR1);
    /* TXE stays set (QEMU transmits synchronously); without TXEIE, and
     * with TCIE off, nothing may pend. */
    wr(NVIC_ICPR1, USART2_PENDING);
    wr(USART2_CR1, USART_CR1_UE | USART_CR1_TE);
    const bool txe_still = (rd(USART2_SR_ADDRESS) & (1u << 7)) != 0u;
    wr(NVIC_ICPR1, USART2_PENDING);
    wr(USART2_CR1, USART_CR1_UE | USART_CR1_TE);
    const bool quiet = (rd(NVIC_ISPR1) & USART2_PENDING) == 0u;
    wr(USART2_CR1, 0u);
    wr(NVIC_ICPR1, USART2_PENDING);
    target_case(&passed, &total, txe_still && quiet && pended && cr1 == (USART_CR1_UE | USART_CR1_TE | USART_CR1_TXEIE),
                "USART2: CR1 reaches QEMU's USART; TXEIE with TXE pends IRQ 38, without TXEIE nothing");

    /* PRIMASK set: MemManage cannot run, the access escalates to HardFault
     * and the trap's entry emulates it. The nanoCLR's HardFault vector
     * (qemu_nanoclr_emulation.c, renamed here: this firmware's own is the
     * fault recorder) goes into a RAM copy of the vector table (VTOR,
     * ARMv7-M ARM B3.2.5; 128 entries cover the F405's 82 interrupts). */
    for (uint32_t i = 0u; i < 128u; i++) {
        ram_vectors[i] = ((const volatile uint32_t *)(uintptr_t)CM_REG(SCB_VTOR_FOR_TEST))[i];
    }
    ram_vectors[3] = (uint32_t)(uintptr_t)qemu_nanoclr_hard_fault_entry;
    CM_REG(SCB_VTOR_FOR_TEST) = (uint32_t)(uintptr_t)ram_vectors;
    cm_barrier();
    const uint32_t traps_before = stm32_trap_count();
    __asm__ __volatile__("cpsid i" ::: "memory");
    const uint32_t csr = rd(PWR_CSR);
    __asm__ __volatile__("cpsie i" ::: "memory");
    target_case(&passed, &total,
                (csr & (1u << 14)) != 0u && stm32_trap_count() == traps_before + 1u && (CM_REG(SCB_HFSR) & SCB_HFSR_FORCED) == 0u,
                "with PRIMASK set the access escalates to HardFault, is emulated there, HFSR.FORCED cleared");

    sh_printf("EMULATION WINDOWS: %u of %u cases passed\n", (unsigned)passed, (unsigned)total);
    return passed == total ? TARGET_EXIT_ALL_CASES_PASSED : TARGET_EXIT_CASE_FAILED;
}
