// The corruption-detect area: initialisation, check, every failure path,
// through the STM32 drivers running against the register models.
#include "crc_reference.h"
#include "stm32_fixture.h"

#include <set>
#include <vector>

namespace {

class CorruptionArea : public Stm32ModelTest {
protected:
    uint32_t *area() { return host_port_area.start; }
    size_t words() { return host_port_area.words; }
    void use_area_of(size_t bytes) { host_port_set_area(host_port_area_buffer(), bytes / 4); }
};

TEST_F(CorruptionArea, CheckBeforeInitIsNeverOk)
{
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_ERR_NOT_INITIALISED);
    // Whatever the area holds: even a valid-looking seal is not trusted.
    for (size_t i = 0; i + 1 < words(); i++) {
        area()[i] = static_cast<uint32_t>(i * 0x9E3779B9u);
    }
    area()[words() - 1] = crc32_stm32_words(area(), words() - 1) ^ STACK_CHECK_SEAL_XOR;
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_ERR_NOT_INITIALISED);
}

TEST_F(CorruptionArea, InitFillsWithRandomWordsAndSealsWithTheirCrc)
{
    std::fill(area(), area() + words(), 0u);
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_OK);
    std::set<uint32_t> distinct(area(), area() + words() - 1);
    EXPECT_EQ(distinct.size(), words() - 1) << "random words repeat";
    EXPECT_EQ(area()[words() - 1], crc32_stm32_words(area(), words() - 1) ^ STACK_CHECK_SEAL_XOR);
    // The seal makes the CRC of the whole area, seal last, the residue.
    EXPECT_EQ(crc32_stm32_words(area(), words()), STACK_CHECK_SEAL_RESIDUE);
    // One RNG word per data word, plus the one kept for the continuous test.
    EXPECT_EQ(stats().rng_dr_reads, words() - 1 + 1);
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_OK);
}

// No single flipped bit of the seal state makes a sealed area pass unsealed
// or an unsealed one look sealed; the control (the bit put back) passes.
TEST_F(CorruptionArea, AFlippedBitOfTheSealStateIsNeverASeal)
{
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_OK);
    const uint32_t sealed = stack_check_area_state;
    for (uint32_t bit = 0; bit < 32; bit++) {
        stack_check_area_state = sealed ^ (1u << bit);
        EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_ERR_NOT_INITIALISED) << "sealed, bit " << bit;
        stack_check_area_state = 1u << bit;
        EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_ERR_NOT_INITIALISED) << "unsealed, bit " << bit;
    }
    stack_check_area_state = sealed;
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_OK);
}

TEST_F(CorruptionArea, InitTurnsOnTheRngAndCrcClocks)
{
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_OK);
    EXPECT_NE(reg(BOARD_RCC_BASE + RCC_AHB1ENR_OFFSET) & RCC_AHB1ENR_CRCEN, 0u);
    EXPECT_NE(reg(BOARD_RCC_BASE + RCC_AHB2ENR_OFFSET) & RCC_AHB2ENR_RNGEN, 0u);
}

TEST_F(CorruptionArea, ReinitialisingSealsFreshWords)
{
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_OK);
    const std::vector<uint32_t> first(area(), area() + words());
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_OK);
    EXPECT_NE(std::vector<uint32_t>(area(), area() + words()), first);
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_OK);
}

// Every single-bit change anywhere in the area, the CRC word included, is
// found; the control (the bit put back) passes.
class EveryBit : public CorruptionArea, public ::testing::WithParamInterface<size_t> {};

TEST_P(EveryBit, FlipIsDetectedAndRestoreIsClean)
{
    use_area_of(GetParam());
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_OK);
    auto *bytes = reinterpret_cast<uint8_t *>(area());
    for (size_t bit = 0; bit < GetParam() * 8; bit++) {
        bytes[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
        ASSERT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_ERR_CORRUPTED) << "bit " << bit;
        bytes[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
        ASSERT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_OK) << "bit " << bit;
    }
}

INSTANTIATE_TEST_SUITE_P(AreaBytes, EveryBit, ::testing::Values(32u, 64u, 96u, 128u, 256u));

// The seal offset is what the residue needs, for any CRC before the seal: a
// word w fed to a register r gives F(r ^ w), so r ^ (r ^ SEAL_XOR) always
// leaves F(SEAL_XOR). The control (one bit of the offset off) must miss.
TEST(SealResidue, TheOffsetGivesTheResidueWhateverTheData)
{
    for (uint32_t seed = 1; seed < 200; seed++) {
        uint32_t words[8];
        for (uint32_t i = 0; i < 7; i++) {
            words[i] = seed * 0x9E3779B9u + i * 0x85EBCA6Bu;
        }
        words[7] = crc32_stm32_words(words, 7) ^ STACK_CHECK_SEAL_XOR;
        ASSERT_EQ(crc32_stm32_words(words, 8), STACK_CHECK_SEAL_RESIDUE) << "seed " << seed;
        words[7] ^= 1u;
        ASSERT_NE(crc32_stm32_words(words, 8), STACK_CHECK_SEAL_RESIDUE) << "seed " << seed;
    }
    EXPECT_NE(STACK_CHECK_SEAL_RESIDUE, 0u) << "a unit that reads 0 would pass";
    EXPECT_NE(STACK_CHECK_SEAL_RESIDUE, 0xFFFFFFFFu) << "a unit stuck at its reset value would pass";
}

TEST_F(CorruptionArea, AnyByteOfALargeAreaIsDetected)
{
    use_area_of(4096);
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_OK);
    auto *bytes = reinterpret_cast<uint8_t *>(area());
    for (size_t offset = 0; offset < 4096; offset++) {
        const uint8_t mask = static_cast<uint8_t>(1u << (offset % 8));
        bytes[offset] ^= mask;
        ASSERT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_ERR_CORRUPTED) << "byte " << offset;
        bytes[offset] ^= mask;
    }
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_OK);
}

TEST_F(CorruptionArea, OverwritingTheWholeAreaIsDetected)
{
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_OK);
    std::fill(area(), area() + words(), 0u);
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_ERR_CORRUPTED);
}

TEST_F(CorruptionArea, FailedReinitialisationDropsTheOldSeal)
{
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_OK);
    stm32_periph_model_inject_rng(STM32_MODEL_RNG_DRDY_STUCK);
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_ERR_RNG_TIMEOUT);
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_ERR_NOT_INITIALISED);
}

TEST_F(CorruptionArea, UnusableAreaIsALayoutError)
{
    host_port_set_area(nullptr, 32);
    EXPECT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_ERR_LAYOUT);
    for (size_t words : {0u, 1u, 2u, 7u, 9u, 12u, 36u}) {
        host_port_set_area(host_port_area_buffer(), words);
        EXPECT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_ERR_LAYOUT) << words << " words";
        EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_ERR_NOT_INITIALISED) << words << " words";
    }
    // The smallest usable area: one load-multiple, 7 random words and the seal.
    host_port_set_area(host_port_area_buffer(), STACK_CHECK_AREA_GRANULE_WORDS);
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_OK);
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_OK);
}

struct RngCase {
    stm32_model_rng_fault_t fault;
    int expected;
};

class RngFailure : public CorruptionArea, public ::testing::WithParamInterface<RngCase> {};

TEST_P(RngFailure, InitReturnsItsOwnCodeAndLeavesTheAreaUnsealed)
{
    stm32_periph_model_inject_rng(GetParam().fault);
    EXPECT_EQ(stack_check_init_corruption_detect_area(), GetParam().expected);
    if (GetParam().expected != STACK_CHECK_OK) {
        EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_ERR_NOT_INITIALISED);
    } else {
        EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_OK);
    }
}

std::string rng_case_name(const ::testing::TestParamInfo<RngCase> &info)
{
    static const char *const names[] = {"Healthy",       "DrdyStuck",  "SeedErrorOnce",
                                        "SeedErrorStuck", "ClockError", "RepeatOnce"};
    return names[info.param.fault];
}

INSTANTIATE_TEST_SUITE_P(
    Faults, RngFailure,
    ::testing::Values(RngCase{STM32_MODEL_RNG_DRDY_STUCK, STACK_CHECK_ERR_RNG_TIMEOUT},
                      RngCase{STM32_MODEL_RNG_SEED_ERROR_STUCK, STACK_CHECK_ERR_RNG_SEED},
                      RngCase{STM32_MODEL_RNG_CLOCK_ERROR, STACK_CHECK_ERR_RNG_CLOCK},
                      RngCase{STM32_MODEL_RNG_REPEAT_ONCE, STACK_CHECK_ERR_RNG_REPEAT},
                      RngCase{STM32_MODEL_RNG_SEED_ERROR_ONCE, STACK_CHECK_OK}),
    rng_case_name);

TEST_F(CorruptionArea, RngWithoutItsClockIsAClockError)
{
    host_port_reset(99u); // PLL off: no PLL48CLK
    EXPECT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_ERR_RNG_CLOCK);
}

TEST_F(CorruptionArea, CrcUnitReadingZeroFailsInitAndCheck)
{
    stm32_periph_model_inject_crc(STM32_MODEL_CRC_STUCK_ZERO);
    EXPECT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_ERR_CRC);
    stm32_periph_model_inject_crc(STM32_MODEL_CRC_HEALTHY);
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_OK);
    stm32_periph_model_inject_crc(STM32_MODEL_CRC_STUCK_ZERO);
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_ERR_CRC);
}

TEST_F(CorruptionArea, CrcUnitIgnoringResetFailsInit)
{
    stm32_periph_model_inject_crc(STM32_MODEL_CRC_RESET_IGNORED);
    EXPECT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_ERR_CRC);
}

TEST_F(CorruptionArea, CrcUnitComputingWrongFailsInitAndIsNeverOkAfterwards)
{
    stm32_periph_model_inject_crc(STM32_MODEL_CRC_WRONG_RESULT);
    EXPECT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_ERR_CRC);
    stm32_periph_model_inject_crc(STM32_MODEL_CRC_HEALTHY);
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_OK);
    stm32_periph_model_inject_crc(STM32_MODEL_CRC_WRONG_RESULT);
    // The wrong residue sends the check to the unit's self-test, whose known
    // answer is wrong too: a unit fault, not a corrupted area.
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_ERR_CRC);
    stm32_periph_model_inject_crc(STM32_MODEL_CRC_HEALTHY);
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_OK) << "the control: a healthy unit again";
}

// Without a read-back on the per-cycle path: a unit whose clock another
// driver turned off reads 0 (RM0090 §7.3.10), which is not the residue.
TEST_F(CorruptionArea, CrcUnitLosingItsClockAfterTheSealIsACrcFault)
{
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_OK);
    const uint32_t ahb1enr = BOARD_RCC_BASE + RCC_AHB1ENR_OFFSET;
    stm32_mmio_write32(ahb1enr, reg(ahb1enr) & ~RCC_AHB1ENR_CRCEN);
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_ERR_CRC);
    stm32_mmio_write32(ahb1enr, reg(ahb1enr) | RCC_AHB1ENR_CRCEN);
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_OK);
}

}  // namespace
