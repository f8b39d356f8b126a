/**
 * @file stack_protector.h
 * @brief GCC's stack protector (-fstack-protector-strong) for the bare-metal
 *        firmware: the guard, seeded from the RNG at start-up, and the
 *        failure handler, which writes the fault record and resets.
 *
 * GCC's contract (GCC manual, "Instrumentation Options", -fstack-protector):
 * an instrumented function copies `__stack_chk_guard` into its frame between
 * its arrays and its saved registers, and calls `__stack_chk_fail()` when the
 * copy changed by the time it returns. Cost: for each instrumented function a
 * load and a store on entry, a load, a compare and a branch on exit, and one
 * word of its frame.
 */
#ifndef SAFETYMONITOR_STACK_PROTECTOR_H
#define SAFETYMONITOR_STACK_PROTECTOR_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The guard value instrumented functions compare against. Never 0 after
 *  cm_stack_protector_seed() (a zero word is what a string overrun of
 *  terminating NULs would write). */
extern uintptr_t __stack_chk_guard;

/** What cm_stack_protector_seed() got from the RNG: ::STACK_CHECK_OK, or the
 *  RNG/CRC status code, in which case the guard keeps its fixed non-zero
 *  default (protection against accidents, not against an attacker). */
extern int cm_stack_protector_seed_status;

/**
 * Seeds the guard with one RNG word (stack_check_port_init(), then
 * stack_check_port_rng_word()). Called by Reset_Handler before main(), before
 * any instrumented function has a frame on the stack; itself never
 * instrumented.
 */
void cm_stack_protector_seed(void);

/**
 * Called by an instrumented function whose guard copy was overwritten: a
 * buffer in its frame overran. Writes a fault record
 * (::STACK_CHECK_FAULT_CAUSE_STACK_PROTECTOR, the caller's address, MSP,
 * PSP, which stack) and resets; the next boot sets ERR_FLAG_STACK.
 */
__attribute__((noreturn)) void __stack_chk_fail(void);

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_STACK_PROTECTOR_H */
