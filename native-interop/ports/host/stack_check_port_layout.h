/**
 * @file stack_check_port_layout.h
 * @brief Layout half of the `host` port (unit tests only): a simulated stack
 *        region and area that the tests set through host_port.h.
 */
#ifndef SAFETYMONITOR_STACK_CHECK_PORT_LAYOUT_HOST_H
#define SAFETYMONITOR_STACK_CHECK_PORT_LAYOUT_HOST_H

#include "stack_check_port.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The simulated stack the core sees (set with host_port_set_stack()). */
extern stack_check_stack_t host_port_stack;
/** The simulated area the core sees (set with host_port_set_area()). */
extern stack_check_area_t host_port_area;

static inline stack_check_stack_t stack_check_port_stack(void)
{
    return host_port_stack;
}

/** Bytes below the simulated stack pointer that painting leaves alone, as
 *  an ABI's red zone would (set with host_port_set_red_zone(); 0 after
 *  host_port_reset(), as on Arm). */
extern uintptr_t host_port_red_zone;
#define STACK_CHECK_PORT_RED_ZONE host_port_red_zone

/** The stack pointer the paint loop sees as its own (set with
 *  host_port_set_live_sp(); 0: the simulated stack's, as when the caller
 *  runs on it). */
extern uintptr_t host_port_live_sp;

/* Nothing runs on the simulated stack: its stack pointer stands for the live one. */
static inline uintptr_t stack_check_port_paint_below_sp(uint32_t *base, uintptr_t limit, uint32_t word)
{
    const uintptr_t live = host_port_live_sp != 0u ? host_port_live_sp : host_port_stack.sp;
    const uintptr_t reached = limit < live ? limit : live;
    for (uint32_t *p = base; reached >= host_port_red_zone && (uintptr_t)(p + 1) <= reached - host_port_red_zone; p++) {
        *p = word;
    }
    return reached;
}

static inline stack_check_area_t stack_check_port_area(void)
{
    return host_port_area;
}

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_STACK_CHECK_PORT_LAYOUT_HOST_H */
