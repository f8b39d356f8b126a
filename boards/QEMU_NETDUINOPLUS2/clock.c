/**
 * @file clock.c
 * @brief HSE -> PLL system clock of the Netduino Plus 2 (RM0090 §7). On QEMU
 *        the RCC ready bits come from the board's emulation; the code is the
 *        same as on silicon.
 */
#include "clock.h"

#include "board.h"
#include "stm32_mmio.h"
#include "stm32_regs.h"

#include <stdbool.h>

#define RCC_CR (BOARD_RCC_BASE + RCC_CR_OFFSET)
#define RCC_PLLCFGR (BOARD_RCC_BASE + RCC_PLLCFGR_OFFSET)
#define RCC_CFGR (BOARD_RCC_BASE + RCC_CFGR_OFFSET)
#define FLASH_ACR (BOARD_RCC_BASE + FLASH_ACR_OFFSET_FROM_RCC)
#define FLASH_ACR_PRFTEN (1u << 8) /* RM0090 §3.9.1 */
#define FLASH_ACR_ICEN (1u << 9)
#define FLASH_ACR_DCEN (1u << 10)

/* RM0090 §7.3.2: PLLM bits 5:0, PLLN bits 14:6, PLLP bits 17:16 as P/2-1,
 * PLLQ bits 27:24. */
#define PLLCFGR_VALUE                                                                              \
    (BOARD_PLL_M | (BOARD_PLL_N << 6) | (((BOARD_PLL_P / 2u) - 1u) << 16) | (BOARD_PLL_Q << 24) |  \
     RCC_PLLCFGR_PLLSRC_HSE)

static bool wait_bits(uint32_t address, uint32_t mask, uint32_t value)
{
    for (uint32_t polls = 0u; polls < BOARD_CLOCK_POLL_LIMIT; polls++) {
        if ((stm32_mmio_read32(address) & mask) == value) {
            return true;
        }
    }
    return false;
}

board_clock_status_t board_clock_init(void)
{
    stm32_mmio_write32(RCC_CR, stm32_mmio_read32(RCC_CR) | RCC_CR_HSEON);
    if (!wait_bits(RCC_CR, RCC_CR_HSERDY, RCC_CR_HSERDY)) {
        return BOARD_CLOCK_ERR_HSE;
    }
    stm32_mmio_write32(RCC_PLLCFGR, PLLCFGR_VALUE);
    stm32_mmio_write32(RCC_CR, stm32_mmio_read32(RCC_CR) | RCC_CR_PLLON);
    if (!wait_bits(RCC_CR, RCC_CR_PLLRDY, RCC_CR_PLLRDY)) {
        return BOARD_CLOCK_ERR_PLL;
    }
    stm32_mmio_write32(FLASH_ACR, BOARD_FLASH_LATENCY | FLASH_ACR_PRFTEN | FLASH_ACR_ICEN | FLASH_ACR_DCEN);
    /* APB1 at most 42 MHz, APB2 at most 84 MHz (RM0090 §7.2). */
    stm32_mmio_write32(RCC_CFGR, RCC_CFGR_PPRE1_DIV4 | RCC_CFGR_PPRE2_DIV2 | RCC_CFGR_SW_PLL);
    const uint32_t sws_mask = RCC_CFGR_SW_MASK << RCC_CFGR_SWS_SHIFT;
    if (!wait_bits(RCC_CFGR, sws_mask, RCC_CFGR_SW_PLL << RCC_CFGR_SWS_SHIFT)) {
        return BOARD_CLOCK_ERR_SWITCH;
    }
    return BOARD_CLOCK_OK;
}
