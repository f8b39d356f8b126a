/**
 * @file error_memory.c
 * @brief Persistent error flags and counters (see error_memory.h).
 */
#include "error_memory.h"

#include "fault_record.h"
#include "stack_check.h"

#include <stddef.h>

#define STORE_WORDS (STACK_CHECK_ERROR_MEMORY_BYTES / 4u)

_Static_assert(sizeof(stack_check_error_memory_t) == STACK_CHECK_ERROR_MEMORY_BYTES, "the store is 80 bytes");
_Static_assert(offsetof(stack_check_error_memory_t, counts) == 12u, "counters at offset 12");
_Static_assert(offsetof(stack_check_error_memory_t, crc) == 76u, "CRC at offset 76");

/* The CRC is over the store's first 19 words as little-endian numbers: on a
 * little-endian CPU (Cortex-M, x86) those are the words in memory. */
static uint32_t store_crc(const stack_check_error_memory_t *store)
{
    uint32_t words[STORE_WORDS - 1u];
    const uint8_t *bytes = (const uint8_t *)store;
    for (uint32_t w = 0u; w < STORE_WORDS - 1u; w++) {
        words[w] = (uint32_t)bytes[4u * w] | ((uint32_t)bytes[4u * w + 1u] << 8) |
                   ((uint32_t)bytes[4u * w + 2u] << 16) | ((uint32_t)bytes[4u * w + 3u] << 24);
    }
    return stack_check_record_crc(words, STORE_WORDS - 1u);
}

static void seal(stack_check_error_memory_t *store)
{
    store->magic = STACK_CHECK_ERROR_MEMORY_MAGIC;
    store->version = STACK_CHECK_ERROR_MEMORY_VERSION;
    store->crc = store_crc(store);
}

static void format(stack_check_error_memory_t *store)
{
    store->flags = 0u;
    for (uint32_t i = 0u; i < STACK_CHECK_ERROR_MEMORY_FLAGS; i++) {
        store->counts[i] = 0u;
    }
    seal(store);
}

static bool all_zero(const stack_check_error_memory_t *store)
{
    const uint8_t *bytes = (const uint8_t *)store;
    uint8_t any = 0u;
    for (uint32_t i = 0u; i < STACK_CHECK_ERROR_MEMORY_BYTES; i++) {
        any |= bytes[i];
    }
    return any == 0u;
}

/* STACK_CHECK_OK, or why the store cannot be trusted. */
static int validate(const stack_check_error_memory_t *store)
{
    if (store->magic != STACK_CHECK_ERROR_MEMORY_MAGIC) {
        return STACK_CHECK_ERR_RECORD_MAGIC;
    }
    if (store->version != STACK_CHECK_ERROR_MEMORY_VERSION) {
        return STACK_CHECK_ERR_RECORD_VERSION;
    }
    return store_crc(store) == store->crc ? STACK_CHECK_OK : STACK_CHECK_ERR_RECORD_CRC;
}

/* Adds @p times to the counter of every flag in @p flags, saturating. */
static void count_times(stack_check_error_memory_t *store, uint32_t flags, uint32_t times)
{
    for (uint32_t bit = 0u; bit < STACK_CHECK_ERROR_MEMORY_FLAGS; bit++) {
        if ((flags & (1u << bit)) != 0u) {
            const uint32_t room = UINT16_MAX - (uint32_t)store->counts[bit];
            store->counts[bit] = (uint16_t)(store->counts[bit] + (times < room ? times : room));
        }
    }
}

static void count(stack_check_error_memory_t *store, uint32_t flags)
{
    count_times(store, flags, 1u);
}

/* A damaged store loses its contents: wipe it and say so in it. */
static void wipe_damaged(stack_check_error_memory_t *store)
{
    format(store);
    store->flags = ERR_FLAG_ERROR_MEMORY;
    count(store, ERR_FLAG_ERROR_MEMORY);
    seal(store);
}

/* Validates; a damaged store is wiped and flagged. Returns the validation. */
static int ensure_valid(stack_check_error_memory_t *store)
{
    const int status = validate(store);
    if (status != STACK_CHECK_OK) {
        wipe_damaged(store);
    }
    return status;
}

int stack_check_error_memory_open(stack_check_error_memory_t *store, bool power_on)
{
    const int status = validate(store);
    if (status == STACK_CHECK_OK) {
        return STACK_CHECK_OK;
    }
    if (all_zero(store) || (power_on && status == STACK_CHECK_ERR_RECORD_MAGIC)) {
        format(store);
        return STACK_CHECK_ERROR_MEMORY_FORMATTED;
    }
    wipe_damaged(store);
    return status;
}

int stack_check_error_memory_raise_times(stack_check_error_memory_t *store, uint32_t flags, bool persistent,
                                         uint32_t times)
{
    const int status = ensure_valid(store);
    count_times(store, flags, times);
    if (persistent) {
        store->flags |= flags;
    }
    seal(store);
    return status;
}

int stack_check_error_memory_raise(stack_check_error_memory_t *store, uint32_t flags, bool persistent)
{
    return stack_check_error_memory_raise_times(store, flags, persistent, 1u);
}

int stack_check_error_memory_read(stack_check_error_memory_t *store, uint32_t *flags, uint16_t *counts)
{
    const int status = ensure_valid(store);
    if (flags != NULL) {
        *flags = store->flags;
    }
    if (counts != NULL) {
        for (uint32_t i = 0u; i < STACK_CHECK_ERROR_MEMORY_FLAGS; i++) {
            counts[i] = store->counts[i];
        }
    }
    return status;
}

void stack_check_error_memory_clear(stack_check_error_memory_t *store)
{
    format(store);
}
