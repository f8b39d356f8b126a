/**
 * @file fault.c
 * @brief Naked HardFault handler: known-good stack first, then the fault
 *        record, then the program's hook (default: reset). Needs nothing
 *        but the core's fault record and the linker's stack symbols, so the
 *        nanoCLR can use it too (boards/common/nanoframework).
 */
#include "fault.h"

#include "cortex_m_regs.h"
#include "fault_record.h"

#define CM_STRINGIFY2(x) #x
#define CM_STRINGIFY(x) CM_STRINGIFY2(x)

/* The known-good stack. Any address outside the faulting stack will do; in
 * the flipped layout this lies in .bss, which an overflow cannot reach. */
/* used: only the naked handler's assembly names it, which link-time optimisation
 * (nf-interpreter builds with -flto) does not see. */
__attribute__((aligned(8), used)) uint8_t cm_fault_stack[CM_FAULT_STACK_BYTES];

extern uint8_t __main_stack_base__[];
extern uint8_t __main_stack_end__[];
extern uint8_t __process_stack_base__[];
extern uint8_t __process_stack_end__[];
/* The nanoCLR's CLR thread working area (linker/clr_thread_flipped.ld), when
 * the image has one; weak: 0 elsewhere. */
extern uint8_t __clr_thread_wa_base__[] __attribute__((weak));
extern uint8_t __clr_thread_wa_end__[] __attribute__((weak));

__attribute__((noreturn, used)) void cm_fault_report(uint32_t msp, uint32_t psp, uint32_t exc_return);

/* Nothing may touch the faulting stack: no prologue (naked), MSP reloaded
 * before the first call. r0-r2 carry MSP, PSP and EXC_RETURN to the report. */
__attribute__((naked, noreturn, used)) void HardFault_Handler(void)
{
    __asm__ __volatile__(
        "mrs r0, msp\n\t"
        "mrs r1, psp\n\t"
        "mov r2, lr\n\t"
        "movw r3, #:lower16:(cm_fault_stack + " CM_STRINGIFY(CM_FAULT_STACK_BYTES) ")\n\t"
        "movt r3, #:upper16:(cm_fault_stack + " CM_STRINGIFY(CM_FAULT_STACK_BYTES) ")\n\t"
        "msr msp, r3\n\t"
        "b cm_fault_report\n\t");
}

/* The frame can be read only if stacking succeeded and it lies in a stack the
 * linker placed; reading an unmapped address here would lock the core up. */
static bool frame_within(uint32_t frame, const uint8_t *base, const uint8_t *end)
{
    const uint32_t low = (uint32_t)(uintptr_t)base;
    const uint32_t high = (uint32_t)(uintptr_t)end;
    return frame >= low && high >= 32u && frame <= high - 32u;
}

static bool frame_readable(uint32_t frame, uint32_t exc_return, uint32_t cfsr)
{
    if ((cfsr & (SCB_CFSR_STKERR | SCB_CFSR_MSTKERR)) != 0u || (frame & 3u) != 0u) {
        return false;
    }
    if ((exc_return & EXC_RETURN_SPSEL) == 0u) {
        return frame_within(frame, __main_stack_base__, __main_stack_end__);
    }
    const bool has_clr_thread = (uintptr_t)__clr_thread_wa_end__ != 0u;
    return frame_within(frame, __process_stack_base__, __process_stack_end__) ||
           (has_clr_thread && frame_within(frame, __clr_thread_wa_base__, __clr_thread_wa_end__));
}

void cm_fault_report(uint32_t msp, uint32_t psp, uint32_t exc_return)
{
    cm_fault_t fault = {
        .cfsr = CM_REG(SCB_CFSR),
        .hfsr = CM_REG(SCB_HFSR),
        .mmfar = CM_REG(SCB_MMFAR),
        .bfar = CM_REG(SCB_BFAR),
        .msp = msp,
        .psp = psp,
        .exc_return = exc_return,
    };
    const uint32_t frame = (exc_return & EXC_RETURN_SPSEL) != 0u ? psp : msp;
    fault.frame_valid = frame_readable(frame, exc_return, fault.cfsr);
    if (fault.frame_valid) {
        const volatile uint32_t *words = (const volatile uint32_t *)(uintptr_t)frame;
        fault.stacked_lr = words[5];
        fault.stacked_pc = words[6];
        fault.stacked_xpsr = words[7];
    }
    cm_fault_save(&fault);
    cm_fault_hook(&fault);
}

void cm_fault_save(const cm_fault_t *fault)
{
    const stack_check_fault_record_t record = {
        .cause = STACK_CHECK_FAULT_CAUSE_HARDFAULT,
        .flags = fault->frame_valid ? STACK_CHECK_FAULT_FRAME_VALID : 0u,
        .stack = (fault->exc_return & EXC_RETURN_SPSEL) != 0u ? STACK_CHECK_FAULT_STACK_PROCESS : STACK_CHECK_FAULT_STACK_MAIN,
        .cfsr = fault->cfsr,
        .hfsr = fault->hfsr,
        .mmfar = fault->mmfar,
        .bfar = fault->bfar,
        .msp = fault->msp,
        .psp = fault->psp,
        .exc_return = fault->exc_return,
        .stacked_pc = fault->stacked_pc,
        .stacked_lr = fault->stacked_lr,
        .stacked_xpsr = fault->stacked_xpsr,
    };
    stack_check_fault_save(&record);
}

bool cm_fault_is_overflow_below(const cm_fault_t *fault, uint32_t stack_base)
{
    const bool busfault = (fault->hfsr & SCB_HFSR_FORCED) != 0u &&
                          (fault->cfsr & (SCB_CFSR_PRECISERR | SCB_CFSR_STKERR)) != 0u;
    const bool access_below = (fault->cfsr & SCB_CFSR_BFARVALID) != 0u ? fault->bfar < stack_base
                                                                        : fault->msp < stack_base;
    return busfault && access_below;
}

__attribute__((weak, noreturn)) void cm_fault_hook(const cm_fault_t *fault)
{
    (void)fault;
    cm_system_reset();
}
