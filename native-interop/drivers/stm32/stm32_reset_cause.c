/**
 * @file stm32_reset_cause.c
 * @brief STM32F4/F7 reset flags in RCC_CSR (see stm32_reset_cause.h).
 */
#include "stm32_reset_cause.h"

#include "board.h"
#include "stm32_mmio.h"
#include "stm32_regs.h"

#define RCC_CSR (BOARD_RCC_BASE + RCC_CSR_OFFSET)

uint32_t stm32_reset_flags_read(void)
{
    return stm32_mmio_read32(RCC_CSR) & RCC_CSR_RESET_FLAGS;
}

bool stm32_reset_flags_power_on(uint32_t flags)
{
    return (flags & (RCC_CSR_PORRSTF | RCC_CSR_BORRSTF)) != 0u;
}

void stm32_reset_flags_clear(void)
{
    stm32_mmio_write32(RCC_CSR, stm32_mmio_read32(RCC_CSR) | RCC_CSR_RMVF);
}
