// The IWDG driver against the register model: prescaler and reload from a
// timeout, the start sequence, the refresh, the bounded wait, the reset it
// causes, and DBGMCU's freeze bit.
#include "stm32_fixture.h"

extern "C" {
#include "stm32_iwdg.h"
}

namespace {

class Stm32Iwdg : public Stm32ModelTest {};

uint32_t ticks_left()
{
    uint32_t left = 0;
    (void)stm32_periph_model_iwdg_running(&left);
    return left;
}

TEST_F(Stm32Iwdg, ConfigIsTheFinestPrescalerThatReaches)
{
    struct Case {
        uint32_t ms, prescaler, reload, actual;
    };
    // RM0090 §21.3, the table of IWDG timeouts at 32 kHz at 32 kHz: /4 counts 0.125 ms up to 512 ms,
    // /8 0.25 ms up to 1024 ms, ..., /256 8 ms up to 32768 ms.
    const Case cases[] = {
        {1u, 0u, 7u, 1u},        {2u, 0u, 15u, 2u},       {511u, 0u, 4087u, 511u}, {512u, 0u, 4095u, 512u},
        {513u, 1u, 2051u, 513u}, {1024u, 1u, 4095u, 1024u}, {1025u, 2u, 2049u, 1025u},
        {250u, 0u, 1999u, 250u}, {32767u, 6u, 4095u, 32768u}, {32768u, 6u, 4095u, 32768u},
        {16385u, 6u, 2048u, 16392u}, {3001u, 3u, 3000u, 3001u},
    };
    for (const Case &c : cases) {
        stm32_iwdg_config_t config{};
        ASSERT_EQ(STACK_CHECK_OK, stm32_iwdg_config_for(c.ms, &config)) << c.ms;
        EXPECT_EQ(c.prescaler, config.prescaler) << c.ms;
        EXPECT_EQ(c.reload, config.reload) << c.ms;
        EXPECT_EQ(c.actual, config.timeout_ms) << c.ms;
        EXPECT_GE(config.timeout_ms, c.ms);
        EXPECT_LE(config.reload, 0xFFFu);
    }
}

TEST_F(Stm32Iwdg, TimeoutOutOfRangeIsRefusedAndStartsNothing)
{
    stm32_iwdg_config_t config{};
    EXPECT_EQ(STACK_CHECK_ERR_WATCHDOG_RANGE, stm32_iwdg_config_for(0u, &config));
    EXPECT_EQ(STACK_CHECK_ERR_WATCHDOG_RANGE, stm32_iwdg_config_for(32769u, &config));
    EXPECT_EQ(STACK_CHECK_ERR_WATCHDOG_RANGE, stm32_iwdg_config_for(UINT32_MAX, &config));
    EXPECT_EQ(STACK_CHECK_ERR_WATCHDOG_RANGE, stm32_iwdg_config_for(100u, nullptr));
    uint32_t actual = 77u;
    EXPECT_EQ(STACK_CHECK_ERR_WATCHDOG_RANGE, stm32_iwdg_start(0u, &actual));
    EXPECT_EQ(STACK_CHECK_ERR_WATCHDOG_RANGE, stm32_iwdg_start(40000u, &actual));
    EXPECT_EQ(77u, actual);
    EXPECT_FALSE(stm32_periph_model_iwdg_running(nullptr)) << "a refused timeout must not start the watchdog";
}

TEST_F(Stm32Iwdg, StartSetsTheTimeoutInTheCounterDomain)
{
    uint32_t actual = 0u;
    ASSERT_EQ(STACK_CHECK_OK, stm32_iwdg_start(100u, &actual));
    EXPECT_EQ(100u, actual);
    EXPECT_TRUE(stm32_periph_model_iwdg_running(nullptr));
    EXPECT_EQ(0u, stats().iwdg_lost_writes);
    // 100 ms at 32 kHz: 3200 LSI ticks (PR 0, RLR 799), loaded by the final reload.
    EXPECT_EQ(3200u, ticks_left());
    EXPECT_EQ(0u, reg(BOARD_IWDG_BASE + IWDG_SR_OFFSET)) << "PVU and RVU clear: the values took";
    EXPECT_EQ(0u, reg(BOARD_IWDG_BASE + IWDG_PR_OFFSET));
    EXPECT_EQ(799u, reg(BOARD_IWDG_BASE + IWDG_RLR_OFFSET));
}

TEST_F(Stm32Iwdg, RefreshKeepsItFromFiringAndStoppingRefreshesFiresIt)
{
    stm32_mmio_write32(BOARD_RCC_BASE + RCC_CSR_OFFSET, RCC_CSR_RMVF); // as start-up does
    ASSERT_EQ(STACK_CHECK_OK, stm32_iwdg_start(10u, nullptr)); // 320 ticks
    for (int i = 0; i < 100; i++) {
        ASSERT_FALSE(stm32_periph_model_iwdg_elapse(319u)) << "refreshed every 319 ticks, cycle " << i;
        stm32_iwdg_refresh();
    }
    EXPECT_FALSE(stm32_periph_model_iwdg_elapse(319u));
    EXPECT_TRUE(stm32_periph_model_iwdg_elapse(1u)) << "the 320th tick without a refresh fires it";
    stm32_iwdg_refresh();
    EXPECT_TRUE(stm32_periph_model_iwdg_elapse(0u)) << "a fired watchdog is not undone by a refresh";
    // The next reset is a watchdog reset, and says so in RCC_CSR.
    stm32_periph_model_reset(1u);
    EXPECT_EQ(RCC_CSR_IWDGRSTF | RCC_CSR_PINRSTF, reg(BOARD_RCC_BASE + RCC_CSR_OFFSET) & RCC_CSR_RESET_FLAGS)
        << "a watchdog reset, not a software one";
    stm32_periph_model_reset(1u);
    EXPECT_EQ(RCC_CSR_IWDGRSTF | RCC_CSR_SFTRSTF | RCC_CSR_PINRSTF, reg(BOARD_RCC_BASE + RCC_CSR_OFFSET) & RCC_CSR_RESET_FLAGS)
        << "the reset after it is a software reset again; IWDGRSTF stays until RMVF";
    EXPECT_FALSE(stm32_periph_model_iwdg_running(nullptr)) << "a reset stops the IWDG";
}

TEST_F(Stm32Iwdg, ControlWithoutRefreshItFires)
{
    ASSERT_EQ(STACK_CHECK_OK, stm32_iwdg_start(1u, nullptr)); // 32 ticks
    EXPECT_FALSE(stm32_periph_model_iwdg_elapse(31u));
    EXPECT_TRUE(stm32_periph_model_iwdg_elapse(1u));
}

TEST_F(Stm32Iwdg, RestartWithAnotherTimeoutTakesEffect)
{
    ASSERT_EQ(STACK_CHECK_OK, stm32_iwdg_start(10u, nullptr));
    EXPECT_EQ(320u, ticks_left());
    uint32_t actual = 0u;
    ASSERT_EQ(STACK_CHECK_OK, stm32_iwdg_start(2000u, &actual));
    EXPECT_EQ(2000u, actual);
    EXPECT_EQ(64000u, ticks_left());
    ASSERT_EQ(STACK_CHECK_OK, stm32_iwdg_start(32767u, &actual));
    EXPECT_EQ(32768u, actual) << "the timeout set, not the one asked for";
    EXPECT_EQ(4096u * 256u, ticks_left());
    EXPECT_EQ(0u, stats().iwdg_lost_writes);
}

TEST_F(Stm32Iwdg, ModelControlLockedWritesAreLost)
{
    const uint32_t pr = BOARD_IWDG_BASE + IWDG_PR_OFFSET;
    stm32_mmio_write32(pr, 4u);
    EXPECT_EQ(0u, reg(pr)) << "PR without the 0x5555 key";
    EXPECT_EQ(1u, stats().iwdg_lost_writes);
    stm32_mmio_write32(BOARD_IWDG_BASE + IWDG_KR_OFFSET, IWDG_KR_UNLOCK);
    stm32_mmio_write32(pr, 4u);
    EXPECT_EQ(4u, reg(pr));
    for (int i = 0; i < 10 && reg(BOARD_IWDG_BASE + IWDG_SR_OFFSET) != 0u; i++) {
    }
    stm32_mmio_write32(BOARD_IWDG_BASE + IWDG_KR_OFFSET, IWDG_KR_RELOAD);
    stm32_mmio_write32(pr, 5u);
    EXPECT_EQ(4u, reg(pr)) << "any other key locks PR again";
    EXPECT_EQ(2u, stats().iwdg_lost_writes);
}

TEST_F(Stm32Iwdg, UpdateThatNeverEndsIsABoundedTimeoutAndTheWatchdogStillRuns)
{
    stm32_periph_model_inject_iwdg(STM32_MODEL_IWDG_UPDATE_STUCK);
    uint32_t actual = 77u;
    EXPECT_EQ(STACK_CHECK_ERR_WATCHDOG_TIMEOUT, stm32_iwdg_start(100u, &actual));
    EXPECT_EQ(77u, actual) << "no timeout is reported when it may not be the one set";
    EXPECT_TRUE(stm32_periph_model_iwdg_running(nullptr));
    EXPECT_EQ(4096u * 4u, ticks_left()) << "the reset values (512 ms) still rule the counter";
}

TEST_F(Stm32Iwdg, SecondStartWaitsForTheFirstUpdateBeforeWriting)
{
    // A start right after another: its PR and RLR would be lost if written
    // while the first start's updates are still in progress.
    stm32_periph_model_inject_iwdg(STM32_MODEL_IWDG_UPDATE_STUCK);
    EXPECT_EQ(STACK_CHECK_ERR_WATCHDOG_TIMEOUT, stm32_iwdg_start(100u, nullptr));
    const uint32_t lost = stats().iwdg_lost_writes;
    EXPECT_EQ(STACK_CHECK_ERR_WATCHDOG_TIMEOUT, stm32_iwdg_start(200u, nullptr));
    EXPECT_GT(stats().iwdg_lost_writes, lost) << "control: the model drops writes during an update";
    stm32_periph_model_inject_iwdg(STM32_MODEL_IWDG_HEALTHY);
    const uint32_t lost_before = stats().iwdg_lost_writes;
    EXPECT_EQ(STACK_CHECK_OK, stm32_iwdg_start(200u, nullptr));
    EXPECT_EQ(6400u, ticks_left());
    EXPECT_EQ(lost_before, stats().iwdg_lost_writes) << "the driver waited for the pending updates";
}

TEST_F(Stm32Iwdg, DebugFreezeSetsAndClearsOnlyItsBit)
{
    stm32_mmio_write32(DBGMCU_APB1_FZ, 0x00000801u);
    stm32_iwdg_debug_freeze(true);
    EXPECT_EQ(0x00001801u, reg(DBGMCU_APB1_FZ));
    stm32_iwdg_debug_freeze(false);
    EXPECT_EQ(0x00000801u, reg(DBGMCU_APB1_FZ));
}

} // namespace
