// The retained fault record (native-interop/core/fault_record.c): saved by a
// fault handler, validated once at the next boot, never trusted when damaged,
// kept until acknowledged.
// A "reset" here is a second call of stack_check_fault_boot(): the retained
// record is an ordinary object on the host.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>

#include "crc_reference.h"

extern "C" {
#include "fault_record.h"
#include "stack_check.h"
extern volatile stack_check_fault_record_t stack_check_retained_fault;
}

namespace {

stack_check_fault_record_t sample_fault()
{
    stack_check_fault_record_t fault{};
    fault.cause = STACK_CHECK_FAULT_CAUSE_HARDFAULT;
    fault.flags = 0;
    fault.stack = STACK_CHECK_FAULT_STACK_MAIN;
    fault.cfsr = 0x00009200u;
    fault.hfsr = 0x40000000u;
    fault.bfar = 0x1FFFFFE0u;
    fault.msp = 0x1FFFFFE0u;
    fault.exc_return = 0xFFFFFFF9u;
    return fault;
}

uint32_t *retained_words()
{
    return const_cast<uint32_t *>(reinterpret_cast<volatile uint32_t *>(&stack_check_retained_fault));
}

void clear_retained()
{
    std::memset(retained_words(), 0, sizeof(stack_check_fault_record_t));
}

}  // namespace

TEST(FaultRecord, BlankRamMeansNoFault)
{
    clear_retained();
    EXPECT_EQ(STACK_CHECK_OK, stack_check_fault_boot(false));
    stack_check_fault_record_t out;
    std::memset(&out, 0xA5, sizeof out);
    EXPECT_EQ(STACK_CHECK_OK, stack_check_last_fault(&out));
    EXPECT_EQ(0u, out.magic);
    EXPECT_EQ(0u, out.cfsr);
}

TEST(FaultRecord, SavedFaultIsReportedUntilAcknowledged)
{
    clear_retained();
    stack_check_set_cycle(1234u);
    stack_check_fault_save(&(const stack_check_fault_record_t &)sample_fault());

    ASSERT_EQ(STACK_CHECK_FAULT_RECORDED, stack_check_fault_boot(false));
    stack_check_fault_record_t out{};
    ASSERT_EQ(STACK_CHECK_FAULT_RECORDED, stack_check_last_fault(&out));
    EXPECT_EQ(STACK_CHECK_FAULT_RECORD_MAGIC, out.magic);
    EXPECT_EQ(STACK_CHECK_FAULT_RECORD_VERSION, out.version);
    EXPECT_EQ(0x00009200u, out.cfsr);
    EXPECT_EQ(0x40000000u, out.hfsr);
    EXPECT_EQ(0x1FFFFFE0u, out.bfar);
    EXPECT_EQ(0xFFFFFFF9u, out.exc_return);
    EXPECT_EQ(1234u, out.cycle);
    EXPECT_EQ(static_cast<uint32_t>(STACK_CHECK_FAULT_STACK_MAIN), out.stack);
    EXPECT_EQ(1u, out.count);
    // The seal is the STM32 CRC over the 17 words before it (independent reference).
    EXPECT_EQ(crc32_stm32_words(reinterpret_cast<const uint32_t *>(&out), 17), out.crc);

    // Not yet in durable storage: a reset now (a second boot) reports it again.
    EXPECT_EQ(STACK_CHECK_FAULT_RECORD_MAGIC, retained_words()[0]);
    ASSERT_EQ(STACK_CHECK_FAULT_RECORDED, stack_check_fault_boot(false));
    EXPECT_EQ(1234u, (stack_check_last_fault(&out), out.cycle));

    // Acknowledged: sealed empty, and the next boot finds none.
    EXPECT_EQ(STACK_CHECK_OK, stack_check_fault_acknowledge());
    EXPECT_EQ(STACK_CHECK_FAULT_RECORD_EMPTY, retained_words()[0]);
    EXPECT_EQ(STACK_CHECK_OK, stack_check_fault_boot(false));
    EXPECT_EQ(STACK_CHECK_OK, stack_check_last_fault(nullptr));
    EXPECT_EQ(STACK_CHECK_OK, stack_check_fault_acknowledge()) << "a second acknowledgement changes nothing";
    EXPECT_EQ(STACK_CHECK_OK, stack_check_fault_boot(false));
}

TEST(FaultRecord, FaultsBeforeTheAcknowledgementAreAllCounted)
{
    clear_retained();
    stack_check_fault_record_t first = sample_fault();
    stack_check_fault_save(&first);
    ASSERT_EQ(STACK_CHECK_FAULT_RECORDED, stack_check_fault_boot(false));
    // The fault recurs before the evidence is stored: the new record keeps the
    // new registers and counts both faults.
    stack_check_fault_record_t second = sample_fault();
    second.cfsr = 0x00000400u;
    stack_check_fault_save(&second);
    stack_check_fault_save(&second);
    ASSERT_EQ(STACK_CHECK_FAULT_RECORDED, stack_check_fault_boot(false));
    stack_check_fault_record_t out{};
    stack_check_last_fault(&out);
    EXPECT_EQ(3u, out.count);
    EXPECT_EQ(0x00000400u, out.cfsr);

    // Acknowledged, the count starts over.
    ASSERT_EQ(STACK_CHECK_OK, stack_check_fault_acknowledge());
    stack_check_fault_save(&second);
    ASSERT_EQ(STACK_CHECK_FAULT_RECORDED, stack_check_fault_boot(false));
    stack_check_last_fault(&out);
    EXPECT_EQ(1u, out.count);

    // A damaged record is not counted on: the next fault counts 1.
    retained_words()[6] ^= 1u;
    stack_check_fault_save(&second);
    ASSERT_EQ(STACK_CHECK_FAULT_RECORDED, stack_check_fault_boot(false));
    stack_check_last_fault(&out);
    EXPECT_EQ(1u, out.count);
    stack_check_fault_acknowledge();
}

TEST(FaultRecord, CountSaturates)
{
    clear_retained();
    stack_check_fault_record_t fault = sample_fault();
    stack_check_fault_save(&fault);
    // Forge a record at the top of the count, sealed as save() seals it.
    uint32_t *words = retained_words();
    words[16] = UINT32_MAX;
    words[17] = crc32_stm32_words(words, 17);
    stack_check_fault_save(&fault);
    ASSERT_EQ(STACK_CHECK_FAULT_RECORDED, stack_check_fault_boot(false));
    stack_check_fault_record_t out{};
    stack_check_last_fault(&out);
    EXPECT_EQ(UINT32_MAX, out.count);
    stack_check_fault_acknowledge();
}

TEST(FaultRecord, ARecordOfAnotherFormatIsNotCountedOn)
{
    // A record sealed by another format version (its magic and CRC right, its
    // version not), never acknowledged: its count means nothing to this
    // format, so the next fault counts 1.
    clear_retained();
    stack_check_fault_record_t fault = sample_fault();
    stack_check_fault_save(&fault);
    uint32_t *words = retained_words();
    words[1] = STACK_CHECK_FAULT_RECORD_VERSION - 1u;
    words[16] = 5u;
    words[17] = crc32_stm32_words(words, 17);
    stack_check_fault_save(&fault);
    ASSERT_EQ(STACK_CHECK_FAULT_RECORDED, stack_check_fault_boot(false));
    stack_check_fault_record_t out{};
    stack_check_last_fault(&out);
    EXPECT_EQ(1u, out.count);
    stack_check_fault_acknowledge();
}

TEST(FaultRecord, DamageIsReportedUntilAcknowledged)
{
    clear_retained();
    stack_check_fault_record_t fault = sample_fault();
    stack_check_fault_save(&fault);
    retained_words()[5] ^= 0x100u;
    EXPECT_EQ(STACK_CHECK_ERR_RECORD_CRC, stack_check_fault_boot(false));
    EXPECT_EQ(STACK_CHECK_ERR_RECORD_CRC, stack_check_fault_boot(false)) << "damage is evidence too: kept until stored";
    EXPECT_EQ(STACK_CHECK_OK, stack_check_fault_acknowledge());
    EXPECT_EQ(STACK_CHECK_OK, stack_check_fault_boot(false));
}

TEST(FaultRecord, PowerOnNoiseIsNotDamageOnTheNextWarmReset)
{
    for (uint32_t i = 0; i < STACK_CHECK_FAULT_RECORD_WORDS; i++) {
        retained_words()[i] = 0x9E3779B9u * (i + 1u);
    }
    ASSERT_EQ(STACK_CHECK_OK, stack_check_fault_boot(true));
    // No acknowledgement (nothing to store): a warm reset must not find damage.
    EXPECT_EQ(STACK_CHECK_OK, stack_check_fault_boot(false));
}

TEST(FaultRecord, EveryFlippedBitIsReportedNeverTrusted)
{
    // Control first: the unflipped record is recorded.
    for (unsigned bit = 0; bit < 32u * STACK_CHECK_FAULT_RECORD_WORDS; bit++) {
        clear_retained();
        stack_check_fault_save(&(const stack_check_fault_record_t &)sample_fault());
        retained_words()[bit / 32u] ^= 1u << (bit % 32u);
        const int status = stack_check_fault_boot(false);
        const unsigned word = bit / 32u;
        if (word == 0) {
            EXPECT_EQ(STACK_CHECK_ERR_RECORD_MAGIC, status) << "bit " << bit;
        } else if (word == 1) {
            EXPECT_EQ(STACK_CHECK_ERR_RECORD_VERSION, status) << "bit " << bit;
        } else {
            EXPECT_EQ(STACK_CHECK_ERR_RECORD_CRC, status) << "bit " << bit;
        }
        stack_check_fault_record_t out;
        std::memset(&out, 0xA5, sizeof out);
        EXPECT_EQ(status, stack_check_last_fault(&out));
        EXPECT_EQ(0u, out.cfsr) << "a damaged record must not be handed out";
    }
}

TEST(FaultRecord, DamagedEmptyMarkerIsReported)
{
    clear_retained();
    ASSERT_EQ(STACK_CHECK_OK, stack_check_fault_boot(false));  // seals the empty marker
    retained_words()[5] ^= 0x10u;                              // a stray write into the store
    EXPECT_EQ(STACK_CHECK_ERR_RECORD_CRC, stack_check_fault_boot(false));
}

TEST(FaultRecord, NoiseIsDamageUnlessThePowerWasOff)
{
    for (uint32_t i = 0; i < STACK_CHECK_FAULT_RECORD_WORDS; i++) {
        retained_words()[i] = 0x9E3779B9u * (i + 1u);
    }
    EXPECT_EQ(STACK_CHECK_ERR_RECORD_MAGIC, stack_check_fault_boot(false));
    for (uint32_t i = 0; i < STACK_CHECK_FAULT_RECORD_WORDS; i++) {
        retained_words()[i] = 0x9E3779B9u * (i + 1u);
    }
    EXPECT_EQ(STACK_CHECK_OK, stack_check_fault_boot(true));
    // A valid record survives a power-on flag too (battery-backed storage).
    stack_check_fault_save(&(const stack_check_fault_record_t &)sample_fault());
    EXPECT_EQ(STACK_CHECK_FAULT_RECORDED, stack_check_fault_boot(true));
    stack_check_fault_acknowledge();
}

// CTest runs every test in a process of its own (gtest_discover_tests), so
// here stack_check_fault_boot() has not run yet.
TEST(FaultRecord, AcknowledgeBeforeBootChangesNothing)
{
    clear_retained();
    stack_check_fault_record_t fault = sample_fault();
    stack_check_fault_save(&fault);
    EXPECT_EQ(STACK_CHECK_ERR_NOT_INITIALISED, stack_check_fault_acknowledge());
    EXPECT_EQ(STACK_CHECK_FAULT_RECORD_MAGIC, retained_words()[0]) << "an acknowledgement before boot must not drop a fault";
    EXPECT_EQ(STACK_CHECK_FAULT_RECORDED, stack_check_fault_boot(false));
}

// stack_check_last_fault_word() at and beyond both ends of the record: every
// index outside 0..STACK_CHECK_FAULT_RECORD_WORDS-1 gives 0, never a word of
// the memory around the boot's copy (under ASan a stray read is an error too).
TEST(FaultRecord, WordIndexOutsideTheRecordGivesZero)
{
    clear_retained();
    stack_check_fault_record_t fault = sample_fault();
    stack_check_fault_save(&fault);
    ASSERT_EQ(STACK_CHECK_FAULT_RECORDED, stack_check_fault_boot(false));
    EXPECT_EQ(STACK_CHECK_FAULT_RECORD_MAGIC, stack_check_last_fault_word(0));
    EXPECT_NE(0u, stack_check_last_fault_word(STACK_CHECK_FAULT_RECORD_WORDS - 1)) << "the CRC word";
    for (int32_t index : {-1, -2, INT32_MIN, (int32_t)STACK_CHECK_FAULT_RECORD_WORDS, INT32_MAX}) {
        EXPECT_EQ(0u, stack_check_last_fault_word(index)) << index;
    }
    stack_check_fault_acknowledge();
}
