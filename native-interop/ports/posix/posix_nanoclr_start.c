/**
 * @file posix_nanoclr_start.c
 * @brief The POSIX nanoCLR's start-up hook (see posix_nanoclr_start.h).
 */
#include "posix_nanoclr_start.h"

#include "fault_record.h"
#include "stack_check.h"

#include <stdbool.h>

int safetymonitor_posix_clr_start(void)
{
    (void)stack_check_fault_boot(true);
    return stack_check_paint();
}
