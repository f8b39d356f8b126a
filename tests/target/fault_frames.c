/**
 * @file fault_frames.c
 * @brief Target test, across resets (QEMU without -no-reboot): faults whose
 *        exception frame is valid, and faults whose stacking failed. Each
 *        boot checks the record of the fault the boot before raised, then
 *        raises the next one; the HardFault handler (boards/common/cortex-m/
 *        fault.c) records it and resets.
 *
 * Valid frames: the record's stacked PC must be the address of the faulting
 * instruction (a global label in the assembly, so the linker's symbol table
 * gives it), the stacked LR and xPSR the values the assembly put in LR and
 * APSR right before it. Measured on qemu-system-arm 7.2 (netduinoplus2):
 * - a load from an unmapped address (0x18000000: nothing is mapped between
 *   0x08100000 and 0x20000000): precise BusFault (CFSR.PRECISERR,
 *   BFARVALID, BFAR the address), escalated (HFSR.FORCED);
 * - an undefined instruction (UDF): UsageFault CFSR.UNDEFINSTR, escalated;
 * - SDIV by zero with CCR.DIV_0_TRP set (ARMv7-M ARM B3.2.8): UsageFault
 *   CFSR.DIVBYZERO, escalated;
 * - UDF in Thread mode on PSP: at the top of the process stack, at its
 *   base (the frame's two extreme places inside a known stack), and in the
 *   CLR thread's working area (__clr_thread_wa_base__/_end__, here a static
 *   array named by --defsym).
 * Not claimed, FRAME_VALID must be clear: a frame outside every known stack
 * (MSP moved to RAM that is no stack), and failed stacking:
 * - MSTKERR: the MPU makes 32 bytes of the process stack no-access
 *   (MemManage disabled, so the fault escalates) and the frame falls on
 *   them; the frame's address lies inside the process stack, so only
 *   CFSR.MSTKERR says that the words there are not a frame;
 * - STKERR (FAULT_FRAMES_BUS_STACKING, a firmware of its own): the CLR
 *   thread's working area is named at an unmapped range, PSP points into it;
 *   stacking raises a BusFault (CFSR.STKERR) with the frame's address inside
 *   that known stack: reading it would fault again and lock the core up.
 */
#include "boot_phase.h"
#include "cortex_m_regs.h"
#include "fault.h"
#include "fault_record.h"
#include "semihosting.h"
#include "stack_check.h"
#include "target_report.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FF_STRINGIFY2(x) #x
#define FF_STRINGIFY(x) FF_STRINGIFY2(x)

/* An unmapped address on the emulated board (../shared/notes/qemu.md). */
#define UNMAPPED_ADDRESS 0x18000000
/* What the assembly puts in LR and APSR (N and C set; Z, V, Q and the
 * Cortex-M4's GE bits clear) right before each fault. */
#define LR_MARKER 0x0801F00D
#define APSR_MARKER 0xA0000000
/* The stacked xPSR then: APSR_MARKER, Thumb bit (24), IPSR 0 (Thread mode);
 * bit 9 (stack realigned, B1.5.7) depends on SP and is left out. */
#define STACKED_XPSR_EXPECTED 0xA1000000u
#define XPSR_STACK_ALIGNED_BIT (1u << 9)

#define SCB_CCR 0xE000ED14u /* ARMv7-M ARM B3.2.8 */
#define SCB_CCR_DIV_0_TRP (1u << 4)
#define CFSR_UNDEFINSTR (1u << 16)
#define CFSR_DIVBYZERO (1u << 25)
#define EXC_RETURN_THREAD_PSP 0xFFFFFFFDu
#define FRAME_BYTES 32u

extern uint8_t __process_stack_base__[];
extern uint8_t __process_stack_end__[];
extern uint8_t __clr_thread_wa_base__[];
extern uint8_t __clr_thread_wa_end__[];

/* The faulting instructions' addresses, from the assembly below. */
extern const uint8_t fault_site_load[];
extern const uint8_t fault_site_udf[];
extern const uint8_t fault_site_div[];
extern const uint8_t fault_site_udf_psp[];

#ifndef FAULT_FRAMES_BUS_STACKING
/* The CLR thread's working area of this firmware (--defsym names it). */
__attribute__((aligned(8), used)) uint8_t fault_frames_clr_wa[256];
#endif

/* LR and APSR get their markers, then the instruction at the global label
 * faults; nothing after it runs. */
#define FAULT_PRELUDE                                                                                                  \
    "ldr lr, =" FF_STRINGIFY(LR_MARKER) "\n\t"                                                                      \
    "ldr r3, =" FF_STRINGIFY(APSR_MARKER) "\n\t"                                                                    \
    "msr apsr_nzcvqg, r3\n\t"

/* Thread mode on PSP = r0 (CONTROL.SPSEL = 1, FPCA = 0: an 8-word frame),
 * then UDF. */
__attribute__((naked, noreturn)) static void fault_undefined_on_psp(uint32_t psp)
{
    (void)psp;
    __asm__ __volatile__("msr psp, r0\n\t"
                         "movs r1, #2\n\t"
                         "msr control, r1\n\t"
                         "isb\n\t" FAULT_PRELUDE ".global fault_site_udf_psp\n"
                         "fault_site_udf_psp:\n\t"
                         "udf #1\n\t"
                         "b .\n\t"
                         ".ltorg\n\t");
}

static uint32_t address(const void *p)
{
    return (uint32_t)(uintptr_t)p;
}

static uint32_t passed;
static uint32_t total;

static void check(bool ok, const char *what)
{
    target_case(&passed, &total, ok, what);
}

/* Reads this boot's record (the fault the boot before raised). */
static stack_check_fault_record_t last_fault(const char *name)
{
    stack_check_fault_record_t r;
    const int status = stack_check_last_fault(&r);
    sh_printf("boot %u: %s: %s, flags 0x%x, stack %u, CFSR 0x%08x HFSR 0x%08x BFAR 0x%08x MSP 0x%08x PSP 0x%08x "
              "EXC_RETURN 0x%08x, stacked PC 0x%08x LR 0x%08x xPSR 0x%08x\n",
              (unsigned)boot_phase(), name, stack_check_status_name(status), (unsigned)r.flags, (unsigned)r.stack,
              (unsigned)r.cfsr, (unsigned)r.hfsr, (unsigned)r.bfar, (unsigned)r.msp, (unsigned)r.psp,
              (unsigned)r.exc_return, (unsigned)r.stacked_pc, (unsigned)r.stacked_lr, (unsigned)r.stacked_xpsr);
    check(status == STACK_CHECK_FAULT_RECORDED && r.cause == STACK_CHECK_FAULT_CAUSE_HARDFAULT,
          "a HardFault was recorded");
    check((r.hfsr & SCB_HFSR_FORCED) != 0u, "escalated: HFSR.FORCED");
    return r;
}

static void check_psp_frame(const stack_check_fault_record_t *r, uint32_t psp_before)
{
    check(r->exc_return == EXC_RETURN_THREAD_PSP, "EXC_RETURN: Thread mode, PSP, no FP context");
    check(r->psp == psp_before - FRAME_BYTES, "PSP at the handler: the frame, 8 words below the PSP of the fault");
}

static void check_failed_stacking(const stack_check_fault_record_t *r, uint32_t cfsr_bit, uint32_t psp_before)
{
    check((r->cfsr & cfsr_bit) != 0u, cfsr_bit == SCB_CFSR_STKERR ? "CFSR.STKERR" : "CFSR.MSTKERR");
    check((r->flags & STACK_CHECK_FAULT_FRAME_VALID) == 0u && r->stacked_pc == 0u && r->stacked_lr == 0u &&
              r->stacked_xpsr == 0u,
          "no frame read although its address lies inside a known stack");
    check(r->stack == STACK_CHECK_FAULT_STACK_PROCESS, "on the process stack");
    check_psp_frame(r, psp_before);
}

static int finish(const char *marker)
{
    sh_printf("RESULT: %u of %u cases passed\n", (unsigned)passed, (unsigned)total);
    if (passed != total) {
        return TARGET_EXIT_CASE_FAILED;
    }
    sh_printf("%s\n", marker);
    return TARGET_EXIT_ALL_CASES_PASSED;
}

/* Each boot checks the fault before; returns only at the end or on failure. */
static int next_fault(uint32_t phase, void (*raise)(void))
{
    if (passed != total) {
        return finish("");
    }
    boot_phase_next(phase);
    raise();
    return TARGET_EXIT_CASE_FAILED; /* not reached */
}

#ifndef FAULT_FRAMES_BUS_STACKING

__attribute__((naked, noreturn)) static void fault_load_unmapped(void)
{
    __asm__ __volatile__("ldr r1, =" FF_STRINGIFY(UNMAPPED_ADDRESS) "\n\t" FAULT_PRELUDE
                         ".global fault_site_load\n"
                         "fault_site_load:\n\t"
                         "ldr r0, [r1]\n\t"
                         "b .\n\t"
                         ".ltorg\n\t");
}

__attribute__((naked, noreturn)) static void fault_undefined(void)
{
    __asm__ __volatile__(FAULT_PRELUDE ".global fault_site_udf\n"
                         "fault_site_udf:\n\t"
                         "udf #0\n\t"
                         "b .\n\t"
                         ".ltorg\n\t");
}

__attribute__((naked, noreturn)) static void fault_divide_by_zero(void)
{
    __asm__ __volatile__("movs r0, #7\n\t"
                         "movs r1, #0\n\t" FAULT_PRELUDE ".global fault_site_div\n"
                         "fault_site_div:\n\t"
                         "sdiv r0, r0, r1\n\t"
                         "b .\n\t"
                         ".ltorg\n\t");
}

static void check_valid_frame(const stack_check_fault_record_t *r, uint32_t site, uint32_t stack)
{
    check((r->flags & STACK_CHECK_FAULT_FRAME_VALID) != 0u, "FRAME_VALID: stacking succeeded");
    check(r->stack == stack, stack == STACK_CHECK_FAULT_STACK_MAIN ? "on the main stack" : "on the process stack");
    check(r->stacked_pc == site, "stacked PC: the faulting instruction's address from the ELF");
    check(r->stacked_lr == (uint32_t)LR_MARKER, "stacked LR: the value LR held at the fault");
    check((r->stacked_xpsr & ~XPSR_STACK_ALIGNED_BIT) == STACKED_XPSR_EXPECTED,
          "stacked xPSR: the APSR flags set before the fault, Thumb, Thread mode");
}

/* The record of the UDF at fault_site_udf_psp, raised with PSP = psp_before. */
static void check_udf_on_psp(const char *name, uint32_t psp_before)
{
    const stack_check_fault_record_t r = last_fault(name);
    check_valid_frame(&r, address(fault_site_udf_psp), STACK_CHECK_FAULT_STACK_PROCESS);
    check_psp_frame(&r, psp_before);
}

#define PSP_MPU_REGION 2u
#define PSP_GUARD_OFFSET 64u /* the no-access 32 bytes, from the process stack's base */

static void raise_load(void)
{
    fault_load_unmapped();
}

static void raise_undefined(void)
{
    fault_undefined();
}

static void raise_divide_by_zero(void)
{
    CM_REG(SCB_CCR) |= SCB_CCR_DIV_0_TRP;
    cm_barrier();
    fault_divide_by_zero();
}

static void raise_on_psp_top(void)
{
    fault_undefined_on_psp(address(__process_stack_end__));
}

static void raise_on_psp_base(void)
{
    fault_undefined_on_psp(address(__process_stack_base__) + FRAME_BYTES);
}

static void raise_on_clr_thread(void)
{
    fault_undefined_on_psp(address(__clr_thread_wa_end__));
}

/* 32 no-access bytes (MPU region, ARMv7-M ARM B3.5) where the frame goes;
 * MemManage disabled so that the stacking fault escalates to HardFault. */
static void raise_mpu_stacking_error(void)
{
    const uint32_t guard = address(__process_stack_base__) + PSP_GUARD_OFFSET;
    CM_REG(SCB_SHCSR) &= ~SCB_SHCSR_MEMFAULTENA;
    CM_REG(MPU_RNR) = PSP_MPU_REGION;
    CM_REG(MPU_RBAR) = guard;
    CM_REG(MPU_RASR) = MPU_RASR_XN | MPU_RASR_AP_NO_ACCESS | MPU_RASR_SIZE(5u) | MPU_RASR_ENABLE;
    cm_barrier();
    fault_undefined_on_psp(guard + FRAME_BYTES);
}

/* RAM that is no stack: MSP moved here before a fault. */
__attribute__((aligned(8))) static uint8_t outside_stacks[64];

/* Thread mode on MSP = r0, then UDF. */
__attribute__((naked, noreturn)) static void fault_undefined_on_msp(uint32_t msp)
{
    (void)msp;
    __asm__ __volatile__("msr msp, r0\n\t"
                         "isb\n\t"
                         "udf #2\n\t"
                         "b .\n\t");
}

static void raise_on_msp_outside_stacks(void)
{
    fault_undefined_on_msp(address(outside_stacks) + sizeof outside_stacks);
}

/* cm_fault_is_overflow_below() at its boundaries: an access at the stack's
 * base is inside it, one byte below is an overflow. */
static void check_overflow_verdict(void)
{
    const uint32_t base = 0x20000000u;
    cm_fault_t f = {.hfsr = SCB_HFSR_FORCED, .cfsr = SCB_CFSR_PRECISERR | SCB_CFSR_BFARVALID, .bfar = base - 1u,
                    .msp = base + 0x100u};
    check(cm_fault_is_overflow_below(&f, base), "overflow verdict: a precise BusFault one byte below the base");
    f.bfar = base;
    check(!cm_fault_is_overflow_below(&f, base), "overflow verdict: not at the base itself");
    f.bfar = base - 1u;
    f.hfsr = 0u;
    check(!cm_fault_is_overflow_below(&f, base), "overflow verdict: not without HFSR.FORCED");
    f.hfsr = SCB_HFSR_FORCED;
    f.cfsr = SCB_CFSR_BFARVALID;
    check(!cm_fault_is_overflow_below(&f, base), "overflow verdict: not without PRECISERR or STKERR");
    f.cfsr = SCB_CFSR_STKERR; /* a failed exception-entry push: BFAR not valid, MSP says where */
    f.bfar = 0u;
    f.msp = base - FRAME_BYTES;
    check(cm_fault_is_overflow_below(&f, base), "overflow verdict: STKERR with MSP below the base");
    f.msp = base;
    check(!cm_fault_is_overflow_below(&f, base), "overflow verdict: STKERR with MSP at the base");
}

int main(void)
{
    const uint32_t phase = boot_phase();
    stack_check_fault_record_t r;
    switch (phase) {
    case 0u:
        check(stack_check_last_fault(NULL) == STACK_CHECK_OK, "boot 0: no fault recorded yet");
        check_overflow_verdict();
        return next_fault(1u, raise_load);
    case 1u:
        r = last_fault("load from an unmapped address on MSP");
        check_valid_frame(&r, address(fault_site_load), STACK_CHECK_FAULT_STACK_MAIN);
        check((r.cfsr & (SCB_CFSR_PRECISERR | SCB_CFSR_BFARVALID)) == (SCB_CFSR_PRECISERR | SCB_CFSR_BFARVALID) &&
                  r.bfar == UNMAPPED_ADDRESS,
              "precise BusFault at the unmapped address (BFAR)");
        return next_fault(2u, raise_undefined);
    case 2u:
        r = last_fault("undefined instruction on MSP");
        check_valid_frame(&r, address(fault_site_udf), STACK_CHECK_FAULT_STACK_MAIN);
        check((r.cfsr & CFSR_UNDEFINSTR) != 0u, "UsageFault: CFSR.UNDEFINSTR");
        return next_fault(3u, raise_divide_by_zero);
    case 3u:
        r = last_fault("divide by zero on MSP");
        check_valid_frame(&r, address(fault_site_div), STACK_CHECK_FAULT_STACK_MAIN);
        check((r.cfsr & CFSR_DIVBYZERO) != 0u, "UsageFault: CFSR.DIVBYZERO");
        return next_fault(4u, raise_on_psp_top);
    case 4u:
        check_udf_on_psp("undefined instruction, PSP at the process stack's top", address(__process_stack_end__));
        return next_fault(5u, raise_on_psp_base);
    case 5u:
        check_udf_on_psp("undefined instruction, frame at the process stack's base",
                         address(__process_stack_base__) + FRAME_BYTES);
        return next_fault(6u, raise_on_clr_thread);
    case 6u:
        check_udf_on_psp("undefined instruction in the CLR thread's working area", address(__clr_thread_wa_end__));
        return next_fault(7u, raise_mpu_stacking_error);
    case 7u:
        r = last_fault("stacking into an MPU no-access block of the process stack");
        check_failed_stacking(&r, SCB_CFSR_MSTKERR,
                              address(__process_stack_base__) + PSP_GUARD_OFFSET + FRAME_BYTES);
        return next_fault(8u, raise_on_msp_outside_stacks);
    default:
        r = last_fault("undefined instruction, MSP outside every known stack");
        check((r.flags & STACK_CHECK_FAULT_FRAME_VALID) == 0u && r.stacked_pc == 0u,
              "a frame outside the known stacks is not claimed");
        check(r.stack == STACK_CHECK_FAULT_STACK_MAIN && r.msp == address(outside_stacks) + sizeof outside_stacks - FRAME_BYTES,
              "on MSP, which held the frame's address");
        return finish("FAULT FRAMES: stacked PC, LR and xPSR recorded for 6 faults, no frame read after MSTKERR "
                      "or outside the known stacks");
    }
}

#else /* FAULT_FRAMES_BUS_STACKING */

static void raise_bus_stacking_error(void)
{
    fault_undefined_on_psp(address(__clr_thread_wa_end__) - 256u);
}

int main(void)
{
    if (boot_phase() == 0u) {
        check(stack_check_last_fault(NULL) == STACK_CHECK_OK, "boot 0: no fault recorded yet");
        return next_fault(1u, raise_bus_stacking_error);
    }
    const stack_check_fault_record_t r = last_fault("stacking into an unmapped known stack");
    check_failed_stacking(&r, SCB_CFSR_STKERR, address(__clr_thread_wa_end__) - 256u);
    return finish("FAULT FRAMES: no frame read after STKERR inside a known stack");
}

#endif
