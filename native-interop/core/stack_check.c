/**
 * @file stack_check.c
 * @brief The stack-check core: free stack and the corruption-detect area.
 *
 * Freestanding C11; all platform facts come through stack_check_port.h.
 * RAM beyond the area itself: one 32-bit state word.
 */
#include "stack_check.h"
#include "stack_check_port.h"

#include <stddef.h>
#include <stdint.h>

/* Value of stack_check_area_state while the area holds a valid seal. Any other value,
 * the .bss zero of a fresh boot included, means "never initialised": a single
 * flipped bit of the state word cannot make an unsealed area look sealed
 * (16 bits differ from 0 and from all ones). A Thumb-2 modified immediate
 * (ARMv7-M ARM A5.3.2), so that the per-cycle test needs no literal load.
 * volatile: the initialisation clears it before it touches the area and sets
 * it after the seal, in that order, so that a check from an interrupt handler
 * in between answers "not initialised", never "corrupted". */
#define AREA_SEALED 0x5A5A5A5Au

_Static_assert(STACK_CHECK_OK == 0, "the check returns the residue's difference as its status");

/* External linkage for the fault-injection tests only (not in stack_check.h):
 * they flip its bits. */
volatile uint32_t stack_check_area_state;

int32_t stack_check_get_free(void)
{
    const stack_check_stack_t stack = stack_check_port_stack();
    /* Two's complement difference: negative when sp is below base. */
    const intptr_t free_bytes = (intptr_t)(stack.sp - stack.base);
#if INTPTR_MAX > INT32_MAX
    /* 64-bit hosts only: keep far-apart addresses inside the int32_t range. */
    if (free_bytes > INT32_MAX) {
        return INT32_MAX;
    }
    if (free_bytes < INT32_MIN) {
        return INT32_MIN;
    }
#endif
    return (int32_t)free_bytes;
}

int stack_check_init_corruption_detect_area(void)
{
    const stack_check_area_t area = stack_check_port_area();
    stack_check_area_state = 0u;
#if !defined(STACK_CHECK_PORT_AREA_CHECKED_AT_LINK)
    /* A port whose area is set at run time (host, posix); a linked area is
     * refused by the link itself (linker/stack_corruption_area.ld). */
    if (area.start == NULL || area.words < STACK_CHECK_AREA_GRANULE_WORDS ||
        area.words % STACK_CHECK_AREA_GRANULE_WORDS != 0u) {
        return STACK_CHECK_ERR_LAYOUT;
    }
#endif
    int status = stack_check_port_init();
    if (status != STACK_CHECK_OK) {
        return status;
    }
    const size_t data_words = area.words - 1u;
    for (size_t i = 0; i < data_words; i++) {
        status = stack_check_port_rng_word(&area.start[i]);
        if (status != STACK_CHECK_OK) {
            return status;
        }
    }
    const uint32_t crc = stack_check_port_crc(area.start, data_words);
    area.start[data_words] = stack_check_port_word_as_fed(crc ^ STACK_CHECK_SEAL_XOR);
    stack_check_area_state = AREA_SEALED;
    /* The seal, proved once by the per-cycle check itself (one copy of its
     * code): a CRC unit that computes the seal wrong fails here, not later. */
    if (stack_check_corruption_detect_area() != STACK_CHECK_OK) {
        stack_check_area_state = 0u;
        return STACK_CHECK_ERR_CRC;
    }
    return STACK_CHECK_OK;
}

int stack_check_corruption_detect_area(void)
{
    if (stack_check_area_state != AREA_SEALED) {
        return STACK_CHECK_ERR_NOT_INITIALISED;
    }
    const stack_check_area_t area = stack_check_port_area();
    const uint32_t difference = stack_check_port_crc_difference(area.start, area.words);
    if (difference != 0u) {
        /* The failing path only: a unit that fails its self-test is a CRC
         * fault, else the area changed. */
        return stack_check_port_crc_selftest() == STACK_CHECK_OK ? STACK_CHECK_ERR_CORRUPTED : STACK_CHECK_ERR_CRC;
    }
    return (int)difference;
}
