/**
 * @file stack_check.c
 * @brief The stack-check core: free stack and the corruption-detect area.
 *
 * Freestanding C11; all platform facts come through stack_check_port.h.
 * RAM beyond the area itself: one 32-bit state word.
 */
#include "stack_check.h"
#include "stack_check_port.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Value of area_state while the area holds a valid seal. Any other value,
 * the .bss zero of a fresh boot included, means "never initialised": a single
 * flipped bit of the state word cannot make an unsealed area look sealed.
 * volatile: the initialisation clears it before it touches the area and sets
 * it after the seal, in that order, so that a check from an interrupt handler
 * in between answers "not initialised", never "corrupted". */
#define AREA_SEALED 0x5EA1ED5Au

static volatile uint32_t area_state;

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

int32_t stack_check_get_size(void)
{
    const stack_check_stack_t stack = stack_check_port_stack();
    const uintptr_t size = stack.end > stack.base ? stack.end - stack.base : 0u;
    return size > (uintptr_t)INT32_MAX ? INT32_MAX : (int32_t)size;
}

static bool area_usable(const stack_check_area_t *area)
{
    return area->start != NULL && area->words >= 2u;
}

int stack_check_init_corruption_detect_area(void)
{
    const stack_check_area_t area = stack_check_port_area();
    area_state = 0u;
    if (!area_usable(&area)) {
        return STACK_CHECK_ERR_LAYOUT;
    }
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
    uint32_t crc = 0u;
    status = stack_check_port_crc(area.start, data_words, &crc);
    if (status != STACK_CHECK_OK) {
        return status;
    }
    area.start[data_words] = crc;
    area_state = AREA_SEALED;
    return STACK_CHECK_OK;
}

int stack_check_corruption_detect_area(void)
{
    if (area_state != AREA_SEALED) {
        return STACK_CHECK_ERR_NOT_INITIALISED;
    }
    const stack_check_area_t area = stack_check_port_area();
    if (!area_usable(&area)) {
        return STACK_CHECK_ERR_LAYOUT;
    }
    const size_t data_words = area.words - 1u;
    uint32_t crc; /* set by the port on success, and read only then */
    const int status = stack_check_port_crc(area.start, data_words, &crc);
    if (status != STACK_CHECK_OK) {
        return status;
    }
    return crc == area.start[data_words] ? STACK_CHECK_OK : STACK_CHECK_ERR_CORRUPTED;
}
