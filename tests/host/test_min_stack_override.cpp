// Built with -DSAFETY_MIN_STACK_FREE=0x200: the header keeps the override.
#include <gtest/gtest.h>

extern "C" {
#include "stack_check.h"
}

TEST(StackCheckConstants, MinStackFreeCanBeOverriddenAtBuildTime)
{
    EXPECT_EQ(SAFETY_MIN_STACK_FREE, 0x200);
}
