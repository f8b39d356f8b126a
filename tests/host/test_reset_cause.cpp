// RCC_CSR's reset flags: the emulated board's RCC model
// (native-interop/models/stm32/stm32_periph_model.c), which must keep
// them as RM0090 §7.3.21 (§6.3.21 for the F42x/43x; RM0410 §5.3.21) says, and
// the register-level driver (native-interop/drivers/stm32/stm32_reset_cause.c)
// that bare-metal start-up reads and clears them with, run against it.
#include <gtest/gtest.h>

#include <cstdint>

extern "C" {
#include "board.h"
#include "stm32_mmio.h"
#include "stm32_periph_model.h"
#include "stm32_regs.h"
#include "stm32_reset_cause.h"
}

namespace {

constexpr uint32_t kCsr = BOARD_RCC_BASE + RCC_CSR_OFFSET;
constexpr uint32_t kFlags = 0xFE000000u; // bits 25-31
constexpr uint32_t kPowerOnValue = 0x0E000000u; // RCC_CSR reset value: PORRSTF, PINRSTF, BORRSTF
constexpr uint32_t kSoftware = RCC_CSR_SFTRSTF | RCC_CSR_PINRSTF;

uint32_t csr() { return stm32_mmio_read32(kCsr); }

// A power-on, then the system reset every boot of the emulated board makes.
void power_up()
{
    stm32_periph_model_power_on();
    stm32_periph_model_reset(1u);
}

}  // namespace

TEST(RccCsrModel, PowerOnGivesTheResetValue)
{
    power_up();
    EXPECT_EQ(kPowerOnValue, csr());
}

TEST(RccCsrModel, FlagsAreStickyAcrossSystemResetsUntilRmvf)
{
    power_up();
    stm32_periph_model_reset(2u); // a SYSRESETREQ reboot without a clear
    EXPECT_EQ(kPowerOnValue | RCC_CSR_SFTRSTF, csr());
    stm32_mmio_write32(kCsr, csr() | RCC_CSR_RMVF);
    EXPECT_EQ(0u, csr() & kFlags);
    stm32_periph_model_reset(3u);
    EXPECT_EQ(kSoftware, csr() & kFlags) << "after the clear only the new reset's flags";
    EXPECT_EQ(0u, csr() & RCC_CSR_RMVF) << "a system reset resets RMVF";
}

TEST(RccCsrModel, ResetFlagsAreReadOnly)
{
    power_up();
    stm32_mmio_write32(kCsr, 0u);
    EXPECT_EQ(kPowerOnValue, csr()) << "writing 0 clears nothing";
    stm32_periph_model_reset(2u);
    stm32_mmio_write32(kCsr, RCC_CSR_RMVF);
    stm32_mmio_write32(kCsr, kFlags);
    EXPECT_EQ(0u, csr() & kFlags) << "software cannot set a reset flag";
}

TEST(RccCsrModel, LsionIsReadWriteAndKeepsTheFlags)
{
    power_up();
    stm32_mmio_write32(kCsr, csr() | RCC_CSR_LSION);
    EXPECT_EQ(kPowerOnValue | RCC_CSR_LSION | RCC_CSR_LSIRDY, csr());
    stm32_periph_model_reset(2u);
    EXPECT_EQ(0u, csr() & (RCC_CSR_LSION | RCC_CSR_LSIRDY)) << "a system reset stops the LSI";
}

TEST(RccCsrModel, AWatchdogResetAddsItsFlagAndPinrstf)
{
    power_up();
    stm32_mmio_write32(kCsr, RCC_CSR_RMVF);
    stm32_periph_model_inject_reset(RCC_CSR_IWDGRSTF);
    stm32_periph_model_reset(2u);
    EXPECT_EQ(RCC_CSR_IWDGRSTF | RCC_CSR_PINRSTF, csr() & kFlags);
    stm32_periph_model_reset(3u);
    EXPECT_EQ(RCC_CSR_IWDGRSTF | kSoftware, csr() & kFlags) << "one reset only; the flag stays until cleared";
}

TEST(RccCsrModel, ABrownOutIsAPowerResetThatLosesTheEarlierFlags)
{
    power_up();
    stm32_periph_model_reset(2u);
    stm32_periph_model_inject_reset(RCC_CSR_BORRSTF);
    stm32_periph_model_reset(3u);
    EXPECT_EQ(RCC_CSR_BORRSTF | RCC_CSR_PINRSTF, csr() & kFlags);
}

TEST(RccCsrModel, PowerOnForgetsAnInjectedCause)
{
    power_up();
    stm32_periph_model_inject_reset(RCC_CSR_WWDGRSTF);
    power_up();
    EXPECT_EQ(kPowerOnValue, csr());
}

TEST(RccCsrModel, DamagedStateReadsAsPowerOnNeverAsStaleFlags)
{
    // Noise in the RAM where the model keeps RCC_CSR across QEMU's reboot:
    // any damage to its magic, its flags or their complement must give a
    // power-on, not flags that never happened.
    struct Damage {
        uint32_t word;
        uint32_t mask;
    };
    const Damage damages[] = {
        {0u, 1u << 3},                            // the magic
        {1u, RCC_CSR_IWDGRSTF},                   // a flag, complement not matching
        {2u, 1u << 17},                           // the complement
        {1u, 1u << 5}, {2u, 1u << 5},             // a non-flag bit, complement matching: still not a flag
    };
    for (size_t first = 0; first < 4; first++) {
        power_up();
        stm32_mmio_write32(kCsr, RCC_CSR_RMVF);
        const size_t last = first == 3 ? 5 : first + 1;
        for (size_t i = first; i < last; i++) {
            stm32_periph_model_damage_power_domain(damages[i].word, damages[i].mask);
        }
        stm32_periph_model_reset(2u);
        EXPECT_EQ(kPowerOnValue, csr()) << "damage " << first;
    }
    // Undamaged, the same sequence is a software reset: the control.
    power_up();
    stm32_mmio_write32(kCsr, RCC_CSR_RMVF);
    stm32_periph_model_reset(2u);
    EXPECT_EQ(kSoftware, csr() & kFlags);
}

TEST(ResetCauseDriver, ReadsOnlyTheResetFlags)
{
    power_up();
    stm32_mmio_write32(kCsr, RCC_CSR_LSION);
    EXPECT_EQ(kPowerOnValue, stm32_reset_flags_read());
    EXPECT_EQ(kPowerOnValue | RCC_CSR_LSION | RCC_CSR_LSIRDY, csr()) << "reading changes nothing";
}

TEST(ResetCauseDriver, ClearsEveryFlagAndKeepsTheLsi)
{
    power_up();
    stm32_mmio_write32(kCsr, RCC_CSR_LSION);
    stm32_reset_flags_clear();
    EXPECT_EQ(0u, stm32_reset_flags_read());
    EXPECT_NE(0u, csr() & RCC_CSR_LSION);
    stm32_periph_model_reset(2u);
    EXPECT_EQ(kSoftware, stm32_reset_flags_read());
}

TEST(ResetCauseDriver, PowerOnMeansPorrstfOrBorrstf)
{
    EXPECT_TRUE(stm32_reset_flags_power_on(kPowerOnValue));
    EXPECT_TRUE(stm32_reset_flags_power_on(RCC_CSR_PORRSTF));
    EXPECT_TRUE(stm32_reset_flags_power_on(RCC_CSR_BORRSTF | RCC_CSR_PINRSTF));
    EXPECT_TRUE(stm32_reset_flags_power_on(RCC_CSR_PORRSTF | RCC_CSR_SFTRSTF));
    for (const uint32_t warm : {0u, RCC_CSR_PINRSTF, kSoftware, RCC_CSR_IWDGRSTF | RCC_CSR_PINRSTF,
                                RCC_CSR_WWDGRSTF | RCC_CSR_PINRSTF, RCC_CSR_LPWRRSTF | RCC_CSR_PINRSTF,
                                RCC_CSR_LSION | RCC_CSR_LSIRDY | RCC_CSR_RMVF}) {
        EXPECT_FALSE(stm32_reset_flags_power_on(warm)) << std::hex << warm;
    }
}
