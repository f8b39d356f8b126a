// The PWR and RTC/backup-register models of the QEMU_NETDUINOPLUS2 nanoCLR's
// emulation (native-interop/models/stm32/stm32_backup_domain_model.h).
#include <gtest/gtest.h>

extern "C" {
#include "stm32_backup_domain_model.h"
}

namespace {

constexpr uint32_t kPwrCr = STM32_MODEL_PWR_BASE + 0x00u;
constexpr uint32_t kPwrCsr = STM32_MODEL_PWR_BASE + 0x04u;
constexpr uint32_t kDbp = 1u << 8;
constexpr uint32_t kRtcIsr = STM32_MODEL_RTC_BASE + 0x0Cu;
constexpr uint32_t kBkp0 = STM32_MODEL_RTC_BASE + STM32_MODEL_RTC_BKP0R_OFFSET;
constexpr uint32_t kBkp19 = kBkp0 + 4u * (STM32_MODEL_RTC_BKP_COUNT - 1u);

uint32_t rd(uint32_t a) { return stm32_backup_domain_model_read(a, 4); }
void wr(uint32_t a, uint32_t v) { stm32_backup_domain_model_write(a, v, 4); }

class BackupDomainModel : public ::testing::Test {
protected:
    void SetUp() override
    {
        stm32_backup_domain_model_reset();
        wr(kPwrCr, kDbp);
        for (uint32_t a = kBkp0; a <= kBkp19; a += 4u) {
            wr(a, 0u);
        }
        wr(kPwrCr, 0u);
    }
};

TEST_F(BackupDomainModel, VoltageRegulatorIsReady)
{
    EXPECT_EQ(rd(kPwrCsr) & (1u << 14), 1u << 14); // VOSRDY: ChibiOS's clock start-up waits on it
    EXPECT_EQ(rd(kPwrCsr) & (1u << 3), 0u);        // BRR follows BRE
    wr(kPwrCsr, 1u << 9);
    EXPECT_EQ(rd(kPwrCsr) & ((1u << 9) | (1u << 3)), (1u << 9) | (1u << 3));
}

TEST_F(BackupDomainModel, BackupRegistersAreWriteProtectedUntilDbp)
{
    wr(kBkp0, 0x12345678u);
    EXPECT_EQ(rd(kBkp0), 0u);
    wr(kPwrCr, kDbp);
    EXPECT_EQ(rd(kPwrCr), kDbp);
    wr(kBkp0, 0x12345678u);
    wr(kBkp19, 0xCAFEF00Du);
    EXPECT_EQ(rd(kBkp0), 0x12345678u);
    EXPECT_EQ(rd(kBkp19), 0xCAFEF00Du);
    EXPECT_EQ(rd(kBkp19 + 4u), 0u); // past BKP19R: nothing
}

TEST_F(BackupDomainModel, BackupRegistersSurviveASystemResetButNotDamage)
{
    wr(kPwrCr, kDbp);
    wr(kBkp0 + 8u, 0xA5A5A5A5u);
    stm32_backup_domain_model_reset();
    EXPECT_EQ(rd(kBkp0 + 8u), 0xA5A5A5A5u);
    EXPECT_EQ(rd(kPwrCr), 0u); // PWR itself is reset: DBP off again
    wr(kBkp0 + 8u, 0u);        // write-protected: kept
    EXPECT_EQ(rd(kBkp0 + 8u), 0xA5A5A5A5u);
}

TEST_F(BackupDomainModel, DamagedRetainedStateReadsAsAPowerOn)
{
    wr(kPwrCr, kDbp);
    wr(kBkp0, 0x11111111u);
    wr(kBkp19, 0x22222222u);
    stm32_backup_domain_model_damage(5u, 1u << 3);
    stm32_backup_domain_model_reset();
    EXPECT_EQ(rd(kBkp0), 0u);
    EXPECT_EQ(rd(kBkp19), 0u);
    EXPECT_EQ(rd(kBkp0 + 4u * 5u), 0u);
}

TEST_F(BackupDomainModel, WritesPastBkp19RTouchNothing)
{
    wr(kPwrCr, kDbp);
    wr(kBkp0, 0x0BADCAFEu);
    wr(kBkp19 + 4u, 0xFFFFFFFFu);
    wr(kBkp19 + 8u, 0xFFFFFFFFu);
    EXPECT_EQ(rd(kBkp19 + 4u), 0u);
    stm32_backup_domain_model_reset();
    EXPECT_EQ(rd(kBkp0), 0x0BADCAFEu); // the retained state stayed valid
}

TEST_F(BackupDomainModel, ByteAndHalfWordLanes)
{
    wr(kPwrCr, kDbp);
    stm32_backup_domain_model_write(kBkp0 + 1u, 0xABu, 1);
    stm32_backup_domain_model_write(kBkp0 + 2u, 0x1234u, 2);
    EXPECT_EQ(rd(kBkp0), 0x1234AB00u);
    EXPECT_EQ(stm32_backup_domain_model_read(kBkp0 + 2u, 2), 0x1234u);
    EXPECT_EQ(stm32_backup_domain_model_read(kBkp0 + 1u, 1), 0xABu);
}

TEST_F(BackupDomainModel, RtcInitFlagFollowsInit)
{
    EXPECT_EQ(rd(kRtcIsr) & (1u << 6), 0u);
    wr(kPwrCr, kDbp);
    wr(kRtcIsr, 1u << 7);
    EXPECT_EQ(rd(kRtcIsr) & ((1u << 6) | (1u << 5)), (1u << 6) | (1u << 5));
    wr(kRtcIsr, 0u);
    EXPECT_EQ(rd(kRtcIsr) & (1u << 6), 0u);
}

} // namespace
