/**
 * @file stack_check_port_linker_area.h
 * @brief The corruption-detect area where linker/stack_corruption_area.ld put
 *        it: shared by the ports that run on a linked firmware image (stm32,
 *        chibios).
 */
#ifndef SAFETYMONITOR_STACK_CHECK_PORT_LINKER_AREA_H
#define SAFETYMONITOR_STACK_CHECK_PORT_LINKER_AREA_H

#include "stack_check_port.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The area's place and size are checked by the link
 *  (linker/stack_corruption_area.ld's ASSERTs): the initialisation need not
 *  test them again. */
#define STACK_CHECK_PORT_AREA_CHECKED_AT_LINK 1

extern uint32_t __stack_corruption_area_start__[];
extern uint32_t __stack_corruption_area_end__[];
/* Absolute: its address is the area's size in words (linker/stack_corruption_area.ld). */
extern uint8_t __stack_corruption_area_words__[];

static inline stack_check_area_t stack_check_port_area(void)
{
    stack_check_area_t area;
    area.start = __stack_corruption_area_start__;
    area.words = (size_t)(uintptr_t)__stack_corruption_area_words__;
    return area;
}

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_STACK_CHECK_PORT_LINKER_AREA_H */
