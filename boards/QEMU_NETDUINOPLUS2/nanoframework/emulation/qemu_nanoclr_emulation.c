/**
 * @file qemu_nanoclr_emulation.c
 * @brief EMULATION ONLY. The QEMU_NETDUINOPLUS2 nanoCLR's peripheral
 *        emulation (see qemu_nanoclr_emulation.h).
 */
#include "qemu_nanoclr_emulation.h"

#include "cortex_m_regs.h"
#include "stm32_backup_domain_model.h"
#include "stm32_trap.h"

#include <stdint.h>

#define RCC_CR_ADDRESS 0x40023800u /* RM0090 §7.3.1 */

/* USART2, RM0090 §2.3 and §30.6: SR at 0x00, CR1 at 0x0C; the flags TXE,
 * TC, RXNE (SR bits 7, 6, 5) and their enables TXEIE, TCIE, RXNEIE (CR1
 * bits 7, 6, 5) share bit positions. USART2's interrupt is IRQ 38 (RM0090
 * §12.2, Table 61): NVIC_ISPR1 bit 6 (ARMv7-M ARM B3.4.5). */
#define USART2_BASE_ADDRESS 0x40004400u
#define USART2_WINDOW_LOG2 10u
#define USART_SR_OFFSET 0x00u
#define USART_CR1_OFFSET 0x0Cu
#define USART_IRQ_FLAGS ((1u << 7) | (1u << 6) | (1u << 5))
#define NVIC_ISPR1 0xE000E204u
#define USART2_IRQ_BIT (1u << (38u - 32u))

enum { SLOT_PWR, SLOT_RTC, SLOT_USART2 };

/* The HardFault vector: the trap's entry first (an access to an emulated
 * block with PRIMASK set escalates to HardFault: stm32_trap_hard_fault()),
 * which goes on to SafetyMonitor's fault recorder (fault.c, compiled as
 * cm_fault_hard_fault in this build: qemu_emulation.cmake) for every real
 * fault. Naked: the faulting stack stays untouched. */
#ifndef QEMU_NANOCLR_HARD_FAULT_VECTOR
#define QEMU_NANOCLR_HARD_FAULT_VECTOR HardFault_Handler /* the bare-metal test renames it */
#endif
__attribute__((naked, used)) void QEMU_NANOCLR_HARD_FAULT_VECTOR(void);
__attribute__((naked, used)) void QEMU_NANOCLR_HARD_FAULT_VECTOR(void)
{
    __asm__ __volatile__("b stm32_trap_hard_fault\n\t");
}

static uint32_t usart2_access(uint32_t address, uint32_t value, uint32_t size, int write)
{
    /* Open the window for this one access (the handler runs as MemManage,
     * priority 0: nothing else can touch the MPU meanwhile). */
    CM_REG(MPU_RNR) = STM32_TRAP_EXTRA_REGION_FIRST + SLOT_USART2;
    CM_REG(MPU_RASR) &= ~MPU_RASR_ENABLE;
    cm_barrier();
    uint32_t result = 0u;
    if (write) {
        if (size == 1u) {
            *(volatile uint8_t *)(uintptr_t)address = (uint8_t)value;
        } else if (size == 2u) {
            *(volatile uint16_t *)(uintptr_t)address = (uint16_t)value;
        } else {
            *(volatile uint32_t *)(uintptr_t)address = value;
        }
    } else {
        result = size == 1u ? *(volatile uint8_t *)(uintptr_t)address
                 : size == 2u ? *(volatile uint16_t *)(uintptr_t)address
                              : *(volatile uint32_t *)(uintptr_t)address;
    }
    const uint32_t sr = *(volatile uint32_t *)(uintptr_t)(USART2_BASE_ADDRESS + USART_SR_OFFSET);
    const uint32_t cr1 = *(volatile uint32_t *)(uintptr_t)(USART2_BASE_ADDRESS + USART_CR1_OFFSET);
    CM_REG(MPU_RASR) |= MPU_RASR_ENABLE;
    cm_barrier();
    if ((sr & cr1 & USART_IRQ_FLAGS) != 0u) {
        CM_REG(NVIC_ISPR1) = USART2_IRQ_BIT; /* what silicon's USART would raise */
    }
    return result;
}

static uint32_t usart2_read(uint32_t address, uint32_t size)
{
    return usart2_access(address, 0u, size, 0);
}

static void usart2_write(uint32_t address, uint32_t value, uint32_t size)
{
    (void)usart2_access(address, value, size, 1);
}

static const stm32_trap_window_t windows[] = {
    [SLOT_PWR] = {STM32_MODEL_PWR_BASE, STM32_MODEL_BACKUP_WINDOW_LOG2, stm32_backup_domain_model_read,
                  stm32_backup_domain_model_write},
    [SLOT_RTC] = {STM32_MODEL_RTC_BASE, STM32_MODEL_BACKUP_WINDOW_LOG2, stm32_backup_domain_model_read,
                  stm32_backup_domain_model_write},
    [SLOT_USART2] = {USART2_BASE_ADDRESS, USART2_WINDOW_LOG2, usart2_read, usart2_write},
};

bool qemu_nanoclr_emulation_add_windows(void)
{
    stm32_backup_domain_model_reset();
    bool added = true;
    for (uint32_t slot = 0u; slot < sizeof windows / sizeof windows[0]; slot++) {
        added = stm32_trap_add_window(slot, &windows[slot]) && added;
    }
    return added;
}

bool qemu_nanoclr_emulation_start(void)
{
    if (CM_REG(RCC_CR_ADDRESS) != 0u) {
        return false; /* silicon: RCC is there */
    }
    stm32_trap_install();
    return qemu_nanoclr_emulation_add_windows();
}
