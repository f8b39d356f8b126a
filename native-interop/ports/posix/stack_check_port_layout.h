/**
 * @file stack_check_port_layout.h
 * @brief Layout half of the `posix` port: the calling thread's stack from
 *        pthread, and a static area.
 *
 * Used by the host build that the managed (.NET) tests bind to, and meant for
 * nanoFramework's POSIX virtual device. On POSIX the area is a static array
 * (::stack_check_posix_area): it exercises the fill, seal and check exactly as
 * on a board, but no linker places it next to a stack.
 */
#ifndef SAFETYMONITOR_STACK_CHECK_PORT_LAYOUT_POSIX_H
#define SAFETYMONITOR_STACK_CHECK_PORT_LAYOUT_POSIX_H

#include "stack_check_port.h"
#include "stack_check_port_paint.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef SAFETYMON_POSIX_AREA_BYTES
/** Size of the POSIX port's area in bytes (multiple of 32, at least 32: STACK_CHECK_AREA_GRANULE_WORDS), as
 *  the linker fragment's default. */
#define SAFETYMON_POSIX_AREA_BYTES 128
#endif

/** The area: ::SAFETYMON_POSIX_AREA_BYTES bytes, exported so that tests can
 *  reach it (NativeLibrary.GetExport in .NET). */
extern uint32_t stack_check_posix_area[SAFETYMON_POSIX_AREA_BYTES / 4];

/** Its size in 32-bit words, exported for the same reason. */
extern const uint32_t stack_check_posix_area_words;

/**
 * Lowest usable address and one-past-top of the calling thread's stack, from
 * pthread_getattr_np() (glibc reports the stack without its guard page), read
 * once per thread and kept in thread-local storage. If pthread cannot tell,
 * both are set to @p sp, so that the thread counts as having no free stack.
 */
void stack_check_posix_thread_stack(uintptr_t sp, uintptr_t *base, uintptr_t *end);

static inline stack_check_stack_t stack_check_port_stack(void)
{
    stack_check_stack_t stack;
    /* The caller's frame is within a few dozen bytes of this one. */
    stack.sp = (uintptr_t)__builtin_frame_address(0);
    stack_check_posix_thread_stack(stack.sp, &stack.base, &stack.end);
    return stack;
}

static inline stack_check_area_t stack_check_port_area(void)
{
    stack_check_area_t area;
    area.start = stack_check_posix_area;
    area.words = SAFETYMON_POSIX_AREA_BYTES / 4;
    return area;
}

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_STACK_CHECK_PORT_LAYOUT_POSIX_H */
