/**
 * @file rng_continuous_test.h
 * @brief The RNG continuous test every port applies to its random words
 *        (RM0090 §24.3.1, after FIPS PUB 140-2 §4.9.2): the first word after
 *        the generator (re)starts is not used but kept for comparison; every
 *        later word is compared with the one before it, and two equal words
 *        are a failure.
 *
 * RAM: 8 bytes per generator. No waits.
 */
#ifndef SAFETYMONITOR_RNG_CONTINUOUS_TEST_H
#define SAFETYMONITOR_RNG_CONTINUOUS_TEST_H

#include "stack_check.h"

#include <stdbool.h>
#include <stdint.h>

/** State of the test for one generator. Zero-initialised = restarted. */
typedef struct {
    uint32_t previous; /**< last word seen since the restart */
    bool primed;       /**< previous holds a word */
} rng_continuous_test_t;

/** Result of rng_continuous_test_feed() for a word that is kept only for
 *  comparison (the first after a restart). Positive: not a status code. */
#define RNG_CONTINUOUS_TEST_DISCARD 1

/** Forgets the previous word: call whenever the generator is (re)started. */
static inline void rng_continuous_test_restart(rng_continuous_test_t *test)
{
    test->primed = false;
}

/**
 * Feeds the next raw word.
 * @retval RNG_CONTINUOUS_TEST_DISCARD  first word since the restart: do not use it
 * @retval STACK_CHECK_OK               the word may be used
 * @retval STACK_CHECK_ERR_RNG_REPEAT   the word equals the previous one
 */
static inline int rng_continuous_test_feed(rng_continuous_test_t *test, uint32_t word)
{
    if (!test->primed) {
        test->previous = word;
        test->primed = true;
        return RNG_CONTINUOUS_TEST_DISCARD;
    }
    if (word == test->previous) {
        return STACK_CHECK_ERR_RNG_REPEAT;
    }
    test->previous = word;
    return STACK_CHECK_OK;
}

#endif /* SAFETYMONITOR_RNG_CONTINUOUS_TEST_H */
