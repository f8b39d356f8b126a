// The chibios port's watchdog, built twice: through ChibiOS's WDG driver
// (HAL_USE_WDG, here a test double recording what the driver is given) and
// through the IWDG registers (the register driver at CMSIS IWDG_BASE, here
// answered by the register model).
#include <gtest/gtest.h>

extern "C" {
#include "hal.h"
#include "stack_check_status.h"
#include "stack_check_watchdog.h"
#if !CHIBIOS_WDG_DRIVER
#include "stm32_periph_model.h"
#endif
}

#if CHIBIOS_WDG_DRIVER
struct WDGDriver {
    int starts;
    int resets;
    WDGConfig config;
};
WDGDriver WDGD1;
static msg_t next_start_result = HAL_RET_SUCCESS;

extern "C" msg_t wdgStart(WDGDriver *wdgp, const WDGConfig *config)
{
    if (next_start_result != HAL_RET_SUCCESS) {
        return next_start_result;
    }
    wdgp->starts++;
    wdgp->config = *config;
    return HAL_RET_SUCCESS;
}

extern "C" void wdgReset(WDGDriver *wdgp)
{
    wdgp->resets++;
}
#endif

namespace {

// Runs first in every process (gtest_discover_tests runs one test per process).
TEST(ChibiosWatchdog, RefreshBeforeStartAndBadTimeoutsDoNothing)
{
    EXPECT_EQ(STACK_CHECK_ERR_WATCHDOG_NOT_STARTED, stack_check_watchdog_refresh());
    EXPECT_EQ(STACK_CHECK_ERR_WATCHDOG_RANGE, stack_check_watchdog_start(0));
    EXPECT_EQ(STACK_CHECK_ERR_WATCHDOG_RANGE, stack_check_watchdog_start(-1));
    EXPECT_EQ(STACK_CHECK_ERR_WATCHDOG_RANGE, stack_check_watchdog_start(32769));
    EXPECT_EQ(STACK_CHECK_ERR_WATCHDOG_NOT_STARTED, stack_check_watchdog_refresh());
#if CHIBIOS_WDG_DRIVER
    EXPECT_EQ(0, WDGD1.starts);
    EXPECT_EQ(0, WDGD1.resets);
#else
    EXPECT_FALSE(stm32_periph_model_iwdg_running(nullptr));
#endif
}

#if CHIBIOS_WDG_DRIVER
TEST(ChibiosWatchdog, TheDriverGetsThePrescalerAndReloadForTheTimeout)
{
    EXPECT_EQ(1025, stack_check_watchdog_start(1025));
    EXPECT_EQ(1, WDGD1.starts);
    EXPECT_EQ(2u, WDGD1.config.pr) << "/16 (RM0090 §21.4.2)";
    EXPECT_EQ(2049u, WDGD1.config.rlr);
    EXPECT_EQ(STACK_CHECK_OK, stack_check_watchdog_refresh());
    EXPECT_EQ(1, WDGD1.resets);
}

TEST(ChibiosWatchdog, ADriverThatRefusesStartsNothing)
{
    next_start_result = (msg_t)1;
    EXPECT_EQ(STACK_CHECK_ERR_WATCHDOG_UNSUPPORTED, stack_check_watchdog_start(100));
    next_start_result = HAL_RET_SUCCESS;
    EXPECT_EQ(STACK_CHECK_ERR_WATCHDOG_NOT_STARTED, stack_check_watchdog_refresh());
    EXPECT_EQ(0, WDGD1.resets);
}
#else
TEST(ChibiosWatchdog, TheRegistersAtCmsisIwdgBaseStartAndRefreshIt)
{
    stm32_periph_model_reset(1u);
    EXPECT_EQ(250, stack_check_watchdog_start(250));
    uint32_t left = 0u;
    ASSERT_TRUE(stm32_periph_model_iwdg_running(&left));
    EXPECT_EQ(8000u, left);
    EXPECT_FALSE(stm32_periph_model_iwdg_elapse(7999u));
    EXPECT_EQ(STACK_CHECK_OK, stack_check_watchdog_refresh());
    EXPECT_FALSE(stm32_periph_model_iwdg_elapse(7999u)) << "the refresh reloaded the counter";
    EXPECT_TRUE(stm32_periph_model_iwdg_elapse(1u));
}

TEST(ChibiosWatchdog, AStuckUpdateIsReportedNotWaitedForever)
{
    stm32_periph_model_reset(1u);
    stm32_periph_model_inject_iwdg(STM32_MODEL_IWDG_UPDATE_STUCK);
    EXPECT_EQ(STACK_CHECK_ERR_WATCHDOG_TIMEOUT, stack_check_watchdog_start(250));
    EXPECT_EQ(STACK_CHECK_OK, stack_check_watchdog_refresh()) << "it runs: it must be refreshed";
}
#endif

} // namespace
