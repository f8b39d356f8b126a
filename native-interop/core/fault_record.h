/**
 * @file fault_record.h
 * @brief The fault record: what a HardFault (or the compiler's stack
 *        protector) saw, kept in RAM across the reset that follows it, and
 *        validated on the next boot before anything trusts it.
 *
 * One record, in RAM that start-up code neither clears nor loads: the input
 * section ::STACK_CHECK_RETAINED_SECTION (bare metal: `.noinit`, placed by
 * boards/common/cortex-m/sections_data.ld; nanoCLR: `.safetymonitor_retained`,
 * placed by linker/retained_ram.ld in RAM the nanoBooter never touches). On a
 * Cortex-M7 that RAM is the DTCM, which the data cache never holds, so a reset
 * nobody controls (IWDG, brown-out) cannot lose a record, or write back the
 * record and its acknowledgement out of order. The fault handler fills it with
 * stack_check_fault_save() and resets; start-up calls stack_check_fault_boot()
 * once, which validates the record and keeps a valid one for
 * stack_check_last_fault(). The retained copy stays until the fault (or the
 * damage) is in durable storage and stack_check_fault_acknowledge() seals it
 * empty: a reset between boot and that point (a watchdog, a brown-out, the
 * fault recurring) reports it again on the next boot rather than losing it.
 * A fault saved over a record that was never acknowledged counts both
 * (stack_check_fault_record_t::count), so no fault goes uncounted.
 *
 * The record is sealed with the STM32 CRC-32 (polynomial 0x04C11DB7, initial
 * value 0xFFFFFFFF, words MSB first, no reflection, no final XOR; RM0090 §4.2)
 * computed in software: a fault handler must not wait for, or take the lock
 * of, the CRC unit. Register sources: ARMv7-M ARM B3.2.15-B3.2.18 (CFSR,
 * HFSR, MMFAR, BFAR), B1.5.6 (the 8-word exception frame), B1.5.8
 * (EXC_RETURN).
 */
#ifndef SAFETYMONITOR_FAULT_RECORD_H
#define SAFETYMONITOR_FAULT_RECORD_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef STACK_CHECK_RETAINED_SECTION
/** Input section of the retained record: RAM that start-up leaves alone. */
#define STACK_CHECK_RETAINED_SECTION ".noinit"
#endif

/** magic of a record that holds a fault ("SFLT"). */
#define STACK_CHECK_FAULT_RECORD_MAGIC 0x53464C54u
/** magic of an empty record: nothing recorded, or the last fault was
 *  acknowledged (stack_check_fault_acknowledge()) ("NONE"). */
#define STACK_CHECK_FAULT_RECORD_EMPTY 0x4E4F4E45u
/** Format version of ::stack_check_fault_record_t. */
#define STACK_CHECK_FAULT_RECORD_VERSION 2u
/** Words in a record, the CRC word included. */
#define STACK_CHECK_FAULT_RECORD_WORDS 18u

/** stack_check_fault_record_t::flags: the stacked PC, LR and xPSR are valid
 *  (exception stacking succeeded and the frame lay in a known stack). */
#define STACK_CHECK_FAULT_FRAME_VALID (1u << 0)
/** stack_check_fault_record_t::flags: stacked_pc holds the address that
 *  called __stack_chk_fail() (the instrumented function), not a frame's PC. */
#define STACK_CHECK_FAULT_CALLER_VALID (1u << 1)

/** What recorded the fault (stack_check_fault_record_t::cause). */
enum stack_check_fault_cause {
    /** The HardFault handler (an escalated BusFault, MemManage or UsageFault
     *  included: HFSR.FORCED). */
    STACK_CHECK_FAULT_CAUSE_HARDFAULT = 1,
    /** __stack_chk_fail(): a function's stack-protector canary was
     *  overwritten (-fstack-protector-strong). stacked_pc is the address
     *  __stack_chk_fail() was called from. */
    STACK_CHECK_FAULT_CAUSE_STACK_PROTECTOR = 2
};

/** Which stack was in use when the fault happened (stack_check_fault_record_t::stack). */
enum stack_check_fault_stack {
    STACK_CHECK_FAULT_STACK_UNKNOWN = 0,
    /** The main stack (MSP): exceptions, and main() on bare metal. */
    STACK_CHECK_FAULT_STACK_MAIN = 1,
    /** The process stack (PSP): RTOS threads, the nanoCLR's CLR thread. */
    STACK_CHECK_FAULT_STACK_PROCESS = 2
};

/**
 * A fault record: ::STACK_CHECK_FAULT_RECORD_WORDS 32-bit words (72 bytes), in
 * this order; the managed side (SafetyMonitor.FaultRecord) reads the same
 * words.
 */
typedef struct {
    uint32_t magic;        /**< ::STACK_CHECK_FAULT_RECORD_MAGIC, or _EMPTY */
    uint32_t version;      /**< ::STACK_CHECK_FAULT_RECORD_VERSION */
    uint32_t cause;        /**< ::stack_check_fault_cause */
    uint32_t flags;        /**< ::STACK_CHECK_FAULT_FRAME_VALID, ::STACK_CHECK_FAULT_CALLER_VALID */
    uint32_t stack;        /**< ::stack_check_fault_stack */
    uint32_t cfsr;         /**< SCB->CFSR at the fault (0xE000ED28) */
    uint32_t hfsr;         /**< SCB->HFSR (0xE000ED2C) */
    uint32_t mmfar;        /**< SCB->MMFAR (0xE000ED34; valid when CFSR.MMARVALID) */
    uint32_t bfar;         /**< SCB->BFAR (0xE000ED38; valid when CFSR.BFARVALID) */
    uint32_t msp;          /**< MSP at the handler's entry (may lie outside RAM) */
    uint32_t psp;          /**< PSP at the handler's entry */
    uint32_t exc_return;   /**< EXC_RETURN (LR at the handler's entry); 0 for the stack protector */
    uint32_t stacked_pc;   /**< PC of the faulting instruction (FRAME_VALID), or the caller of __stack_chk_fail() (CALLER_VALID) */
    uint32_t stacked_lr;   /**< LR at the fault (when FRAME_VALID) */
    uint32_t stacked_xpsr; /**< xPSR at the fault (when FRAME_VALID) */
    uint32_t cycle;        /**< safety cycle number (stack_check_set_cycle()) at the fault */
    uint32_t count;        /**< faults saved since the last acknowledgement, this one included: 1 to 0xFFFFFFFF (saturating); the registers are the last one's */
    uint32_t crc;          /**< CRC-32 (STM32 parameters) of the 17 words before it */
} stack_check_fault_record_t;

/**
 * Notes the current safety-cycle number, which a fault record carries. One
 * store; call it at the start of each cycle.
 */
void stack_check_set_cycle(uint32_t cycle);

/**
 * Writes @p fault into the retained record and seals it: magic, version, the
 * cycle number of stack_check_set_cycle(), the count and the CRC are filled
 * in here; cause, flags, stack and the registers come from @p fault. When the
 * retained record still holds a valid fault that was never acknowledged, the
 * new record's count is that record's count plus one (saturating at
 * 0xFFFFFFFF), else 1. For fault handlers: no peripheral, no lock, a few
 * words of stack, about 40 words' worth of software CRC. The caller resets
 * afterwards.
 *
 * @param fault the registers; its magic, version, cycle, count and crc are ignored
 */
void stack_check_fault_save(const stack_check_fault_record_t *fault);

/**
 * Validates the retained record once, at start-up, before anything else uses
 * it: a valid fault is kept for stack_check_last_fault(). A record whose
 * magic, version or CRC is wrong is reported as such and never trusted
 * (stack_check_last_fault() then gives a zeroed record). Either kind of
 * evidence stays in the retained copy until stack_check_fault_acknowledge();
 * when there is none (blank RAM, noise after a power-on, an empty record) the
 * retained copy is sealed empty at once.
 *
 * @param power_on true after a power-on or brown-out reset (RCC_CSR.PORRSTF or
 *                 BORRSTF, RM0090 §7.3.21), when RAM holds no record, only
 *                 noise: then an invalid record means "none". Pass false when
 *                 the board cannot tell. RAM that reads all zeros (a fresh
 *                 emulator, cleared RAM) means "none" either way.
 * @retval STACK_CHECK_FAULT_RECORDED   a valid fault record (1)
 * @retval STACK_CHECK_OK                no fault recorded
 * @retval STACK_CHECK_ERR_RECORD_MAGIC  the magic is neither a record's nor an empty one's
 * @retval STACK_CHECK_ERR_RECORD_VERSION a record of another format version
 * @retval STACK_CHECK_ERR_RECORD_CRC    the magic is right but the CRC does not match
 */
int stack_check_fault_boot(bool power_on);

/**
 * Seals the retained record empty: call it once what stack_check_fault_boot()
 * found (a fault, or damage) is in durable storage (the error memory), never
 * before. Until then every boot reports the record again. Calling it again,
 * or when there was nothing to report, changes nothing.
 *
 * @retval STACK_CHECK_OK                  sealed empty (or already empty)
 * @retval STACK_CHECK_ERR_NOT_INITIALISED stack_check_fault_boot() has not run
 *                                         this boot: nothing was changed
 */
int stack_check_fault_acknowledge(void);

/**
 * The fault found at start-up.
 *
 * @param[out] record the valid record when the result is
 *                    ::STACK_CHECK_FAULT_RECORDED, all zeros otherwise; may
 *                    be NULL to ask only for the status
 * @return what stack_check_fault_boot() returned, or
 *         ::STACK_CHECK_ERR_NOT_INITIALISED before it ran.
 */
int stack_check_last_fault(stack_check_fault_record_t *record);

/**
 * The status part of stack_check_last_fault(), for callers that cannot pass
 * a record (the managed side's GetFaultStatus()).
 */
int stack_check_last_fault_status(void);

/**
 * One word of the fault found at start-up, for callers that read it word by
 * word (the managed side's GetFaultWord(): no array crosses the interop
 * boundary).
 *
 * @param index word index, 0 to ::STACK_CHECK_FAULT_RECORD_WORDS - 1 (the
 *              order of ::stack_check_fault_record_t)
 * @return the word; 0 for an index out of range, or when no valid record was
 *         found
 */
uint32_t stack_check_last_fault_word(int32_t index);

/**
 * CRC-32 with the STM32 CRC unit's parameters over @p count words, in
 * software (the seal of the retained records).
 */
uint32_t stack_check_record_crc(const uint32_t *words, uint32_t count);

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_FAULT_RECORD_H */
