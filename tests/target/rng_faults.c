/**
 * @file rng_faults.c
 * @brief Target test: RNG and CRC failures injected through the board's
 *        peripheral models make stack_check_init_corruption_detect_area()
 *        fail with its own code, and leave the area unsealed; every seed
 *        error the model can show (with DRDY set, with SEIS or SECS already
 *        back to 0) is recovered without reading RNG_DR; the production
 *        drivers run unchanged behind the MPU trap.
 */
#include "crc32_stm32_soft.h"
#include "semihosting.h"
#include "stack_check.h"
#include "stack_check_port.h"
#include "stm32_periph_model.h"
#include "target_report.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    const char *name;
    stm32_model_rng_fault_t rng;
    stm32_model_crc_fault_t crc;
    int expected;
} fault_case_t;

static const fault_case_t cases[] = {
    {"healthy RNG and CRC", STM32_MODEL_RNG_HEALTHY, STM32_MODEL_CRC_HEALTHY, STACK_CHECK_OK},
    {"RNG_SR.DRDY never rises", STM32_MODEL_RNG_DRDY_STUCK, STM32_MODEL_CRC_HEALTHY, STACK_CHECK_ERR_RNG_TIMEOUT},
    {"seed error, recovered", STM32_MODEL_RNG_SEED_ERROR_ONCE, STM32_MODEL_CRC_HEALTHY, STACK_CHECK_OK},
    {"seed error that persists", STM32_MODEL_RNG_SEED_ERROR_STUCK, STM32_MODEL_CRC_HEALTHY,
     STACK_CHECK_ERR_RNG_SEED},
    {"RNG clock error", STM32_MODEL_RNG_CLOCK_ERROR, STM32_MODEL_CRC_HEALTHY, STACK_CHECK_ERR_RNG_CLOCK},
    {"repeated RNG word", STM32_MODEL_RNG_REPEAT_ONCE, STM32_MODEL_CRC_HEALTHY, STACK_CHECK_ERR_RNG_REPEAT},
    {"seed error over a ready word", STM32_MODEL_RNG_SEED_ERROR_OVER_WORD, STM32_MODEL_CRC_HEALTHY, STACK_CHECK_OK},
    {"seed error, SEIS cleared", STM32_MODEL_RNG_SEED_ERROR_SEIS_CLEARED, STM32_MODEL_CRC_HEALTHY, STACK_CHECK_OK},
    {"seed error, SECS back to 0", STM32_MODEL_RNG_SEED_ERROR_SECS_CLEARED, STM32_MODEL_CRC_HEALTHY, STACK_CHECK_OK},
    {"seed error on a 2nd word", STM32_MODEL_RNG_SEED_ERROR_SECOND_WORD, STM32_MODEL_CRC_HEALTHY, STACK_CHECK_OK},
    {"CRC_DR reads 0", STM32_MODEL_RNG_HEALTHY, STM32_MODEL_CRC_STUCK_ZERO, STACK_CHECK_ERR_CRC},
    {"CRC_CR.RESET ignored", STM32_MODEL_RNG_HEALTHY, STM32_MODEL_CRC_RESET_IGNORED, STACK_CHECK_ERR_CRC},
    {"CRC result wrong", STM32_MODEL_RNG_HEALTHY, STM32_MODEL_CRC_WRONG_RESULT, STACK_CHECK_ERR_CRC},
};

int main(void)
{
    uint32_t passed = 0u;
    uint32_t total = 0u;
    target_case(&passed, &total, stack_check_corruption_detect_area() == STACK_CHECK_ERR_NOT_INITIALISED,
                "check after a fresh boot, before init: STACK_CHECK_ERR_NOT_INITIALISED");
    for (uint32_t i = 0u; i < sizeof cases / sizeof cases[0]; i++) {
        const fault_case_t *c = &cases[i];
        stm32_periph_model_inject_rng(c->rng);
        stm32_periph_model_inject_crc(c->crc);
        const uint32_t seed_errors = stm32_periph_model_stats()->rng_seed_errors;
        const uint32_t spoiled_reads = stm32_periph_model_stats()->rng_dr_reads_in_seed_error;
        const int init = stack_check_init_corruption_detect_area();
        stm32_periph_model_inject_rng(STM32_MODEL_RNG_HEALTHY);
        stm32_periph_model_inject_crc(STM32_MODEL_CRC_HEALTHY);
        const int check = stack_check_corruption_detect_area();
        const int expected_check = c->expected == STACK_CHECK_OK ? STACK_CHECK_OK : STACK_CHECK_ERR_NOT_INITIALISED;
        /* RM0090 §24.3.2: after a seed error RNG_DR is not read until the
         * recovery, even with DRDY set. */
        const bool seed_error_seen = stm32_periph_model_stats()->rng_seed_errors != seed_errors;
        const bool no_spoiled_read = stm32_periph_model_stats()->rng_dr_reads_in_seed_error == spoiled_reads;
        const bool injected_seed_error = c->rng == STM32_MODEL_RNG_SEED_ERROR_ONCE || c->rng == STM32_MODEL_RNG_SEED_ERROR_STUCK ||
                                         c->rng >= STM32_MODEL_RNG_SEED_ERROR_OVER_WORD;
        const bool ok = init == c->expected && check == expected_check && no_spoiled_read &&
                        seed_error_seen == injected_seed_error;
        total++;
        passed += ok ? 1u : 0u;
        sh_printf("  %-4s %-30s init %-28s then check %s\n", ok ? "ok" : "FAIL", c->name,
                  stack_check_status_name(init), stack_check_status_name(check));
    }
    /* The CRC unit's passes against the software CRC: the seal's (any count)
     * and the per-cycle feed's (stm32_crc_residue_difference(): eight words
     * per load-multiple, the count a multiple of 8). */
    bool crc_agrees = stack_check_port_init() == STACK_CHECK_OK;
    uint32_t words[64];
    for (uint32_t i = 0u; i < 64u; i++) {
        words[i] = 0x01020304u * (i + 1u) ^ (0x80000000u >> (i % 32u));
    }
    for (uint32_t count = 1u; count <= 17u && crc_agrees; count++) {
        crc_agrees = stack_check_port_crc(words, count) == crc32_stm32_soft_words(CRC32_STM32_SOFT_INIT, words, count);
    }
    target_case(&passed, &total, crc_agrees, "CRC unit passes over 1 to 17 words equal the software CRC");
    bool feed_agrees = true;
    for (uint32_t count = 8u; count <= 64u && feed_agrees; count += 8u) {
        const uint32_t soft = crc32_stm32_soft_words(CRC32_STM32_SOFT_INIT, words, count);
        feed_agrees = stack_check_port_crc_difference(words, count) == soft - STACK_CHECK_SEAL_RESIDUE;
    }
    target_case(&passed, &total, feed_agrees,
                "the per-cycle feed over 8 to 64 words (load-multiples of 8) equals the software CRC");
    sh_printf("RESULT: %u of %u cases passed\n", (unsigned)passed, (unsigned)total);
    return passed == total ? TARGET_EXIT_ALL_CASES_PASSED : TARGET_EXIT_CASE_FAILED;
}
