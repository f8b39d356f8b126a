/**
 * @file retained_boot.c
 * @brief Start-up of the fault record and the error memory together (see
 *        stack_check_retained_boot() in error_memory.h).
 */
#include "error_memory.h"
#include "fault_record.h"
#include "stack_check.h"

int stack_check_retained_boot(stack_check_error_memory_t *store, bool power_on)
{
    const int fault = stack_check_fault_boot(power_on);
    const int status = stack_check_error_memory_open(store, power_on);
    if (fault == STACK_CHECK_FAULT_RECORDED) {
        (void)stack_check_error_memory_raise(store, ERR_FLAG_STACK, true);
    } else if (fault < 0) {
        (void)stack_check_error_memory_raise(store, ERR_FLAG_ERROR_MEMORY, true);
    }
    return status;
}
