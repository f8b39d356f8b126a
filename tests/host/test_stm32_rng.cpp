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

// ---- Every RNG state RM0090 §24.3.2 / §24.4.2 lets a driver meet ----------

// Reads RNG_SR through the model as time passing (another reader), not as
// the driver: until `bits` show or the limit.
uint32_t model_status_until(uint32_t bits)
{
    uint32_t sr = 0;
    for (int i = 0; i < 16 && (sr & bits) != bits; i++) {
        sr = stm32_periph_model_read(BOARD_RNG_BASE + RNG_SR_OFFSET, 4);
    }
    return sr;
}

// One word delivered (the continuous test holds it), then `fault`: the next
// word comes after one recovery, RNG_DR never read between the error and the
// recovery, and never the spoiled word (which stays in RNG_DR across the
// restart and is read, but only to prime the continuous test again).
void expect_recovered_without_using_the_spoiled_word(stm32_model_rng_fault_t fault, const char *what)
{
    stm32_rng_start();
    uint32_t word = 0;
    ASSERT_EQ(stm32_rng_read(&word), STACK_CHECK_OK);
    stm32_periph_model_inject_rng(fault);
    ASSERT_EQ(stm32_rng_read(&word), STACK_CHECK_OK) << what;
    EXPECT_EQ(stm32_periph_model_stats()->rng_seed_errors, 1u) << what;
    EXPECT_EQ(stm32_periph_model_stats()->rng_dr_reads_in_seed_error, 0u) << what << ": the word read anyway";
    EXPECT_EQ(stm32_periph_model_stats()->rng_recoveries, 1u) << what;
    EXPECT_NE(word, STM32_MODEL_RNG_LOW_ENTROPY_WORD) << what;
}

TEST_F(Stm32Rng, WordThatCameWithASeedErrorIsNeverReadNorDelivered)
{
    expect_recovered_without_using_the_spoiled_word(STM32_MODEL_RNG_SEED_ERROR_OVER_WORD, "DRDY, SECS and SEIS");
}

TEST_F(Stm32Rng, SeedErrorWhoseSeisAnotherUserClearedIsSeenBySecs)
{
    expect_recovered_without_using_the_spoiled_word(STM32_MODEL_RNG_SEED_ERROR_SEIS_CLEARED, "DRDY and SECS alone");
}

TEST_F(Stm32Rng, SeedErrorWhoseSecsWentBackIsSeenBySeis)
{
    expect_recovered_without_using_the_spoiled_word(STM32_MODEL_RNG_SEED_ERROR_SECS_CLEARED, "DRDY and SEIS alone");
    EXPECT_EQ(stats().rng_seis_clears, 1u);
}

TEST_F(Stm32Rng, PersistentSeedErrorOverWordsNeverReadsOne)
{
    stm32_periph_model_inject_rng(STM32_MODEL_RNG_SEED_ERROR_OVER_WORD);
    stm32_periph_model_set_rng_seed_errors(UINT32_MAX);
    stm32_rng_start();
    uint32_t word = 0x77u;
    EXPECT_EQ(stm32_rng_read(&word), STACK_CHECK_ERR_RNG_SEED);
    EXPECT_EQ(stats().rng_dr_reads_in_seed_error, 0u);
    EXPECT_EQ(stats().rng_recoveries, STM32_RNG_SEED_RECOVERIES);
    EXPECT_EQ(word, 0x77u);
}

TEST_F(Stm32Rng, SeedErrorAfterEveryDiscardedWordIsRecoveredAsOftenAsAllowed)
{
    // The worst case of the bound: each restart's discarded word followed by
    // a seed error, STM32_RNG_SEED_RECOVERIES times, then a good word.
    stm32_periph_model_inject_rng(STM32_MODEL_RNG_SEED_ERROR_SECOND_WORD);
    stm32_periph_model_set_rng_seed_errors(STM32_RNG_SEED_RECOVERIES);
    stm32_rng_start();
    uint32_t word = 0;
    EXPECT_EQ(stm32_rng_read(&word), STACK_CHECK_OK);
    EXPECT_EQ(stats().rng_recoveries, STM32_RNG_SEED_RECOVERIES);
    EXPECT_EQ(stats().rng_dr_reads, STM32_RNG_SEED_RECOVERIES + 2u) << "one discarded word per start, then the word";
}

TEST_F(Stm32Rng, OneSeedErrorMoreThanTheRecoveriesFails)
{
    stm32_periph_model_inject_rng(STM32_MODEL_RNG_SEED_ERROR_SECOND_WORD);
    stm32_periph_model_set_rng_seed_errors(STM32_RNG_SEED_RECOVERIES + 1u);
    stm32_rng_start();
    uint32_t word = 0;
    EXPECT_EQ(stm32_rng_read(&word), STACK_CHECK_ERR_RNG_SEED);
    EXPECT_EQ(stats().rng_recoveries, STM32_RNG_SEED_RECOVERIES);
    EXPECT_EQ(stats().rng_dr_reads_in_seed_error, 0u);
}

TEST_F(Stm32Rng, ClockErrorThatLastsIsReportedAgainOnceCeisIsCleared)
{
    // After the first report CEIS is cleared while CECS stays: CECS alone
    // must still be a clock error, never a wait that times out.
    stm32_periph_model_inject_rng(STM32_MODEL_RNG_CLOCK_ERROR);
    stm32_rng_start();
    uint32_t word = 0;
    ASSERT_EQ(stm32_rng_read(&word), STACK_CHECK_ERR_RNG_CLOCK);
    ASSERT_EQ(reg(BOARD_RNG_BASE + RNG_SR_OFFSET) & (RNG_SR_CECS | RNG_SR_CEIS), RNG_SR_CECS);
    const uint32_t polls = stats().rng_sr_reads;
    EXPECT_EQ(stm32_rng_read(&word), STACK_CHECK_ERR_RNG_CLOCK);
    EXPECT_EQ(stats().rng_sr_reads - polls, 1u) << "CECS alone not seen at the first poll";
    EXPECT_EQ(stats().rng_dr_reads, 0u);
}

TEST_F(Stm32Rng, ClockErrorThatEndedBeforeTheDriverLookedIsStillReported)
{
    // CEIS alone: the clock was wrong and is right again (CECS back to 0).
    stm32_rng_start();
    stm32_periph_model_inject_rng(STM32_MODEL_RNG_CLOCK_ERROR);
    ASSERT_NE(model_status_until(RNG_SR_CECS) & RNG_SR_CEIS, 0u);
    stm32_periph_model_inject_rng(STM32_MODEL_RNG_HEALTHY);
    uint32_t word = 0;
    EXPECT_EQ(stm32_rng_read(&word), STACK_CHECK_ERR_RNG_CLOCK);
    EXPECT_EQ(stats().rng_ceis_clears, 1u);
    EXPECT_EQ(stm32_rng_read(&word), STACK_CHECK_OK) << "the clock is right: the next word comes";
}

TEST_F(Stm32Rng, ClockErrorWithAWordReadyIsReportedWithoutReadingIt)
{
    // DRDY, CECS and CEIS at once. The word itself would be usable
    // (RM0090 §24.3.2), but the driver reports the clock first.
    stm32_rng_start();
    ASSERT_NE(model_status_until(RNG_SR_DRDY) & RNG_SR_DRDY, 0u);
    stm32_periph_model_inject_rng(STM32_MODEL_RNG_CLOCK_ERROR);
    uint32_t word = 0x55u;
    EXPECT_EQ(stm32_rng_read(&word), STACK_CHECK_ERR_RNG_CLOCK);
    EXPECT_EQ(stats().rng_dr_reads, 0u);
    EXPECT_EQ(word, 0x55u);
}

TEST_F(Stm32Rng, SeedRecoveryKeepsAClockErrorForTheNextLook)
{
    // SEIS, SECS, DRDY and a CEIS left from a clock error that has ended:
    // the seed recovery clears SEIS only (rc_w0: it writes 1 to CEIS), so
    // the clock error is still reported.
    stm32_rng_start();
    stm32_periph_model_inject_rng(STM32_MODEL_RNG_CLOCK_ERROR);
    ASSERT_NE(model_status_until(RNG_SR_CECS), 0u);
    stm32_periph_model_inject_rng(STM32_MODEL_RNG_SEED_ERROR_OVER_WORD);
    ASSERT_EQ(model_status_until(RNG_SR_SECS | RNG_SR_SEIS | RNG_SR_DRDY) & (RNG_SR_CECS | RNG_SR_CEIS), RNG_SR_CEIS);
    uint32_t word = 0;
    EXPECT_EQ(stm32_rng_read(&word), STACK_CHECK_ERR_RNG_CLOCK);
    EXPECT_EQ(stats().rng_recoveries, 1u);
    EXPECT_EQ(stats().rng_ceis_clears, 1u) << "CEIS cleared by the seed recovery, not by the clock report";
    EXPECT_EQ(stats().rng_dr_reads_in_seed_error, 0u);
}

TEST_F(Stm32Rng, SeedErrorBetweenTheClockReportsReadAndWriteOfRngSrIsKept)
{
    // RNG_SR changes between any two accesses. Here a seed error (whose SECS
    // falls again at once: SEIS, DRDY) comes between the driver's read of
    // RNG_SR (CEIS left from a clock error that has ended) and its write
    // clearing CEIS: that write must leave SEIS (rc_w0: write 1), else the
    // next call finds no error and reads the spoiled word.
    stm32_rng_start();
    stm32_periph_model_inject_rng(STM32_MODEL_RNG_CLOCK_ERROR);
    ASSERT_NE(model_status_until(RNG_SR_CECS), 0u);
    stm32_periph_model_inject_rng(STM32_MODEL_RNG_SEED_ERROR_SECS_CLEARED);
    // Two steps of the RNG's three after enable: the third is the driver's
    // read of RNG_SR, the error comes with the write after it.
    (void)stm32_periph_model_read(BOARD_RNG_BASE + RNG_CR_OFFSET, 4);
    ASSERT_EQ(stats().rng_seed_errors, 0u);
    uint32_t word = 0;
    ASSERT_EQ(stm32_rng_read(&word), STACK_CHECK_ERR_RNG_CLOCK);
    ASSERT_EQ(stats().rng_seed_errors, 1u) << "the seed error did not come with the driver's write";
    EXPECT_NE(reg(BOARD_RNG_BASE + RNG_SR_OFFSET) & RNG_SR_SEIS, 0u) << "the clock report cleared SEIS";
    EXPECT_EQ(stm32_rng_read(&word), STACK_CHECK_OK);
    EXPECT_EQ(stats().rng_recoveries, 1u);
    EXPECT_EQ(stats().rng_dr_reads_in_seed_error, 0u);
    EXPECT_NE(word, STM32_MODEL_RNG_LOW_ENTROPY_WORD);
}

TEST_F(Stm32Rng, StartAfterAnotherUserStoppedTheRngDiscardsTheFirstWordAgain)
{
    // RM0090 §24.3.1: the first word after RNGEN is set is kept only for
    // comparison, also when the driver has delivered words before.
    stm32_rng_start();
    uint32_t word = 0;
    ASSERT_EQ(stm32_rng_read(&word), STACK_CHECK_OK);
    stm32_periph_model_write(BOARD_RNG_BASE + RNG_CR_OFFSET, 0u, 4); // another user stops it
    stm32_rng_start();
    const uint32_t reads = stats().rng_dr_reads;
    ASSERT_EQ(stm32_rng_read(&word), STACK_CHECK_OK);
    EXPECT_EQ(stats().rng_dr_reads - reads, 2u) << "the first word after the restart was used";
}

}  // namespace
