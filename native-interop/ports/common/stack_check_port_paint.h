/**
 * @file stack_check_port_paint.h
 * @brief The paint below the live stack pointer (stack_check_paint()), for
 *        the ports whose stack is the real one: `stm32`, `chibios`, `posix`.
 *
 * Painting the caller's own stack right up to the stack pointer is safe only
 * where the ABI says that no code keeps data below it, and only if the loop
 * compares against the stack pointer it runs on: a C loop could not know
 * where its own frame ends (a prologue may be placed after the point that
 * read SP). So the loop is one assembly statement that reads SP itself and
 * stores nothing at or above it:
 * Whole words only, none reaching the stack pointer (on Arm SP is always
 * word-aligned, ARMv7-M ARM B1.4.2; on x86-64 the end is rounded down).
 * - Arm (A32/T32, Cortex-M): "A process may only access (for reading or
 *   writing) the closed interval of the entire stack delimited by
 *   [SP, stack-base - 1]" (Procedure Call Standard for the Arm Architecture,
 *   AAPCS32 §6.2.1, universal stack constraints): no red zone. An exception
 *   taken during the loop pushes its frame below SP and pops it before the
 *   loop goes on, so the words it wrote are a depth the stack really reached.
 * - x86-64: "The 128-byte area beyond the location pointed to by %rsp is
 *   considered to be reserved ... functions may use this area for temporary
 *   data" (System V AMD64 ABI §3.2.2, the red zone): the loop stops 128
 *   bytes below %rsp.
 */
#ifndef SAFETYMONITOR_STACK_CHECK_PORT_PAINT_H
#define SAFETYMONITOR_STACK_CHECK_PORT_PAINT_H

#include <stdint.h>

#if defined(__arm__)
/** Bytes below the stack pointer that code may still use (AAPCS32 §6.2.1: none). */
#define STACK_CHECK_PORT_RED_ZONE 0u
#elif defined(__x86_64__)
/** Bytes below the stack pointer that code may still use (System V AMD64 ABI §3.2.2). */
#define STACK_CHECK_PORT_RED_ZONE 128u
#else
#error "stack_check_port_paint.h: no stack paint for this architecture (Arm A32/T32 and x86-64 only)"
#endif

/**
 * Stores @p word into every 32-bit word from @p base up to
 * ::STACK_CHECK_PORT_RED_ZONE bytes below the lower of @p limit and the stack
 * pointer the loop runs on (nothing when that lies below @p base).
 *
 * @param base  lowest address to paint, 4-byte aligned
 * @param limit the stack pointer as the port sees it (stack_check_port_stack())
 * @param word  the paint
 * @return the lower of @p limit and the live stack pointer: a depth the stack
 *         really reached
 */
static inline uintptr_t stack_check_port_paint_below_sp(uint32_t *base, uintptr_t limit, uint32_t word)
{
    uintptr_t reached;
#if defined(__arm__)
    __asm__ __volatile__("mov %[reached], sp\n\t"
                         "cmp %[reached], %[limit]\n\t"
                         "it hi\n\t"
                         "movhi %[reached], %[limit]\n"
                         "1:\n\t"
                         "cmp %[p], %[reached]\n\t"
                         "bhs 2f\n\t"
                         "str %[w], [%[p]], #4\n\t"
                         "b 1b\n"
                         "2:"
                         : [p] "+&r"(base), [reached] "=&r"(reached)
                         : [limit] "r"(limit), [w] "r"(word)
                         : "cc", "memory");
#else
    uintptr_t end;
    __asm__ __volatile__("mov %%rsp, %[reached]\n\t"
                         "cmp %[limit], %[reached]\n\t"
                         "cmova %[limit], %[reached]\n\t"
                         "lea -128(%[reached]), %[end]\n\t"
                         "and $-4, %[end]\n"
                         "1:\n\t"
                         "cmp %[end], %[p]\n\t"
                         "jae 2f\n\t"
                         "movl %[w], (%[p])\n\t"
                         "add $4, %[p]\n\t"
                         "jmp 1b\n"
                         "2:"
                         : [p] "+&r"(base), [reached] "=&r"(reached), [end] "=&r"(end)
                         : [limit] "r"(limit), [w] "r"(word)
                         : "cc", "memory");
#endif
    return reached;
}

#endif /* SAFETYMONITOR_STACK_CHECK_PORT_PAINT_H */
