/**
 * @file demo_main.c
 * @brief `make demo`: the stack monitor on the emulated STM32F405.
 *
 * A safety loop runs one cycle at a time: stack_check_get_free() against
 * SAFETY_MIN_STACK_FREE and stack_check_corruption_detect_area(); either
 * failure sets ERR_FLAG_STACK. One line per cycle. Then three faults, each
 * with its verdict:
 *  1. recursion deepens until the free stack falls below SAFETY_MIN_STACK_FREE:
 *     the cycle that sees it sets ERR_FLAG_STACK;
 *  2. a stray write lands inside the corruption-detect area: the next cycle
 *     sets ERR_FLAG_STACK;
 *  3. unbounded recursion overflows the flipped stack: a HardFault at the
 *     bottom of RAM, caught on a known-good stack, with .data/.bss intact.
 *     Contained only if nothing was overwritten: the verdict compares the
 *     stack's base with where the part's RAM starts (__part_ram_start_N__,
 *     from the board's memory.ld), and checks a pattern written at start-up
 *     into any RAM between the two (a region placed above a mailbox, say):
 *     an overflow that wrote there before faulting is reported as NOT
 *     contained, with the bytes it overwrote. The handler then resets the
 *     board for the fourth;
 *  4. the independent watchdog (IWDG, emulated by the board) is armed and the
 *     loop refreshes it after every good cycle; then the loop hangs, the
 *     watchdog resets the board, and the next boot finds RCC_CSR.IWDGRSTF and
 *     ERR_FLAG_WATCHDOG counted in the error memory.
 * The scenarios span three boots (QEMU reboots the guest on a reset: run
 * without -no-reboot); what has been caught so far waits in .noinit.
 * Exit 0 only when all four behaved as expected.
 */
#include "board.h"
#include "cortex_m_regs.h"
#include "error_memory.h"
#include "fault.h"
#include "semihosting.h"
#include "stack_check.h"
#include "stack_check_watchdog.h"
#include "startup.h"
#include "stm32_iwdg.h"
#include "stm32_regs.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

extern uint8_t __main_stack_base__[];
extern uint8_t __main_stack_end__[];
extern uint8_t __stack_corruption_area_start__[];
extern uint8_t __stack_corruption_area_end__[];
extern uint8_t __data_start__[];
extern uint8_t __bss_end__[];
extern uint8_t __heap_base__[];
extern uint8_t __heap_end__[];
/* Where the part's RAM starts (the board's memory.ld); the board declares at
 * least the first, an undeclared one reads as address 0. */
extern uint8_t __part_ram_start_0__[];
extern uint8_t __part_ram_start_1__[] __attribute__((weak));
extern uint8_t __part_ram_start_2__[] __attribute__((weak));
extern uint8_t __part_ram_start_3__[] __attribute__((weak));

#define SCENARIOS 4u
/* Scenario 4: the IWDG's timeout, and the good cycles before the hang. */
#define WATCHDOG_TIMEOUT_MS 100u
#define WATCHDOG_GOOD_CYCLES 5u
#define CANARY_WORDS 8u
#define DATA_CANARY 0xDA7AC0DEu
#define BSS_CANARY 0xB55C0DE5u
/* Stack taken by each level of scenario 1: small enough that the cycle at
 * the level where free stack first drops below SAFETY_MIN_STACK_FREE still
 * has room to run and print. */
#define DEEPEN_FRAME_BYTES 64u
#define DEEPEN_MAX_LEVELS 1000u
#define STRAY_WRITE_OFFSET 77u
#define STRAY_WRITE_MASK 0x20u
/* Written into the RAM between the part's RAM start and the stack's base, a
 * word at a time (both are word-aligned): no return address, register or
 * depth a recursion frame holds is this word. */
#define BELOW_REGION_PATTERN 0xA5A5A5A5u

/* CFSR bits named in the report (ARMv7-M ARM B3.2.15). */
#define CFSR_PRECISERR (1u << 9)
#define CFSR_STKERR (1u << 12)
#define CFSR_BFARVALID (1u << 15)

typedef struct {
    uint32_t number;
    int32_t free_bytes;
    int area;
    uint32_t flags;
} cycle_t;

/* Canaries: .data ones come from flash at reset, .bss ones are set by main(). */
static volatile uint32_t data_canary[CANARY_WORDS] = {
    DATA_CANARY, DATA_CANARY, DATA_CANARY, DATA_CANARY,
    DATA_CANARY, DATA_CANARY, DATA_CANARY, DATA_CANARY,
};
static volatile uint32_t bss_canary[CANARY_WORDS];

static uint32_t error_flags;
static uint32_t cycle_count;
static uint32_t caught;
static volatile bool overflow_started;
static volatile uint32_t overflow_depth;
static volatile bool stop_recursion; /* never set: keeps scenario 3 recursion unbounded */

/* Across the resets: the boot the demo is in (0 the first, 1 after scenario
 * 3's reset, 2 after the watchdog's) and the scenarios caught so far, each
 * guarded by its complement so that RAM at power-on reads as boot 0. */
enum { DEMO_FIRST_BOOT = 0, DEMO_WATCHDOG_BOOT = 1, DEMO_REPORT_BOOT = 2 };
static volatile uint32_t demo_retained[4] __attribute__((section(".noinit")));

static uint32_t demo_boot(void)
{
    return demo_retained[1] == ~demo_retained[0] && demo_retained[3] == ~demo_retained[2] ? demo_retained[0]
                                                                                            : DEMO_FIRST_BOOT;
}

static void demo_next_boot(uint32_t boot)
{
    demo_retained[0] = boot;
    demo_retained[1] = ~boot;
    demo_retained[2] = caught;
    demo_retained[3] = ~caught;
}

static const char *area_text(int status)
{
    switch (status) {
    case STACK_CHECK_OK:
        return "intact";
    case STACK_CHECK_ERR_CORRUPTED:
        return "CORRUPTED";
    default:
        return stack_check_status_name(status);
    }
}

/* One safety cycle, as the controller's handle function runs it. */
static cycle_t safety_cycle(void)
{
    cycle_t cycle;
    cycle.free_bytes = stack_check_get_free();
    cycle.area = stack_check_corruption_detect_area();
    if (stack_check_free_below_minimum(cycle.free_bytes) || cycle.area != STACK_CHECK_OK) {
        error_flags |= ERR_FLAG_STACK;
    }
    cycle.flags = error_flags;
    cycle.number = ++cycle_count;
    sh_printf("cycle %3u | free stack %5d bytes | area %-9s | flags 0x%08x%s\n", (unsigned)cycle.number,
              (int)cycle.free_bytes, area_text(cycle.area), (unsigned)cycle.flags,
              (cycle.flags & ERR_FLAG_STACK) != 0u ? " ERR_FLAG_STACK" : "");
    return cycle;
}

static void acknowledge_flags(void)
{
    sh_printf("            operator clears the error flags\n");
    error_flags = 0u;
}

/* The part's RAM start at or below the stack's base: the greatest one the
 * board declares. */
static uint32_t part_ram_start_below(uint32_t base)
{
    const uint32_t starts[] = {
        (uint32_t)(uintptr_t)__part_ram_start_0__, (uint32_t)(uintptr_t)__part_ram_start_1__,
        (uint32_t)(uintptr_t)__part_ram_start_2__, (uint32_t)(uintptr_t)__part_ram_start_3__,
    };
    uint32_t best = 0u;
    for (uint32_t i = 0u; i < sizeof starts / sizeof starts[0]; i++) {
        if (starts[i] <= base && starts[i] > best) {
            best = starts[i];
        }
    }
    return best;
}

/* The RAM between the part's RAM start and the stack's region: nothing there
 * in the flipped layout; else filled with a pattern at start-up, and the
 * words that no longer hold it counted after the fault. */
static void fill_below_region(uint32_t ram_start, uint32_t base)
{
    for (uint32_t address = ram_start; address < base; address += 4u) {
        *(volatile uint32_t *)(uintptr_t)address = BELOW_REGION_PATTERN;
    }
}

static uint32_t overwritten_below_region(uint32_t ram_start, uint32_t base)
{
    uint32_t overwritten = 0u;
    for (uint32_t address = ram_start; address < base; address += 4u) {
        if (*(const volatile uint32_t *)(uintptr_t)address != BELOW_REGION_PATTERN) {
            overwritten++;
        }
    }
    return overwritten;
}

static bool canaries_intact(void)
{
    for (uint32_t i = 0u; i < CANARY_WORDS; i++) {
        if (data_canary[i] != DATA_CANARY || bss_canary[i] != BSS_CANARY) {
            return false;
        }
    }
    return true;
}

static void verdict(uint32_t scenario, bool ok, const char *what)
{
    if (ok) {
        caught++;
    }
    sh_printf("[scenario %u] verdict: %s - %s\n\n", (unsigned)scenario, ok ? "CAUGHT" : "MISSED", what);
}

/* ---- Scenario 1: free stack below SAFETY_MIN_STACK_FREE ---------------- */

typedef struct {
    cycle_t previous; /* last cycle before the flag */
    cycle_t flagged;  /* first cycle with ERR_FLAG_STACK */
    uint32_t depth;
} deepen_result_t;

static bool deepen(uint32_t depth, deepen_result_t *result)
{
    volatile uint8_t frame[DEEPEN_FRAME_BYTES];
    frame[0] = (uint8_t)depth;
    const cycle_t cycle = safety_cycle();
    if ((cycle.flags & ERR_FLAG_STACK) != 0u) {
        result->flagged = cycle;
        result->depth = depth;
        return true;
    }
    result->previous = cycle;
    if (depth == DEEPEN_MAX_LEVELS) {
        return false;
    }
    const bool flagged = deepen(depth + 1u, result);
    frame[DEEPEN_FRAME_BYTES - 1u] = frame[0]; /* keeps the frame live: no tail call */
    return flagged;
}

static void scenario_low_stack(void)
{
    sh_printf("[scenario 1] recursion deepens, a %u-byte buffer per level; SAFETY_MIN_STACK_FREE = %u bytes\n",
              (unsigned)DEEPEN_FRAME_BYTES, (unsigned)SAFETY_MIN_STACK_FREE);
    deepen_result_t result = {0};
    const bool flagged = deepen(1u, &result);
    const bool ok = flagged && !stack_check_free_below_minimum(result.previous.free_bytes) &&
                    stack_check_free_below_minimum(result.flagged.free_bytes) && result.flagged.area == STACK_CHECK_OK;
    sh_printf("[scenario 1] cycle %u had %d bytes free (>= %u, no flag); cycle %u at depth %u had %d bytes\n",
              (unsigned)result.previous.number, (int)result.previous.free_bytes, (unsigned)SAFETY_MIN_STACK_FREE,
              (unsigned)result.flagged.number, (unsigned)result.depth, (int)result.flagged.free_bytes);
    verdict(1u, ok, "the first cycle with less than SAFETY_MIN_STACK_FREE set ERR_FLAG_STACK");
    acknowledge_flags();
}

/* ---- Scenario 2: stray write into the corruption-detect area ----------- */

static void scenario_stray_write(void)
{
    volatile uint8_t *area = __stack_corruption_area_start__;
    const uint32_t size = (uint32_t)(__stack_corruption_area_end__ - __stack_corruption_area_start__);
    const uint32_t offset = STRAY_WRITE_OFFSET % size;
    const cycle_t before = safety_cycle();
    const uint8_t old = area[offset];
    area[offset] = (uint8_t)(old ^ STRAY_WRITE_MASK);
    sh_printf("[scenario 2] stray write: area byte %u (0x%08x) 0x%02x -> 0x%02x, one bit changed\n",
              (unsigned)offset, (unsigned)(uintptr_t)&area[offset], (unsigned)old, (unsigned)area[offset]);
    const cycle_t after = safety_cycle();
    const bool ok = before.area == STACK_CHECK_OK && (before.flags & ERR_FLAG_STACK) == 0u &&
                    after.area == STACK_CHECK_ERR_CORRUPTED && (after.flags & ERR_FLAG_STACK) != 0u;
    verdict(2u, ok, "the next cycle found the area CORRUPTED and set ERR_FLAG_STACK");
    acknowledge_flags();
    const int reseal = stack_check_init_corruption_detect_area();
    sh_printf("            area re-sealed with fresh random words: %s\n", stack_check_status_name(reseal));
    (void)safety_cycle();
}

/* ---- Scenario 3: unbounded recursion on the flipped stack -------------- */

static uint32_t recurse_without_bound(uint32_t depth)
{
    volatile uint32_t frame[8];
    frame[0] = depth;
    overflow_depth = depth;
    if (stop_recursion) {
        return depth;
    }
    const uint32_t deeper = recurse_without_bound(depth + 1u);
    frame[7] = deeper;
    return frame[0] + frame[7];
}

static void scenario_overflow(void)
{
    const uint32_t base = (uint32_t)(uintptr_t)__main_stack_base__;
    const uint32_t ram_start = part_ram_start_below(base);
    sh_printf("[scenario 3] unbounded recursion from %d bytes free; the stack's bottom is 0x%08x, the part's RAM "
              "starts at 0x%08x\n",
              (int)stack_check_get_free(), (unsigned)base, (unsigned)ram_start);
    fill_below_region(ram_start, base);
    overflow_started = true;
    (void)recurse_without_bound(1u);
    /* Not reached: the overflow faults. */
    overflow_started = false;
    verdict(3u, false, "the recursion returned without a fault");
}

/* The HardFault handler has already moved to its own stack. */
void cm_fault_hook(const cm_fault_t *fault)
{
    cm_fault_print(fault);
    if (!overflow_started) {
        sh_printf("demo: unexpected HardFault outside scenario 3\n");
        sh_exit(SH_EXIT_UNHANDLED_FAULT);
    }
    const uint32_t base = (uint32_t)(uintptr_t)__main_stack_base__;
    const uint32_t ram_start = part_ram_start_below(base);
    const bool below_ram = cm_fault_is_overflow_below(fault, ram_start);
    const bool intact = canaries_intact();
    const uint32_t below_region = base - ram_start;
    const uint32_t overwritten = overwritten_below_region(ram_start, base);
    const uint32_t access = (fault->cfsr & CFSR_BFARVALID) != 0u ? fault->bfar : fault->msp;
    sh_printf("[scenario 3] recursion depth %u: BusFault%s%s at 0x%08x, %d bytes below the part's RAM start, "
              "escalated to HardFault\n",
              (unsigned)overflow_depth, (fault->cfsr & CFSR_PRECISERR) != 0u ? " (precise)" : "",
              (fault->cfsr & CFSR_STKERR) != 0u ? " on exception stacking" : "", (unsigned)access,
              (int)(ram_start - access));
    sh_printf("[scenario 3] .data canaries (%u words) and .bss canaries (%u words): %s\n", (unsigned)CANARY_WORDS,
              (unsigned)CANARY_WORDS, intact ? "intact" : "OVERWRITTEN");
    if (below_region == 0u) {
        sh_printf("[scenario 3] RAM below the stack's region: none, it starts where the part's RAM starts\n");
    } else {
        sh_printf("[scenario 3] RAM below the stack's region: %u bytes from 0x%08x, %u of its %u words OVERWRITTEN\n",
                  (unsigned)below_region, (unsigned)ram_start, (unsigned)overwritten, (unsigned)(below_region / 4u));
    }
    if (below_ram && intact && below_region == 0u) {
        verdict(3u, true, "overflow raised a HardFault at the bottom of RAM; no data was overwritten");
    } else {
        verdict(3u, false, "the overflow was NOT contained: it wrote RAM before it faulted");
        sh_printf("demo: %u of %u scenarios caught\n", (unsigned)caught, (unsigned)SCENARIOS);
        sh_exit(SH_EXIT_FAIL);
    }
    sh_printf("            the fault handler resets the board (AIRCR.SYSRESETREQ) for scenario 4\n\n");
    demo_next_boot(DEMO_WATCHDOG_BOOT);
    cm_system_reset();
}

/* ---- Scenario 4: a hung loop, reset by the independent watchdog -------- */

static void scenario_watchdog(void)
{
    sh_printf("[scenario 4] boot 2: the safety loop arms the independent watchdog (IWDG) and refreshes it after "
              "each good cycle\n");
    const int init = stack_check_init_corruption_detect_area();
    uint32_t actual_ms = 0u;
    const int armed = stm32_iwdg_start(WATCHDOG_TIMEOUT_MS, &actual_ms);
    sh_printf("[scenario 4] area sealed: %s; IWDG started: %s, timeout %u ms\n", stack_check_status_name(init),
              stack_check_status_name(armed), (unsigned)actual_ms);
    if (init != STACK_CHECK_OK || armed != STACK_CHECK_OK) {
        verdict(4u, false, "the watchdog could not be armed");
        sh_printf("demo: %u of %u scenarios caught\n", (unsigned)caught, (unsigned)SCENARIOS);
        sh_exit(SH_EXIT_FAIL);
    }
    for (uint32_t i = 0u; i < WATCHDOG_GOOD_CYCLES; i++) {
        const cycle_t cycle = safety_cycle();
        if ((cycle.flags & ERR_FLAG_STACK) == 0u) {
            stm32_iwdg_refresh();
        }
    }
    sh_printf("[scenario 4] the safety loop hangs (a call that never returns): no more cycles, no refresh\n");
    demo_next_boot(DEMO_REPORT_BOOT);
    for (;;) {
        __asm__ __volatile__("" ::: "memory");
    }
}

static void scenario_watchdog_report(void)
{
    uint32_t flags = 0u;
    uint16_t counts[STACK_CHECK_ERROR_MEMORY_FLAGS];
    const int status = stack_check_error_memory_read(&cm_error_memory, &flags, counts);
    const bool iwdg = (cm_reset_flags & RCC_CSR_IWDGRSTF) != 0u;
    sh_printf("[scenario 4] boot 3: RCC_CSR reset flags 0x%08x (IWDGRSTF %s); error memory %s, flags 0x%08x, "
              "ERR_FLAG_WATCHDOG counted %u time(s)\n",
              (unsigned)cm_reset_flags, iwdg ? "set" : "clear", stack_check_status_name(status), (unsigned)flags,
              (unsigned)counts[6]);
    verdict(4u, iwdg && status == STACK_CHECK_OK && (flags & ERR_FLAG_WATCHDOG) != 0u && counts[6] == 1u,
            "the watchdog reset the hung loop; the next boot reported IWDGRSTF and counted ERR_FLAG_WATCHDOG");
    sh_printf("demo: %u of %u scenarios caught\n", (unsigned)caught, (unsigned)SCENARIOS);
    sh_exit(caught == SCENARIOS ? SH_EXIT_PASS : SH_EXIT_FAIL);
}

int main(void)
{
    const uint32_t boot = demo_boot();
    if (boot != DEMO_FIRST_BOOT) {
        caught = demo_retained[2];
        if (boot == DEMO_WATCHDOG_BOOT) {
            scenario_watchdog();
        }
        scenario_watchdog_report();
    }
    for (uint32_t i = 0u; i < CANARY_WORDS; i++) {
        bss_canary[i] = BSS_CANARY;
    }
    const uint32_t area_bytes = (uint32_t)(__stack_corruption_area_end__ - __stack_corruption_area_start__);
    sh_printf("SafetyMonitor demo on %s, %s\n", BOARD_NAME, BOARD_MCU);
    sh_printf("RCC ready bits, CRC unit and RNG: emulated by the board's firmware (QEMU lacks them)\n");
    sh_printf("flipped layout: main stack 0x%08x-0x%08x (%u bytes; the part's RAM starts at 0x%08x)\n",
              (unsigned)(uintptr_t)__main_stack_base__, (unsigned)(uintptr_t)__main_stack_end__,
              (unsigned)(__main_stack_end__ - __main_stack_base__),
              (unsigned)part_ram_start_below((uint32_t)(uintptr_t)__main_stack_base__));
    sh_printf("                corruption area 0x%08x-0x%08x (%u bytes), .data/.bss 0x%08x-0x%08x, "
              "heap 0x%08x-0x%08x\n",
              (unsigned)(uintptr_t)__stack_corruption_area_start__, (unsigned)(uintptr_t)__stack_corruption_area_end__,
              (unsigned)area_bytes, (unsigned)(uintptr_t)__data_start__, (unsigned)(uintptr_t)__bss_end__,
              (unsigned)(uintptr_t)__heap_base__, (unsigned)(uintptr_t)__heap_end__);

    const int init = stack_check_init_corruption_detect_area();
    if (init != STACK_CHECK_OK) {
        sh_printf("demo: stack_check_init_corruption_detect_area() failed: %s\n", stack_check_status_name(init));
        return SH_EXIT_FAIL;
    }
    const volatile uint32_t *area_words = (const volatile uint32_t *)(uintptr_t)__stack_corruption_area_start__;
    sh_printf("area sealed: %u random words + CRC 0x%08x in its last word\n\n", (unsigned)(area_bytes / 4u - 1u),
              (unsigned)area_words[area_bytes / 4u - 1u]);

    for (uint32_t i = 0u; i < 3u; i++) {
        (void)safety_cycle();
    }
    sh_printf("\n");
    scenario_low_stack();
    scenario_stray_write();
    scenario_overflow();
    return SH_EXIT_FAIL;
}
