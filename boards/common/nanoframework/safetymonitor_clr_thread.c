/**
 * @file safetymonitor_clr_thread.c
 * @brief The CLR thread's static working area and its start (see
 *        safetymonitor_clr_thread.h). ChibiOS/RT 7 (stable 21.11, which
 *        nf-interpreter builds against): chthreads.h (THD_WORKING_AREA,
 *        chThdCreateStatic), chschd.h (NORMALPRIO).
 */
#include "safetymonitor_clr_thread.h"

#include "fault_record.h"
#include "hal.h"
#include "stack_check.h"
#include "stack_check_watchdog.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The start-up paint of the working area for the high-water mark: 1 (the
 * default) or 0; safetymonitor_nf_target.cmake sets it from
 * SAFETYMONITOR_PAINT_CLR_STACK (a Kconfig option where the tree has them). */
#ifndef SAFETYMONITOR_PAINT_CLR_STACK
#define SAFETYMONITOR_PAINT_CLR_STACK 1
#endif

#ifndef SAFETYMONITOR_CLR_THREAD_STACK_SIZE
#error "SafetyMonitor: define SAFETYMONITOR_CLR_THREAD_STACK_SIZE (bytes of stack for the CLR thread, as the osThreadDef of CLRStartupThread had: 4096 on ST_STM32F429I_DISCOVERY, 6144 on ST_STM32F769I_DISCOVERY); the board's safetymonitor/safetymonitor.cmake sets it"
#endif

/* The working area, in its own input section so that the linker places it at
 * the origin of a RAM region (linker/clr_thread_flipped.ld). NOLOAD there:
 * crt0 neither copies nor clears it; chThdCreateStatic() initialises the
 * thread_t it needs. */
static THD_WORKING_AREA(clr_thread_wa, SAFETYMONITOR_CLR_THREAD_STACK_SIZE) __attribute__((section(".clr_thread_wa")));

static void (*clr_entry)(void const *argument);

/* RCC_CSR's reset flags, bits 25-31 (RM0090 §6.3.21 for the STM32F42x/43x,
 * RM0410 §5.3.21 for the STM32F76x/77x; CMSIS device header names). */
#define RESET_FLAGS                                                                                                  \
    (RCC_CSR_LPWRRSTF | RCC_CSR_WWDGRSTF | RCC_CSR_IWDGRSTF | RCC_CSR_SFTRSTF | RCC_CSR_PORRSTF | RCC_CSR_PINRSTF | \
     RCC_CSR_BORRSTF)

static uint32_t reset_flags;

uint32_t safetymonitor_reset_flags(void)
{
    return reset_flags;
}

/* The chibios port's reset cause for SafetyMonitor.Native's Watchdog.GetResetFlags(). */
uint32_t stack_check_reset_flags(void)
{
    return safetymonitor_reset_flags();
}

/* ChibiOS thread functions take void *; CLRStartupThread takes void const *. */
static void clr_thread(void *argument)
{
    clr_entry(argument);
}

thread_t *safetymonitor_start_clr_thread(void (*clr_startup_thread)(void const *argument), void const *argument)
{
    if (clr_startup_thread == NULL || clr_entry != NULL)
    {
        return NULL;
    }

    clr_entry = clr_startup_thread;
    /* The reset cause, then the fault record validated with it: after a
     * power-on or brown-out reset (PORRSTF, BORRSTF) RAM holds noise, not a
     * damaged record. Only then RMVF: the flags accumulate over every reset
     * until cleared, so without it every later boot would still look like a
     * power-on and a damaged record would read as "none"; cleared before the
     * validation, a reset in between would make noise read as damage. */
    reset_flags = RCC->CSR & RESET_FLAGS;
    (void)stack_check_fault_boot((reset_flags & (RCC_CSR_PORRSTF | RCC_CSR_BORRSTF)) != 0u);
    RCC->CSR |= RCC_CSR_RMVF;
    /* Painted before ChibiOS writes its thread_t and first frame at the top:
     * the high-water mark of the CLR thread's stack. */
#if SAFETYMONITOR_PAINT_CLR_STACK
    (void)stack_check_paint_region(clr_thread_wa, (uint8_t *)clr_thread_wa + sizeof clr_thread_wa);
#endif
    return chThdCreateStatic(clr_thread_wa, sizeof clr_thread_wa, NORMALPRIO, clr_thread, (void *)(uintptr_t)argument);
}
