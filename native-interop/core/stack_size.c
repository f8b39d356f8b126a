/**
 * @file stack_size.c
 * @brief stack_check_get_size(): the size of the stack the caller runs on,
 *        an extension of the seed API. Its own file, so that firmware that
 *        never asks for it does not carry it (--gc-sections) and the stack
 *        check's footprint (BENCHMARKS.md) holds only what a cycle runs.
 */
#include "stack_check.h"
#include "stack_check_port.h"

#include <stdint.h>

int32_t stack_check_get_size(void)
{
    const stack_check_stack_t stack = stack_check_port_stack();
    const uintptr_t size = stack.end > stack.base ? stack.end - stack.base : 0u;
    return size > (uintptr_t)INT32_MAX ? INT32_MAX : (int32_t)size;
}
