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

static inline stack_check_area_t stack_check_port_area(void)
{
    return host_port_area;
}

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_STACK_CHECK_PORT_LAYOUT_HOST_H */
