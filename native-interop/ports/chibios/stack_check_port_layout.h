/**
 * @file stack_check_port_layout.h
 * @brief Layout half of the `chibios` port, for the nanoCLR: the calling
 *        thread's stack (in practice the CLR thread's, on which all managed
 *        code and every interop call run) and the linker-placed area.
 *
 * ChibiOS/RT 7.0 (21.11) facts (os/rt/include/chobjects.h, chthreads.h):
 * threads run on PSP; `chThdGetSelfX()` is the running thread; its
 * `wabase` (present when CH_CFG_USE_DYNAMIC or CH_DBG_ENABLE_STACK_CHECK is
 * TRUE; nanoFramework's reference targets set CH_CFG_USE_DYNAMIC TRUE) is the
 * working area's lowest address, and the thread_t itself sits at the top of
 * the working area, so the stack is [wabase, thread_t).
 *
 * Call from thread context only: in an interrupt the stack in use is MSP.
 */
#ifndef SAFETYMONITOR_STACK_CHECK_PORT_LAYOUT_CHIBIOS_H
#define SAFETYMONITOR_STACK_CHECK_PORT_LAYOUT_CHIBIOS_H

#include "stack_check_port.h"
#include "stack_check_port_linker_area.h"
#include "stack_check_port_paint.h"

#include "ch.h"

#include <stddef.h>
#include <stdint.h>

/* The retained fault record (fault_record.h) goes to RAM of its own, which
 * neither the nanoCLR's crt0 nor the nanoBooter (which runs first after every
 * reset) touches, and which no cache holds: input section
 * .safetymonitor_retained, placed by linker/retained_ram.ld in the board's
 * `retained` region (boards/<BOARD>/nanoframework/safetymonitor/
 * safetymonitor_ram.ld). Not .ram0: there the nanoBooter's CRT heap lies. */
#ifndef STACK_CHECK_RETAINED_SECTION
#define STACK_CHECK_RETAINED_SECTION ".safetymonitor_retained"
#endif

#ifdef __cplusplus
extern "C" {
#endif


static inline stack_check_stack_t stack_check_port_stack(void)
{
    const thread_t *self = chThdGetSelfX();
    stack_check_stack_t stack;
    stack.sp = (uintptr_t)__get_PSP();
    stack.base = (uintptr_t)self->wabase;
    stack.end = (uintptr_t)self;
    return stack;
}


#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_STACK_CHECK_PORT_LAYOUT_CHIBIOS_H */
