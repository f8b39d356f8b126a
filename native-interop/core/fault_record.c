/**
 * @file fault_record.c
 * @brief The retained fault record (see fault_record.h).
 *
 * RAM: the retained record (72 bytes, in ::STACK_CHECK_RETAINED_SECTION), the
 * boot's copy of it (72 bytes), the boot status and the cycle number.
 */
/* The port may name the retained section (ChibiOS: .safetymonitor_retained) before
 * fault_record.h picks its default. */
#include "stack_check_port.h"

#include "fault_record.h"

#include "crc32_stm32_soft.h"
#include "stack_check.h"

#include <stddef.h>

#define DATA_WORDS (STACK_CHECK_FAULT_RECORD_WORDS - 1u)

_Static_assert(sizeof(stack_check_fault_record_t) == STACK_CHECK_FAULT_RECORD_WORDS * sizeof(uint32_t),
               "the fault record is a plain array of 32-bit words");

/* The record that survives the reset. volatile: written by a fault handler,
 * read by the next boot; the compiler must not keep any of it in registers. */
__attribute__((section(STACK_CHECK_RETAINED_SECTION))) volatile stack_check_fault_record_t stack_check_retained_fault;

static stack_check_fault_record_t boot_copy;
static int boot_status = STACK_CHECK_ERR_NOT_INITIALISED;
static volatile uint32_t current_cycle;

uint32_t stack_check_record_crc(const uint32_t *words, uint32_t count)
{
    return crc32_stm32_soft_words(CRC32_STM32_SOFT_INIT, words, count);
}

void stack_check_set_cycle(uint32_t cycle)
{
    current_cycle = cycle;
}

/* Copies between the volatile retained record and ordinary memory, word by
 * word (no library call: this runs in fault handlers). */
static void copy_out(stack_check_fault_record_t *to)
{
    const volatile uint32_t *from = (const volatile uint32_t *)&stack_check_retained_fault;
    uint32_t *words = (uint32_t *)to;
    for (uint32_t i = 0u; i < STACK_CHECK_FAULT_RECORD_WORDS; i++) {
        words[i] = from[i];
    }
}

static void copy_in(const stack_check_fault_record_t *from)
{
    volatile uint32_t *to = (volatile uint32_t *)&stack_check_retained_fault;
    const uint32_t *words = (const uint32_t *)from;
    for (uint32_t i = 0u; i < STACK_CHECK_FAULT_RECORD_WORDS; i++) {
        to[i] = words[i];
    }
}

static void seal(stack_check_fault_record_t *record, uint32_t magic)
{
    record->magic = magic;
    record->version = STACK_CHECK_FAULT_RECORD_VERSION;
    record->crc = stack_check_record_crc((const uint32_t *)record, DATA_WORDS);
}

static bool is_valid_fault(const stack_check_fault_record_t *record)
{
    return record->magic == STACK_CHECK_FAULT_RECORD_MAGIC && record->version == STACK_CHECK_FAULT_RECORD_VERSION &&
           stack_check_record_crc((const uint32_t *)record, DATA_WORDS) == record->crc;
}

void stack_check_fault_save(const stack_check_fault_record_t *fault)
{
    stack_check_fault_record_t pending;
    copy_out(&pending);
    stack_check_fault_record_t record = *fault;
    record.cycle = current_cycle;
    record.count = 1u;
    if (is_valid_fault(&pending) && pending.count != 0u) {
        record.count = pending.count == UINT32_MAX ? UINT32_MAX : pending.count + 1u;
    }
    seal(&record, STACK_CHECK_FAULT_RECORD_MAGIC);
    copy_in(&record);
}

static bool all_zero(const stack_check_fault_record_t *record)
{
    const uint32_t *words = (const uint32_t *)record;
    uint32_t any = 0u;
    for (uint32_t i = 0u; i < STACK_CHECK_FAULT_RECORD_WORDS; i++) {
        any |= words[i];
    }
    return any == 0u;
}

static int classify(const stack_check_fault_record_t *record, bool power_on)
{
    const bool crc_ok = stack_check_record_crc((const uint32_t *)record, DATA_WORDS) == record->crc;
    if (record->magic == STACK_CHECK_FAULT_RECORD_MAGIC) {
        if (record->version != STACK_CHECK_FAULT_RECORD_VERSION) {
            return STACK_CHECK_ERR_RECORD_VERSION;
        }
        return crc_ok ? STACK_CHECK_FAULT_RECORDED : STACK_CHECK_ERR_RECORD_CRC;
    }
    if (record->magic == STACK_CHECK_FAULT_RECORD_EMPTY) {
        return crc_ok ? STACK_CHECK_OK : STACK_CHECK_ERR_RECORD_CRC;
    }
    return (power_on || all_zero(record)) ? STACK_CHECK_OK : STACK_CHECK_ERR_RECORD_MAGIC;
}

static void seal_empty(void)
{
    stack_check_fault_record_t empty = {0};
    seal(&empty, STACK_CHECK_FAULT_RECORD_EMPTY);
    copy_in(&empty);
}

int stack_check_fault_boot(bool power_on)
{
    stack_check_fault_record_t record;
    copy_out(&record);
    boot_status = classify(&record, power_on);
    boot_copy = boot_status == STACK_CHECK_FAULT_RECORDED ? record : (stack_check_fault_record_t){0};
    if (boot_status == STACK_CHECK_OK) {
        /* Nothing to keep: blank RAM or power-on noise becomes a sealed empty
         * record, so a later warm reset cannot mistake it for damage. */
        seal_empty();
    }
    return boot_status;
}

int stack_check_fault_acknowledge(void)
{
    if (boot_status == STACK_CHECK_ERR_NOT_INITIALISED) {
        return STACK_CHECK_ERR_NOT_INITIALISED;
    }
    seal_empty();
    return STACK_CHECK_OK;
}

int stack_check_last_fault(stack_check_fault_record_t *record)
{
    if (record != NULL) {
        *record = boot_copy;
    }
    return boot_status;
}

int stack_check_last_fault_status(void)
{
    return boot_status;
}

uint32_t stack_check_last_fault_word(int32_t index)
{
    if (index < 0 || index >= (int32_t)STACK_CHECK_FAULT_RECORD_WORDS) {
        return 0u;
    }
    return ((const uint32_t *)&boot_copy)[index];
}
