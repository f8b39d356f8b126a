// stack_check_get_free() over the host port's simulated stack region.
#include "stm32_fixture.h"

#include <climits>

namespace {

class StackFree : public Stm32ModelTest {};

TEST_F(StackFree, IsStackPointerMinusLowestUsableAddress)
{
    host_port_set_stack(0x20000000u, 0x20001000u, 0x20000800u);
    EXPECT_EQ(stack_check_get_free(), 0x800);
}

TEST_F(StackFree, FullStackAtResetIsItsWholeSize)
{
    host_port_set_stack(0x20000000u, 0x20001000u, 0x20001000u);
    EXPECT_EQ(stack_check_get_free(), 0x1000);
}

TEST_F(StackFree, IsZeroAtTheBottom)
{
    host_port_set_stack(0x20000000u, 0x20001000u, 0x20000000u);
    EXPECT_EQ(stack_check_get_free(), 0);
}

TEST_F(StackFree, IsNegativeWhenTheStackPointerIsAlreadyBelow)
{
    host_port_set_stack(0x20000000u, 0x20001000u, 0x20000000u - 24u);
    EXPECT_EQ(stack_check_get_free(), -24);
}

TEST_F(StackFree, BelowTheMinimumIsWhatTheCycleFlags)
{
    // The threshold's boundary through the cycle's own test: exactly the
    // minimum is enough, one word less (the stack pointer moves by words)
    // is not, one word more is.
    host_port_set_stack(0x1000u, 0x2000u, 0x1000u + SAFETY_MIN_STACK_FREE);
    EXPECT_FALSE(stack_check_free_below_minimum(stack_check_get_free()));
    host_port_set_stack(0x1000u, 0x2000u, 0x1000u + SAFETY_MIN_STACK_FREE - 4u);
    EXPECT_TRUE(stack_check_free_below_minimum(stack_check_get_free()));
    host_port_set_stack(0x1000u, 0x2000u, 0x1000u + SAFETY_MIN_STACK_FREE + 4u);
    EXPECT_FALSE(stack_check_free_below_minimum(stack_check_get_free()));
}

TEST(StackFreeThreshold, ExactlyTheMinimumIsEnoughOneByteLessIsNot)
{
    EXPECT_FALSE(stack_check_free_below_minimum(SAFETY_MIN_STACK_FREE));
    EXPECT_TRUE(stack_check_free_below_minimum(SAFETY_MIN_STACK_FREE - 1));
    EXPECT_FALSE(stack_check_free_below_minimum(SAFETY_MIN_STACK_FREE + 1));
    EXPECT_TRUE(stack_check_free_below_minimum(0));
    EXPECT_TRUE(stack_check_free_below_minimum(-24)) << "an overflow that has not faulted yet";
    EXPECT_TRUE(stack_check_free_below_minimum(INT32_MIN));
    EXPECT_FALSE(stack_check_free_below_minimum(INT32_MAX));
}

TEST_F(StackFree, ClampsAtTheInt32LimitsExactly)
{
    if (sizeof(uintptr_t) <= 4) {
        GTEST_SKIP() << "32-bit host: addresses cannot be further apart than int32_t covers";
    }
    const uintptr_t base = static_cast<uintptr_t>(1) << 40;
    const uintptr_t max = static_cast<uintptr_t>(INT32_MAX);
    host_port_set_stack(base, base + max + 8u, base + max);
    EXPECT_EQ(stack_check_get_free(), INT32_MAX);
    host_port_set_stack(base, base + max + 8u, base + max + 1u);
    EXPECT_EQ(stack_check_get_free(), INT32_MAX);
    host_port_set_stack(base, base + max + 8u, base + max - 1u);
    EXPECT_EQ(stack_check_get_free(), INT32_MAX - 1);
    host_port_set_stack(base, base + 16u, base - max - 1u); // exactly INT32_MIN below
    EXPECT_EQ(stack_check_get_free(), INT32_MIN);
    host_port_set_stack(base, base + 16u, base - max - 2u);
    EXPECT_EQ(stack_check_get_free(), INT32_MIN);
    host_port_set_stack(base, base + 16u, base - max);
    EXPECT_EQ(stack_check_get_free(), INT32_MIN + 1);
}

TEST_F(StackFree, SizeClampsAtInt32MaxExactly)
{
    if (sizeof(uintptr_t) <= 4) {
        GTEST_SKIP() << "32-bit host: a stack cannot be larger than int32_t covers";
    }
    const uintptr_t base = static_cast<uintptr_t>(1) << 40;
    const uintptr_t max = static_cast<uintptr_t>(INT32_MAX);
    host_port_set_stack(base, base + max - 1u, base);
    EXPECT_EQ(stack_check_get_size(), INT32_MAX - 1);
    host_port_set_stack(base, base + max, base);
    EXPECT_EQ(stack_check_get_size(), INT32_MAX);
    host_port_set_stack(base, base + max + 1u, base);
    EXPECT_EQ(stack_check_get_size(), INT32_MAX);
}

TEST_F(StackFree, StaysInsideInt32OnWideHosts)
{
    if (sizeof(uintptr_t) <= 4) {
        GTEST_SKIP() << "32-bit host: addresses cannot be further apart than int32_t covers";
    }
    const uintptr_t far = static_cast<uintptr_t>(1) << 40;
    host_port_set_stack(0, far, far);
    EXPECT_EQ(stack_check_get_free(), INT32_MAX);
    host_port_set_stack(far, far + 16, 0);
    EXPECT_EQ(stack_check_get_free(), INT32_MIN);
}

TEST_F(StackFree, SizeIsTheStacksWholeExtent)
{
    host_port_set_stack(0x20000000u, 0x20001000u, 0x20000200u);
    EXPECT_EQ(stack_check_get_size(), 0x1000);
}

TEST_F(StackFree, SizeIsZeroWhenTheBoundsAreUnknown)
{
    host_port_set_stack(0x20000000u, 0x20000000u, 0x20000000u);
    EXPECT_EQ(stack_check_get_size(), 0);
    host_port_set_stack(0x20001000u, 0x20000000u, 0x20000000u);
    EXPECT_EQ(stack_check_get_size(), 0);
}

TEST(StackCheckConstants, MinStackFreeDefaultsToTheSeedValue)
{
    EXPECT_EQ(SAFETY_MIN_STACK_FREE, 0x100);
}

TEST(StackCheckConstants, ErrFlagStackIsBitZero)
{
    EXPECT_EQ(ERR_FLAG_STACK, 1u);
}

}  // namespace
