/**
 * @file stack_check.h
 * @brief SafetyMonitor public C API: free stack of the calling context and the
 *        RNG-filled, CRC-sealed stack corruption-detect area.
 *
 * The names and meanings follow the "Safety Stack Checking" design that the
 * project's seed (an STM32 reflow-oven controller) introduced:
 * stack_check_get_free() against ::SAFETY_MIN_STACK_FREE, an area of
 * `__stack_corruption_area_size` bytes (linker symbol, 128 by default) that
 * stack_check_init_corruption_detect_area() fills from the RNG and seals with a
 * CRC from the CRC unit, checked by stack_check_corruption_detect_area() on
 * every safety cycle; a failure of either check sets ::ERR_FLAG_STACK.
 *
 * Properties of every function here:
 * - no heap, no libc beyond `<stdint.h>`, `<stddef.h>`, `<stdbool.h>`,
 *   `<string.h>`;
 * - bounded work: every wait on a peripheral has a documented poll limit;
 * - every failure has its own negative status code (::stack_check_status,
 *   stack_check_status.h).
 *
 * Concurrency: the safety cycle calls them; an interrupt handler may also
 * call stack_check_get_free() and stack_check_corruption_detect_area() while
 * the cycle runs any of them, when the port serialises the CRC unit (the
 * stm32 port's BASEPRI lock, ports/stm32/stack_check_port_lock.h: the
 * handler's priority must be masked by it). A check that interrupts a
 * re-initialisation answers ::STACK_CHECK_ERR_NOT_INITIALISED, never
 * ::STACK_CHECK_ERR_CORRUPTED. stack_check_init_corruption_detect_area() is
 * not for interrupt handlers.
 */
#ifndef SAFETYMONITOR_STACK_CHECK_H
#define SAFETYMONITOR_STACK_CHECK_H

#include "stack_check_status.h"

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef SAFETY_MIN_STACK_FREE
/**
 * Least free stack, in bytes, that a safety cycle accepts: a cycle in which
 * stack_check_get_free() returns less sets ::ERR_FLAG_STACK.
 * Default 0x100 (256 bytes) as in the seed design. Override at build time with
 * `-DSAFETY_MIN_STACK_FREE=<bytes>` (CMake: `-DSAFETYMON_MIN_STACK_FREE=<bytes>`);
 * useful range 0 to the stack size.
 */
#define SAFETY_MIN_STACK_FREE 0x100
#endif

/**
 * The stack-free threshold of a safety cycle, in one place: true when
 * @p free_bytes (a stack_check_get_free() or stack_check_get_min_free()
 * result) is less than ::SAFETY_MIN_STACK_FREE, the condition that sets
 * ::ERR_FLAG_STACK. Exactly ::SAFETY_MIN_STACK_FREE bytes free is enough; a
 * negative value (an overflow not yet faulted, or an error code of
 * stack_check_get_min_free(), which the caller should tell apart first) is
 * below it.
 *
 * @param free_bytes bytes of free stack, any int32_t
 */
static inline bool stack_check_free_below_minimum(int32_t free_bytes)
{
    return free_bytes < SAFETY_MIN_STACK_FREE;
}

/**
 * Error flag of the safety controller set when the stack check fails: free
 * stack below ::SAFETY_MIN_STACK_FREE, or the corruption-detect area not
 * intact (any non-zero result of stack_check_corruption_detect_area()), or the
 * area could not be initialised. Bit 0 of the controller's 32-bit error-flag
 * word; the managed `ErrorFlags.Stack` has the same value.
 */
#define ERR_FLAG_STACK (1u << 0)

/**
 * Error flag set when the error memory (error_memory.h) was found corrupted
 * and wiped: its persistent flags and counters were lost. Bit 3 of the
 * controller's error-flag word; the managed `ErrorFlags.ErrorMemory` has the
 * same value.
 */
#define ERR_FLAG_ERROR_MEMORY (1u << 3)


/**
 * Free stack of the calling context, in bytes: the current stack pointer
 * minus the lowest usable address of the stack the caller runs on (on bare
 * metal the MSP or PSP stack chosen by IPSR and CONTROL.SPSEL, ARMv7-M ARM
 * B1.4.4). Measured at the call; the function uses no stack of its own on
 * Cortex-M.
 *
 * @return free bytes, range INT32_MIN..stack size; negative when the stack
 *         pointer is already below the lowest usable address (an overflow
 *         that has not faulted yet). Compare with ::SAFETY_MIN_STACK_FREE.
 */
int32_t stack_check_get_free(void);

/**
 * Size of the stack the caller runs on, in bytes: its highest address (the
 * initial stack pointer) minus its lowest usable address, from the same
 * bounds as stack_check_get_free(). An extension of the seed API.
 *
 * @return bytes, 0 to INT32_MAX (0 when the port does not know the bounds).
 */
int32_t stack_check_get_size(void);

#ifndef STACK_CHECK_MIN_FREE_SCAN_WORDS
/**
 * Words of the painted stack that one stack_check_get_min_free() call looks
 * at, at most: its cost per call (about 3 instructions per word), whatever
 * the stack's size. Default 32; range 1 to 65535. Override at build time.
 */
#define STACK_CHECK_MIN_FREE_SCAN_WORDS 32u
#endif

/** The paint stack_check_paint() fills unused stack with (an unlikely value:
 *  not 0, not all ones, not a flash or SRAM address, not a small number). */
#define STACK_CHECK_PAINT_WORD 0xA55AC33Cu

/**
 * Paints the unused part of the stack the caller runs on, from its lowest
 * usable address right up to the stack pointer (below which no code keeps
 * data: AAPCS32 §6.2.1; on x86-64 the port stops at the ABI's 128-byte red
 * zone, System V AMD64 ABI §3.2.2), with ::STACK_CHECK_PAINT_WORD, and starts
 * the high-water mark (stack_check_get_min_free()) at the stack pointer's
 * depth. Call once, early (bare-metal start-up does, before main()), from
 * the context whose stack is to be watched.
 *
 * Any stack the port reports is taken. One whose stack pointer lies more than
 * 65,535 words (256 KiB) above its base (the main thread of a POSIX process:
 * 8 MiB by default, RLIMIT_STACK; nanoFramework's POSIX nanoCLR runs there)
 * is painted in a window: the 65,535 words right below the stack pointer,
 * and the mark watches that window only (its values still count from the
 * stack's base).
 * Cost: one store per painted word, once: at most 65,535 stores (256 KiB of
 * stack touched), whatever the stack's size; 14 bytes of RAM (32-bit CPU).
 *
 * @retval STACK_CHECK_OK          painted
 * @retval STACK_CHECK_ERR_LAYOUT  the port does not know the stack's bounds
 *                                 (its end not above its base), base or end
 *                                 not 4-byte aligned, or the stack pointer is
 *                                 outside them (or the caller does not run on
 *                                 that stack); nothing painted, the mark as
 *                                 it was
 */
int stack_check_paint(void);

/**
 * Paints [@p base, @p end) with ::STACK_CHECK_PAINT_WORD and starts the
 * high-water mark on it, as if that region were a stack nobody has used yet
 * (a thread's working area before the thread starts: the nanoCLR's CLR
 * thread, boards/common/nanoframework/safetymonitor_clr_thread.c).
 *
 * @param base lowest address, 4-byte aligned
 * @param end  one past the highest address, 4-byte aligned, above @p base
 * @retval STACK_CHECK_OK          painted
 * @retval STACK_CHECK_ERR_LAYOUT  NULL, misaligned, empty or over 65535 words
 */
int stack_check_paint_region(void *base, void *end);

/**
 * Stops the high-water mark: stack_check_get_min_free() answers
 * ::STACK_CHECK_ERR_NOT_INITIALISED until the next paint. Call it before the
 * painted stack goes away (a thread that ends: the mark reads its memory).
 */
void stack_check_forget_paint(void);

/**
 * The least free stack seen since painting, in bytes: the distance from the
 * painted stack's lowest address up to the deepest word found overwritten
 * (no longer ::STACK_CHECK_PAINT_WORD), or up to the stack pointer at the
 * paint while nothing below it was written (for stack_check_paint_region():
 * the region's size). Every value is a depth the stack really reached. Each call looks at ::STACK_CHECK_MIN_FREE_SCAN_WORDS words
 * at most, sweeping down from the deepest word found so far and starting
 * over at the bottom; so a deeper excursion, even one between two calls that
 * stack_check_get_free() cannot see, is reported within
 * 2 * ceil(W / ::STACK_CHECK_MIN_FREE_SCAN_WORDS) + 1 calls for a stack of W
 * words (1 KiB, 32 words per call: 17 calls).
 *
 * Known limits of painting: a word that a frame writes with exactly the paint
 * value, and stack that a frame reserves but never writes (an uninitialised
 * array), look unused; the mark can only be too shallow by them, never too
 * deep. On x86-64 (the `posix` port) the 128-byte red zone below the stack
 * pointer at the paint stays unpainted, so an excursion that ends within it
 * is not seen either. A stack painted in a window (stack_check_paint(), over
 * 65,535 words deep) shows an excursion below the window as reaching the
 * window's lowest word: a depth the stack did reach, but it may have gone
 * further (stack_check_get_free() still sees the stack pointer itself).
 *
 * @return bytes from the stack's base, 0 to the painted size (plus, for a
 *         window, its distance from the stack's base; at most INT32_MAX);
 *         ::STACK_CHECK_ERR_NOT_INITIALISED
 *         before stack_check_paint() or stack_check_paint_region()
 */
int32_t stack_check_get_min_free(void);

/**
 * Fills the corruption-detect area with words from the RNG and stores the
 * CRC-32 (polynomial 0x04C11DB7, initial value 0xFFFFFFFF, words fed MSB
 * first, no reflection, no final XOR: the STM32 CRC unit, RM0090 §4.2) of
 * those words, computed by the CRC unit, in the area's last word. Safe to call
 * again (re-seals with fresh random words). While it runs, and after it
 * fails, the area counts as never initialised.
 *
 * Cost: one RNG word per area word but the last (plus one discarded word after
 * each RNG enable), one CRC pass; every peripheral wait is bounded.
 *
 * @retval STACK_CHECK_OK                area filled and sealed
 * @retval STACK_CHECK_ERR_RNG_SEED      seed error persisted after recovery
 * @retval STACK_CHECK_ERR_RNG_CLOCK     RNG clock error
 * @retval STACK_CHECK_ERR_RNG_TIMEOUT   RNG never became ready
 * @retval STACK_CHECK_ERR_RNG_REPEAT    RNG continuous test failed
 * @retval STACK_CHECK_ERR_CRC           CRC unit fault
 * @retval STACK_CHECK_ERR_LAYOUT        no usable area
 */
int stack_check_init_corruption_detect_area(void);

/**
 * Checks the corruption-detect area: recomputes the CRC of all words but the
 * last with the CRC unit and compares it with the last word. A change of any
 * bit of the area, the CRC word included, is caught when it changes the CRC:
 * always for a change within one 32-bit word, and for any change confined to
 * 32 consecutive bits in the order the CRC reads them (word by word, bit 31
 * first, the CRC word last); in address order every change of up to 30
 * consecutive bits of the default 128-byte area is caught, while some of 31
 * or 32 bits across a word boundary are not (tests/campaign proves both);
 * anything else escapes with probability 2^-32. Never returns
 * ::STACK_CHECK_OK before a successful
 * stack_check_init_corruption_detect_area().
 *
 * Cost: one CRC pass over (area size / 4 - 1) words plus a fixed part; no
 * RNG use.
 *
 * @retval STACK_CHECK_OK                   area intact
 * @retval STACK_CHECK_ERR_CORRUPTED        area changed since it was sealed
 * @retval STACK_CHECK_ERR_NOT_INITIALISED  never (successfully) initialised
 * @retval STACK_CHECK_ERR_CRC              CRC unit fault
 * @retval STACK_CHECK_ERR_LAYOUT           no usable area
 */
int stack_check_corruption_detect_area(void);


#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_STACK_CHECK_H */
