/**
 * @file posix_entropy_faults.c
 * @brief TEST BUILDS ONLY. The `posix` port's real entropy code
 *        (posix_entropy.c) compiled against a getrandom() whose failures the
 *        tests choose, so that every error path of the port runs.
 *
 * Linked into libsafetymon_native_test.so (the library the managed tests
 * bind to) and the POSIX GoogleTest binary, in place of posix_entropy.c.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/random.h>

/** Faults of the test getrandom(); the values are the managed tests' too. */
enum posix_entropy_fault {
    POSIX_ENTROPY_HEALTHY = 0,     /**< the real getrandom() */
    POSIX_ENTROPY_NOT_READY = 1,   /**< always EAGAIN: pool not initialised */
    POSIX_ENTROPY_FAILED = 2,      /**< always ENOSYS: no entropy source */
    POSIX_ENTROPY_REPEAT_ONCE = 3, /**< the next two calls give the same bytes */
    POSIX_ENTROPY_SHORT_READS = 4, /**< one byte per call (real entropy) */
    POSIX_ENTROPY_INTERRUPTED_ONCE = 5, /**< the next call fails with EINTR, then the real one */
    POSIX_ENTROPY_SHORT_COUNTING = 6    /**< one byte per call: 0x11, 0x22, 0x33, ... */
};

static int fault;
static unsigned repeats_left;
static unsigned calls;
static uint8_t next_byte;

/** Chooses the fault of the following getrandom() calls and zeroes the call count. */
void safetymon_test_entropy_fault(int mode);
void safetymon_test_entropy_fault(int mode)
{
    fault = mode;
    repeats_left = mode == POSIX_ENTROPY_REPEAT_ONCE ? 2u : 0u;
    calls = 0u;
    next_byte = 0x11u;
}

/** getrandom() calls since the last safetymon_test_entropy_fault(). */
unsigned safetymon_test_entropy_calls(void);
unsigned safetymon_test_entropy_calls(void)
{
    return calls;
}

static ssize_t getrandom_with_faults(void *buffer, size_t length, unsigned int flags)
{
    calls++;
    switch (fault) {
    case POSIX_ENTROPY_INTERRUPTED_ONCE:
        fault = POSIX_ENTROPY_HEALTHY;
        errno = EINTR;
        return -1;
    case POSIX_ENTROPY_SHORT_COUNTING:
        if (length == 0u) {
            return 0;
        }
        *(uint8_t *)buffer = next_byte;
        next_byte = (uint8_t)(next_byte + 0x11u);
        return 1;
    case POSIX_ENTROPY_NOT_READY:
        errno = EAGAIN;
        return -1;
    case POSIX_ENTROPY_FAILED:
        errno = ENOSYS;
        return -1;
    case POSIX_ENTROPY_REPEAT_ONCE:
        if (repeats_left > 0u) {
            repeats_left--;
            memset(buffer, 0x5A, length);
            return (ssize_t)length;
        }
        return getrandom(buffer, length, flags);
    case POSIX_ENTROPY_SHORT_READS:
        return getrandom(buffer, length > 0u ? 1u : 0u, flags);
    default:
        return getrandom(buffer, length, flags);
    }
}

#define getrandom getrandom_with_faults
#include "posix_entropy.c"
