// The chibios port (native-interop/ports/chibios) with the C core, compiled
// against the stand-in ChibiOS/nanoFramework headers and run against test
// doubles of the thread, the CRC driver (with its lock) and the RNG driver.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <vector>

#include "crc_reference.h"

extern "C" {
#include "ch.h"
#include "hal.h"
#include "hal_nf_community.h"
#include "stack_check.h"

// The area the board's linker script would place: 32 words.
uint32_t chibios_test_area[32];
}

__asm__(".globl __stack_corruption_area_start__\n"
        ".set __stack_corruption_area_start__, chibios_test_area\n"
        ".globl __stack_corruption_area_end__\n"
        ".set __stack_corruption_area_end__, chibios_test_area + 128\n"
        ".globl __stack_corruption_area_words__\n"
        ".set __stack_corruption_area_words__, 32\n");

namespace {

// A working area whose thread_t sits at its top, as ChibiOS lays it out.
alignas(8) uint8_t working_area[4096 + sizeof(thread_t)];
thread_t *const self = reinterpret_cast<thread_t *>(working_area + 4096);
uintptr_t psp;

struct CrcDouble {
    int held = 0;
    int acquisitions = 0;
    int computes_outside_lock = 0;
    int starts = 0;
    uint32_t last_size = 0;
    uint32_t last_initial = 0;
    bool broken = false;
    int break_after = -1;  // computes that stay right before the driver breaks (-1: never)
    int computes = 0;
} crc;

struct RngDouble {
    std::vector<uint32_t> words;
    size_t next = 0;
    int starts = 0;
} rng;

uint32_t crc32_mpeg2_bytes_from(uint32_t initial, const uint8_t *bytes, size_t count)
{
    uint32_t value = initial;
    for (size_t i = 0; i < count; i++) {
        value ^= static_cast<uint32_t>(bytes[i]) << 24;
        for (int bit = 0; bit < 8; bit++) {
            value = (value & 0x80000000u) ? (value << 1) ^ 0x04C11DB7u : value << 1;
        }
    }
    return value;
}

class ChibiosPort : public ::testing::Test {
protected:
    void SetUp() override
    {
        self->wabase = reinterpret_cast<stkalign_t *>(working_area);
        psp = reinterpret_cast<uintptr_t>(working_area) + 3000;
        crc = CrcDouble{};
        rng = RngDouble{};
        for (uint32_t i = 0; i < 200; i++) {
            rng.words.push_back(0x9E3779B9u * (i + 1));
        }
    }
};

}  // namespace

extern "C" {

thread_t *chThdGetSelfX(void) { return self; }

uintptr_t __get_PSP(void) { return psp; }

void crcStart(const crcConfig *config)
{
    EXPECT_EQ(config, nullptr) << "only crcStart(NULL) is safe (custom configs are broken in the driver)";
    crc.starts++;
}

void crcReset(void) {}

uint32_t crcCompute(const void *buffer, const uint32_t size, const uint32_t initialCrc)
{
    if (crc.held == 0) {
        crc.computes_outside_lock++;
    }
    crc.last_size = size;
    crc.last_initial = initialCrc;
    const uint32_t value = crc32_mpeg2_bytes_from(initialCrc, static_cast<const uint8_t *>(buffer), size);
    if (crc.break_after >= 0 && crc.computes++ >= crc.break_after) {
        crc.broken = true;
    }
    return crc.broken ? value ^ 1u : value;
}

void crcAquireModule(void)
{
    crc.held++;
    crc.acquisitions++;
}

void crcReleaseModule(void) { crc.held--; }

void rngStart(void) { rng.starts++; }

uint32_t rngGenerateRandomNumber(void) { return rng.next < rng.words.size() ? rng.words[rng.next++] : 0u; }

bool rngGenerate(size_t, uint8_t *) { return false; }

}  // extern "C"

TEST_F(ChibiosPort, StackIsTheRunningThreadsWorkingArea)
{
    EXPECT_EQ(stack_check_get_free(), 3000);
    EXPECT_EQ(stack_check_get_size(), 4096);
    psp = reinterpret_cast<uintptr_t>(working_area) - 8u;
    EXPECT_EQ(stack_check_get_free(), -8);
}

TEST_F(ChibiosPort, SealsThroughTheCrcDriverUnderItsLock)
{
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_OK);
    EXPECT_EQ(crc.held, 0) << "lock left taken";
    EXPECT_EQ(crc.computes_outside_lock, 0);
    EXPECT_GE(crc.starts, 2);
    EXPECT_EQ(crc.last_size, 32u * 4u) << "crcCompute() takes bytes; the last pass is the seal's proof over all 32 words";
    EXPECT_EQ(crc.last_initial, 0xFFFFFFFFu);
    EXPECT_EQ(rng.starts, 1);
    EXPECT_EQ(rng.next, 32u) << "31 words plus the one that primes the continuous test";
    // The driver reads the seal's bytes in memory order: the seal is the
    // byte-swapped CRC of the 31 words XOR the seal offset, and the CRC of
    // all 128 bytes is the residue.
    EXPECT_EQ(chibios_test_area[31],
              __builtin_bswap32(crc32_mpeg2(reinterpret_cast<const uint8_t *>(chibios_test_area), 31 * 4) ^
                                STACK_CHECK_SEAL_XOR));
    EXPECT_EQ(crc32_mpeg2(reinterpret_cast<const uint8_t *>(chibios_test_area), 32 * 4), STACK_CHECK_SEAL_RESIDUE);
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_OK);
    EXPECT_EQ(crc.held, 0);
}

TEST_F(ChibiosPort, EveryByteOfTheAreaIsChecked)
{
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_OK);
    auto *bytes = reinterpret_cast<uint8_t *>(chibios_test_area);
    for (size_t offset = 0; offset < sizeof chibios_test_area; offset++) {
        bytes[offset] ^= 0x10u;
        EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_ERR_CORRUPTED) << "byte " << offset;
        bytes[offset] ^= 0x10u;
    }
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_OK);
}

TEST_F(ChibiosPort, CrcDriverGivingWrongAnswersFailsTheKnownAnswerTest)
{
    crc.broken = true;
    EXPECT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_ERR_CRC);
    EXPECT_EQ(crc.held, 0);
    EXPECT_EQ(rng.starts, 0) << "RNG started although the CRC failed";
}

// A driver that passes its known answer and then goes wrong seals a wrong
// word: the initialisation's proof through the check refuses it.
TEST_F(ChibiosPort, CrcDriverGoingWrongAfterItsKnownAnswerFailsTheSealsProof)
{
    crc.break_after = 1;  // the known answer is right, the seal's CRC is not
    EXPECT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_ERR_CRC);
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_ERR_NOT_INITIALISED) << "left sealed";
    EXPECT_EQ(crc.held, 0);
    crc = CrcDouble{};
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_OK) << "the control: a driver that stays right";
}

// After the seal: a wrong CRC from a driver that now fails its known answer
// is a CRC fault; from a healthy driver, a corrupted area.
TEST_F(ChibiosPort, MismatchIsTheDriversFaultOnlyWhenItsKnownAnswerFails)
{
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_OK);
    crc.broken = true;
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_ERR_CRC);
    crc.broken = false;
    chibios_test_area[3] ^= 0x100u;
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_ERR_CORRUPTED);
    chibios_test_area[3] ^= 0x100u;
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_OK);
}

TEST_F(ChibiosPort, RngTimeoutIsReported)
{
    rng.words.assign(5, 0x12345u);
    rng.words[3] = 0u;  // the driver's timeout value
    rng.words[0] = 1u;
    rng.words[1] = 2u;
    rng.words[2] = 3u;
    EXPECT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_ERR_RNG_TIMEOUT);
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_ERR_NOT_INITIALISED);
}

TEST_F(ChibiosPort, RepeatedRngWordFailsTheContinuousTest)
{
    rng.words[6] = rng.words[5];
    EXPECT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_ERR_RNG_REPEAT);
}

TEST_F(ChibiosPort, EveryFillRestartsTheContinuousTest)
{
    // The RNG is started again for every fill (nanoFramework's mbedTLS hook
    // stops it), so the first word of each fill only primes the test again.
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_OK);
    ASSERT_EQ(rng.next, 32u);
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_OK);
    EXPECT_EQ(rng.next, 64u) << "the second fill used its first word";
    EXPECT_EQ(rng.starts, 2);
}
