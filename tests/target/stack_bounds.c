/**
 * @file stack_bounds.c
 * @brief Target test: stack_check_get_free() measures the stack the caller
 *        runs on: MSP in Thread mode with CONTROL.SPSEL = 0, PSP with
 *        SPSEL = 1, MSP again in Handler mode (an SVC taken from PSP code).
 *        Linked with a process stack (--defsym=__process_stack_size__).
 */
#include "semihosting.h"
#include "stack_check.h"
#include "startup.h"
#include "process_stack.h"
#include "target_report.h"

#include <stdbool.h>
#include <stdint.h>

extern uint8_t __main_stack_base__[];
extern uint8_t __process_stack_base__[];
extern uint8_t __process_stack_end__[];

typedef struct {
    uint32_t sp;
    int32_t free_bytes;
} sample_t;

static volatile sample_t handler_sample;

/* The SP right before the call and what get_free() returned; get_free()
 * pushes nothing, so the two must agree to the byte. */
__attribute__((noinline)) static sample_t sample(void)
{
    sample_t s;
    __asm__ __volatile__("mov %0, sp" : "=r"(s.sp));
    s.free_bytes = stack_check_get_free();
    return s;
}

void SVC_Handler(void)
{
    const sample_t s = sample();
    handler_sample.sp = s.sp;
    handler_sample.free_bytes = s.free_bytes;
}

static volatile sample_t psp_sample;

static void on_process_stack(void);
static void on_process_stack(void)
{
    const sample_t s = sample();
    psp_sample.sp = s.sp;
    psp_sample.free_bytes = s.free_bytes;
    __asm__ __volatile__("svc 0" ::: "memory");
}

int main(void)
{
    uint32_t passed = 0u;
    uint32_t total = 0u;
    const uint32_t main_base = (uint32_t)(uintptr_t)__main_stack_base__;
    const uint32_t process_base = (uint32_t)(uintptr_t)__process_stack_base__;
    const uint32_t process_end = (uint32_t)(uintptr_t)__process_stack_end__;

    const sample_t on_msp = sample();
    sh_printf("  MSP thread:  SP 0x%08x, free %d bytes (stack base 0x%08x)\n", (unsigned)on_msp.sp,
              (int)on_msp.free_bytes, (unsigned)main_base);
    target_case(&passed, &total, on_msp.free_bytes == (int32_t)(on_msp.sp - main_base),
                "Thread mode on MSP: free = SP - __main_stack_base__");

    call_on_process_stack(on_process_stack);
    sh_printf("  PSP thread:  SP 0x%08x, free %d bytes (stack 0x%08x-0x%08x)\n", (unsigned)psp_sample.sp,
              (int)psp_sample.free_bytes, (unsigned)process_base, (unsigned)process_end);
    sh_printf("  SVC handler: SP 0x%08x, free %d bytes\n", (unsigned)handler_sample.sp,
              (int)handler_sample.free_bytes);
    target_case(&passed, &total,
                psp_sample.sp > process_base && psp_sample.sp <= process_end &&
                    psp_sample.free_bytes == (int32_t)(psp_sample.sp - process_base),
                "Thread mode on PSP: free = SP - __process_stack_base__");
    target_case(&passed, &total,
                handler_sample.sp > main_base && handler_sample.free_bytes == (int32_t)(handler_sample.sp - main_base),
                "Handler mode (SVC from PSP code): free = MSP - __main_stack_base__");
    sh_printf("RESULT: %u of %u cases passed\n", (unsigned)passed, (unsigned)total);
    return passed == total ? TARGET_EXIT_ALL_CASES_PASSED : TARGET_EXIT_CASE_FAILED;
}
