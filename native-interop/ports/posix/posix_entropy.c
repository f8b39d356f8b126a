/**
 * @file posix_entropy.c
 * @brief getrandom(2) as the `posix` port's RNG (Linux 3.17+, glibc 2.25+).
 */
#include "posix_entropy.h"

#include "stack_check_status.h"

#include <errno.h>
#include <sys/random.h>

int posix_entropy_word(uint32_t *word)
{
    uint32_t value = 0u;
    size_t have = 0u;
    for (unsigned attempt = 0u; attempt < POSIX_ENTROPY_RETRIES; attempt++) {
        const ssize_t got = getrandom((unsigned char *)&value + have, sizeof value - have, GRND_NONBLOCK);
        if (got > 0) {
            have += (size_t)got;
            if (have == sizeof value) {
                *word = value;
                return STACK_CHECK_OK;
            }
        } else if (got < 0 && errno != EAGAIN && errno != EINTR) {
            return STACK_CHECK_ERR_RNG_SEED;
        }
    }
    return STACK_CHECK_ERR_RNG_TIMEOUT;
}
