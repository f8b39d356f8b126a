/**
 * @file boot_phase.h
 * @brief For the QEMU target tests that span resets: a phase counter in
 *        .noinit (kept across a reset, like the fault record), guarded by its
 *        complement so that a fresh QEMU's zeroed RAM reads as phase 0.
 */
#ifndef SAFETYMONITOR_BOOT_PHASE_H
#define SAFETYMONITOR_BOOT_PHASE_H

#include <stdint.h>

__attribute__((section(".noinit"))) static volatile uint32_t boot_phase_word[2];

/** The phase of this boot: 0 on the first, then what boot_phase_next() set. */
static inline uint32_t boot_phase(void)
{
    return boot_phase_word[1] == ~boot_phase_word[0] ? boot_phase_word[0] : 0u;
}

/** Sets the phase the next boot will see. */
static inline void boot_phase_next(uint32_t phase)
{
    boot_phase_word[0] = phase;
    boot_phase_word[1] = ~phase;
}

#endif /* SAFETYMONITOR_BOOT_PHASE_H */
