// The STM32 RNG driver against the RNG register model: every path of
// RM0090 §24 the driver must handle.
#include "stm32_fixture.h"

extern "C" {
#include "stm32_rng.h"
}

namespace {

class Stm32Rng : public Stm32ModelTest {};

TEST_F(Stm32Rng, StartTurnsOnTheClockAndTheRng)
{
    stm32_rng_start();
    EXPECT_NE(reg(BOARD_RCC_BASE + RCC_AHB2ENR_OFFSET) & RCC_AHB2ENR_RNGEN, 0u);
    EXPECT_NE(reg(BOARD_RNG_BASE + RNG_CR_OFFSET) & RNG_CR_RNGEN, 0u);
    EXPECT_EQ(stats().rng_enables, 1u);
}

TEST_F(Stm32Rng, FirstWordAfterEnableIsKeptOnlyForComparison)
{
    stm32_rng_start();
    uint32_t word = 0;
    ASSERT_EQ(stm32_rng_read(&word), STACK_CHECK_OK);
    EXPECT_EQ(stats().rng_dr_reads, 2u);
    ASSERT_EQ(stm32_rng_read(&word), STACK_CHECK_OK);
    EXPECT_EQ(stats().rng_dr_reads, 3u);
}

TEST_F(Stm32Rng, ReadsDataOnlyAfterDrdy)
{
    // The model returns a stale RNG_DR until DRDY rises; a driver that read
    // early would get the same word twice and fail its continuous test.
    stm32_rng_start();
    uint32_t previous = 0;
    for (int i = 0; i < 100; i++) {
        uint32_t word = 0;
        ASSERT_EQ(stm32_rng_read(&word), STACK_CHECK_OK) << "word " << i;
        EXPECT_NE(word, previous);
        previous = word;
    }
}

TEST_F(Stm32Rng, DrdyNeverRisingTimesOutAfterThePollLimit)
{
    stm32_periph_model_inject_rng(STM32_MODEL_RNG_DRDY_STUCK);
    stm32_rng_start();
    uint32_t word = 0xA5A5A5A5u;
    EXPECT_EQ(stm32_rng_read(&word), STACK_CHECK_ERR_RNG_TIMEOUT);
    EXPECT_EQ(stats().rng_sr_reads, STM32_RNG_DRDY_POLL_LIMIT);
    EXPECT_EQ(word, 0xA5A5A5A5u) << "output written on failure";
}

TEST_F(Stm32Rng, SeedErrorIsRecoveredAsTheReferenceManualSays)
{
    stm32_rng_start();
    stm32_periph_model_inject_rng(STM32_MODEL_RNG_SEED_ERROR_ONCE);
    uint32_t word = 0;
    ASSERT_EQ(stm32_rng_read(&word), STACK_CHECK_OK);
    EXPECT_EQ(stats().rng_seis_clears, 1u);
    EXPECT_EQ(stats().rng_recoveries, 1u);
    EXPECT_EQ(stats().rng_enables, 2u);
    // After the restart the first word is discarded again.
    EXPECT_EQ(stats().rng_dr_reads, 2u);
}

TEST_F(Stm32Rng, PersistentSeedErrorFailsAfterBoundedRecoveries)
{
    stm32_periph_model_inject_rng(STM32_MODEL_RNG_SEED_ERROR_STUCK);
    stm32_rng_start();
    uint32_t word = 0;
    EXPECT_EQ(stm32_rng_read(&word), STACK_CHECK_ERR_RNG_SEED);
    EXPECT_EQ(stats().rng_recoveries, STM32_RNG_SEED_RECOVERIES);
    EXPECT_EQ(stats().rng_enables, 1u + STM32_RNG_SEED_RECOVERIES);
    EXPECT_EQ(stats().rng_dr_reads, 0u) << "RNG_DR read after a seed error";
}

TEST_F(Stm32Rng, ClockErrorIsReportedAndCeisCleared)
{
    stm32_periph_model_inject_rng(STM32_MODEL_RNG_CLOCK_ERROR);
    stm32_rng_start();
    uint32_t word = 0;
    EXPECT_EQ(stm32_rng_read(&word), STACK_CHECK_ERR_RNG_CLOCK);
    EXPECT_EQ(stats().rng_ceis_clears, 1u);
    EXPECT_EQ(reg(BOARD_RNG_BASE + RNG_SR_OFFSET) & RNG_SR_SEIS, 0u);
}

TEST_F(Stm32Rng, ClockErrorEndsWhenTheClockIsRight)
{
    stm32_periph_model_inject_rng(STM32_MODEL_RNG_CLOCK_ERROR);
    stm32_rng_start();
    uint32_t word = 0;
    ASSERT_EQ(stm32_rng_read(&word), STACK_CHECK_ERR_RNG_CLOCK);
    stm32_periph_model_inject_rng(STM32_MODEL_RNG_HEALTHY);
    EXPECT_EQ(stm32_rng_read(&word), STACK_CHECK_OK);
}

TEST_F(Stm32Rng, NoPll48ClockIsAClockError)
{
    host_port_reset(7u); // RCC at reset: HSI only, PLL off
    stm32_rng_start();
    uint32_t word = 0;
    EXPECT_EQ(stm32_rng_read(&word), STACK_CHECK_ERR_RNG_CLOCK);
}

TEST_F(Stm32Rng, RepeatedWordFailsTheContinuousTest)
{
    stm32_rng_start();
    stm32_periph_model_inject_rng(STM32_MODEL_RNG_REPEAT_ONCE);
    uint32_t word = 0x5A5A5A5Au;
    EXPECT_EQ(stm32_rng_read(&word), STACK_CHECK_ERR_RNG_REPEAT);
    EXPECT_EQ(word, 0x5A5A5A5Au) << "output written on failure";
    // The generator moves on: the next word differs again.
    EXPECT_EQ(stm32_rng_read(&word), STACK_CHECK_OK);
}

TEST_F(Stm32Rng, RepeatAcrossWordsAlreadyDeliveredIsCaughtToo)
{
    stm32_rng_start();
    uint32_t word = 0;
    ASSERT_EQ(stm32_rng_read(&word), STACK_CHECK_OK);
    stm32_periph_model_inject_rng(STM32_MODEL_RNG_REPEAT_ONCE);
    EXPECT_EQ(stm32_rng_read(&word), STACK_CHECK_OK);
    EXPECT_EQ(stm32_rng_read(&word), STACK_CHECK_ERR_RNG_REPEAT);
}

}  // namespace
