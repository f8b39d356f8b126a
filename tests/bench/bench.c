/**
 * @file bench.c
 * @brief Instruction counts of the monitor on the emulated board, run by
 *        `make bench` (run-bench.sh) under QEMU's -icount shift=0,sleep=off, where TIM2
 *        counts one tick per guest instruction (../shared/notes/qemu.md).
 *
 * Each measured region is bracketed by two reads of TIM2_CNT; from its
 * ticks go the ticks of an empty region (the bracket itself), the ticks the
 * board's peripheral emulation spent in its MemManage handler
 * (stm32_trap_ticks_spent()), and per trapped access the handler's few
 * instructions outside that window, calibrated here so that a trapped load
 * costs what a load from RAM costs: one instruction, as on the silicon. A
 * call's count includes its `bl` and its return.
 *
 * Output, one line per result, for run-bench.sh:
 *   BENCH|<key>|<what>|<area bytes>|<instructions>|<reference instructions>
 *   (for keys min_free and scan the fourth field is the stack's size in bytes)
 *   REF|<which reference loop>|<area bytes>|<instructions>
 *   DETECT|<what>|<instructions>|<flips detected>|<zero words detected>|<fill words detected>
 *   CAL|<what>|<value>
 * BENCH_AREA_BYTES: the firmware's __stack_corruption_area_size (its build
 * passes the same number to the linker). The anchors and the fault injection
 * run in the 128-byte firmware.
 */
#include "anchors.h"
#include "semihosting.h"
#include "stack_check.h"
#include "stack_check_port.h"
#include "board.h"
#include "stm32_mmio.h"
#include "stm32_regs.h"
#include "stm32_trap.h"
#include "tim2.h"

#include <stdint.h>

#ifndef BENCH_AREA_BYTES
#define BENCH_AREA_BYTES 128u
#endif
#define AREA_WORDS (BENCH_AREA_BYTES / 4u)

/* The reference routines (reference_check.S) hard-code the board's CRC unit
 * and the core's seal state value. */
_Static_assert(BOARD_CRC_BASE == 0x40023000u, "reference_check.S: CRC_BASE");
#define SEALED 0x5A5A5A5Au

/* The floor of the initialisation (BENCHMARKS.md derives it). */
#define INIT_PER_WORD 8u
#define INIT_FIXED 12u
/* stack_check_get_free() for a stack known at build time: bl, read SP, load
 * the base, subtract, return. */
#define GET_FREE_FLOOR 5u

extern uint32_t reference_area_state;
int reference_check_128(void);
int reference_check_loop(void);
int reference_check_loop8(void);

extern uint32_t __stack_corruption_area_start__[];
extern uint8_t __main_stack_base__[];
extern uint8_t __main_stack_end__[];

typedef struct {
    uint32_t ticks;
    uint32_t traps;
    uint32_t trap_ticks;
} bench_sample_t;

static uint32_t empty_ticks;
static uint32_t trap_residual;

static inline void barrier(void)
{
    __asm__ __volatile__("" ::: "memory");
}

static inline bench_sample_t start(void)
{
    bench_sample_t s;
    s.traps = stm32_trap_count();
    s.trap_ticks = stm32_trap_ticks_spent();
    barrier();
    s.ticks = tim2_count();
    barrier();
    return s;
}

static inline uint32_t stop(const bench_sample_t *s)
{
    barrier();
    const uint32_t ticks = tim2_count();
    barrier();
    const uint32_t traps = stm32_trap_count() - s->traps;
    const uint32_t trap_ticks = stm32_trap_ticks_spent() - s->trap_ticks;
    return ticks - s->ticks - empty_ticks - trap_ticks - traps * trap_residual;
}

/* ---- Calibration ----------------------------------------------------------- */

static volatile uint32_t ram_word;

/* Exactly `n` (1, 2 or 4) load instructions from `address`, bracketed. */
static uint32_t loads(uintptr_t address, uint32_t n)
{
    uint32_t v;
    bench_sample_t s = start();
    if (n == 1u) {
        __asm__ __volatile__("ldr %0, [%1]" : "=r"(v) : "r"(address) : "memory");
    } else if (n == 2u) {
        __asm__ __volatile__("ldr %0, [%1]\n\tldr %0, [%1]" : "=&r"(v) : "r"(address) : "memory");
    } else {
        __asm__ __volatile__("ldr %0, [%1]\n\tldr %0, [%1]\n\tldr %0, [%1]\n\tldr %0, [%1]" : "=&r"(v) : "r"(address) : "memory");
    }
    const uint32_t ticks = stop(&s);
    (void)v;
    return ticks;
}

static void calibrate(void)
{
    bench_sample_t s = start();
    empty_ticks = 0u;
    trap_residual = 0u;
    empty_ticks = stop(&s);
    /* CRC_IDR (RM0090 §4.4.2): a scratch register with no side effect. */
    const uintptr_t idr = BOARD_CRC_BASE + CRC_IDR_OFFSET;
    const uintptr_t ram = (uintptr_t)&ram_word;
    /* Per trapped access: what is left of a trapped load once the handler's
     * measured window is out, minus a load from RAM. */
    trap_residual = loads(idr, 1u) - loads(ram, 1u);
    sh_printf("CAL|empty region (bracket)|%u\n", (unsigned)empty_ticks);
    sh_printf("CAL|trap residual per access|%u\n", (unsigned)trap_residual);
    for (uint32_t n = 1u; n <= 4u; n *= 2u) {
        sh_printf("CAL|%u trapped loads, corrected, minus %u RAM loads (must be 0)|%d\n", (unsigned)n, (unsigned)n,
                  (int)(loads(idr, n) - loads(ram, n)));
    }
    sh_printf("CAL|1 RAM load (must be 1)|%u\n", (unsigned)loads(ram, 1u));
}

/* ---- The measurements ------------------------------------------------------ */

static volatile int32_t sink;

typedef int (*check_fn)(void);

/* The instructions of one call, the second of two (the first warms nothing
 * here, but a difference would show a measurement problem). */
static uint32_t count_call(check_fn check)
{
    uint32_t n = 0u;
    for (uint32_t i = 0u; i < 2u; i++) {
        bench_sample_t s = start();
        const int status = check();
        n = stop(&s);
        sink = status;
    }
    return n;
}

static uint32_t bench_get_free(void)
{
    uint32_t n = 0u;
    for (uint32_t i = 0u; i < 2u; i++) {
        bench_sample_t s = start();
        const int32_t free_bytes = stack_check_get_free();
        n = stop(&s);
        sink = free_bytes;
    }
    return n;
}

/* The same check with the feed written in plain C (a loop of loads and
 * stores, what arm-none-eabi-gcc -Os makes of it): the measured reason for
 * stm32_crc_residue_difference()'s load-multiple. Same seal test, lock, reset and
 * residue comparison. */
__attribute__((noinline)) static int check_plain_c_feed(void)
{
    if (reference_area_state != SEALED) {
        return STACK_CHECK_ERR_NOT_INITIALISED;
    }
    const uint32_t previous = stack_check_port_lock();
    stm32_mmio_write32(BOARD_CRC_BASE + CRC_CR_OFFSET, CRC_CR_RESET);
    const stack_check_area_t area = stack_check_port_area();
    for (size_t i = 0u; i < area.words; i++) {
        stm32_mmio_write32(BOARD_CRC_BASE + CRC_DR_OFFSET, area.start[i]);
    }
    const uint32_t residue = stm32_mmio_read32(BOARD_CRC_BASE + CRC_DR_OFFSET);
    stack_check_port_unlock(previous);
    return residue == STACK_CHECK_SEAL_RESIDUE ? STACK_CHECK_OK : STACK_CHECK_ERR_CORRUPTED;
}

static int reference_check_128_if_any(void)
{
    return BENCH_AREA_BYTES == 128u ? reference_check_128() : STACK_CHECK_OK;
}

static uint32_t bench_init(void)
{
    bench_sample_t s = start();
    const int status = stack_check_init_corruption_detect_area();
    const uint32_t n = stop(&s);
    sink = status;
    return n;
}

/* The largest cost of 64 consecutive calls (each looks at the same number
 * of words, whatever the stack's size). */
static uint32_t bench_min_free(void)
{
    uint32_t worst = 0u;
    for (uint32_t i = 0u; i < 64u; i++) {
        bench_sample_t s = start();
        const int32_t bytes = stack_check_get_min_free();
        const uint32_t n = stop(&s);
        sink = bytes;
        worst = n > worst ? n : worst;
    }
    return worst;
}

/* The full-stack high-water scan over the painted main stack. */
static uint32_t bench_scan(void)
{
    bench_sample_t s = start();
    const uint32_t unused = anchor_high_water_scan((const uint32_t *)__main_stack_base__, STACK_CHECK_PAINT_WORD);
    const uint32_t n = stop(&s);
    sink = (int32_t)unused;
    return n;
}

static void report(const char *key, const char *what, uint32_t count, uint32_t reference)
{
    sh_printf("BENCH|%s|%s|%u|%u|%u\n", key, what, (unsigned)BENCH_AREA_BYTES, (unsigned)count, (unsigned)reference);
}

/* ---- The same faults into every check (128-byte firmware) ------------------ */

typedef struct {
    uint32_t flips;
    uint32_t zero_words;
    uint32_t fill_words;
} detections_t;

/* Every single-bit flip of the 128 bytes, every word overwritten with 0 and
 * with FreeRTOS's fill value, each put back after the check; a check that
 * does not pass the restored region is a false positive (counted as a fault
 * of the bench: it must not happen). */
static detections_t inject(uint32_t *region, check_fn check, uint32_t *false_positives)
{
    detections_t d = {0u, 0u, 0u};
    volatile uint8_t *bytes = (volatile uint8_t *)region;
    for (uint32_t bit = 0u; bit < 1024u; bit++) {
        bytes[bit / 8u] ^= (uint8_t)(1u << (bit % 8u));
        d.flips += check() != 0;
        bytes[bit / 8u] ^= (uint8_t)(1u << (bit % 8u));
        *false_positives += check() != 0;
    }
    volatile uint32_t *words = region;
    for (uint32_t i = 0u; i < 32u; i++) {
        const uint32_t saved = words[i];
        words[i] = 0u;
        d.zero_words += check() != 0;
        words[i] = ANCHOR_FILL_WORD;
        d.fill_words += check() != 0;
        words[i] = saved;
        *false_positives += check() != 0;
    }
    return d;
}

static void detect(const char *what, uint32_t *region, check_fn check, uint32_t *false_positives)
{
    const uint32_t n = count_call(check);
    if (check() != 0) {
        (*false_positives)++;
    }
    const detections_t d = inject(region, check, false_positives);
    sh_printf("DETECT|%s|%u|%u|%u|%u\n", what, (unsigned)n, (unsigned)d.flips, (unsigned)d.zero_words,
              (unsigned)d.fill_words);
}

static void run_anchors(void)
{
    uint32_t false_positives = 0u;
    detect("SafetyMonitor: stack_check_corruption_detect_area(), CRC unit", __stack_corruption_area_start__,
           stack_check_corruption_detect_area, &false_positives);
    for (size_t i = 0u; i < anchor_count; i++) {
        anchor_list[i].prepare(anchor_region);
        detect(anchor_list[i].name, anchor_region, anchor_list[i].check, &false_positives);
    }
    sh_printf("CAL|false positives on restored regions (must be 0)|%u\n", (unsigned)false_positives);
}

int main(void)
{
    tim2_start_counter();
    calibrate();
    if (stack_check_init_corruption_detect_area() != STACK_CHECK_OK || stack_check_corruption_detect_area() != STACK_CHECK_OK) {
        sh_printf("bench: the area did not seal\n");
        return SH_EXIT_FAIL;
    }
    reference_area_state = SEALED;
    if (reference_check_loop() != STACK_CHECK_OK || reference_check_loop8() != STACK_CHECK_OK ||
        reference_check_128_if_any() != STACK_CHECK_OK || check_plain_c_feed() != STACK_CHECK_OK) {
        sh_printf("bench: a reference does not pass the sealed area\n");
        return SH_EXIT_FAIL;
    }
    report("get_free", "stack_check_get_free()", bench_get_free(), GET_FREE_FLOOR);
    /* The loop floor: the lower of the two hand-written loops at this size. */
    const uint32_t loop16 = count_call(reference_check_loop);
    const uint32_t loop8 = count_call(reference_check_loop8);
    const uint32_t loop = loop16 < loop8 ? loop16 : loop8;
    sh_printf("REF|reference_check_loop (16 words a pass)|%u|%u\n", (unsigned)BENCH_AREA_BYTES, (unsigned)loop16);
    sh_printf("REF|reference_check_loop8 (8 words a pass)|%u|%u\n", (unsigned)BENCH_AREA_BYTES, (unsigned)loop8);
    report("check_unit", "stack_check_corruption_detect_area(), against the loop floor",
           count_call(stack_check_corruption_detect_area), loop);
    if (BENCH_AREA_BYTES == 128u) {
        report("check_128", "stack_check_corruption_detect_area(), against reference_check_128",
               count_call(stack_check_corruption_detect_area), count_call(reference_check_128));
    }
    report("check_plain_c", "the same check, feed in plain C, against the loop floor", count_call(check_plain_c_feed),
           loop);
    (void)bench_init();
    report("init", "stack_check_init_corruption_detect_area(), against its floor", bench_init(),
           INIT_PER_WORD * (AREA_WORDS - 1u) + INIT_FIXED);
    const uint32_t stack_bytes = (uint32_t)(__main_stack_end__ - __main_stack_base__);
    sh_printf("BENCH|min_free|stack_check_get_min_free(), %u words per call|%u|%u|0\n",
              (unsigned)STACK_CHECK_MIN_FREE_SCAN_WORDS, (unsigned)stack_bytes, (unsigned)bench_min_free());
    sh_printf("BENCH|scan|full-stack high-water scan (anchor)|%u|%u|0\n", (unsigned)stack_bytes,
              (unsigned)bench_scan());
    if (BENCH_AREA_BYTES == 128u) {
        run_anchors();
    }
    sh_printf("BENCH DONE\n");
    return SH_EXIT_PASS;
}
