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

#include "stack_check_status.h"

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

/** A source of raw random words: STACK_CHECK_OK and @p word written, or a
 *  STACK_CHECK_ERR_RNG_* code. */
typedef int (*rng_raw_word_fn)(uint32_t *word);

/**
 * The next word of @p raw that passed the test: at most two raw words (the
 * first after a restart only primes the test).
 * @retval STACK_CHECK_OK               @p word written
 * @retval STACK_CHECK_ERR_RNG_REPEAT   the word equalled the previous one
 * @retval other                        the source's own STACK_CHECK_ERR_RNG_* code
 */
static inline int rng_continuous_test_next(rng_continuous_test_t *test, rng_raw_word_fn raw, uint32_t *word)
{
    uint32_t value = 0u;
    int verdict = raw(&value);
    if (verdict == STACK_CHECK_OK) {
        verdict = rng_continuous_test_feed(test, value);
    }
    if (verdict == RNG_CONTINUOUS_TEST_DISCARD) {
        verdict = raw(&value);
        if (verdict == STACK_CHECK_OK) {
            verdict = rng_continuous_test_feed(test, value); /* primed: never DISCARD again */
        }
    }
    if (verdict == STACK_CHECK_OK) {
        *word = value;
    }
    return verdict;
}

#endif /* SAFETYMONITOR_RNG_CONTINUOUS_TEST_H */
