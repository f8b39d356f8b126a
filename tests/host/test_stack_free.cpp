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
    host_port_set_stack(0x1000u, 0x2000u, 0x1000u + SAFETY_MIN_STACK_FREE);
    EXPECT_GE(stack_check_get_free(), SAFETY_MIN_STACK_FREE);
    host_port_set_stack(0x1000u, 0x2000u, 0x1000u + SAFETY_MIN_STACK_FREE - 4u);
    EXPECT_LT(stack_check_get_free(), SAFETY_MIN_STACK_FREE);
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
