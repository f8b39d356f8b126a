/**
 * @file stack_high_water.c
 * @brief The high-water mark: the least free stack seen since painting, at
 *        a bounded cost per call (see stack_check_get_min_free() in
 *        stack_check.h). Its own file, so that firmware that never asks for
 *        it does not carry it (--gc-sections).
 *
 * RAM: 8 bytes (the painted stack's base, the mark and the sweep cursor as
 * word indices).
 */
#include "stack_check.h"
#include "stack_check_port.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MAX_WORDS 65535u

static const uint32_t *volatile painted_base; /* NULL: nothing painted */
static volatile uint16_t mark;                /* words from base to the deepest word found written */
static volatile uint16_t cursor;              /* the sweep's next word is cursor - 1 */

_Static_assert(STACK_CHECK_MIN_FREE_SCAN_WORDS >= 1u && STACK_CHECK_MIN_FREE_SCAN_WORDS <= MAX_WORDS,
               "STACK_CHECK_MIN_FREE_SCAN_WORDS must be 1 to 65535");

static int paint(uint32_t *base, size_t words, size_t in_use_from)
{
    if (base == NULL || words == 0u || words > MAX_WORDS || in_use_from > words) {
        return STACK_CHECK_ERR_LAYOUT;
    }
    painted_base = NULL; /* no scan while the paint is incomplete */
    for (size_t i = 0u; i < in_use_from; i++) {
        base[i] = STACK_CHECK_PAINT_WORD;
    }
    mark = (uint16_t)in_use_from;
    cursor = (uint16_t)in_use_from;
    painted_base = base;
    return STACK_CHECK_OK;
}

int stack_check_paint(void)
{
    const stack_check_stack_t stack = stack_check_port_stack();
    if (stack.base == 0u || stack.end <= stack.base || stack.sp < stack.base + STACK_CHECK_PAINT_MARGIN ||
        stack.sp > stack.end || (stack.base & 3u) != 0u) {
        return STACK_CHECK_ERR_LAYOUT;
    }
    const size_t words = (stack.end - stack.base) / 4u;
    const size_t unused = (stack.sp - STACK_CHECK_PAINT_MARGIN - stack.base) / 4u;
    return paint((uint32_t *)stack.base, words, unused);
}

int stack_check_paint_region(void *base, void *end)
{
    const uintptr_t low = (uintptr_t)base;
    const uintptr_t high = (uintptr_t)end;
    if ((low & 3u) != 0u || (high & 3u) != 0u || high <= low) {
        return STACK_CHECK_ERR_LAYOUT;
    }
    const size_t words = (high - low) / 4u;
    return paint((uint32_t *)base, words, words);
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
    uint32_t deepest = mark;
    uint32_t next = cursor;
    for (uint32_t budget = STACK_CHECK_MIN_FREE_SCAN_WORDS; budget != 0u; budget--) {
        if (next == 0u) {
            next = deepest; /* the sweep reached the bottom: start over below the mark */
            if (next == 0u) {
                break;      /* the stack was used down to its last word */
            }
        }
        next--;
        if (base[next] != STACK_CHECK_PAINT_WORD) {
            deepest = next;
        }
    }
    mark = (uint16_t)deepest;
    cursor = (uint16_t)next;
    return (int32_t)(deepest * 4u);
}
