/**
 * @file posix_stack.c
 * @brief The `posix` port's stack bounds (pthread) and area.
 */
#define _GNU_SOURCE /* pthread_getattr_np */
#include "stack_check_port_layout.h"

#include <pthread.h>
#include <stdbool.h>

_Static_assert(SAFETYMON_POSIX_AREA_BYTES % 32 == 0 && SAFETYMON_POSIX_AREA_BYTES >= 32,
               "SAFETYMON_POSIX_AREA_BYTES must be a multiple of 32 and at least 32 (STACK_CHECK_AREA_GRANULE_WORDS)");

uint32_t stack_check_posix_area[SAFETYMON_POSIX_AREA_BYTES / 4];
const uint32_t stack_check_posix_area_words = SAFETYMON_POSIX_AREA_BYTES / 4;

static _Thread_local bool bounds_known;
static _Thread_local uintptr_t thread_base;
static _Thread_local uintptr_t thread_end;

static bool read_thread_stack(void)
{
    pthread_attr_t attributes;
    if (pthread_getattr_np(pthread_self(), &attributes) != 0) {
        return false;
    }
    void *lowest = NULL;
    size_t size = 0u;
    const int status = pthread_attr_getstack(&attributes, &lowest, &size);
    (void)pthread_attr_destroy(&attributes);
    if (status != 0 || lowest == NULL || size == 0u) {
        return false;
    }
    thread_base = (uintptr_t)lowest;
    thread_end = thread_base + size;
    return true;
}

void stack_check_posix_thread_stack(uintptr_t sp, uintptr_t *base, uintptr_t *end)
{
    if (!bounds_known) {
        bounds_known = read_thread_stack();
    }
    if (bounds_known) {
        *base = thread_base;
        *end = thread_end;
    } else {
        *base = sp;
        *end = sp;
    }
}
