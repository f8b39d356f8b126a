/**
 * @file posix_stack_faults.c
 * @brief TEST BUILDS ONLY. The `posix` port's real stack code (posix_stack.c)
 *        compiled against a pthread_getattr_np() that the tests can make
 *        fail, so that the "bounds unknown" path runs.
 *
 * Linked into libsafetymon_native_test.so in place of posix_stack.c.
 */
#define _GNU_SOURCE /* pthread_getattr_np */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>

static bool fail_getattr;

/** Makes pthread_getattr_np() fail (for threads that have not asked yet). */
void safetymon_test_stack_query_fails(int fails);
void safetymon_test_stack_query_fails(int fails)
{
    fail_getattr = fails != 0;
}

static int getattr_with_faults(pthread_t thread, pthread_attr_t *attributes)
{
    return fail_getattr ? ENOSYS : pthread_getattr_np(thread, attributes);
}

#define pthread_getattr_np getattr_with_faults
#include "posix_stack.c"
