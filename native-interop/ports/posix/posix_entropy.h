/**
 * @file posix_entropy.h
 * @brief Entropy source of the `posix` port: one raw 32-bit word.
 *
 * posix_entropy.c reads getrandom(2) without blocking. A test build may link
 * another definition to inject failures (tests/host/posix_entropy_faults.c).
 */
#ifndef SAFETYMONITOR_POSIX_ENTROPY_H
#define SAFETYMONITOR_POSIX_ENTROPY_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef POSIX_ENTROPY_RETRIES
/** getrandom() calls tried for one word while the kernel says EAGAIN (pool not
 *  initialised yet) or EINTR, before ::STACK_CHECK_ERR_RNG_TIMEOUT. */
#define POSIX_ENTROPY_RETRIES 16u
#endif

/**
 * Reads one raw random word (the continuous test is applied by the caller).
 * @retval STACK_CHECK_OK               @p word written
 * @retval STACK_CHECK_ERR_RNG_TIMEOUT  not ready (EAGAIN/EINTR) after ::POSIX_ENTROPY_RETRIES calls
 * @retval STACK_CHECK_ERR_RNG_SEED     the source failed (any other errno): no usable entropy
 */
int posix_entropy_word(uint32_t *word);

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_POSIX_ENTROPY_H */
