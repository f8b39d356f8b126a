/**
 * @file stack_check_port_lock.h
 * @brief The `stm32` port's lock around the CRC unit: the unit holds one
 *        running CRC, so a check interrupted by another check (an interrupt
 *        handler's) between CRC_CR.RESET and the read of CRC_DR would give
 *        both a wrong result.
 *
 * The lock raises BASEPRI to ::STACK_CHECK_PORT_BASEPRI with BASEPRI_MAX
 * (never lowers it), masking every interrupt whose priority value is that or
 * higher, and restores it after (ARMv7-M ARM B1.4.3 "The special-purpose mask
 * registers", B5.2.3 MSR: BASEPRI_MAX). BASEPRI rather than PRIMASK: faults
 * and interrupts above the level stay live (the emulated board's peripheral
 * models answer through MemManage at priority 0). Cost: 3 instructions each
 * way; masked interrupts wait at most one CRC pass (area size / 4 words, 4
 * AHB cycles each, RM0090 §4.2).
 *
 * Rule: an interrupt handler that calls the monitor must have a priority
 * value of ::STACK_CHECK_PORT_BASEPRI or higher (numerically), so that the
 * lock masks it.
 */
#ifndef SAFETYMONITOR_STACK_CHECK_PORT_LOCK_STM32_H
#define SAFETYMONITOR_STACK_CHECK_PORT_LOCK_STM32_H

#include <stdint.h>

#ifndef STACK_CHECK_PORT_BASEPRI
/** BASEPRI while the CRC unit is in use: masks priority values 0x10-0xF0
 *  (the STM32F4/F7 implement the top 4 priority bits, PM0214 §4.3.7), leaves
 *  priority 0 live. */
#define STACK_CHECK_PORT_BASEPRI 0x10u
#endif

/** Takes the lock; returns what stack_check_port_unlock() restores. */
static inline uint32_t stack_check_port_lock(void)
{
    uint32_t previous;
    __asm__ __volatile__("mrs %0, basepri" : "=r"(previous));
    __asm__ __volatile__("msr basepri_max, %0" : : "r"(STACK_CHECK_PORT_BASEPRI) : "memory");
    return previous;
}

/** Releases the lock: BASEPRI back to what stack_check_port_lock() found. */
static inline void stack_check_port_unlock(uint32_t previous)
{
    __asm__ __volatile__("msr basepri, %0" : : "r"(previous) : "memory");
}

#endif /* SAFETYMONITOR_STACK_CHECK_PORT_LOCK_STM32_H */
