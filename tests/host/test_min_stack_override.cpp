// Built with -DSAFETY_MIN_STACK_FREE=0x200: the header keeps the override.
#include <gtest/gtest.h>

extern "C" {
#include "stack_check.h"
}

TEST(StackCheckConstants, MinStackFreeCanBeOverriddenAtBuildTime)
{
    EXPECT_EQ(SAFETY_MIN_STACK_FREE, 0x200);
}

TEST(StackCheckConstants, TheThresholdFollowsTheOverride)
{
    EXPECT_FALSE(stack_check_free_below_minimum(0x200));
    EXPECT_TRUE(stack_check_free_below_minimum(0x1FF));
    EXPECT_TRUE(stack_check_free_below_minimum(0x100)) << "the default minimum is not enough any more";
}
