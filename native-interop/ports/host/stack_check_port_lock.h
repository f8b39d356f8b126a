/**
 * @file stack_check_port_lock.h
 * @brief The `host` port's lock around the CRC unit's model: nothing to
 *        mask (unit tests call the core from one thread). The `stm32` port's
 *        lock raises BASEPRI.
 */
#ifndef SAFETYMONITOR_STACK_CHECK_PORT_LOCK_HOST_H
#define SAFETYMONITOR_STACK_CHECK_PORT_LOCK_HOST_H

#include <stdint.h>

static inline uint32_t stack_check_port_lock(void)
{
    return 0u;
}

static inline void stack_check_port_unlock(uint32_t previous)
{
    (void)previous;
}

#endif /* SAFETYMONITOR_STACK_CHECK_PORT_LOCK_HOST_H */
