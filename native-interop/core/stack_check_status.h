/**
 * @file stack_check_status.h
 * @brief The status codes every SafetyMonitor function returns, in a header
 *        of their own: the drivers (native-interop/drivers) and the ports
 *        report in them without depending on the monitor's API
 *        (stack_check.h), and the core, the stubs and the managed side
 *        (SafetyMonitor.AreaStatus, FaultRecordStatus, ErrorMemoryStatus)
 *        share the values.
 */
#ifndef SAFETYMONITOR_STACK_CHECK_STATUS_H
#define SAFETYMONITOR_STACK_CHECK_STATUS_H

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Status codes of the stack-check functions. 0 is success; every failure has
 * its own negative value, stable across releases (the managed side and stored
 * error records carry them); the two positive values are outcomes that are
 * not failures.
 */
enum stack_check_status {
    /** Success: area initialised, or area intact. */
    STACK_CHECK_OK = 0,
    /** RNG seed error (RNG_SR.SECS/SEIS) that persisted through the bounded
     *  recovery attempts (RM0090 §24.3.2). */
    STACK_CHECK_ERR_RNG_SEED = -1,
    /** RNG clock error (RNG_SR.CECS: RNG clock slower than HCLK/16 or absent,
     *  RM0090 §24.4.2). */
    STACK_CHECK_ERR_RNG_CLOCK = -2,
    /** RNG_SR.DRDY did not rise within the poll limit. */
    STACK_CHECK_ERR_RNG_TIMEOUT = -3,
    /** RNG continuous test failed: a word equal to the one before it
     *  (RM0090 §24.3.1, after FIPS PUB 140-2). */
    STACK_CHECK_ERR_RNG_REPEAT = -4,
    /** CRC unit fault: CRC_DR not at its reset value 0xFFFFFFFF after
     *  CRC_CR.RESET, or the known-answer test failed (RM0090 §4.4). */
    STACK_CHECK_ERR_CRC = -5,
    /** The area no longer matches its CRC: something wrote into it. */
    STACK_CHECK_ERR_CORRUPTED = -6,
    /** The area was never initialised, or its last initialisation failed. */
    STACK_CHECK_ERR_NOT_INITIALISED = -7,
    /** The port reports no usable area (missing, fewer than 2 words). The
     *  linker fragment's ASSERTs prevent this in firmware. */
    STACK_CHECK_ERR_LAYOUT = -8,
    /** A retained record (fault record, error memory) whose magic word is
     *  neither a valid nor an empty record's: overwritten, or never written
     *  since power-on. */
    STACK_CHECK_ERR_RECORD_MAGIC = -9,
    /** A retained record of a format version this build does not read. */
    STACK_CHECK_ERR_RECORD_VERSION = -10,
    /** A retained record whose CRC does not match its contents. */
    STACK_CHECK_ERR_RECORD_CRC = -11,
    /** Watchdog: a timeout outside what the independent watchdog can count
     *  (1 to 32768 ms at the nominal 32 kHz LSI, RM0090 §21.3, the table of IWDG timeouts at 32 kHz);
     *  nothing was started. */
    STACK_CHECK_ERR_WATCHDOG_RANGE = -12,
    /** Watchdog: IWDG_SR.PVU or RVU did not clear within the poll limit
     *  (RM0090 §21.4.4: up to 5 LSI periods); the watchdog runs, with a
     *  timeout that may be the old one. */
    STACK_CHECK_ERR_WATCHDOG_TIMEOUT = -13,
    /** Watchdog: this port has no watchdog (nothing was started). */
    STACK_CHECK_ERR_WATCHDOG_UNSUPPORTED = -14,
    /** Watchdog: refreshed before it was started (nothing was written). */
    STACK_CHECK_ERR_WATCHDOG_NOT_STARTED = -15,

    /** stack_check_fault_boot(), stack_check_last_fault(): a valid fault
     *  record was found (not an error: positive). */
    STACK_CHECK_FAULT_RECORDED = 1,
    /** stack_check_error_memory_open(): the store was blank (or noise after
     *  a power-on reset) and has been formatted, empty (not an error). */
    STACK_CHECK_ERROR_MEMORY_FORMATTED = 2
};

/**
 * Name of a status code, for logs: "STACK_CHECK_OK", "STACK_CHECK_ERR_..." or
 * "STACK_CHECK_ERR_UNKNOWN" for any other value. Never NULL; static storage.
 */
const char *stack_check_status_name(int status);

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_STACK_CHECK_STATUS_H */
