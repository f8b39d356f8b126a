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
        stack_check_fault_record_t record;
        (void)stack_check_last_fault(&record);
        (void)stack_check_error_memory_raise_times(store, ERR_FLAG_STACK, true, record.count);
    } else if (fault < 0) {
        (void)stack_check_error_memory_raise(store, ERR_FLAG_ERROR_MEMORY, true);
    }
    /* The evidence is in the error memory now: the record may go. */
    (void)stack_check_fault_acknowledge();
    return status;
}
