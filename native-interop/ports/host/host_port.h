/**
 * @file host_port.h
 * @brief Test control of the `host` port: the simulated stack region and
 *        area the core sees. Unit tests only.
 *
 * The host port's peripheral half is the stm32 port's
 * (ports/common/stack_check_port_stm32_periph.c with the STM32 RNG and CRC drivers); their
 * register accesses go to the register models of
 * native-interop/models/stm32/stm32_periph_model.h, the same models
 * the emulated board runs. Drive faults through that header.
 */
#ifndef SAFETYMONITOR_HOST_PORT_H
#define SAFETYMONITOR_HOST_PORT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Words of the area buffer the host port owns (the default area uses
 *  HOST_PORT_DEFAULT_AREA_BYTES of it). */
#define HOST_PORT_AREA_CAPACITY_WORDS 1024u
/** Default area size in bytes, as the linker fragment's default. */
#define HOST_PORT_DEFAULT_AREA_BYTES 128u

/**
 * Puts the port back in its start state: a 4096-byte simulated stack with the
 * stack pointer at its top, the default 128-byte area at the start of the
 * port's own buffer (contents left as they are), no red zone, and the
 * register models reset with @p model_seed (any value; 0 is replaced by a
 * fixed non-zero seed).
 * The core's seal state is not touched.
 */
void host_port_reset(uint32_t model_seed);

/**
 * Sets the simulated stack: lowest usable address @p base, one past the top
 * @p end, current stack pointer @p sp (may lie outside [base, end], as after
 * an overflow).
 */
void host_port_set_stack(uintptr_t base, uintptr_t end, uintptr_t sp);

/** Sets the bytes below the simulated stack pointer that stack_check_paint()
 *  leaves unpainted, as an ABI's red zone (x86-64: 128) would. */
void host_port_set_red_zone(uintptr_t bytes);

/** Sets the stack pointer that stack_check_paint()'s loop sees as the one it
 *  runs on, apart from the simulated stack's (a caller on another stack);
 *  0, as after host_port_reset(), makes them the same. */
void host_port_set_live_sp(uintptr_t sp);

/** Sets the simulated area: @p words words from @p start (NULL or fewer than
 *  2 words make an unusable area). */
void host_port_set_area(uint32_t *start, size_t words);

/** The port's own area buffer, ::HOST_PORT_AREA_CAPACITY_WORDS words. */
uint32_t *host_port_area_buffer(void);

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_HOST_PORT_H */
