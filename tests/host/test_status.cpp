// Status codes: distinct, negative for failures, named.
#include <gtest/gtest.h>

#include <set>
#include <string>

extern "C" {
#include "stack_check.h"
}

namespace {

const int kFailures[] = {
    STACK_CHECK_ERR_RNG_SEED,  STACK_CHECK_ERR_RNG_CLOCK, STACK_CHECK_ERR_RNG_TIMEOUT,
    STACK_CHECK_ERR_RNG_REPEAT, STACK_CHECK_ERR_CRC,      STACK_CHECK_ERR_CORRUPTED,
    STACK_CHECK_ERR_NOT_INITIALISED, STACK_CHECK_ERR_LAYOUT, STACK_CHECK_ERR_RECORD_MAGIC,
    STACK_CHECK_ERR_RECORD_VERSION, STACK_CHECK_ERR_RECORD_CRC, STACK_CHECK_ERR_WATCHDOG_RANGE,
    STACK_CHECK_ERR_WATCHDOG_TIMEOUT, STACK_CHECK_ERR_WATCHDOG_UNSUPPORTED, STACK_CHECK_ERR_WATCHDOG_NOT_STARTED,
};

TEST(StatusCodes, EveryFailureIsNegativeAndDistinct)
{
    std::set<int> seen;
    for (int code : kFailures) {
        EXPECT_LT(code, 0);
        EXPECT_TRUE(seen.insert(code).second) << "duplicate code " << code;
    }
    EXPECT_EQ(STACK_CHECK_OK, 0);
}

TEST(StatusCodes, EveryCodeHasItsOwnName)
{
    std::set<std::string> names{stack_check_status_name(STACK_CHECK_OK)};
    for (int code : kFailures) {
        const std::string name = stack_check_status_name(code);
        EXPECT_EQ(name.rfind("STACK_CHECK_ERR_", 0), 0u) << name;
        EXPECT_NE(name, "STACK_CHECK_ERR_UNKNOWN");
        EXPECT_TRUE(names.insert(name).second) << "duplicate name " << name;
    }
    EXPECT_STREQ(stack_check_status_name(STACK_CHECK_OK), "STACK_CHECK_OK");
    // The outcomes that are not failures are positive and named too.
    EXPECT_GT(STACK_CHECK_FAULT_RECORDED, 0);
    EXPECT_GT(STACK_CHECK_ERROR_MEMORY_FORMATTED, 0);
    EXPECT_NE(STACK_CHECK_FAULT_RECORDED, STACK_CHECK_ERROR_MEMORY_FORMATTED);
    EXPECT_TRUE(names.insert(stack_check_status_name(STACK_CHECK_FAULT_RECORDED)).second);
    EXPECT_TRUE(names.insert(stack_check_status_name(STACK_CHECK_ERROR_MEMORY_FORMATTED)).second);
    EXPECT_STREQ(stack_check_status_name(2000), "STACK_CHECK_ERR_UNKNOWN");
}

TEST(StatusCodes, UnknownCodesHaveAName)
{
    EXPECT_STREQ(stack_check_status_name(-1000), "STACK_CHECK_ERR_UNKNOWN");
    EXPECT_STREQ(stack_check_status_name(7), "STACK_CHECK_ERR_UNKNOWN");
}

}  // namespace
