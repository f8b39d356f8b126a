/**
 * @file stm32_iwdg.c
 * @brief STM32F4/F7 independent watchdog (see stm32_iwdg.h).
 */
#include "stm32_iwdg.h"

#include "stack_check_status.h"
#include "stm32_mmio.h"
#include "stm32_regs.h"

#include <stddef.h>

/* The IWDG's base: the board's (board.h), or inside a ChibiOS target the
 * CMSIS device header's IWDG_BASE, which the chibios port uses since
 * ChibiOS's own board.h does not name it. hal.h (which brings the device
 * header) is not included here: its register macros (RCC_CR_HSION,
 * CRC_CR_RESET, IWDG_SR_PVU, ...) clash with stm32_regs.h's; the port takes
 * IWDG_BASE in a unit of its own (stack_check_watchdog_chibios.c). */
#if defined(STM32_IWDG_BASE_FROM_CMSIS)
extern const uint32_t stm32_iwdg_cmsis_base;
#define BOARD_IWDG_BASE stm32_iwdg_cmsis_base
#else
#include "board.h"
#endif

#define IWDG_KR (BOARD_IWDG_BASE + IWDG_KR_OFFSET)
#define IWDG_PR (BOARD_IWDG_BASE + IWDG_PR_OFFSET)
#define IWDG_RLR (BOARD_IWDG_BASE + IWDG_RLR_OFFSET)
#define IWDG_SR (BOARD_IWDG_BASE + IWDG_SR_OFFSET)

/* Largest IWDG_PR value with its own divider (6: /256; 7 is /256 too). */
#define IWDG_PR_LARGEST 6u
#define IWDG_RELOAD_COUNTS (IWDG_RLR_MASK + 1u)

int stm32_iwdg_config_for(uint32_t timeout_ms, stm32_iwdg_config_t *config)
{
    if (config == NULL || timeout_ms < STM32_IWDG_MIN_TIMEOUT_MS || timeout_ms > STM32_IWDG_MAX_TIMEOUT_MS) {
        return STACK_CHECK_ERR_WATCHDOG_RANGE;
    }
    /* LSI ticks wanted, then counter steps of (4 << pr) ticks, rounded up so
     * that the timeout is never shorter than asked for. */
    const uint32_t ticks = timeout_ms * (STM32_IWDG_LSI_HZ / 1000u);
    for (uint32_t pr = 0u; pr <= IWDG_PR_LARGEST; pr++) {
        const uint32_t divider = 4u << pr;
        const uint32_t counts = (ticks + divider - 1u) / divider;
        if (counts <= IWDG_RELOAD_COUNTS) {
            config->prescaler = pr;
            config->reload = counts - 1u;
            config->timeout_ms = counts * divider / (STM32_IWDG_LSI_HZ / 1000u);
            return STACK_CHECK_OK;
        }
    }
    return STACK_CHECK_ERR_WATCHDOG_RANGE; /* unreachable: 32768 ms fits /256 */
}

static bool wait_updates_done(void)
{
    for (uint32_t polls = 0u; polls < STM32_IWDG_POLL_LIMIT; polls++) {
        if ((stm32_mmio_read32(IWDG_SR) & (IWDG_SR_PVU | IWDG_SR_RVU)) == 0u) {
            return true;
        }
    }
    return false;
}

int stm32_iwdg_start(uint32_t timeout_ms, uint32_t *actual_ms)
{
    stm32_iwdg_config_t config;
    if (stm32_iwdg_config_for(timeout_ms, &config) != STACK_CHECK_OK) {
        return STACK_CHECK_ERR_WATCHDOG_RANGE;
    }
    stm32_mmio_write32(IWDG_KR, IWDG_KR_START);
    /* A write to PR or RLR while its update is still in progress is lost
     * (RM0090 §21.4.2, §21.4.3): wait before writing, then for both. */
    bool settled = wait_updates_done();
    stm32_mmio_write32(IWDG_KR, IWDG_KR_UNLOCK);
    stm32_mmio_write32(IWDG_PR, config.prescaler);
    stm32_mmio_write32(IWDG_RLR, config.reload);
    settled = wait_updates_done() && settled;
    stm32_mmio_write32(IWDG_KR, IWDG_KR_RELOAD);
    if (!settled) {
        return STACK_CHECK_ERR_WATCHDOG_TIMEOUT;
    }
    if (actual_ms != NULL) {
        *actual_ms = config.timeout_ms;
    }
    return STACK_CHECK_OK;
}

void stm32_iwdg_refresh(void)
{
    stm32_mmio_write32(IWDG_KR, IWDG_KR_RELOAD);
}

void stm32_iwdg_debug_freeze(bool freeze)
{
    const uint32_t fz = stm32_mmio_read32(DBGMCU_APB1_FZ);
    stm32_mmio_write32(DBGMCU_APB1_FZ, freeze ? fz | DBGMCU_APB1_FZ_DBG_IWDG_STOP : fz & ~DBGMCU_APB1_FZ_DBG_IWDG_STOP);
}
