// The error memory (native-interop/core/error_memory.c): persistent flags and
// counters across "resets" (re-opening the same store), wiped and flagged
// when damaged, cleared only on request.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>

#include "crc_reference.h"

extern "C" {
#include "error_memory.h"
#include "fault_record.h"
#include "stack_check.h"
extern volatile stack_check_fault_record_t stack_check_retained_fault;
}

namespace {

struct Store {
    stack_check_error_memory_t memory{};
    uint8_t *bytes() { return reinterpret_cast<uint8_t *>(&memory); }
};

uint32_t flags_of(stack_check_error_memory_t *memory, uint16_t *counts = nullptr)
{
    uint32_t flags = 0xFFFFFFFFu;
    EXPECT_EQ(STACK_CHECK_OK, stack_check_error_memory_read(memory, &flags, counts));
    return flags;
}

}  // namespace

TEST(ErrorMemory, BlankStoreIsFormattedEmpty)
{
    Store store;
    EXPECT_EQ(STACK_CHECK_ERROR_MEMORY_FORMATTED, stack_check_error_memory_open(&store.memory, false));
    uint16_t counts[32];
    EXPECT_EQ(0u, flags_of(&store.memory, counts));
    for (uint16_t count : counts) {
        EXPECT_EQ(0u, count);
    }
    EXPECT_EQ(STACK_CHECK_OK, stack_check_error_memory_open(&store.memory, false));
}

TEST(ErrorMemory, FlagsAndCountersSurviveReopening)
{
    Store store;
    stack_check_error_memory_open(&store.memory, false);
    for (int reset = 0; reset < 5; reset++) {
        ASSERT_EQ(STACK_CHECK_OK, stack_check_error_memory_open(&store.memory, false)) << "reset " << reset;
        ASSERT_EQ(STACK_CHECK_OK, stack_check_error_memory_raise(&store.memory, ERR_FLAG_STACK, true));
        ASSERT_EQ(STACK_CHECK_OK, stack_check_error_memory_raise(&store.memory, 1u << 1, false));
    }
    uint16_t counts[32];
    EXPECT_EQ(ERR_FLAG_STACK, flags_of(&store.memory, counts));  // bit 1 was not persistent
    EXPECT_EQ(5u, counts[0]);
    EXPECT_EQ(5u, counts[1]);
    EXPECT_EQ(0u, counts[2]);
}

TEST(ErrorMemory, LayoutAndSealMatchTheDocumentedBytes)
{
    Store store;
    stack_check_error_memory_open(&store.memory, false);
    stack_check_error_memory_raise(&store.memory, (1u << 0) | (1u << 31), true);
    const uint8_t *b = store.bytes();
    auto le32 = [&](size_t at) {
        return static_cast<uint32_t>(b[at]) | static_cast<uint32_t>(b[at + 1]) << 8 |
               static_cast<uint32_t>(b[at + 2]) << 16 | static_cast<uint32_t>(b[at + 3]) << 24;
    };
    EXPECT_EQ(STACK_CHECK_ERROR_MEMORY_MAGIC, le32(0));
    EXPECT_EQ(STACK_CHECK_ERROR_MEMORY_VERSION, le32(4));
    EXPECT_EQ(0x80000001u, le32(8));
    EXPECT_EQ(1u, b[12]);        // counter 0, low byte
    EXPECT_EQ(1u, b[12 + 62]);   // counter 31
    uint32_t words[19];
    for (size_t i = 0; i < 19; i++) {
        words[i] = le32(4 * i);
    }
    EXPECT_EQ(crc32_stm32_words(words, 19), le32(76));
}

TEST(ErrorMemory, CountersSaturate)
{
    Store store;
    stack_check_error_memory_open(&store.memory, false);
    for (int i = 0; i < 70000; i++) {
        stack_check_error_memory_raise(&store.memory, 1u << 4, false);
    }
    uint16_t counts[32];
    flags_of(&store.memory, counts);
    EXPECT_EQ(65535u, counts[4]);
}

TEST(ErrorMemory, EveryFlippedBitIsWipedAndFlagged)
{
    for (unsigned bit = 0; bit < 8u * STACK_CHECK_ERROR_MEMORY_BYTES; bit++) {
        Store store;
        stack_check_error_memory_open(&store.memory, false);
        stack_check_error_memory_raise(&store.memory, ERR_FLAG_STACK, true);
        store.bytes()[bit / 8u] ^= static_cast<uint8_t>(1u << (bit % 8u));
        const int status = stack_check_error_memory_open(&store.memory, false);
        EXPECT_LT(status, 0) << "bit " << bit;
        uint16_t counts[32];
        const uint32_t flags = flags_of(&store.memory, counts);
        EXPECT_EQ(ERR_FLAG_ERROR_MEMORY, flags) << "bit " << bit << ": wiped, and says so";
        EXPECT_EQ(0u, counts[0]);
        EXPECT_EQ(1u, counts[3]);
    }
}

TEST(ErrorMemory, DamageBetweenCallsIsCaughtByRaiseAndRead)
{
    Store store;
    stack_check_error_memory_open(&store.memory, false);
    stack_check_error_memory_raise(&store.memory, 1u << 2, true);
    store.bytes()[20] ^= 0x01u;
    EXPECT_EQ(STACK_CHECK_ERR_RECORD_CRC, stack_check_error_memory_raise(&store.memory, 1u << 5, true));
    EXPECT_EQ(ERR_FLAG_ERROR_MEMORY | (1u << 5), flags_of(&store.memory));

    store.bytes()[9] ^= 0x80u;
    uint32_t flags = 0;
    EXPECT_EQ(STACK_CHECK_ERR_RECORD_CRC, stack_check_error_memory_read(&store.memory, &flags, nullptr));
    EXPECT_EQ(ERR_FLAG_ERROR_MEMORY, flags);
}

TEST(ErrorMemory, NoiseIsDamageUnlessThePowerWasOff)
{
    Store noisy;
    for (size_t i = 0; i < sizeof noisy.memory; i++) {
        noisy.bytes()[i] = static_cast<uint8_t>(i * 37u + 11u);
    }
    Store copy = noisy;
    EXPECT_EQ(STACK_CHECK_ERR_RECORD_MAGIC, stack_check_error_memory_open(&noisy.memory, false));
    EXPECT_EQ(ERR_FLAG_ERROR_MEMORY, flags_of(&noisy.memory));
    EXPECT_EQ(STACK_CHECK_ERROR_MEMORY_FORMATTED, stack_check_error_memory_open(&copy.memory, true));
    EXPECT_EQ(0u, flags_of(&copy.memory));
}

TEST(ErrorMemory, PowerOnFormatsOnlyAStoreWithoutItsMagic)
{
    // After a power-on, RAM is noise: a store without its magic is formatted.
    // One that has its magic was written by this firmware, so a wrong
    // version or CRC is damage, power-on or not.
    Store crc;
    stack_check_error_memory_open(&crc.memory, false);
    stack_check_error_memory_raise(&crc.memory, 1u << 9, true);
    crc.bytes()[20] ^= 0x04u; // a counter
    EXPECT_EQ(STACK_CHECK_ERR_RECORD_CRC, stack_check_error_memory_open(&crc.memory, true));
    EXPECT_EQ(ERR_FLAG_ERROR_MEMORY, flags_of(&crc.memory));

    Store version;
    stack_check_error_memory_open(&version.memory, false);
    version.bytes()[4] ^= 0x01u; // the version word
    EXPECT_EQ(STACK_CHECK_ERR_RECORD_VERSION, stack_check_error_memory_open(&version.memory, true));
    EXPECT_EQ(ERR_FLAG_ERROR_MEMORY, flags_of(&version.memory));
}

TEST(ErrorMemory, ClearNeedsAnExplicitCall)
{
    Store store;
    stack_check_error_memory_open(&store.memory, false);
    stack_check_error_memory_raise(&store.memory, ERR_FLAG_STACK, true);
    stack_check_error_memory_open(&store.memory, true);  // a power-on does not clear a valid store
    EXPECT_EQ(ERR_FLAG_STACK, flags_of(&store.memory));
    stack_check_error_memory_clear(&store.memory);
    uint16_t counts[32];
    EXPECT_EQ(0u, flags_of(&store.memory, counts));
    EXPECT_EQ(0u, counts[0]);
}

TEST(ErrorMemory, RaiseTimesAddsAndSaturates)
{
    Store store;
    stack_check_error_memory_open(&store.memory, false);
    EXPECT_EQ(STACK_CHECK_OK, stack_check_error_memory_raise_times(&store.memory, ERR_FLAG_STACK | (1u << 20), true, 3u));
    uint16_t counts[32];
    EXPECT_EQ(ERR_FLAG_STACK | (1u << 20), flags_of(&store.memory, counts));
    EXPECT_EQ(3u, counts[0]);
    EXPECT_EQ(3u, counts[20]);
    EXPECT_EQ(0u, counts[1]);
    // Near the top: 65533 + 3 stops at 65535; a huge count too.
    stack_check_error_memory_raise_times(&store.memory, 1u << 5, false, 65530u);
    stack_check_error_memory_raise_times(&store.memory, 1u << 5, false, 3u);
    flags_of(&store.memory, counts);
    EXPECT_EQ(65533u, counts[5]);
    stack_check_error_memory_raise_times(&store.memory, 1u << 5, false, 3u);
    flags_of(&store.memory, counts);
    EXPECT_EQ(65535u, counts[5]);
    stack_check_error_memory_raise_times(&store.memory, 1u << 6, false, UINT32_MAX);
    EXPECT_EQ(ERR_FLAG_STACK | (1u << 20), flags_of(&store.memory, counts)) << "not persistent: flag 6 not kept";
    EXPECT_EQ(65535u, counts[6]);
    // Zero times keeps a persistent flag, counts nothing.
    stack_check_error_memory_raise_times(&store.memory, 1u << 7, true, 0u);
    EXPECT_EQ(ERR_FLAG_STACK | (1u << 20) | (1u << 7), flags_of(&store.memory, counts));
    EXPECT_EQ(0u, counts[7]);
}

// stack_check_retained_boot(): the fault reaches the error memory before the
// record is acknowledged, counted as often as the record says.
TEST(RetainedBoot, FaultIsStoredThenAcknowledged)
{
    Store store;
    stack_check_fault_record_t fault{};
    fault.cause = STACK_CHECK_FAULT_CAUSE_HARDFAULT;
    std::memset(const_cast<stack_check_fault_record_t *>(&stack_check_retained_fault), 0, sizeof fault);
    stack_check_fault_save(&fault);
    stack_check_fault_save(&fault);  // recurred before any boot stored it
    EXPECT_EQ(STACK_CHECK_ERROR_MEMORY_FORMATTED, stack_check_retained_boot(&store.memory, false));
    uint16_t counts[32];
    EXPECT_EQ(ERR_FLAG_STACK, flags_of(&store.memory, counts));
    EXPECT_EQ(2u, counts[0]) << "both faults counted";
    EXPECT_EQ(STACK_CHECK_FAULT_RECORDED, stack_check_last_fault(nullptr));
    // Acknowledged: the next boot stores nothing more.
    EXPECT_EQ(STACK_CHECK_OK, stack_check_retained_boot(&store.memory, false));
    EXPECT_EQ(ERR_FLAG_STACK, flags_of(&store.memory, counts));
    EXPECT_EQ(2u, counts[0]);
    EXPECT_EQ(STACK_CHECK_OK, stack_check_last_fault(nullptr));
}

TEST(RetainedBoot, DamagedRecordIsStoredThenAcknowledged)
{
    Store store;
    stack_check_fault_record_t fault{};
    std::memset(const_cast<stack_check_fault_record_t *>(&stack_check_retained_fault), 0, sizeof fault);
    stack_check_fault_save(&fault);
    reinterpret_cast<volatile uint32_t *>(&stack_check_retained_fault)[7] ^= 1u;
    stack_check_retained_boot(&store.memory, false);
    uint16_t counts[32];
    EXPECT_EQ(ERR_FLAG_ERROR_MEMORY, flags_of(&store.memory, counts));
    EXPECT_EQ(1u, counts[3]);
    EXPECT_EQ(STACK_CHECK_OK, stack_check_retained_boot(&store.memory, false));
    EXPECT_EQ(1u, (flags_of(&store.memory, counts), counts[3])) << "acknowledged: not counted twice";
}
