/**
 * @file posix_reset_flags_faults.c
 * @brief TEST BUILDS ONLY. The `posix` port's reset cause with flags the
 *        tests choose (RCC_CSR's bits, e.g. IWDGRSTF), in place of
 *        posix_reset_flags.c, so that the managed controller's report of a
 *        watchdog reset runs on a PC.
 */
#include "stack_check_watchdog.h"

static uint32_t flags;

/** Sets what stack_check_reset_flags() returns from now on. */
void safetymon_test_reset_flags(uint32_t value);
void safetymon_test_reset_flags(uint32_t value)
{
    flags = value;
}

uint32_t stack_check_reset_flags(void)
{
    return flags;
}
