/**
 * @file anchors.h
 * @brief Small equivalents, written for this project, of the stack checks
 *        embedded engineers pick today, so that the benchmark counts them by
 *        the same method and injects the same faults as into the monitor's
 *        check (make bench, BENCHMARKS.md "Beside the anchors").
 *
 * Each works on a 128-byte region standing for the stack's end (the lowest
 * 32 words; word 0 is the deepest) and returns 0 when it sees nothing wrong.
 * What each watches, from the systems' public documentation:
 * - FreeRTOS configCHECK_FOR_STACK_OVERFLOW 2: the 16 bytes at the stack's
 *   end still hold the fill byte 0xA5 (FreeRTOS "Stack Usage and Stack
 *   Overflow Checking"), read through the task's control block;
 * - Zephyr CONFIG_STACK_SENTINEL: one word at the stack's lowest address
 *   holds 0xF055B4A5 (Zephyr kernel, "Stack Sentinel");
 * - an X-CUBE-CLASSB-style check: four distinct pattern words at the stack's
 *   end (ST UM1567 "stack overflow" run-time test);
 * - a software CRC-32/MPEG-2 of the region, seal last, against the same
 *   residue as the monitor's check: byte-table (256 words of table) and
 *   bitwise;
 * - a full-stack high-water scan: the words from the stack's base still
 *   holding the paint, counted one by one (FreeRTOS
 *   uxTaskGetStackHighWaterMark() counts the same way).
 */
#ifndef SAFETYMONITOR_BENCH_ANCHORS_H
#define SAFETYMONITOR_BENCH_ANCHORS_H

#include <stddef.h>
#include <stdint.h>

#define ANCHOR_REGION_WORDS 32u
/** FreeRTOS's stack fill byte, four times: the "fill value" fault. */
#define ANCHOR_FILL_WORD 0xA5A5A5A5u

/** One anchor: prepares its region, then checks it. */
typedef struct {
    const char *name;
    void (*prepare)(uint32_t *region);
    int (*check)(void);
} anchor_t;

/** The region every anchor's check reads (through anchor_current_stack, as a
 *  kernel reads the running task's stack bounds). */
extern uint32_t anchor_region[ANCHOR_REGION_WORDS];
extern uint32_t *volatile anchor_current_stack;

extern const anchor_t anchor_list[];
extern const size_t anchor_count;

/** Words from @p base up to the first one that is not @p paint: the
 *  full-stack high-water scan (the stack's used top stops it). */
uint32_t anchor_high_water_scan(const uint32_t *base, uint32_t paint);

#endif /* SAFETYMONITOR_BENCH_ANCHORS_H */
