/**
 * @file stack_check_watchdog_chibios.c
 * @brief The `chibios` port's watchdog (see stack_check_watchdog.h): the
 *        STM32 IWDG, through ChibiOS's WDG driver where the target enables
 *        it, else through its registers (drivers/stm32/stm32_iwdg.c).
 *
 * ChibiOS's WDG driver (HAL_USE_WDG with STM32_WDG_USE_IWDG; ChibiOS 21.11
 * os/hal/ports/STM32/LLD/xWDGv1/hal_wdg_lld.c): wdgStart() writes KR 0xCCCC
 * and 0x5555, PR and RLR from a WDGConfig, waits for IWDG_SR to clear, then
 * reloads (KR 0xAAAA; on a windowed IWDG, the F7's, writing WINR does);
 * wdgReset() writes KR 0xAAAA. The prescaler and reload come from
 * stm32_iwdg_config_for(), as on bare metal. Its wait for IWDG_SR has no
 * bound: with an LSI that does not run wdgStart() never returns (the
 * register path below gives up after STM32_IWDG_POLL_LIMIT reads and says so).
 *
 * Without the driver the registers are written directly, at the CMSIS
 * device header's IWDG_BASE (hal.h pulls it in), by the same driver the
 * bare-metal firmware uses.
 *
 * The reset flags come from the nanoCLR's start-up
 * (boards/common/nanoframework/safetymonitor_clr_thread.c captures RCC_CSR
 * before it clears it).
 */
#include "hal.h"

#include "stack_check_status.h"
#include "stack_check_watchdog.h"
#include "stm32_iwdg.h"

#include <stdbool.h>

/* The CMSIS device header's IWDG_BASE for the register driver
 * (stm32_iwdg_chibios.c compiles drivers/stm32/stm32_iwdg.c, whose
 * stm32_regs.h must not meet the device header's macros in one unit). */
const uint32_t stm32_iwdg_cmsis_base = (uint32_t)IWDG_BASE;

#if defined(HAL_USE_WDG) && (HAL_USE_WDG == TRUE)
#define STACK_CHECK_WATCHDOG_WDG_DRIVER 1
#endif

static bool started;

int32_t stack_check_watchdog_start(int32_t timeout_ms)
{
    stm32_iwdg_config_t config;
    if (timeout_ms < 0 || stm32_iwdg_config_for((uint32_t)timeout_ms, &config) != STACK_CHECK_OK) {
        return STACK_CHECK_ERR_WATCHDOG_RANGE;
    }
#if defined(STACK_CHECK_WATCHDOG_WDG_DRIVER)
    static WDGConfig wdg_config;
    wdg_config.pr = config.prescaler;
    wdg_config.rlr = config.reload;
#if STM32_IWDG_IS_WINDOWED
    wdg_config.winr = STM32_IWDG_WIN_DISABLED;
#endif
    if (wdgStart(&WDGD1, &wdg_config) != HAL_RET_SUCCESS) {
        return STACK_CHECK_ERR_WATCHDOG_UNSUPPORTED; /* the driver refused: nothing runs */
    }
    started = true;
    return (int32_t)config.timeout_ms;
#else
    uint32_t actual_ms = 0u;
    const int status = stm32_iwdg_start((uint32_t)timeout_ms, &actual_ms);
    started = true;
    return status == STACK_CHECK_OK ? (int32_t)actual_ms : status;
#endif
}

int32_t stack_check_watchdog_refresh(void)
{
    if (!started) {
        return STACK_CHECK_ERR_WATCHDOG_NOT_STARTED;
    }
#if defined(STACK_CHECK_WATCHDOG_WDG_DRIVER)
    wdgReset(&WDGD1);
#else
    stm32_iwdg_refresh();
#endif
    return STACK_CHECK_OK;
}
