// The high-water mark (native-interop/core/stack_high_water.c) on the host
// port's simulated stack: painting, the bounded scan, and a deep excursion
// between two calls (which stack_check_get_free() cannot see) reported
// within the documented number of calls, never deeper than it really was.
// CTest runs each test in its own process (the mark is process-wide state).
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

extern "C" {
#include "host_port.h"
#include "stack_check.h"
#include "stack_check_port.h"
}

namespace {

constexpr uint32_t kScan = STACK_CHECK_MIN_FREE_SCAN_WORDS;

uint32_t bound_calls(size_t words)
{
    return static_cast<uint32_t>(2u * ((words + kScan - 1u) / kScan) + 1u);
}

// A region that stands for a stack: W words, painted as unused.
struct Stack {
    explicit Stack(size_t words) : memory(words, 0u)
    {
        EXPECT_EQ(STACK_CHECK_OK, stack_check_paint_region(memory.data(), memory.data() + memory.size()));
    }
    // What a call chain down to word `deepest` leaves: every word from there
    // to the top written (return addresses, saved registers, locals).
    void excursion(size_t deepest, uint32_t seed)
    {
        for (size_t i = deepest; i < memory.size(); i++) {
            memory[i] = 0x08000000u + seed + static_cast<uint32_t>(i);
        }
    }
    std::vector<uint32_t> memory;
};

}  // namespace

TEST(HighWater, NothingPaintedSaysNotInitialised)
{
    EXPECT_EQ(STACK_CHECK_ERR_NOT_INITIALISED, stack_check_get_min_free());
}

TEST(HighWater, PaintLeavesTheStackInUseAndItsMargin)
{
    host_port_reset(1u);
    const stack_check_stack_t stack = stack_check_port_stack();
    const uintptr_t sp = stack.end - 256u;
    host_port_set_stack(stack.base, stack.end, sp);
    ASSERT_EQ(STACK_CHECK_OK, stack_check_paint());
    const auto *words = reinterpret_cast<const uint32_t *>(stack.base);
    const size_t painted = (sp - STACK_CHECK_PAINT_MARGIN - stack.base) / 4u;
    for (size_t i = 0; i < painted; i++) {
        ASSERT_EQ(STACK_CHECK_PAINT_WORD, words[i]) << "word " << i;
    }
    EXPECT_NE(STACK_CHECK_PAINT_WORD, words[painted]) << "the margin below SP stays unpainted";
    // Nothing below the paint line was touched: the mark is the paint line.
    for (uint32_t call = 0; call < bound_calls(painted); call++) {
        EXPECT_EQ(static_cast<int32_t>(painted * 4u), stack_check_get_min_free());
    }
}

TEST(HighWater, PaintRefusesBadRegions)
{
    alignas(4) static uint32_t words[8];
    EXPECT_EQ(STACK_CHECK_ERR_LAYOUT, stack_check_paint_region(nullptr, words + 8));
    EXPECT_EQ(STACK_CHECK_ERR_LAYOUT, stack_check_paint_region(words + 8, words));
    EXPECT_EQ(STACK_CHECK_ERR_LAYOUT, stack_check_paint_region(reinterpret_cast<uint8_t *>(words) + 1, words + 8));
    std::vector<uint32_t> huge(65536u);
    EXPECT_EQ(STACK_CHECK_ERR_LAYOUT, stack_check_paint_region(huge.data(), huge.data() + huge.size()));
    host_port_reset(1u);
    const stack_check_stack_t stack = stack_check_port_stack();
    host_port_set_stack(stack.base, stack.end, stack.base + 64u);  // SP inside the margin
    EXPECT_EQ(STACK_CHECK_ERR_LAYOUT, stack_check_paint());
}

TEST(HighWater, ExcursionBetweenCallsIsReportedWithinTheBoundAndNeverTooDeep)
{
    std::mt19937 random(7u);
    for (size_t words : {256u, 1024u, 4096u}) {
        for (int trial = 0; trial < 40; trial++) {
            Stack stack(words);
            // The first excursion sets a mark; a random number of calls puts the
            // sweep anywhere; then a deeper excursion happens between two calls.
            const size_t first = words / 2u + random() % (words / 2u);
            const size_t deeper = random() % first;
            stack.excursion(first, 1u);
            for (uint32_t i = 0; i < bound_calls(words); i++) {
                ASSERT_GE(stack_check_get_min_free(), static_cast<int32_t>(first * 4u));
            }
            ASSERT_EQ(static_cast<int32_t>(first * 4u), stack_check_get_min_free());
            for (uint32_t i = random() % bound_calls(words); i > 0; i--) {
                (void)stack_check_get_min_free();
            }
            stack.excursion(deeper, 2u);
            uint32_t calls = 0;
            int32_t seen = 0;
            do {
                seen = stack_check_get_min_free();
                calls++;
                ASSERT_GE(seen, static_cast<int32_t>(deeper * 4u)) << "reported deeper than the stack went";
            } while (seen != static_cast<int32_t>(deeper * 4u) && calls <= bound_calls(words));
            EXPECT_EQ(static_cast<int32_t>(deeper * 4u), seen) << words << " words, deepest word " << deeper;
            EXPECT_LE(calls, bound_calls(words)) << words << " words";
        }
    }
}

TEST(HighWater, StackUsedToItsLastWordReadsZero)
{
    Stack stack(128u);
    stack.excursion(0u, 3u);
    int32_t seen = -1;
    for (uint32_t i = 0; i < bound_calls(128u); i++) {
        seen = stack_check_get_min_free();
    }
    EXPECT_EQ(0, seen);
}

TEST(HighWater, KnownLimitAFrameWritingThePaintValueLooksUnused)
{
    Stack stack(256u);
    stack.excursion(100u, 4u);
    stack.memory[100] = STACK_CHECK_PAINT_WORD;  // the deepest word happens to hold the paint
    int32_t seen = -1;
    for (uint32_t i = 0; i < bound_calls(256u); i++) {
        seen = stack_check_get_min_free();
    }
    EXPECT_EQ(101 * 4, seen) << "one word too shallow, never too deep";
}
