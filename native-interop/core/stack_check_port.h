/**
 * @file stack_check_port.h
 * @brief The port seam of the stack-check core: the only things the core asks
 *        of the platform.
 *
 * Two halves, so that ports can share one of them:
 *
 * **Layout** (inline, in each port's own `stack_check_port_layout.h`, found on
 * the include path; inline so that stack_check_get_free() stays a handful of
 * instructions):
 * - `static inline stack_check_stack_t stack_check_port_stack(void)`:
 *   the current stack pointer and the bounds of the stack the caller runs on;
 * - `static inline stack_check_area_t stack_check_port_area(void)`:
 *   where the corruption-detect area is (the linker's
 *   `__stack_corruption_area_start__`/`__stack_corruption_area_end__` in
 *   firmware);
 * - `static inline uintptr_t stack_check_port_paint_below_sp(uint32_t *base,
 *   uintptr_t limit, uint32_t word)` and `STACK_CHECK_PORT_RED_ZONE`:
 *   stack_check_paint()'s loop, which stores @c word from @c base up to
 *   `STACK_CHECK_PORT_RED_ZONE` bytes below the lower of @c limit and the
 *   stack pointer it runs on, and returns that lower value (the ports on a
 *   real stack share ports/common/stack_check_port_paint.h, which says why
 *   only such a loop may paint up to the stack pointer).
 *
 * **Residue** (inline, in each port's own `stack_check_port_residue.h`: the
 * per-cycle path, inline so that the check is one function with no call
 * layers):
 * - `static inline uint32_t stack_check_port_crc_difference(const uint32_t
 *   *words, size_t count)`: the CRC of @c count words (a multiple of
 *   ::STACK_CHECK_AREA_GRANULE_WORDS) minus ::STACK_CHECK_SEAL_RESIDUE, under
 *   the port's lock, no read-back (0: the residue of an intact area);
 * - `static inline uint32_t stack_check_port_word_as_fed(uint32_t word)`: the
 *   word as the port's CRC reads it (identity when it feeds whole words; the
 *   byte swap when it feeds a word's bytes in memory order, MSB first, as
 *   nanoFramework's ChibiOS CRC driver does on a little-endian core).
 *
 * **Peripherals** (ordinary functions, declared below):
 * - stack_check_port_init(): make the RNG and CRC usable;
 * - stack_check_port_rng_word(): one random word;
 * - stack_check_port_crc(): CRC of a word buffer (the seal's);
 * - stack_check_port_crc_selftest(): the CRC unit's self-test, on a failed
 *   check only.
 *
 * Ports in this repository: `stm32` (bare metal: MSP/PSP and linker symbols;
 * register-level RNG and CRC drivers, the CRC unit used under a BASEPRI lock,
 * ports/stm32/stack_check_port_lock.h), `host` (a simulated stack region and
 * area for unit tests; the same STM32 drivers running against register
 * models), `posix` (the calling pthread's stack, getrandom, a software CRC)
 * and `chibios` (the running thread's working area, nanoFramework's CRC and
 * RNG drivers, inside the nanoCLR).
 */
#ifndef SAFETYMONITOR_STACK_CHECK_PORT_H
#define SAFETYMONITOR_STACK_CHECK_PORT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The stack the caller runs on, as the port sees it at the call. */
typedef struct {
    uintptr_t sp;   /**< current stack pointer */
    uintptr_t base; /**< lowest usable address (the stack grows down to it) */
    uintptr_t end;  /**< one past the highest address (initial stack pointer) */
} stack_check_stack_t;

/** The corruption-detect area: @c words 32-bit words from @c start. */
typedef struct {
    uint32_t *start; /**< first word, 4-byte aligned; NULL if there is none */
    size_t words;    /**< number of words, the CRC word included (>= 2 to be usable) */
} stack_check_area_t;

/**
 * Makes the RNG and the CRC unit usable: clocks on, self-tests, RNG started.
 * Called by stack_check_init_corruption_detect_area() before each fill.
 * @return ::STACK_CHECK_OK or a STACK_CHECK_ERR_RNG_* / ::STACK_CHECK_ERR_CRC code.
 */
int stack_check_port_init(void);

/**
 * One random word for the area, after the RNG's continuous test.
 * @param[out] word the random word; untouched on failure
 * @return ::STACK_CHECK_OK or a STACK_CHECK_ERR_RNG_* code.
 */
int stack_check_port_rng_word(uint32_t *word);

/**
 * CRC of @p count words (the STM32 CRC unit's CRC-32: polynomial 0x04C11DB7,
 * initial value 0xFFFFFFFF, MSB first, no reflection, no final XOR), fed the
 * way stack_check_port_crc_difference() feeds them: the seal's CRC. Called only
 * after stack_check_port_init() succeeded; a unit that fails afterwards
 * gives a wrong value, which the seal's proof through the check catches.
 * @param[in] words first word; @p count words are read
 * @param[in] count number of words, >= 1
 * @return the CRC register after the last word
 */
uint32_t stack_check_port_crc(const uint32_t *words, size_t count);

/**
 * Self-test of the CRC (the stm32 port: the known answer after CRC_CR.RESET,
 * RM0090 §4.4.3), under the port's lock.
 * Called only after a check found the wrong residue, to tell a unit fault
 * from a corrupted area.
 * @return ::STACK_CHECK_OK or ::STACK_CHECK_ERR_CRC.
 */
int stack_check_port_crc_selftest(void);

#ifdef __cplusplus
}
#endif

/* The layout and residue halves: inline functions of the port selected by
 * the include path. */
#include "stack_check_port_layout.h"
#include "stack_check_port_residue.h"

#endif /* SAFETYMONITOR_STACK_CHECK_PORT_H */
