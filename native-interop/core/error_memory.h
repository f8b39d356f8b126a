/**
 * @file error_memory.h
 * @brief The error memory: persistent error flags and a counter per flag,
 *        kept across resets in a CRC-sealed store, cleared only by an
 *        explicit call (the seed design kept the same in backup RAM).
 *
 * The store is 80 bytes wherever the caller keeps it: RAM that start-up
 * leaves alone (bare metal: an object in section `.noinit`), the backup SRAM,
 * or the 20 RTC backup registers of an STM32F4 (RM0090 §26.3.17, 80 bytes).
 * Byte layout, little-endian, shared with the managed
 * SafetyMonitor.ErrorMemory so that either side reads what the other wrote:
 *
 * | offset | bytes | field |
 * | 0  | 4  | magic ::STACK_CHECK_ERROR_MEMORY_MAGIC |
 * | 4  | 4  | version ::STACK_CHECK_ERROR_MEMORY_VERSION |
 * | 8  | 4  | persistent flags (ERR_FLAG_* bits) |
 * | 12 | 64 | 32 counters, uint16 each, counter n for flag bit n, saturating at 65535 |
 * | 76 | 4  | CRC-32, STM32 parameters, of the 19 little-endian words before it |
 *
 * Every function validates the store before it uses it: a store that fails
 * (magic, version or CRC) is wiped, marked with ::ERR_FLAG_ERROR_MEMORY
 * (persistent, counted once) and reported. No function waits, allocates or
 * touches a peripheral (the CRC is computed in software).
 */
#ifndef SAFETYMONITOR_ERROR_MEMORY_H
#define SAFETYMONITOR_ERROR_MEMORY_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** magic of a formatted store ("SEM1"). */
#define STACK_CHECK_ERROR_MEMORY_MAGIC 0x53454D31u
/** Format version of ::stack_check_error_memory_t. */
#define STACK_CHECK_ERROR_MEMORY_VERSION 1u
/** Number of flags (and counters): one per bit of the error-flag word. */
#define STACK_CHECK_ERROR_MEMORY_FLAGS 32u
/** Size of the store, bytes. */
#define STACK_CHECK_ERROR_MEMORY_BYTES 80u

/** The store (see the byte layout above). */
typedef struct {
    uint32_t magic;                                   /**< ::STACK_CHECK_ERROR_MEMORY_MAGIC */
    uint32_t version;                                 /**< ::STACK_CHECK_ERROR_MEMORY_VERSION */
    uint32_t flags;                                   /**< persistent flags */
    uint16_t counts[STACK_CHECK_ERROR_MEMORY_FLAGS];  /**< times each flag was raised */
    uint32_t crc;                                     /**< seal */
} stack_check_error_memory_t;

/**
 * Opens the store at start-up: keeps a valid one; formats a blank one (all
 * zeros, or anything after a power-on reset when @p power_on); wipes a
 * damaged one, sets ::ERR_FLAG_ERROR_MEMORY in it and reports why.
 *
 * @param store    the store (80 bytes, 4-byte aligned); must not be NULL
 * @param power_on true after a power-on or brown-out reset (RM0090 §7.3.21
 *                 RCC_CSR.PORRSTF/BORRSTF): unsealed RAM is noise then, not
 *                 damage. False when the board cannot tell.
 * @retval STACK_CHECK_OK                      valid, kept
 * @retval STACK_CHECK_ERROR_MEMORY_FORMATTED  blank, formatted empty
 * @retval STACK_CHECK_ERR_RECORD_MAGIC        damaged (magic), wiped, flag set
 * @retval STACK_CHECK_ERR_RECORD_VERSION      another format version, wiped, flag set
 * @retval STACK_CHECK_ERR_RECORD_CRC          damaged (CRC), wiped, flag set
 */
int stack_check_error_memory_open(stack_check_error_memory_t *store, bool power_on);

/**
 * Records that @p flags were raised: each flag's counter goes up by one
 * (saturating at 65535); with @p persistent the flags are also kept set
 * until stack_check_error_memory_clear().
 *
 * @retval STACK_CHECK_OK  recorded
 * @retval STACK_CHECK_ERR_RECORD_MAGIC, _VERSION, _CRC  the store had been
 *         damaged since the last call: wiped, ::ERR_FLAG_ERROR_MEMORY set,
 *         then @p flags recorded
 */
int stack_check_error_memory_raise(stack_check_error_memory_t *store, uint32_t flags, bool persistent);

/**
 * stack_check_error_memory_raise() for an event that happened @p times
 * times: each flag's counter goes up by @p times (saturating at 65535); 0
 * counts nothing but still keeps persistent flags.
 *
 * @return as stack_check_error_memory_raise()
 */
int stack_check_error_memory_raise_times(stack_check_error_memory_t *store, uint32_t flags, bool persistent,
                                         uint32_t times);

/**
 * Reads the store.
 *
 * @param[out] flags  persistent flags (may be NULL)
 * @param[out] counts ::STACK_CHECK_ERROR_MEMORY_FLAGS counters (may be NULL)
 * @retval STACK_CHECK_OK  read
 * @retval STACK_CHECK_ERR_RECORD_MAGIC, _VERSION, _CRC  damaged: wiped and
 *         flagged as by stack_check_error_memory_open(), then read
 */
int stack_check_error_memory_read(stack_check_error_memory_t *store, uint32_t *flags, uint16_t *counts);

/** Clears every flag and counter (the explicit act that ends the evidence). */
void stack_check_error_memory_clear(stack_check_error_memory_t *store);

/**
 * Start-up of both retained stores, once, before the first safety cycle:
 * stack_check_fault_boot(@p power_on), then
 * stack_check_error_memory_open(@p store, @p power_on); then, in the error
 * memory, ::ERR_FLAG_STACK (persistent, counted once per fault the record
 * counts) when a fault was recorded, and ::ERR_FLAG_ERROR_MEMORY (persistent,
 * counted) when the fault record was damaged; only then, with the evidence
 * in the error memory, stack_check_fault_acknowledge(). A reset at any point
 * before that reports the record again. The fault itself stays readable
 * through stack_check_last_fault().
 *
 * @return what stack_check_error_memory_open() returned.
 */
int stack_check_retained_boot(stack_check_error_memory_t *store, bool power_on);

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_ERROR_MEMORY_H */
