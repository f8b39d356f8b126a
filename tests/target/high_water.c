/**
 * @file high_water.c
 * @brief Target test: the high-water mark on the real main stack. A deep
 *        recursion runs between two safety cycles and returns: the next
 *        cycles' stack_check_get_free() cannot see it, stack_check_get_min_free()
 *        must report exactly how deep it went, within
 *        2 * ceil(W / STACK_CHECK_MIN_FREE_SCAN_WORDS) calls for a stack of
 *        W words, and never deeper. Start-up painted the stack up to its
 *        stack pointer: before the excursion the mark lies just below main()'s
 *        frame, not a margin deeper.
 */
#include "semihosting.h"
#include "stack_check.h"
#include "stack_check_port.h"
#include "target_report.h"

#include <stdbool.h>
#include <stdint.h>

#define EXCURSION_LEVELS 24u
/* Stack that main()'s calls to the monitor (and start-up's paint) use below
 * main()'s frame: far less than this. */
#define PAINT_CALLS_BYTES 64

extern uint8_t __main_stack_base__[];
extern uint8_t __main_stack_end__[];

static volatile uint32_t deepest_sp;

/* Each level writes its whole frame, so that the deepest word written is the
 * deepest stack pointer. */
__attribute__((noinline)) static uint32_t excursion(uint32_t level)
{
    volatile uint32_t frame[16];
    for (uint32_t i = 0u; i < 16u; i++) {
        frame[i] = level + i;
    }
    uint32_t sp;
    __asm__ __volatile__("mov %0, sp" : "=r"(sp));
    if (sp < deepest_sp) {
        deepest_sp = sp;
    }
    const uint32_t below = level == 0u ? 0u : excursion(level - 1u);
    return frame[0] + frame[15] + below;
}

int main(void)
{
    uint32_t passed = 0u;
    uint32_t total = 0u;
    const uint32_t base = (uint32_t)(uintptr_t)__main_stack_base__;
    const uint32_t words = ((uint32_t)(uintptr_t)__main_stack_end__ - base) / 4u;
    const uint32_t bound = 2u * ((words + STACK_CHECK_MIN_FREE_SCAN_WORDS - 1u) / STACK_CHECK_MIN_FREE_SCAN_WORDS);

    int32_t before = 0;
    for (uint32_t i = 0u; i < bound; i++) {
        before = stack_check_get_min_free();
    }
    const int32_t free_before = stack_check_get_free();
    /* Before anything else runs deeper (the prints below do). */
    const uint32_t *const word = (const uint32_t *)(uintptr_t)base;
    uint32_t untouched = 0u;
    while (untouched < words && word[untouched] == STACK_CHECK_PAINT_WORD) {
        untouched++;
    }
    sh_printf("high water: stack %u words, bound %u calls; before: free %d, min free %d bytes\n", (unsigned)words,
              (unsigned)bound, (int)free_before, (int)before);
    target_case(&passed, &total, before > 0, "start-up painted the main stack");
    /* Every value is a depth the stack really reached: start-up painted up to
     * its own stack pointer, and since then only main() and the calls above
     * ran, a few dozen bytes below main()'s stack pointer. */
    target_case(&passed, &total, before <= free_before && before >= free_before - PAINT_CALLS_BYTES,
                "the mark before any excursion lies within the calls' few bytes below this frame");
    sh_printf("high water: %u words from the base still hold the paint\n", (unsigned)untouched);
    target_case(&passed, &total, before <= (int32_t)(untouched * 4u) && (int32_t)(untouched * 4u) <= free_before,
                "painted up to the stack pointer: the first word written is no deeper than the mark");

    deepest_sp = UINT32_MAX;
    (void)excursion(EXCURSION_LEVELS);
    const int32_t reached = (int32_t)(deepest_sp - base);

    const int32_t free_after = stack_check_get_free();
    uint32_t calls = 0u;
    int32_t seen = before;
    bool never_deeper = true;
    while (seen != reached && calls < bound + 1u) {
        seen = stack_check_get_min_free();
        calls++;
        never_deeper = never_deeper && seen >= reached;
    }
    sh_printf("high water: the excursion reached %d bytes from the base; get_free after it: %d; "
              "get_min_free: %d after %u calls\n",
              (int)reached, (int)free_after, (int)seen, (unsigned)calls);
    target_case(&passed, &total, free_after > reached + 256, "stack_check_get_free() cannot see the past excursion");
    target_case(&passed, &total, seen == reached, "stack_check_get_min_free() reports exactly how deep it went");
    target_case(&passed, &total, calls <= bound, "within the documented number of calls");
    target_case(&passed, &total, never_deeper, "and never deeper than it went");
    /* The port's paint loop itself: it stops at the lower of its limit and
     * the stack pointer it runs on, and returns where it stopped. */
    uint32_t *const bottom = (uint32_t *)(uintptr_t)base;
    bottom[16] = 0x5EA7u;
    const uintptr_t at_limit = stack_check_port_paint_below_sp(bottom, base + 64u, STACK_CHECK_PAINT_WORD);
    target_case(&passed, &total, at_limit == base + 64u && bottom[15] == STACK_CHECK_PAINT_WORD && bottom[16] == 0x5EA7u,
                "the paint loop stops at a limit below the stack pointer");
    uint32_t sp_here;
    __asm__ __volatile__("mov %0, sp" : "=r"(sp_here));
    const uintptr_t at_sp = stack_check_port_paint_below_sp(bottom, UINTPTR_MAX, STACK_CHECK_PAINT_WORD);
    target_case(&passed, &total, at_sp <= sp_here && at_sp + PAINT_CALLS_BYTES >= sp_here,
                "with a limit above it, the paint loop stops at the stack pointer it runs on");
    sh_printf("RESULT: %u of %u cases passed\n", (unsigned)passed, (unsigned)total);
    if (passed != total) {
        return TARGET_EXIT_CASE_FAILED;
    }
    sh_printf("HIGH WATER: a past excursion of %d bytes was reported after %u of at most %u calls\n",
              (int)(before - reached), (unsigned)calls, (unsigned)bound);
    return TARGET_EXIT_ALL_CASES_PASSED;
}
