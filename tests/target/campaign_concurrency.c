/**
 * @file campaign_concurrency.c
 * @brief Fault-injection campaign, concurrency part (on the emulated board):
 *        CAMPAIGN_CYCLES clean safety cycles (area check and free stack)
 *        while TIM2's interrupt runs its own checks, interleaved at
 *        instruction-exact points (QEMU -icount shift=0), and the area is
 *        re-sealed every CAMPAIGN_RESEAL_EVERY cycles. No check may report
 *        anything but STACK_CHECK_OK (no false positive), except an
 *        interrupt's check during a re-seal, which must say
 *        STACK_CHECK_ERR_NOT_INITIALISED, never CORRUPTED (no torn read).
 *
 * CAMPAIGN_CONTROL: the control case. The cycle checks the area without the
 * port's lock: it drives the CRC driver itself (stm32_crc_compute(), what
 * the port does inside stack_check_port_lock()), so the interrupt's checks
 * interleave with its use of the one CRC unit. False positives must appear;
 * the run passes only when they do.
 */
#include "semihosting.h"
#include "stack_check.h"
#include "startup.h"
#include "stm32_crc.h"
#include "target_report.h"
#include "tim2.h"

#include <stdbool.h>
#include <stdint.h>

#ifndef CAMPAIGN_CYCLES
#define CAMPAIGN_CYCLES 100000u
#endif
#ifndef CAMPAIGN_RESEAL_EVERY
#define CAMPAIGN_RESEAL_EVERY 100u
#endif
/* Guest instructions between interrupts: a few cycles' worth, and prime so
 * that the interrupts wander over every point of the cycle. */
#define CAMPAIGN_TIMER_PERIOD 5003u
/* Masked by the port's lock (BASEPRI 0x10), below the emulation's MemManage (0). */
#define CAMPAIGN_TIMER_PRIORITY 0x80u

extern uint32_t __stack_corruption_area_start__[];
extern uint32_t __stack_corruption_area_end__[];

/* The cycle's check: the real one, or (control) the same CRC comparison
 * without the lock. */
static int cycle_check(void)
{
#ifdef CAMPAIGN_CONTROL
    const uint32_t words = (uint32_t)(__stack_corruption_area_end__ - __stack_corruption_area_start__);
    return stm32_crc_compute(__stack_corruption_area_start__, words) == STACK_CHECK_SEAL_RESIDUE
               ? STACK_CHECK_OK
               : STACK_CHECK_ERR_CORRUPTED;
#else
    return stack_check_corruption_detect_area();
#endif
}

typedef struct {
    uint32_t checks;
    uint32_t false_positives;
    uint32_t low_stack;
    int last_bad;
} counts_t;

static volatile bool resealing;
static volatile bool main_in_check;
static volatile uint32_t isr_in_main_check;
static volatile uint32_t isr_not_sealed;
static volatile uint32_t isr_torn;
static volatile counts_t isr;

void TIM2_IRQHandler(void)
{
    tim2_acknowledge();
    const int status = stack_check_corruption_detect_area();
    isr.checks++;
    if (main_in_check) {
        isr_in_main_check++;
    }
    if (status == STACK_CHECK_ERR_NOT_INITIALISED && resealing) {
        isr_not_sealed++;
    } else if (status == STACK_CHECK_ERR_CORRUPTED && resealing) {
        isr_torn++;
    } else if (status != STACK_CHECK_OK) {
        isr.false_positives++;
        isr.last_bad = status;
    }
    if (stack_check_free_below_minimum(stack_check_get_free())) {
        isr.low_stack++;
    }
}

int main(void)
{
    int status = stack_check_init_corruption_detect_area();
    if (status != STACK_CHECK_OK) {
        sh_printf("campaign: area init failed: %s\n", stack_check_status_name(status));
        return TARGET_EXIT_CASE_FAILED;
    }
    counts_t cycle = {0u, 0u, 0u, STACK_CHECK_OK};
    uint32_t reseal_failures = 0u;
    tim2_start_periodic(CAMPAIGN_TIMER_PERIOD, CAMPAIGN_TIMER_PRIORITY);
    for (uint32_t n = 1u; n <= CAMPAIGN_CYCLES; n++) {
        main_in_check = true;
        status = cycle_check();
        main_in_check = false;
        cycle.checks++;
        if (status != STACK_CHECK_OK) {
            cycle.false_positives++;
            cycle.last_bad = status;
        }
        if (stack_check_free_below_minimum(stack_check_get_free())) {
            cycle.low_stack++;
        }
        if (n % CAMPAIGN_RESEAL_EVERY == 0u) {
            resealing = true;
            if (stack_check_init_corruption_detect_area() != STACK_CHECK_OK) {
                reseal_failures++;
            }
            resealing = false;
        }
    }
    tim2_stop();

    sh_printf("class                                       checks  false pos  torn reads  not sealed (re-seal)\n");
    sh_printf("g. clean cycles (safety loop)          %11u %10u %11s %21s\n", (unsigned)cycle.checks,
              (unsigned)cycle.false_positives, "-", "-");
    sh_printf("g. timer interrupt checks (concurrent) %11u %10u %11u %21u\n", (unsigned)isr.checks,
              (unsigned)isr.false_positives, (unsigned)isr_torn, (unsigned)isr_not_sealed);
    sh_printf("interrupts inside a cycle's check: %u; re-seals: %u (%u failed); low free stack: %u/%u\n",
              (unsigned)isr_in_main_check, (unsigned)(CAMPAIGN_CYCLES / CAMPAIGN_RESEAL_EVERY), (unsigned)reseal_failures,
              (unsigned)cycle.low_stack, (unsigned)isr.low_stack);
    if (cycle.false_positives + isr.false_positives != 0u) {
        sh_printf("last unexpected results: cycle %s, interrupt %s\n", stack_check_status_name(cycle.last_bad),
                  stack_check_status_name(isr.last_bad));
    }

    const uint32_t wrong = cycle.false_positives + isr.false_positives + isr_torn + reseal_failures;
    /* Evidence that the interleavings happened: interrupts inside the cycle's
     * checks, and inside re-seals (where a torn read would show). */
    const bool interleaved = isr_in_main_check > 0u && isr.checks >= 10u && isr_not_sealed + isr_torn > 0u;
#ifdef CAMPAIGN_CONTROL
    if (interleaved && wrong > 0u) {
        sh_printf("CONTROL: without the lock, concurrent checks corrupted %u results: caught\n", (unsigned)wrong);
        return TARGET_EXIT_ALL_CASES_PASSED;
    }
    sh_printf("CONTROL: NOT caught (%u wrong results, interleaved: %s)\n", (unsigned)wrong, interleaved ? "yes" : "no");
    return TARGET_EXIT_CASE_FAILED;
#else
    if (interleaved && wrong == 0u && cycle.low_stack == 0u) {
        sh_printf("CAMPAIGN CONCURRENCY: PASS, %u cycles and %u interrupt checks, no false positive, no torn read\n",
                  (unsigned)cycle.checks, (unsigned)isr.checks);
        return TARGET_EXIT_ALL_CASES_PASSED;
    }
    sh_printf("CAMPAIGN CONCURRENCY: FAIL (%u wrong results, interleaved: %s)\n", (unsigned)wrong, interleaved ? "yes" : "no");
    return TARGET_EXIT_CASE_FAILED;
#endif
}
