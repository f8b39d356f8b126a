/**
 * @file stack_high_water.c
 * @brief The high-water mark: the least free stack seen since painting, at
 *        a bounded cost per call (see stack_check_get_min_free() in
 *        stack_check.h). Its own file, so that firmware that never asks for
 *        it does not carry it (--gc-sections).
 *
 * RAM: 14 bytes on a 32-bit CPU (the painted window's base and its offset
 * from the stack's base; the painted size as a 16-bit word index; the mark
 * and the sweep cursor as 16-bit word indices packed in one word).
 *
 * A stack larger than the 65,535 words the indices reach (nanoFramework's
 * POSIX nanoCLR runs on the process's main thread, 8 MiB by default) is
 * painted in a window: the 65,535 words right below the stack pointer at the
 * paint, so one paint costs at most 65,535 stores (256 KiB) and every
 * stack_check_get_min_free() call still looks at
 * STACK_CHECK_MIN_FREE_SCAN_WORDS words at most. The mark counts from the
 * stack's own base, so its values keep their meaning; below the window it
 * sees nothing (stack_check.h, "Known limits").
 */
#include "stack_check.h"
#include "stack_check_port.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MAX_WORDS 65535u

static const uint32_t *volatile painted_base; /* NULL: nothing painted */
static volatile uintptr_t window_offset;      /* bytes from the stack's base up to painted_base */
static volatile uint16_t painted_words;       /* words from base that were painted */
/* The mark (bits 0-15: words from base to the deepest depth seen) and the
 * sweep's cursor (bits 16-31: the next chunk ends below it), in one word: one
 * load and one store per call, no zero-extensions of 16-bit fields. */
static volatile uint32_t sweep;

#define SWEEP(mark, cursor) ((uint32_t)(mark) | ((uint32_t)(cursor) << 16))

_Static_assert(STACK_CHECK_MIN_FREE_SCAN_WORDS >= 1u && STACK_CHECK_MIN_FREE_SCAN_WORDS <= MAX_WORDS,
               "STACK_CHECK_MIN_FREE_SCAN_WORDS must be 1 to 65535");

/* Starts the mark on a paint of `painted` words from `base`, `offset` bytes
 * above the stack's own base, with `reached` words (at least `painted`, at
 * most MAX_WORDS) the depth the stack is known to have reached. */
static void start_mark(const uint32_t *base, uintptr_t offset, size_t painted, size_t reached)
{
    window_offset = offset;
    painted_words = (uint16_t)painted;
    sweep = SWEEP(reached, painted);
    painted_base = base;
}

int stack_check_paint(void)
{
    const stack_check_stack_t stack = stack_check_port_stack();
    /* A stack pointer below the base (or within the red zone above it) is
     * refused by the paint's result below. */
    if (stack.end <= stack.base || stack.sp > stack.end || ((stack.base | stack.end) & 3u) != 0u) {
        return STACK_CHECK_ERR_LAYOUT;
    }
    /* The window: the whole stack when the stack pointer's depth, in words
     * rounded up, fits the indices; else the lowest word-aligned base from
     * which it does (MAX_WORDS words below an aligned stack pointer). */
    uintptr_t low = stack.base;
    if (stack.sp > low && (stack.sp - low + 3u) / 4u > MAX_WORDS) {
        low = (stack.sp - MAX_WORDS * 4u + 3u) & ~(uintptr_t)3u;
    }
    const uint32_t *const previous = painted_base;
    painted_base = NULL; /* no scan while the paint is incomplete */
    /* The port paints right up to the stack pointer its loop runs on (less
     * the ABI's red zone): below it no code keeps data. */
    const uintptr_t reached = stack_check_port_paint_below_sp((uint32_t *)low, stack.sp, STACK_CHECK_PAINT_WORD);
    if (reached < low + STACK_CHECK_PORT_RED_ZONE) {
        painted_base = previous; /* nothing was painted: the code does not run on this stack */
        return STACK_CHECK_ERR_LAYOUT;
    }
    const size_t painted = (reached - STACK_CHECK_PORT_RED_ZONE - low) / 4u;
    /* Rounded up: the mark is never deeper than the stack pointer was (and
     * at most the whole stack: reached <= end, and end is aligned). */
    start_mark((const uint32_t *)low, low - stack.base, painted, (reached - low + 3u) / 4u);
    return STACK_CHECK_OK;
}

int stack_check_paint_region(void *base, void *end)
{
    const uintptr_t low = (uintptr_t)base;
    const uintptr_t high = (uintptr_t)end;
    if ((low & 3u) != 0u || (high & 3u) != 0u || high <= low || low == 0u || (high - low) / 4u > MAX_WORDS) {
        return STACK_CHECK_ERR_LAYOUT;
    }
    painted_base = NULL;
    uint32_t *const words = (uint32_t *)base;
    const size_t count = (high - low) / 4u;
    for (size_t i = 0u; i < count; i++) {
        words[i] = STACK_CHECK_PAINT_WORD;
    }
    start_mark(words, 0u, count, count);
    return STACK_CHECK_OK;
}

void stack_check_forget_paint(void)
{
    painted_base = NULL;
}

int32_t stack_check_get_min_free(void)
{
    const uint32_t *const base = painted_base;
    if (base == NULL) {
        return STACK_CHECK_ERR_NOT_INITIALISED;
    }
    const uint32_t state = sweep;
    uint32_t deepest = state & 0xFFFFu;
    const uint32_t next = state >> 16;
    /* This call's chunk: the STACK_CHECK_MIN_FREE_SCAN_WORDS words (or fewer,
     * at the bottom) right below the cursor, all below the mark. Its lowest
     * overwritten word is the first found scanning up; no wrap test inside
     * the loop. */
    const uint32_t low = next > STACK_CHECK_MIN_FREE_SCAN_WORDS ? next - STACK_CHECK_MIN_FREE_SCAN_WORDS : 0u;
    if (low != next) {
        /* A negative index counting up to 0: the increment's flags end the
         * loop (load, compare, branch, add, branch: 5 instructions a word). */
        const uint32_t *const end = base + next;
        intptr_t i = -(intptr_t)(next - low);
        do {
            if (end[i] != STACK_CHECK_PAINT_WORD) {
                deepest = (uint32_t)((intptr_t)next + i);
                break;
            }
        } while (++i != 0);
    }
    /* At the bottom the sweep starts over, below the mark, within the paint. */
    uint32_t restart = low;
    if (restart == 0u) {
        restart = painted_words;
        restart = deepest < restart ? deepest : restart;
    }
    sweep = SWEEP(deepest, restart);
    /* From the stack's own base; saturated (a window more than 2 GiB above
     * the base of a stack that large). */
    const uintptr_t bytes = window_offset + (uintptr_t)deepest * 4u;
    return bytes > (uintptr_t)INT32_MAX ? INT32_MAX : (int32_t)bytes;
}
