/**
 * @file posix_watchdog.c
 * @brief The `posix` port's watchdog: a software stand-in for the IWDG (see
 *        stack_check_watchdog.h). A thread of its own, started with the
 *        watchdog, wakes every millisecond (CLOCK_MONOTONIC) and, once the
 *        timeout has passed since the last refresh, ends the process the way
 *        a reset ends a run: one line on stderr, then _exit() with
 *        ::STACK_CHECK_WATCHDOG_EXIT_STATUS (no atexit handlers, no
 *        buffers flushed, no destructors). Like the IWDG it cannot be
 *        stopped. No register says after the restart why the last run ended:
 *        stack_check_reset_flags() is 0 here (posix_reset_flags.c).
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime, nanosleep */
#include "stack_check_status.h"
#include "stack_check_watchdog.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

/* The range of the IWDG at its nominal LSI (RM0090 §21.3), kept so that
 * code tested here behaves as it will on a board. */
#define POSIX_WATCHDOG_MIN_MS 1
#define POSIX_WATCHDOG_MAX_MS 32768
#define NS_PER_MS 1000000LL

static pthread_mutex_t start_lock = PTHREAD_MUTEX_INITIALIZER;
static bool started;
static _Atomic int64_t deadline_ns;
static _Atomic int32_t timeout_ms_set;

static int64_t now_ns(void)
{
    struct timespec now;
    (void)clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000000000LL + now.tv_nsec;
}

static void *watch(void *unused)
{
    (void)unused;
    const struct timespec tick = {0, NS_PER_MS};
    for (;;) {
        (void)nanosleep(&tick, NULL);
        if (now_ns() >= atomic_load(&deadline_ns)) {
            fprintf(stderr, "SafetyMonitor watchdog (POSIX stand-in): not refreshed within %d ms: "
                            "ending the process as a reset would\n", (int)atomic_load(&timeout_ms_set));
            _exit(STACK_CHECK_WATCHDOG_EXIT_STATUS);
        }
    }
    return NULL;
}

int32_t stack_check_watchdog_start(int32_t timeout_ms)
{
    if (timeout_ms < POSIX_WATCHDOG_MIN_MS || timeout_ms > POSIX_WATCHDOG_MAX_MS) {
        return STACK_CHECK_ERR_WATCHDOG_RANGE;
    }
    (void)pthread_mutex_lock(&start_lock);
    atomic_store(&timeout_ms_set, timeout_ms);
    atomic_store(&deadline_ns, now_ns() + timeout_ms * NS_PER_MS);
    int32_t result = timeout_ms;
    if (!started) {
        pthread_t thread;
        pthread_attr_t attributes;
        (void)pthread_attr_init(&attributes);
        (void)pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
        if (pthread_create(&thread, &attributes, watch, NULL) == 0) {
            started = true;
        } else {
            result = STACK_CHECK_ERR_WATCHDOG_UNSUPPORTED; /* no thread: nothing watches */
        }
        (void)pthread_attr_destroy(&attributes);
    }
    (void)pthread_mutex_unlock(&start_lock);
    return result;
}

int32_t stack_check_watchdog_refresh(void)
{
    const int32_t timeout_ms = atomic_load(&timeout_ms_set);
    if (timeout_ms == 0) {
        return STACK_CHECK_ERR_WATCHDOG_NOT_STARTED;
    }
    atomic_store(&deadline_ns, now_ns() + timeout_ms * NS_PER_MS);
    return STACK_CHECK_OK;
}
