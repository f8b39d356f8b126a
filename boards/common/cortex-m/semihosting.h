/**
 * @file semihosting.h
 * @brief Text output and exit through ARM semihosting (`bkpt 0xab`): how the
 *        emulated board's firmware reports to the terminal and to its tests.
 *
 * On QEMU run with `-semihosting-config enable=on,target=native`. On a real
 * board semihosting needs an attached debugger that serves it (OpenOCD:
 * `arm semihosting enable`); without one `bkpt` faults.
 * Source: ARM "Semihosting for AArch32 and AArch64" (SYS_WRITE0 0x04,
 * SYS_EXIT 0x18, SYS_EXIT_EXTENDED 0x20, ADP_Stopped_ApplicationExit 0x20026).
 */
#ifndef SAFETYMONITOR_SEMIHOSTING_H
#define SAFETYMONITOR_SEMIHOSTING_H

#include <stdarg.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Exit codes of the firmware. 0 and 1 are the program's verdict; the others
 *  name a failure of the firmware itself, so a test never mistakes them. */
enum sh_exit_code {
    SH_EXIT_PASS = 0,
    SH_EXIT_FAIL = 1,
    SH_EXIT_EMULATION_ERROR = 120,      /**< the board's peripheral emulation failed */
    SH_EXIT_UNEXPECTED_EXCEPTION = 121, /**< an exception without a handler */
    SH_EXIT_UNHANDLED_FAULT = 122,      /**< a HardFault the program did not expect */
    SH_EXIT_MAIN_RETURNED = 123         /**< main() returned without a verdict */
};

/**
 * Formats like a small printf and writes the text through SYS_WRITE0: %s %c
 * %d %i %u %x %X %p and %%, with an optional '-' or '0' flag and a field width
 * (e.g. %08x, %-10s); no floating point. Lines are buffered in a static
 * 160-byte buffer, so the caller's stack use stays small (about 64 bytes).
 */
void sh_printf(const char *format, ...) __attribute__((format(printf, 1, 2)));

/** sh_printf() with a va_list. */
void sh_vprintf(const char *format, va_list args);

/** Writes what sh_printf() has buffered. */
void sh_flush(void);

/** Flushes and ends the program with @p code as QEMU's exit status
 *  (SYS_EXIT_EXTENDED; QEMU exits with code & 0xFF). Never returns. */
__attribute__((noreturn)) void sh_exit(int code);

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_SEMIHOSTING_H */
