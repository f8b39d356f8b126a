/**
 * @file iwdg_clock.c
 * @brief EMULATION ONLY. The time base of the IWDG model on the emulated
 *        board: TIM5 counts the model's LSI ticks, and when they run out the
 *        board resets as the IWDG would (see iwdg_clock.h).
 */
#include "iwdg_clock.h"

#include "board.h"
#include "cortex_m_regs.h"
#include "semihosting.h"
#include "stm32_periph_model.h"

#include <stdint.h>

/* TIM5 (RM0090 §18.4: base 0x40000C00; CR1 0x00 CEN bit 0, DIER 0x0C UIE
 * bit 0, SR 0x10, EGR 0x14 UG bit 0, CNT 0x24, PSC 0x28, ARR 0x2C; 32 bits),
 * RCC_APB1ENR.TIM5EN bit 3 (§7.3.13), IRQ 50 (§12.2 Table 61). QEMU 7.2
 * clocks the netduinoplus2 timers at 1 GHz of virtual time, and with
 * -icount shift=0 one guest instruction is one virtual nanosecond
 * (../shared/notes/qemu.md): a prescaler of 31250 makes one timer tick one
 * LSI period of the nominal 32 kHz (31.25 us). */
#define TIM5_BASE 0x40000C00u
#define TIM5_CR1 (TIM5_BASE + 0x00u)
#define TIM5_DIER (TIM5_BASE + 0x0Cu)
#define TIM5_SR (TIM5_BASE + 0x10u)
#define TIM5_EGR (TIM5_BASE + 0x14u)
#define TIM5_CNT (TIM5_BASE + 0x24u)
#define TIM5_PSC (TIM5_BASE + 0x28u)
#define TIM5_ARR (TIM5_BASE + 0x2Cu)
#define TIM5_IRQN 50u
#define RCC_APB1ENR_OFFSET 0x40u
#define RCC_APB1ENR_TIM5EN (1u << 3)
#define TIM_NS_PER_LSI_TICK 31250u
#define NVIC_ISER1 0xE000E104u
#define NVIC_IPR_BYTE(irq) (0xE000E400u + (irq))

static uint32_t armed_ticks;

/* Told by the model of every (re)load: restart TIM5 for that many ticks. */
static void iwdg_clock_arm(uint32_t lsi_ticks)
{
    /* Called inside the MPU trap: RCC is behind the trap's window, so its
     * model is written directly (QEMU's TIM5 runs without it anyway). */
    stm32_periph_model_write(BOARD_RCC_BASE + RCC_APB1ENR_OFFSET,
                             stm32_periph_model_read(BOARD_RCC_BASE + RCC_APB1ENR_OFFSET, 4u) | RCC_APB1ENR_TIM5EN, 4u);
    CM_REG(TIM5_CR1) = 0u;
    armed_ticks = lsi_ticks;
    CM_REG(TIM5_PSC) = TIM_NS_PER_LSI_TICK - 1u;
    CM_REG(TIM5_ARR) = lsi_ticks;
    CM_REG(TIM5_EGR) = 1u; /* UG: load PSC and ARR now */
    CM_REG(TIM5_CNT) = 0u;
    CM_REG(TIM5_SR) = 0u;
    CM_REG(TIM5_DIER) = 1u;
    *(volatile uint8_t *)(uintptr_t)NVIC_IPR_BYTE(TIM5_IRQN) = 0u; /* above every other interrupt */
    CM_REG(NVIC_ISER1) = 1u << (TIM5_IRQN - 32u);
    CM_REG(TIM5_CR1) = 1u;
    cm_barrier();
}

void TIM5_IRQHandler(void)
{
    CM_REG(TIM5_SR) = 0u;
    CM_REG(TIM5_CR1) = 0u;
    cm_barrier();
    if (stm32_periph_model_iwdg_elapse(armed_ticks)) {
        sh_printf("[QEMU_NETDUINOPLUS2 IWDG model] counter reached 0 after %u LSI ticks: watchdog reset\n",
                  (unsigned)armed_ticks);
        cm_system_reset();
    }
}

void iwdg_clock_install(void)
{
    stm32_periph_model_set_iwdg_clock(iwdg_clock_arm);
}
