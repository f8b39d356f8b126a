/**
 * @file tim2.h
 * @brief TIM2 of the STM32F405 as the emulated board uses it: a periodic
 *        interrupt for the concurrency campaign, and (with QEMU's -icount
 *        shift=0, where TIM2 counts one tick per guest instruction) an
 *        instruction counter for the benchmarks (../shared/notes/qemu.md).
 *
 * Registers: RM0090 §18.4 (TIM2 at 0x40000000: CR1 0x00 with CEN bit 0, DIER
 * 0x0C with UIE bit 0, SR 0x10 with UIF bit 0, EGR 0x14 with UG bit 0, CNT
 * 0x24, PSC 0x28, ARR 0x2C), §7.3.13 (RCC_APB1ENR 0x40, TIM2EN bit 0),
 * §12.2 Table 61 (TIM2 global interrupt: IRQ 28); ARMv7-M ARM B3.4.4 (NVIC_ISER),
 * B3.4.6 (NVIC_ICER), B3.4.9 (NVIC_IPR: one priority byte per IRQ).
 */
#ifndef SAFETYMONITOR_TIM2_H
#define SAFETYMONITOR_TIM2_H

#include "board.h"
#include "cortex_m_regs.h"

#include <stdint.h>

#define TIM2_BASE 0x40000000u
#define TIM2_CR1 (TIM2_BASE + 0x00u)
#define TIM2_DIER (TIM2_BASE + 0x0Cu)
#define TIM2_SR (TIM2_BASE + 0x10u)
#define TIM2_EGR (TIM2_BASE + 0x14u)
#define TIM2_CNT (TIM2_BASE + 0x24u)
#define TIM2_PSC (TIM2_BASE + 0x28u)
#define TIM2_ARR (TIM2_BASE + 0x2Cu)
#define TIM2_CR1_CEN (1u << 0)
#define TIM2_DIER_UIE (1u << 0)
#define TIM2_SR_UIF (1u << 0)
#define TIM2_EGR_UG (1u << 0)
#define TIM2_IRQN 28u
#define RCC_APB1ENR (BOARD_RCC_BASE + 0x40u)
#define RCC_APB1ENR_TIM2EN (1u << 0)
#define NVIC_ISER0 0xE000E100u
#define NVIC_ICER0 0xE000E180u
#define NVIC_IPR_BYTE(irq) (0xE000E400u + (irq))

/** Starts TIM2 counting up from 0 with no prescaler, wrapping at 2^32 - 1. */
static inline void tim2_start_counter(void)
{
    CM_REG(RCC_APB1ENR) |= RCC_APB1ENR_TIM2EN;
    CM_REG(TIM2_CR1) = 0u;
    CM_REG(TIM2_PSC) = 0u;
    CM_REG(TIM2_ARR) = 0xFFFFFFFFu;
    CM_REG(TIM2_EGR) = TIM2_EGR_UG; /* load PSC and ARR now */
    CM_REG(TIM2_CNT) = 0u;
    CM_REG(TIM2_CR1) = TIM2_CR1_CEN;
}

/** The counter. */
static inline uint32_t tim2_count(void)
{
    return CM_REG(TIM2_CNT);
}

/**
 * Starts a TIM2 update interrupt every @p period ticks (2 to 2^32) at NVIC
 * priority @p priority (0x00-0xF0; the STM32F4 implements the top 4 bits).
 */
static inline void tim2_start_periodic(uint32_t period, uint8_t priority)
{
    CM_REG(RCC_APB1ENR) |= RCC_APB1ENR_TIM2EN;
    CM_REG(TIM2_CR1) = 0u;
    CM_REG(TIM2_PSC) = 0u;
    CM_REG(TIM2_ARR) = period - 1u;
    CM_REG(TIM2_EGR) = TIM2_EGR_UG;
    CM_REG(TIM2_SR) = 0u;
    CM_REG(TIM2_DIER) = TIM2_DIER_UIE;
    *(volatile uint8_t *)(uintptr_t)NVIC_IPR_BYTE(TIM2_IRQN) = priority;
    CM_REG(NVIC_ISER0) = 1u << TIM2_IRQN;
    CM_REG(TIM2_CR1) = TIM2_CR1_CEN;
}

/** Stops TIM2 and its interrupt. */
static inline void tim2_stop(void)
{
    CM_REG(TIM2_CR1) = 0u;
    CM_REG(TIM2_DIER) = 0u;
    CM_REG(NVIC_ICER0) = 1u << TIM2_IRQN;
    CM_REG(TIM2_SR) = 0u;
}

/** Acknowledges the update interrupt (in the handler). */
static inline void tim2_acknowledge(void)
{
    CM_REG(TIM2_SR) = 0u;
    cm_barrier();
}

#endif /* SAFETYMONITOR_TIM2_H */
