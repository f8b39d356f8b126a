/**
 * @file fault.h
 * @brief HardFault capture for bare-metal Cortex-M firmware: a naked handler
 *        that first moves MSP to a known-good stack (after a stack overflow the
 *        faulting stack is unusable: with the flipped layout MSP points below
 *        RAM), then hands the fault registers to the program.
 *
 * Sources: ARMv7-M ARM B3.2.15-B3.2.18 (CFSR, HFSR, MMFAR, BFAR), B1.5.6
 * (exception entry: 8-word frame r0-r3, r12, lr, pc, xPSR), B1.5.8
 * (EXC_RETURN).
 */
#ifndef SAFETYMONITOR_FAULT_H
#define SAFETYMONITOR_FAULT_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Bytes of the known-good stack the HardFault handler switches to. */
#define CM_FAULT_STACK_BYTES 1024

/** What the HardFault handler saw. */
typedef struct {
    uint32_t cfsr;       /**< SCB->CFSR: MMFSR, BFSR, UFSR */
    uint32_t hfsr;       /**< SCB->HFSR (FORCED = escalated from a configurable fault) */
    uint32_t mmfar;      /**< SCB->MMFAR (valid when CFSR.MMARVALID) */
    uint32_t bfar;       /**< SCB->BFAR (valid when CFSR.BFARVALID) */
    uint32_t msp;        /**< MSP at handler entry; may lie outside RAM */
    uint32_t psp;        /**< PSP at handler entry */
    uint32_t exc_return; /**< LR at handler entry */
    bool frame_valid;    /**< the 8-word frame was stacked inside a known stack */
    uint32_t stacked_pc; /**< PC of the faulting instruction (frame_valid only) */
    uint32_t stacked_lr; /**< LR at the fault (frame_valid only) */
    uint32_t stacked_xpsr; /**< xPSR at the fault (frame_valid only) */
} cm_fault_t;

/**
 * Called on the known-good stack with the captured registers, after they
 * were saved in the retained fault record (cm_fault_save()). The weak default
 * resets (AIRCR.SYSRESETREQ); the next boot finds the record
 * (stack_check_fault_boot()) and sets ERR_FLAG_STACK. A test program may
 * define it to report and end instead. Must not return.
 */
__attribute__((noreturn)) void cm_fault_hook(const cm_fault_t *fault);

/**
 * Saves @p fault in the retained fault record (fault_record.h):
 * ::STACK_CHECK_FAULT_CAUSE_HARDFAULT, the registers, which stack
 * (EXC_RETURN.SPSEL), the frame when it was readable. The handler calls it
 * before cm_fault_hook().
 */
void cm_fault_save(const cm_fault_t *fault);

/**
 * True when the fault is a stack overflow out of a stack whose lowest address
 * is @p stack_base: a BusFault (CFSR.PRECISERR or STKERR, escalated: HFSR.FORCED)
 * whose access lay below @p stack_base (BFAR when CFSR.BFARVALID; for a
 * failed exception-entry push, which leaves BFAR invalid, the MSP the push
 * was aimed at).
 */
bool cm_fault_is_overflow_below(const cm_fault_t *fault, uint32_t stack_base);

/** The handler itself (vector 3): naked, moves MSP to a known-good stack of
 *  ::CM_FAULT_STACK_BYTES, captures, saves, calls cm_fault_hook(). */
__attribute__((naked, noreturn)) void HardFault_Handler(void);

/** Prints the captured registers, one line, through semihosting (fault_print.c). */
void cm_fault_print(const cm_fault_t *fault);

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_FAULT_H */
