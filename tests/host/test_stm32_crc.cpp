// The STM32 CRC driver against the CRC register model, and the model against
// the catalogue's CRC-32/MPEG-2.
#include "crc_reference.h"
#include "stm32_fixture.h"

#include <cstring>
#include <random>
#include <vector>

extern "C" {
#include "stm32_crc.h"
}

namespace {

class Stm32Crc : public Stm32ModelTest {};

const char kCheckInput[] = "123456789";

TEST(CrcReference, MatchesTheCatalogueCheckValue)
{
    EXPECT_EQ(crc32_mpeg2(reinterpret_cast<const uint8_t *>(kCheckInput), 9), 0x0376E6E7u);
}

TEST_F(Stm32Crc, SingleWordFromResetGivesTheKnownAnswer)
{
    ASSERT_EQ(stm32_crc_start(), STACK_CHECK_OK);
    const uint32_t word = 0x12345678u;
    EXPECT_EQ(stm32_crc_compute(&word, 1), 0xDF8A8A2Bu);
}

TEST_F(Stm32Crc, NarrowWritesToCrcDrAreNotDataOnTheF4)
{
    // The F4's unit takes 32-bit words only (RM0090 §4.2); the model spoils
    // the CRC on a 16- or 8-bit write rather than compute what the F7 would.
    ASSERT_EQ(stm32_crc_start(), STACK_CHECK_OK);
    for (uint32_t size : {1u, 2u}) {
        stm32_periph_model_write(BOARD_CRC_BASE + CRC_CR_OFFSET, CRC_CR_RESET, 4);
        const uint32_t narrow = stats().crc_narrow_writes;
        const uint32_t words = stats().crc_words;
        stm32_periph_model_write(BOARD_CRC_BASE + CRC_DR_OFFSET, 0x31u, size);
        EXPECT_EQ(stats().crc_narrow_writes - narrow, 1u) << size << "-byte write";
        EXPECT_EQ(stats().crc_words, words);
        const uint8_t byte = 0x31u;
        EXPECT_NE(stm32_periph_model_read(BOARD_CRC_BASE + CRC_DR_OFFSET, 4), crc32_mpeg2(&byte, 1)) << size;
        EXPECT_NE(stm32_periph_model_read(BOARD_CRC_BASE + CRC_DR_OFFSET, 4), CRC_INITIAL_VALUE) << size;
    }
}

TEST_F(Stm32Crc, DriverFeedsWholeWordsOnly)
{
    ASSERT_EQ(stm32_crc_start(), STACK_CHECK_OK);
    uint32_t words[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    (void)stm32_crc_compute(words, 7);
    (void)stm32_crc_residue_difference(words, 8, 0u);
    EXPECT_EQ(stats().crc_narrow_writes, 0u);
}

TEST_F(Stm32Crc, WordResultIsCrc32Mpeg2OfItsBigEndianBytes)
{
    ASSERT_EQ(stm32_crc_start(), STACK_CHECK_OK);
    std::mt19937 random(42);
    for (size_t length = 0; length <= 64; length++) {
        std::vector<uint32_t> words(length);
        for (auto &word : words) {
            word = random();
        }
        EXPECT_EQ(stm32_crc_compute(words.data(), words.size()), crc32_stm32_words(words.data(), words.size()))
            << "length " << length;
        if (length != 0 && length % STM32_CRC_RESIDUE_GRANULE_WORDS == 0) {
            EXPECT_EQ(stm32_crc_residue_difference(words.data(), words.size(), 0x12345u),
                      crc32_stm32_words(words.data(), words.size()) - 0x12345u)
                << "per-cycle feed, length " << length;
        }
    }
}

TEST_F(Stm32Crc, EmptyBufferGivesTheInitialValue)
{
    ASSERT_EQ(stm32_crc_start(), STACK_CHECK_OK);
    EXPECT_EQ(stm32_crc_compute(nullptr, 0), 0xFFFFFFFFu);
}

TEST_F(Stm32Crc, StartTurnsOnTheClock)
{
    ASSERT_EQ(stm32_crc_start(), STACK_CHECK_OK);
    EXPECT_NE(reg(BOARD_RCC_BASE + RCC_AHB1ENR_OFFSET) & RCC_AHB1ENR_CRCEN, 0u);
}

TEST_F(Stm32Crc, UnclockedUnitFailsItsSelfTest)
{
    EXPECT_EQ(stm32_crc_selftest(), STACK_CHECK_ERR_CRC);
    EXPECT_GT(stats().unclocked_accesses, 0u);
    ASSERT_EQ(stm32_crc_start(), STACK_CHECK_OK) << "the control: clocked, it passes";
    EXPECT_EQ(stm32_crc_selftest(), STACK_CHECK_OK);
}

TEST_F(Stm32Crc, UnitReadingZeroFailsItsSelfTest)
{
    stm32_periph_model_inject_crc(STM32_MODEL_CRC_STUCK_ZERO);
    EXPECT_EQ(stm32_crc_start(), STACK_CHECK_ERR_CRC);
}

TEST_F(Stm32Crc, UnitComputingWrongFailsItsKnownAnswerTest)
{
    stm32_periph_model_inject_crc(STM32_MODEL_CRC_WRONG_RESULT);
    EXPECT_EQ(stm32_crc_start(), STACK_CHECK_ERR_CRC);
}

TEST_F(Stm32Crc, UnitIgnoringResetFailsItsSelfTest)
{
    ASSERT_EQ(stm32_crc_start(), STACK_CHECK_OK);
    const uint32_t word = 0x12345678u;
    (void)stm32_crc_compute(&word, 1);  // leaves CRC_DR away from its reset value
    stm32_periph_model_inject_crc(STM32_MODEL_CRC_RESET_IGNORED);
    EXPECT_EQ(stm32_crc_selftest(), STACK_CHECK_ERR_CRC);
}

TEST_F(Stm32Crc, ComputeFeedsOneWordPerWordAndResetsOnce)
{
    ASSERT_EQ(stm32_crc_start(), STACK_CHECK_OK);
    const uint32_t resets = stats().crc_resets;
    const uint32_t fed = stats().crc_words;
    uint32_t words[32] = {};
    (void)stm32_crc_compute(words, 31);
    EXPECT_EQ(stats().crc_resets - resets, 1u);
    EXPECT_EQ(stats().crc_words - fed, 31u);
    (void)stm32_crc_residue_difference(words, 32, 0u);
    EXPECT_EQ(stats().crc_resets - resets, 2u) << "the per-cycle feed resets once";
    EXPECT_EQ(stats().crc_words - fed, 63u) << "and feeds every word once";
}

}  // namespace
