// The posix port's software watchdog: refreshed it holds, left alone it ends
// the process with STACK_CHECK_WATCHDOG_EXIT_STATUS, as a reset ends a run.
// Each case that starts it runs in a child process (a death test): once
// started it cannot be stopped.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <thread>

extern "C" {
#include "stack_check.h"
#include "stack_check_watchdog.h"
}

namespace {

void sleep_ms(int ms)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

TEST(PosixWatchdog, RefreshBeforeStartDoesNothing)
{
    EXPECT_EQ(STACK_CHECK_ERR_WATCHDOG_NOT_STARTED, stack_check_watchdog_refresh());
    EXPECT_EQ(0u, stack_check_reset_flags()) << "no RCC_CSR on a PC";
}

TEST(PosixWatchdog, TimeoutOutOfRangeStartsNothing)
{
    EXPECT_EQ(STACK_CHECK_ERR_WATCHDOG_RANGE, stack_check_watchdog_start(0));
    EXPECT_EQ(STACK_CHECK_ERR_WATCHDOG_RANGE, stack_check_watchdog_start(-5));
    EXPECT_EQ(STACK_CHECK_ERR_WATCHDOG_RANGE, stack_check_watchdog_start(32769));
    EXPECT_EQ(STACK_CHECK_ERR_WATCHDOG_NOT_STARTED, stack_check_watchdog_refresh());
}

TEST(PosixWatchdogDeathTest, NotRefreshedItEndsTheProcess)
{
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_EXIT(
        {
            if (stack_check_watchdog_start(20) != 20) {
                std::_Exit(2);
            }
            sleep_ms(500); // 25 timeouts: a stand-in that fires late fails here
            std::_Exit(0); // not reached when the watchdog works
        },
        ::testing::ExitedWithCode(STACK_CHECK_WATCHDOG_EXIT_STATUS), "not refreshed within 20 ms");
}

TEST(PosixWatchdogDeathTest, ControlRefreshedItHoldsWellPastItsTimeout)
{
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_EXIT(
        {
            if (stack_check_watchdog_start(100) != 100) {
                std::_Exit(2);
            }
            for (int i = 0; i < 50; i++) { // 500 ms: five timeouts
                sleep_ms(10);
                if (stack_check_watchdog_refresh() != STACK_CHECK_OK) {
                    std::_Exit(3);
                }
            }
            std::_Exit(0);
        },
        ::testing::ExitedWithCode(0), "");
}

TEST(PosixWatchdogDeathTest, RestartWithALongerTimeoutTakesEffect)
{
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_EXIT(
        {
            (void)stack_check_watchdog_start(30);
            if (stack_check_watchdog_start(1000) != 1000) {
                std::_Exit(2);
            }
            sleep_ms(200); // past the first timeout, well within the second
            std::_Exit(0);
        },
        ::testing::ExitedWithCode(0), "");
}

} // namespace
