/**
 * @file overflow.c
 * @brief Target test: unbounded recursion, linked twice.
 *
 * With the flipped layout (boards/common/cortex-m/firmware_flipped.ld) the
 * overflow must raise a HardFault below the stack's region with .data and
 * .bss untouched (exit TARGET_EXIT_FAULT_DATA_INTACT). With the conventional
 * control layout (tests/target/linker/conventional.ld: stack at the top of
 * RAM) the same program must overwrite its data without any fault (exit
 * TARGET_EXIT_DATA_OVERWRITTEN): the control case that shows the first
 * outcome is the layout's doing.
 *
 * OVERFLOW_FRAME_WORDS (compile definition) sets the stack taken per level.
 * Every level checks the canaries; it also checks the corruption-detect area
 * until the area is first found corrupted.
 */
#include "fault.h"
#include "semihosting.h"
#include "stack_check.h"
#include "target_report.h"

#include <stdbool.h>
#include <stdint.h>

#ifndef OVERFLOW_FRAME_WORDS
#define OVERFLOW_FRAME_WORDS 8
#endif
#define CANARY_WORDS 64u
#define DATA_CANARY 0xDA7AC0DEu
#define BSS_CANARY 0xB55C0DE5u

extern uint8_t __main_stack_base__[];
extern uint8_t __main_stack_end__[];

/* Canaries end .data and .bss (sections_data.ld): a stack coming down from
 * above meets them before any other program data. */
__attribute__((section(".canary.data"))) static volatile uint32_t data_canary[CANARY_WORDS] = {
    [0 ... CANARY_WORDS - 1] = DATA_CANARY,
};
__attribute__((section(".canary.bss"))) static volatile uint32_t bss_canary[CANARY_WORDS];

static volatile uint32_t depth_reached;
static volatile uint32_t area_corrupted_at_depth;
static volatile bool stop_recursion; /* never set */

static bool canaries_intact(void)
{
    for (uint32_t i = 0u; i < CANARY_WORDS; i++) {
        if (data_canary[i] != DATA_CANARY || bss_canary[i] != BSS_CANARY) {
            return false;
        }
    }
    return true;
}

static void report_area(void)
{
    if (area_corrupted_at_depth != 0u) {
        sh_printf("overflow: the area check found the area CORRUPTED at depth %u\n",
                  (unsigned)area_corrupted_at_depth);
    } else {
        sh_printf("overflow: the area check found the area intact at every depth\n");
    }
}

static uint32_t recurse(uint32_t depth)
{
    volatile uint32_t frame[OVERFLOW_FRAME_WORDS];
    frame[0] = depth;
    depth_reached = depth;
    if (!canaries_intact()) {
        uint32_t sp;
        __asm__ __volatile__("mov %0, sp" : "=r"(sp));
        report_area();
        sh_printf("overflow: canary overwritten at depth %u, SP 0x%08x, no fault raised\n", (unsigned)depth,
                  (unsigned)sp);
        sh_printf("OUTCOME: .data/.bss overwritten without a fault\n");
        sh_exit(TARGET_EXIT_DATA_OVERWRITTEN);
    }
    if (area_corrupted_at_depth == 0u && stack_check_corruption_detect_area() == STACK_CHECK_ERR_CORRUPTED) {
        area_corrupted_at_depth = depth;
    }
    if (stop_recursion) {
        return depth;
    }
    const uint32_t deeper = recurse(depth + 1u);
    frame[OVERFLOW_FRAME_WORDS - 1] = deeper;
    return frame[0] + frame[OVERFLOW_FRAME_WORDS - 1];
}

void cm_fault_hook(const cm_fault_t *fault)
{
    cm_fault_print(fault);
    const uint32_t base = (uint32_t)(uintptr_t)__main_stack_base__;
    const bool below = cm_fault_is_overflow_below(fault, base);
    const bool intact = canaries_intact();
    report_area();
    sh_printf("overflow: fault at depth %u: %s the stack base 0x%08x; canaries %s\n", (unsigned)depth_reached,
              below ? "BusFault on an access below" : "NOT an overflow below", (unsigned)base,
              intact ? "intact" : "OVERWRITTEN");
    if (below && intact) {
        sh_printf("OUTCOME: HardFault below the stack's region, .data/.bss intact\n");
        sh_exit(TARGET_EXIT_FAULT_DATA_INTACT);
    }
    sh_printf("OUTCOME: fault with data lost or in the wrong place\n");
    sh_exit(TARGET_EXIT_FAULT_AFTER_DATA_LOST);
}

int main(void)
{
    for (uint32_t i = 0u; i < CANARY_WORDS; i++) {
        bss_canary[i] = BSS_CANARY;
    }
    sh_printf("overflow: stack 0x%08x-0x%08x, %u bytes per level plus the frame\n",
              (unsigned)(uintptr_t)__main_stack_base__, (unsigned)(uintptr_t)__main_stack_end__,
              (unsigned)(OVERFLOW_FRAME_WORDS * 4));
    const int init = stack_check_init_corruption_detect_area();
    if (init != STACK_CHECK_OK) {
        sh_printf("overflow: area init failed: %s\n", stack_check_status_name(init));
        return SH_EXIT_FAIL;
    }
    (void)recurse(1u);
    sh_printf("overflow: the recursion returned\n");
    return SH_EXIT_FAIL;
}
