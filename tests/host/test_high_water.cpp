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
    return static_cast<uint32_t>(2u * ((words + kScan - 1u) / kScan));
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

// The host port's simulated stack with its stack pointer `below_end` bytes
// under the top (nothing else changed).
stack_check_stack_t host_stack_with_sp(uintptr_t below_end)
{
    host_port_reset(1u);
    stack_check_stack_t stack = stack_check_port_stack();
    stack.sp = stack.end - below_end;
    host_port_set_stack(stack.base, stack.end, stack.sp);
    return stack;
}

}  // namespace

TEST(HighWater, NothingPaintedSaysNotInitialised)
{
    EXPECT_EQ(STACK_CHECK_ERR_NOT_INITIALISED, stack_check_get_min_free());
}

TEST(HighWater, PaintCoversEveryWordBelowTheStackPointerAndNothingAbove)
{
    const stack_check_stack_t stack = host_stack_with_sp(256u);
    const uintptr_t sp = stack.sp;
    auto *words = reinterpret_cast<uint32_t *>(stack.base);
    const size_t painted = (sp - stack.base) / 4u;
    for (size_t i = painted; i < (stack.end - stack.base) / 4u; i++) {
        words[i] = 0x20000000u + static_cast<uint32_t>(i);  // the stack in use
    }
    ASSERT_EQ(STACK_CHECK_OK, stack_check_paint());
    for (size_t i = 0; i < painted; i++) {
        ASSERT_EQ(STACK_CHECK_PAINT_WORD, words[i]) << "word " << i;
    }
    for (size_t i = painted; i < (stack.end - stack.base) / 4u; i++) {
        ASSERT_EQ(0x20000000u + i, words[i]) << "the stack in use was painted over at word " << i;
    }
}

TEST(HighWater, RedZoneStaysUnpaintedAndTheMarkStartsAtTheStackPointer)
{
    // An ABI's red zone (x86-64: 128 bytes below the stack pointer) is left
    // alone; the mark still starts at the stack pointer's depth, and the
    // first painted word below the red zone is watched.
    const stack_check_stack_t stack = host_stack_with_sp(256u);
    const uintptr_t sp = stack.sp;
    host_port_set_red_zone(128u);
    auto *words = reinterpret_cast<uint32_t *>(stack.base);
    const size_t painted = (sp - 128u - stack.base) / 4u;
    words[painted] = 0x1234u;  // in the red zone
    ASSERT_EQ(STACK_CHECK_OK, stack_check_paint());
    EXPECT_EQ(STACK_CHECK_PAINT_WORD, words[painted - 1u]);
    EXPECT_EQ(0x1234u, words[painted]) << "the red zone was painted";
    const uint32_t bound = bound_calls((stack.end - stack.base) / 4u);
    for (uint32_t call = 0; call < bound; call++) {
        ASSERT_EQ(static_cast<int32_t>(sp - stack.base), stack_check_get_min_free()) << "call " << call;
    }
    words[painted - 1u] = 0x08000001u;  // the first painted word, written
    int32_t seen = 0;
    for (uint32_t call = 0; call < bound; call++) {
        seen = stack_check_get_min_free();
    }
    EXPECT_EQ(static_cast<int32_t>((painted - 1u) * 4u), seen);
}

TEST(HighWater, UnalignedStackPointerRoundsTheMarkUpNeverDown)
{
    host_port_reset(1u);
    const stack_check_stack_t stack = stack_check_port_stack();
    host_port_set_stack(stack.base, stack.end, stack.base + 4034u);
    auto *words = reinterpret_cast<uint32_t *>(stack.base);
    words[1008] = 0u;
    ASSERT_EQ(STACK_CHECK_OK, stack_check_paint());
    EXPECT_EQ(STACK_CHECK_PAINT_WORD, words[1007]);
    EXPECT_NE(STACK_CHECK_PAINT_WORD, words[1008]) << "the word holding the stack pointer was painted";
    EXPECT_EQ(4036, stack_check_get_min_free());
    for (uintptr_t offset : {4033u, 4035u, 4036u}) {
        host_port_set_stack(stack.base, stack.end, stack.base + offset);
        ASSERT_EQ(STACK_CHECK_OK, stack_check_paint());
        EXPECT_EQ(4036, stack_check_get_min_free()) << "stack pointer " << offset << " bytes above the base";
    }
}

TEST(HighWater, PaintRefusesBadRegions)
{
    alignas(4) static uint32_t words[8];
    EXPECT_EQ(STACK_CHECK_ERR_LAYOUT, stack_check_paint_region(nullptr, words + 8));
    EXPECT_EQ(STACK_CHECK_ERR_LAYOUT, stack_check_paint_region(words + 8, words));
    EXPECT_EQ(STACK_CHECK_ERR_LAYOUT, stack_check_paint_region(words, words));
    EXPECT_EQ(STACK_CHECK_ERR_LAYOUT, stack_check_paint_region(reinterpret_cast<uint8_t *>(words) + 1, words + 8));
    EXPECT_EQ(STACK_CHECK_ERR_LAYOUT, stack_check_paint_region(words, reinterpret_cast<uint8_t *>(words + 8) - 2));
    std::vector<uint32_t> huge(65536u);
    EXPECT_EQ(STACK_CHECK_ERR_LAYOUT, stack_check_paint_region(huge.data(), huge.data() + huge.size()));
    EXPECT_EQ(STACK_CHECK_OK, stack_check_paint_region(huge.data(), huge.data() + 65535u)) << "65535 words fit";
    EXPECT_EQ(65535 * 4, stack_check_get_min_free());
    stack_check_forget_paint();
    host_port_reset(1u);
    const stack_check_stack_t stack = stack_check_port_stack();
    host_port_set_stack(stack.base, stack.end, stack.base - 4u);  // SP below the stack: overflowed
    EXPECT_EQ(STACK_CHECK_ERR_LAYOUT, stack_check_paint());
    host_port_set_stack(stack.base, stack.end, stack.end + 4u);   // SP above it: another stack
    EXPECT_EQ(STACK_CHECK_ERR_LAYOUT, stack_check_paint());
    host_port_set_red_zone(128u);
    host_port_set_stack(stack.base, stack.end, stack.base + 124u);  // no room below the red zone
    EXPECT_EQ(STACK_CHECK_ERR_LAYOUT, stack_check_paint());
    host_port_set_stack(stack.base, stack.end, stack.base + 128u);  // exactly room for none
    EXPECT_EQ(STACK_CHECK_OK, stack_check_paint());
    EXPECT_EQ(128, stack_check_get_min_free());
    host_port_set_stack(stack.base + 2u, stack.end, stack.end);     // misaligned base
    EXPECT_EQ(STACK_CHECK_ERR_LAYOUT, stack_check_paint());
    host_port_set_red_zone(0u);
    host_port_set_stack(stack.base, stack.end - 2u, stack.end - 2u); // misaligned end
    EXPECT_EQ(STACK_CHECK_ERR_LAYOUT, stack_check_paint());
    host_port_set_stack(stack.end, stack.end, stack.end);           // bounds unknown: empty
    EXPECT_EQ(STACK_CHECK_ERR_LAYOUT, stack_check_paint());
    host_port_set_stack(stack.end, stack.base, stack.end);          // inverted
    EXPECT_EQ(STACK_CHECK_ERR_LAYOUT, stack_check_paint());
    EXPECT_EQ(STACK_CHECK_ERR_LAYOUT, stack_check_paint_region(nullptr, reinterpret_cast<void *>(64)))
        << "NULL as the region's base";
}

TEST(HighWater, PaintTakesAStackOfExactlyTheLargestSizeAndAStackPointerAtItsTop)
{
    host_port_reset(1u);
    std::vector<uint32_t> memory(65536u, 0u);
    const auto base = reinterpret_cast<uintptr_t>(memory.data());
    host_port_set_stack(base, base + 65535u * 4u, base + 65535u * 4u);  // 65535 words, nothing in use
    ASSERT_EQ(STACK_CHECK_OK, stack_check_paint());
    EXPECT_EQ(STACK_CHECK_PAINT_WORD, memory[65534]);
    EXPECT_EQ(65535 * 4, stack_check_get_min_free());
    EXPECT_EQ(STACK_CHECK_PAINT_WORD, memory[0]) << "a stack of 65535 words is painted whole";
    memory[0] = 0u;
    host_port_set_stack(base, base + 65536u * 4u, base + 65536u * 4u);  // one word more: a window
    ASSERT_EQ(STACK_CHECK_OK, stack_check_paint());
    EXPECT_EQ(0u, memory[0]) << "the word below the 65535-word window was painted";
    EXPECT_EQ(STACK_CHECK_PAINT_WORD, memory[1]);
    EXPECT_EQ(65536 * 4, stack_check_get_min_free()) << "the mark counts from the stack's base";
    stack_check_forget_paint();
}

namespace {

// A stack of `words` words (filled with `fill`) on the host port, its stack
// pointer `sp_words` words above its base, painted.
struct HugeStack {
    HugeStack(size_t words, size_t sp_words, uint32_t fill) : memory(words, fill)
    {
        host_port_reset(1u);
        base = reinterpret_cast<uintptr_t>(memory.data());
        host_port_set_stack(base, base + words * 4u, base + sp_words * 4u);
        result = stack_check_paint();
    }
    // Calls until the sweep has covered the window twice over: the mark then
    // holds whatever the window shows.
    int32_t settled_mark() const
    {
        int32_t seen = -1;
        for (uint32_t i = 0; i < bound_calls(65535u); i++) {
            seen = stack_check_get_min_free();
        }
        return seen;
    }
    std::vector<uint32_t> memory;
    uintptr_t base = 0;
    int result = -1;
};

constexpr size_t kEightMiBWords = 8u * 1024u * 1024u / 4u;  // a POSIX main thread's default stack

}  // namespace

TEST(HighWater, HugeStackIsPaintedInABoundedWindowBelowTheStackPointer)
{
    // The POSIX nanoCLR's main thread: 8 MiB, the stack pointer near its top.
    // Before, stack_check_paint() refused it (-8, over 65535 words).
    const size_t sp_words = kEightMiBWords - 300u;
    HugeStack stack(kEightMiBWords, sp_words, 0x5A5A0000u);
    ASSERT_EQ(STACK_CHECK_OK, stack.result);
    // One paint stores exactly the 65535 words below the stack pointer:
    // nothing below the window, nothing at or above the stack pointer.
    size_t painted = 0;
    for (size_t i = 0; i < stack.memory.size(); i++) {
        if (stack.memory[i] == STACK_CHECK_PAINT_WORD) {
            painted++;
            ASSERT_GE(i, sp_words - 65535u) << "painted below the window";
            ASSERT_LT(i, sp_words) << "painted at or above the stack pointer";
        }
    }
    EXPECT_EQ(65535u, painted);
    EXPECT_EQ(static_cast<int32_t>(sp_words * 4u), stack_check_get_min_free())
        << "right after the paint the mark is the stack pointer's depth from the stack's base";
    stack_check_forget_paint();
}

TEST(HighWater, HugeStackWorkPerCallStaysBounded)
{
    // Each get_min_free() call reads at most STACK_CHECK_MIN_FREE_SCAN_WORDS
    // words, on an 8 MiB stack too: a write just below the word the sweep
    // looks at next is found by that call, one a scan's length further is not.
    const size_t sp_words = kEightMiBWords - 64u;
    HugeStack stack(kEightMiBWords, sp_words, 0u);
    ASSERT_EQ(STACK_CHECK_OK, stack.result);
    const size_t low = sp_words - 65535u;
    // The sweep starts at the window's top and walks down kScan words a call.
    stack.memory[sp_words - kScan - 1u] = 1u;  // one word past the first call's reach
    EXPECT_EQ(static_cast<int32_t>(sp_words * 4u), stack_check_get_min_free()) << "the first call read past its budget";
    EXPECT_EQ(static_cast<int32_t>((sp_words - kScan - 1u) * 4u), stack_check_get_min_free());
    // The window's lowest word, written: found within the bound, counted from the base.
    stack.memory[low] = 2u;
    EXPECT_EQ(static_cast<int32_t>(low * 4u), stack.settled_mark());
    stack_check_forget_paint();
}

TEST(HighWater, HugeStackExcursionsWithinTheWindowAreExactAndBelowItNeverTooDeep)
{
    std::mt19937 random(11u);
    const size_t sp_words = kEightMiBWords - 1000u;
    for (int trial = 0; trial < 4; trial++) {
        HugeStack stack(kEightMiBWords, sp_words, 0u);
        ASSERT_EQ(STACK_CHECK_OK, stack.result);
        const size_t low = sp_words - 65535u;
        // An excursion inside the window: every word from its deepest up written.
        const size_t deepest = low + random() % 65535u;
        for (size_t i = deepest; i < sp_words; i++) {
            stack.memory[i] = 0x08000000u + static_cast<uint32_t>(i);
        }
        EXPECT_EQ(static_cast<int32_t>(deepest * 4u), stack.settled_mark()) << "inside the window, exact";
        // One far below the window: the mark shows the window's lowest word, a
        // depth the stack did reach, never deeper than it went.
        const size_t far = random() % low;
        for (size_t i = far; i < deepest; i++) {
            stack.memory[i] = 0x08000000u + static_cast<uint32_t>(i);
        }
        const int32_t seen = stack.settled_mark();
        EXPECT_EQ(static_cast<int32_t>(low * 4u), seen);
        EXPECT_GE(seen, static_cast<int32_t>(far * 4u)) << "reported deeper than the stack went";
        stack_check_forget_paint();
    }
}

TEST(HighWater, WindowOfAnUnalignedStackPointerRoundsTheMarkUpNeverDown)
{
    // The stack pointer 2 bytes into a word, 70000 words up: the window's base
    // is word-aligned and the mark never claims the word holding the pointer.
    HugeStack stack(70001u, 0u, 0u);
    host_port_set_stack(stack.base, stack.base + 70001u * 4u, stack.base + 70000u * 4u + 2u);
    ASSERT_EQ(STACK_CHECK_OK, stack_check_paint());
    EXPECT_EQ(0u, stack.memory[70000u]) << "the word holding the stack pointer was painted";
    EXPECT_EQ(STACK_CHECK_PAINT_WORD, stack.memory[69999u]);
    EXPECT_EQ(STACK_CHECK_PAINT_WORD, stack.memory[70000u - 65534u]);
    EXPECT_EQ(0u, stack.memory[70000u - 65535u]) << "more than 65535 words painted";
    EXPECT_EQ(70001 * 4, stack_check_get_min_free()) << "the stack pointer's depth, rounded up to its word";
    stack_check_forget_paint();
}

TEST(HighWater, ForgetStopsTheMark)
{
    std::vector<uint32_t> region(64u, 0u);
    ASSERT_EQ(STACK_CHECK_OK, stack_check_paint_region(region.data(), region.data() + region.size()));
    ASSERT_EQ(64 * 4, stack_check_get_min_free());
    stack_check_forget_paint();
    EXPECT_EQ(STACK_CHECK_ERR_NOT_INITIALISED, stack_check_get_min_free());
}

TEST(HighWater, APaintTheCallerDoesNotRunOnLeavesTheMarkAsItWas)
{
    // The live stack pointer below the stack's base (the port's idea of the
    // stack is not the one the code runs on): nothing painted, mark kept.
    std::vector<uint32_t> region(64u, 0u);
    ASSERT_EQ(STACK_CHECK_OK, stack_check_paint_region(region.data(), region.data() + region.size()));
    region[10] = 1u;
    int32_t before = 0;
    for (uint32_t call = 0; call < bound_calls(64u); call++) {
        before = stack_check_get_min_free();
    }
    ASSERT_EQ(40, before);
    host_port_reset(1u);
    const stack_check_stack_t stack = stack_check_port_stack();
    auto *words = reinterpret_cast<uint32_t *>(stack.base);
    words[0] = 0u;
    host_port_set_live_sp(stack.base - 64u);  // the caller runs on a stack below this one
    EXPECT_EQ(STACK_CHECK_ERR_LAYOUT, stack_check_paint());
    EXPECT_EQ(0u, words[0]) << "painted a stack the caller does not run on";
    EXPECT_EQ(before, stack_check_get_min_free());
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

TEST(HighWater, PaintedStackReportsTheStackPointersDepthNothingDeeper)
{
    // Every value the mark gives is a depth the stack really reached: right
    // after the paint, with nothing written below the stack pointer, that is
    // the stack pointer's own depth, the free stack at the paint.
    const stack_check_stack_t stack = host_stack_with_sp(256u);
    const uintptr_t sp = stack.sp;
    ASSERT_EQ(STACK_CHECK_OK, stack_check_paint());
    const int32_t free_at_paint = stack_check_get_free();
    ASSERT_EQ(static_cast<int32_t>(sp - stack.base), free_at_paint);
    for (uint32_t call = 0; call < bound_calls((stack.end - stack.base) / 4u) + 1u; call++) {
        ASSERT_EQ(free_at_paint, stack_check_get_min_free()) << "call " << call;
    }
}

TEST(HighWater, AWordWrittenJustBelowTheStackPointerIsSeen)
{
    const stack_check_stack_t stack = host_stack_with_sp(256u);
    const uintptr_t sp = stack.sp;
    ASSERT_EQ(STACK_CHECK_OK, stack_check_paint());
    *reinterpret_cast<uint32_t *>(sp - 4u) = 0x08001234u;  // one push below the stack pointer
    int32_t seen = 0;
    for (uint32_t call = 0; call < bound_calls((stack.end - stack.base) / 4u); call++) {
        seen = stack_check_get_min_free();
    }
    EXPECT_EQ(static_cast<int32_t>(sp - 4u - stack.base), seen);
}

TEST(HighWater, OneCallLooksAtExactlyTheScanBudget)
{
    // The cost bound: a call reads STACK_CHECK_MIN_FREE_SCAN_WORDS words, no
    // more (a word one further down is seen only by the next call) and no
    // fewer (the last word of the budget is seen by this one).
    const size_t words = 4u * kScan;
    {
        Stack stack(words);
        stack.memory[words - kScan] = 1u;  // the budget's last word
        EXPECT_EQ(static_cast<int32_t>((words - kScan) * 4u), stack_check_get_min_free());
    }
    {
        Stack stack(words);
        stack.memory[words - kScan - 1u] = 1u;  // one beyond it
        EXPECT_EQ(static_cast<int32_t>(words * 4u), stack_check_get_min_free()) << "read more than the budget";
        EXPECT_EQ(static_cast<int32_t>((words - kScan - 1u) * 4u), stack_check_get_min_free());
    }
}

TEST(HighWater, SweepStartsOverJustBelowTheMarkNotAtIt)
{
    // 2 * budget words, nothing found yet: call 1 reads the top half and
    // finds word `deepest`, call 2 reads the bottom half. Call 3 starts over
    // right below the mark, so its budget ends exactly at deepest - budget:
    // a word written there is seen by that very call.
    const size_t words = 2u * kScan;
    Stack stack(words);
    const size_t deepest = kScan + 8u;
    stack.memory[deepest] = 1u;
    EXPECT_EQ(static_cast<int32_t>(deepest * 4u), stack_check_get_min_free());
    EXPECT_EQ(static_cast<int32_t>(deepest * 4u), stack_check_get_min_free());
    stack.memory[deepest - kScan] = 1u;
    EXPECT_EQ(static_cast<int32_t>((deepest - kScan) * 4u), stack_check_get_min_free())
        << "the restarted sweep re-read the mark's own word";
}
