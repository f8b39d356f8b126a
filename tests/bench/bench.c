/**
 * @file bench.c
 * @brief Instruction counts of the monitor on the emulated board, run by
 *        `make bench` (run-bench.sh) under QEMU's -icount shift=0,sleep=off, where TIM2
 *        counts one tick per guest instruction (../shared/notes/qemu.md).
 *
 * Each measured region is bracketed by two reads of TIM2_CNT; from its ticks
 * go the ticks of an empty region (the bracket itself), the ticks the
 * board's peripheral emulation spent in its MemManage handler
 * (stm32_trap_ticks_spent()), and per trapped access the handler's few
 * instructions outside that window, calibrated here so that a trapped load
 * costs what a load from RAM costs: one instruction, as on the silicon.
 *
 * Output, one line per result, for run-bench.sh:
 *   BENCH|<key>|<what>|<area bytes>|<instructions>|<floor>
 *   (for key min_free the fourth field is the stack's size in bytes)
 *   CAL|<what>|<value>
 * BENCH_AREA_BYTES: the firmware's __stack_corruption_area_size (its build
 * passes the same number to the linker).
 */
#include "semihosting.h"
#include "stack_check.h"
#include "stack_check_port.h"
#include "crc32_stm32_soft.h"
#include "board.h"
#include "stm32_trap.h"
#include "tim2.h"

#include <stdint.h>

#ifndef BENCH_AREA_BYTES
#define BENCH_AREA_BYTES 128u
#endif
#define AREA_WORDS (BENCH_AREA_BYTES / 4u)

/* The floors (BENCHMARKS.md derives them): a load and a store per data word
 * plus a fixed part. */
#define CHECK_FIXED 12u
#define INIT_PER_WORD 8u
#define INIT_FIXED 12u
#define GET_FREE_FLOOR 5u

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
    const uintptr_t idr = BOARD_CRC_BASE + 0x04u;
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

static uint32_t bench_get_free(void)
{
    bench_sample_t s = start();
    const int32_t free_bytes = stack_check_get_free();
    const uint32_t n = stop(&s);
    sink = free_bytes;
    return n;
}

static uint32_t bench_check_unit(void)
{
    bench_sample_t s = start();
    const int status = stack_check_corruption_detect_area();
    const uint32_t n = stop(&s);
    sink = status;
    return n;
}

/* The same check with the CRC computed in software (the posix port's way). */
__attribute__((noinline)) static int check_with_soft_crc(void)
{
    const uint32_t crc = crc32_stm32_soft_words(CRC32_STM32_SOFT_INIT, __stack_corruption_area_start__, AREA_WORDS - 1u);
    return crc == __stack_corruption_area_start__[AREA_WORDS - 1u] ? STACK_CHECK_OK : STACK_CHECK_ERR_CORRUPTED;
}

static uint32_t bench_check_soft(void)
{
    bench_sample_t s = start();
    const int status = check_with_soft_crc();
    const uint32_t n = stop(&s);
    sink = status;
    return n;
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

static void report(const char *key, const char *what, uint32_t count, uint32_t floor)
{
    sh_printf("BENCH|%s|%s|%u|%u|%u\n", key, what, (unsigned)BENCH_AREA_BYTES, (unsigned)count, (unsigned)floor);
}

int main(void)
{
    tim2_start_counter();
    calibrate();
    if (stack_check_init_corruption_detect_area() != STACK_CHECK_OK || stack_check_corruption_detect_area() != STACK_CHECK_OK) {
        sh_printf("bench: the area did not seal\n");
        return SH_EXIT_FAIL;
    }
    const uint32_t data_words = AREA_WORDS - 1u;
    /* Each twice: the second run is the one reported (the first warms nothing
     * here, but a difference would show a measurement problem). */
    (void)bench_get_free();
    report("get_free", "stack_check_get_free()", bench_get_free(), GET_FREE_FLOOR);
    (void)bench_check_unit();
    report("check_unit", "stack_check_corruption_detect_area(), CRC unit", bench_check_unit(), 2u * data_words + CHECK_FIXED);
    (void)bench_check_soft();
    report("check_soft", "the same check, software CRC", bench_check_soft(), 2u * data_words + CHECK_FIXED);
    (void)bench_init();
    report("init", "stack_check_init_corruption_detect_area()", bench_init(), INIT_PER_WORD * data_words + INIT_FIXED);
    const uint32_t stack_bytes = (uint32_t)(__main_stack_end__ - __main_stack_base__);
    sh_printf("BENCH|min_free|stack_check_get_min_free(), %u words per call|%u|%u|0\n",
              (unsigned)STACK_CHECK_MIN_FREE_SCAN_WORDS, (unsigned)stack_bytes, (unsigned)bench_min_free());
    sh_printf("BENCH DONE\n");
    return SH_EXIT_PASS;
}
