// The emulation's register models: RCC ready bits and the CRC/RNG register
// behaviour that the drivers and the QEMU board rely on.
#include "stm32_fixture.h"

namespace {

class PeriphModel : public ::testing::Test {
protected:
    void SetUp() override { stm32_periph_model_reset(1u); }
    static uint32_t read(uint32_t address) { return stm32_periph_model_read(address, 4); }
    static void write(uint32_t address, uint32_t value) { stm32_periph_model_write(address, value, 4); }
    static constexpr uint32_t kCr = BOARD_RCC_BASE + RCC_CR_OFFSET;
    static constexpr uint32_t kCfgr = BOARD_RCC_BASE + RCC_CFGR_OFFSET;
    static constexpr uint32_t kRngCr = BOARD_RNG_BASE + RNG_CR_OFFSET;
    static constexpr uint32_t kRngSr = BOARD_RNG_BASE + RNG_SR_OFFSET;
    // RNG clocked, PLL (from HSI) on, RNGEN set; then RNG_SR read until
    // `bits` show (at most 10 reads). Returns the last RNG_SR.
    static uint32_t start_rng_until(uint32_t bits)
    {
        write(BOARD_RCC_BASE + RCC_AHB2ENR_OFFSET, RCC_AHB2ENR_RNGEN);
        write(kCr, read(kCr) | RCC_CR_PLLON);
        write(kRngCr, RNG_CR_RNGEN);
        uint32_t sr = 0;
        for (int i = 0; i < 10 && (sr & bits) == 0u; i++) {
            sr = read(kRngSr);
        }
        return sr;
    }
};

TEST_F(PeriphModel, RccResetStateRunsOnHsi)
{
    EXPECT_EQ(read(kCr) & (RCC_CR_HSION | RCC_CR_HSIRDY), RCC_CR_HSION | RCC_CR_HSIRDY);
    EXPECT_EQ(read(kCr) & (RCC_CR_HSERDY | RCC_CR_PLLRDY), 0u);
}

TEST_F(PeriphModel, ReadyBitsFollowTheEnables)
{
    write(kCr, read(kCr) | RCC_CR_HSEON);
    EXPECT_NE(read(kCr) & RCC_CR_HSERDY, 0u);
    write(BOARD_RCC_BASE + RCC_PLLCFGR_OFFSET, RCC_PLLCFGR_PLLSRC_HSE);
    write(kCr, read(kCr) | RCC_CR_PLLON);
    EXPECT_NE(read(kCr) & RCC_CR_PLLRDY, 0u);
    // Software cannot set a ready bit by writing it.
    write(kCr, RCC_CR_HSIRDY | RCC_CR_HSERDY | RCC_CR_PLLRDY);
    EXPECT_EQ(read(kCr) & (RCC_CR_HSIRDY | RCC_CR_HSERDY | RCC_CR_PLLRDY), 0u);
}

TEST_F(PeriphModel, PllFromHseWaitsForHse)
{
    write(BOARD_RCC_BASE + RCC_PLLCFGR_OFFSET, RCC_PLLCFGR_PLLSRC_HSE);
    write(kCr, read(kCr) | RCC_CR_PLLON);
    EXPECT_EQ(read(kCr) & RCC_CR_PLLRDY, 0u);
}

TEST_F(PeriphModel, SwitchStatusFollowsAReadyClock)
{
    write(kCfgr, RCC_CFGR_SW_PLL);
    EXPECT_EQ((read(kCfgr) >> RCC_CFGR_SWS_SHIFT) & 3u, 0u) << "switched to a PLL that is off";
    write(BOARD_RCC_BASE + RCC_PLLCFGR_OFFSET, 0u); // PLL from HSI
    write(kCr, read(kCr) | RCC_CR_PLLON);
    write(kCfgr, RCC_CFGR_SW_PLL);
    EXPECT_EQ((read(kCfgr) >> RCC_CFGR_SWS_SHIFT) & 3u, RCC_CFGR_SW_PLL);
}

TEST_F(PeriphModel, ClaimsExactlyItsWindows)
{
    EXPECT_TRUE(stm32_periph_model_claims(BOARD_RCC_BASE));
    EXPECT_TRUE(stm32_periph_model_claims(BOARD_RCC_BASE + 0x400u)); // FLASH_ACR
    EXPECT_TRUE(stm32_periph_model_claims(BOARD_CRC_BASE + CRC_IDR_OFFSET));
    EXPECT_TRUE(stm32_periph_model_claims(BOARD_RNG_BASE + RNG_DR_OFFSET));
    EXPECT_FALSE(stm32_periph_model_claims(BOARD_RNG_BASE + 0x400u));
    EXPECT_FALSE(stm32_periph_model_claims(0x40000000u)); // TIM2: QEMU's own
    EXPECT_FALSE(stm32_periph_model_claims(0x20000000u));
}

TEST_F(PeriphModel, UnclockedBlocksReadZeroAndIgnoreWrites)
{
    EXPECT_EQ(read(BOARD_CRC_BASE + CRC_DR_OFFSET), 0u);
    write(BOARD_CRC_BASE + CRC_IDR_OFFSET, 0x42u);
    write(BOARD_RCC_BASE + RCC_AHB1ENR_OFFSET, RCC_AHB1ENR_CRCEN);
    EXPECT_EQ(read(BOARD_CRC_BASE + CRC_IDR_OFFSET), 0u);
    EXPECT_EQ(read(BOARD_CRC_BASE + CRC_DR_OFFSET), CRC_INITIAL_VALUE);
    EXPECT_EQ(stm32_periph_model_stats()->unclocked_accesses, 2u);
}

TEST_F(PeriphModel, CrcIdrIsAnEightBitScratchThatResetLeavesAlone)
{
    write(BOARD_RCC_BASE + RCC_AHB1ENR_OFFSET, RCC_AHB1ENR_CRCEN);
    write(BOARD_CRC_BASE + CRC_IDR_OFFSET, 0x1A5u);
    write(BOARD_CRC_BASE + CRC_CR_OFFSET, CRC_CR_RESET);
    EXPECT_EQ(read(BOARD_CRC_BASE + CRC_IDR_OFFSET), 0xA5u);
}

TEST_F(PeriphModel, NarrowAccessesSeeTheirByteLanes)
{
    write(BOARD_RCC_BASE + 0x40u, 0x11223344u); // RCC_APB1ENR: plain storage
    EXPECT_EQ(stm32_periph_model_read(BOARD_RCC_BASE + 0x41u, 1), 0x33u);
    EXPECT_EQ(stm32_periph_model_read(BOARD_RCC_BASE + 0x42u, 2), 0x1122u);
    stm32_periph_model_write(BOARD_RCC_BASE + 0x43u, 0xAAu, 1);
    EXPECT_EQ(read(BOARD_RCC_BASE + 0x40u), 0xAA223344u);
}

TEST_F(PeriphModel, RngSeedErrorNeedsSeisClearedBeforeTheRestart)
{
    stm32_periph_model_inject_rng(STM32_MODEL_RNG_SEED_ERROR_ONCE);
    const uint32_t rng_cr = kRngCr;
    const uint32_t rng_sr = kRngSr;
    ASSERT_NE(start_rng_until(RNG_SR_SECS) & RNG_SR_SECS, 0u);
    // Restart without clearing SEIS: the error stays.
    write(rng_cr, 0u);
    write(rng_cr, RNG_CR_RNGEN);
    EXPECT_NE(read(rng_sr) & RNG_SR_SECS, 0u);
    // Clear SEIS (write 0), then restart: recovered.
    write(rng_sr, RNG_SR_CEIS);
    write(rng_cr, 0u);
    write(rng_cr, RNG_CR_RNGEN);
    EXPECT_EQ(read(rng_sr) & (RNG_SR_SECS | RNG_SR_SEIS), 0u);
    EXPECT_EQ(stm32_periph_model_stats()->rng_recoveries, 1u);
}

TEST_F(PeriphModel, RngWordLeftInDrSurvivesRngenOffAndOn)
{
    // RM0090 §24.3.3: with RNGEN cleared the word in RNG_DR stays readable;
    // a driver restarting the RNG may see it as the first word.
    ASSERT_NE(start_rng_until(RNG_SR_DRDY) & RNG_SR_DRDY, 0u);
    write(kRngCr, 0u);
    write(kRngCr, RNG_CR_RNGEN);
    EXPECT_NE(read(kRngSr) & RNG_SR_DRDY, 0u) << "the ready word was dropped by the restart";
    EXPECT_EQ(stm32_periph_model_stats()->rng_enables, 2u);
}

TEST_F(PeriphModel, UnclockedRngReadsZeroAndIgnoresWrites)
{
    const uint32_t rng_cr = BOARD_RNG_BASE + RNG_CR_OFFSET;
    write(rng_cr, RNG_CR_RNGEN);
    EXPECT_EQ(read(rng_cr), 0u);
    EXPECT_EQ(read(BOARD_RNG_BASE + RNG_SR_OFFSET), 0u);
    EXPECT_EQ(stm32_periph_model_stats()->unclocked_accesses, 3u);
    EXPECT_EQ(stm32_periph_model_stats()->rng_enables, 0u);
    write(BOARD_RCC_BASE + RCC_AHB2ENR_OFFSET, RCC_AHB2ENR_RNGEN);
    EXPECT_EQ(read(rng_cr), 0u) << "the unclocked write took effect";
}

}  // namespace
