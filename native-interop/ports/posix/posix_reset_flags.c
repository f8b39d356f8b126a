/**
 * @file posix_reset_flags.c
 * @brief The `posix` port's reset cause (stack_check_watchdog.h): a process
 *        has no RCC_CSR, so no flag says why the last run ended. Its own file
 *        so that the test build can put flags of its choosing in its place
 *        (tests/host/posix_reset_flags_faults.c).
 */
#include "stack_check_watchdog.h"

uint32_t stack_check_reset_flags(void)
{
    return 0u;
}
