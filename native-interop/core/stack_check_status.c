/**
 * @file stack_check_status.c
 * @brief Names of the stack-check status codes, for logs and reports.
 *
 * Kept apart from the checks so that firmware that never prints a status
 * does not carry the strings (with --gc-sections the linker drops this file's
 * section when stack_check_status_name() is unused).
 */
#include "stack_check.h"

const char *stack_check_status_name(int status)
{
    switch (status) {
    case STACK_CHECK_OK:
        return "STACK_CHECK_OK";
    case STACK_CHECK_ERR_RNG_SEED:
        return "STACK_CHECK_ERR_RNG_SEED";
    case STACK_CHECK_ERR_RNG_CLOCK:
        return "STACK_CHECK_ERR_RNG_CLOCK";
    case STACK_CHECK_ERR_RNG_TIMEOUT:
        return "STACK_CHECK_ERR_RNG_TIMEOUT";
    case STACK_CHECK_ERR_RNG_REPEAT:
        return "STACK_CHECK_ERR_RNG_REPEAT";
    case STACK_CHECK_ERR_CRC:
        return "STACK_CHECK_ERR_CRC";
    case STACK_CHECK_ERR_CORRUPTED:
        return "STACK_CHECK_ERR_CORRUPTED";
    case STACK_CHECK_ERR_NOT_INITIALISED:
        return "STACK_CHECK_ERR_NOT_INITIALISED";
    case STACK_CHECK_ERR_LAYOUT:
        return "STACK_CHECK_ERR_LAYOUT";
    case STACK_CHECK_ERR_RECORD_MAGIC:
        return "STACK_CHECK_ERR_RECORD_MAGIC";
    case STACK_CHECK_ERR_RECORD_VERSION:
        return "STACK_CHECK_ERR_RECORD_VERSION";
    case STACK_CHECK_ERR_RECORD_CRC:
        return "STACK_CHECK_ERR_RECORD_CRC";
    case STACK_CHECK_ERR_WATCHDOG_RANGE:
        return "STACK_CHECK_ERR_WATCHDOG_RANGE";
    case STACK_CHECK_ERR_WATCHDOG_TIMEOUT:
        return "STACK_CHECK_ERR_WATCHDOG_TIMEOUT";
    case STACK_CHECK_ERR_WATCHDOG_UNSUPPORTED:
        return "STACK_CHECK_ERR_WATCHDOG_UNSUPPORTED";
    case STACK_CHECK_ERR_WATCHDOG_NOT_STARTED:
        return "STACK_CHECK_ERR_WATCHDOG_NOT_STARTED";
    case STACK_CHECK_FAULT_RECORDED:
        return "STACK_CHECK_FAULT_RECORDED";
    case STACK_CHECK_ERROR_MEMORY_FORMATTED:
        return "STACK_CHECK_ERROR_MEMORY_FORMATTED";
    default:
        return "STACK_CHECK_ERR_UNKNOWN";
    }
}
