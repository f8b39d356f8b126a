/**
 * @file target_report.h
 * @brief Shared by the QEMU target tests: result lines and exit codes.
 *
 * A target test passes only on its expected exit code together with its
 * expected marker line (run-qemu.cmake); the codes below are distinct from
 * 0 and 1 so that a reset request (which exits QEMU with 0 under -no-reboot)
 * or a generic failure can never look like a pass.
 */
#ifndef SAFETYMONITOR_TARGET_REPORT_H
#define SAFETYMONITOR_TARGET_REPORT_H

#include "semihosting.h"

#include <stdbool.h>
#include <stdint.h>

/** Overflow test outcomes. */
#define TARGET_EXIT_FAULT_DATA_INTACT 10      /**< HardFault below the stack's region, data intact */
#define TARGET_EXIT_DATA_OVERWRITTEN 11       /**< data overwritten, no fault (conventional layout) */
#define TARGET_EXIT_FAULT_AFTER_DATA_LOST 12  /**< a fault, but data was overwritten first */
/** Check-list tests: every case gave what it should. */
#define TARGET_EXIT_ALL_CASES_PASSED 20
#define TARGET_EXIT_CASE_FAILED 21

/** Counts and prints one case of a check-list test. */
static inline void target_case(uint32_t *passed, uint32_t *total, bool ok, const char *name)
{
    (*total)++;
    if (ok) {
        (*passed)++;
    }
    sh_printf("  %-4s %s\n", ok ? "ok" : "FAIL", name);
}

#endif /* SAFETYMONITOR_TARGET_REPORT_H */
