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
 * metal the MSP or PSP stack chosen by CONTROL.SPSEL, ARMv7-M ARM B1.4.4,
 * which exception entry clears, B1.5.6). Measured at the call; the function uses no stack of its own on
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
 * at, at most: its cost per call (5 instructions per word on Cortex-M4,
 * BENCHMARKS.md), whatever the stack's size. Default 32; range 1 to 65535.
 * Override at build time.
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
 * the region's size). Every value is a depth the stack really reached. Each
 * call looks at one chunk of ::STACK_CHECK_MIN_FREE_SCAN_WORDS words at most,
 * the next one down from where the last call stopped, all below the deepest
 * word found so far, scanning it upward to its first overwritten word; at the
 * bottom the sweep starts over below that word. So a deeper excursion, even
 * one between two calls that stack_check_get_free() cannot see, is reported
 * within 2 * ceil(W / ::STACK_CHECK_MIN_FREE_SCAN_WORDS) calls for a stack of
 * W words (1 KiB, 32 words per call: 16 calls).
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
 * Words the corruption-detect area's size is a multiple of: 8 (32 bytes),
 * at least 8. The per-cycle check feeds the CRC unit eight words per
 * load-multiple (stm32_crc_residue_difference()); linker/stack_corruption_area.ld
 * refuses another size at link time, stack_check_init_corruption_detect_area()
 * at run time (::STACK_CHECK_ERR_LAYOUT).
 */
#define STACK_CHECK_AREA_GRANULE_WORDS 8u

/**
 * What the CRC of the whole sealed area (its last word, the seal, fed last)
 * must give: 0xC3C3C3C3. Not 0 and not 0xFFFFFFFF, so that a CRC unit that
 * reads 0 (unclocked: RM0090 §7.3.10; QEMU's empty model) or that never left
 * its reset value (RM0090 §4.4.3) fails the check without a read-back on the
 * per-cycle path; a Thumb-2 modified immediate, so that the comparison needs
 * no literal (ARMv7-M ARM A5.3.2).
 */
#define STACK_CHECK_SEAL_RESIDUE 0xC3C3C3C3u

/**
 * The seal's offset: the word the CRC register must hold before the seal is
 * fed, XORed with the seal, for the result to be ::STACK_CHECK_SEAL_RESIDUE
 * (0x13688431 = the CRC step inverted 32 times from 0xC3C3C3C3; feeding a word
 * w to a register r gives F(r XOR w), F linear and invertible since the
 * polynomial's x^0 term is 1). tests/host proves it.
 */
#define STACK_CHECK_SEAL_XOR 0x13688431u

/**
 * Fills the corruption-detect area with words from the RNG and seals it: its
 * last word becomes the one that makes the CRC-32 of the whole area
 * (polynomial 0x04C11DB7, initial value 0xFFFFFFFF, words fed MSB first, no
 * reflection, no final XOR: the STM32 CRC unit, RM0090 §4.2), the seal fed
 * last, equal to ::STACK_CHECK_SEAL_RESIDUE: the CRC of the other words
 * XOR ::STACK_CHECK_SEAL_XOR (in the byte order the port feeds). Then checks
 * the seal once through the per-cycle path. Safe to call again (re-seals with
 * fresh random words). While it runs, and after it fails, the area counts as
 * never initialised.
 *
 * Cost: one RNG word per area word but the last (plus one discarded word after
 * each RNG enable), two CRC passes; every peripheral wait is bounded.
 *
 * @retval STACK_CHECK_OK                area filled and sealed
 * @retval STACK_CHECK_ERR_RNG_SEED      seed error persisted after recovery
 * @retval STACK_CHECK_ERR_RNG_CLOCK     RNG clock error
 * @retval STACK_CHECK_ERR_RNG_TIMEOUT   RNG never became ready
 * @retval STACK_CHECK_ERR_RNG_REPEAT    RNG continuous test failed
 * @retval STACK_CHECK_ERR_CRC           CRC unit fault (self-test, or the
 *                                       sealed area's CRC not
 *                                       ::STACK_CHECK_SEAL_RESIDUE)
 * @retval STACK_CHECK_ERR_LAYOUT        no area, or its size not a multiple of
 *                                       ::STACK_CHECK_AREA_GRANULE_WORDS words
 *                                       (at least that many); tested here only
 *                                       for an area set at run time (host,
 *                                       posix), a linked one by the link
 */
int stack_check_init_corruption_detect_area(void);

/**
 * Checks the corruption-detect area: feeds all its words, the seal last, to
 * the CRC unit and compares the result with ::STACK_CHECK_SEAL_RESIDUE. A
 * change of any bit of the area, the seal included, is caught when it changes
 * the CRC: always for a change within one 32-bit word, and for any change
 * confined to 32 consecutive bits in the order the CRC reads them (word by
 * word, bit 31 first, the seal last); in address order every change of up to
 * 30 consecutive bits of the default 128-byte area is caught, while some of
 * 31 or 32 bits across a word boundary are not (tests/campaign proves both);
 * anything else escapes with probability 2^-32. (Feeding the seal and testing
 * the residue detects exactly what comparing a stored CRC did: both fail
 * exactly when the error polynomial is a multiple of 0x04C11DB7's.) Never
 * returns ::STACK_CHECK_OK before a successful
 * stack_check_init_corruption_detect_area().
 *
 * The area's place and size are the ones the initialisation accepted: link
 * constants on a board, not tested again per cycle. On a mismatch the port's
 * CRC self-test (CRC_CR.RESET read-back and a known answer) tells a unit
 * fault from a corrupted area; that runs only on the failing path.
 *
 * Cost: one CRC pass over (area size / 4) words plus a fixed part
 * (128 bytes: BENCHMARKS.md); no RNG use.
 *
 * @retval STACK_CHECK_OK                   area intact
 * @retval STACK_CHECK_ERR_CORRUPTED        area changed since it was sealed
 * @retval STACK_CHECK_ERR_NOT_INITIALISED  never (successfully) initialised
 * @retval STACK_CHECK_ERR_CRC              the CRC differed and the unit fails
 *                                          its self-test
 */
int stack_check_corruption_detect_area(void);


#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_STACK_CHECK_H */
