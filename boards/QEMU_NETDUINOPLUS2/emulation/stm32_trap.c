/**
 * @file stm32_trap.c
 * @brief EMULATION ONLY. MPU windows over the blocks QEMU lacks and the
 *        MemManage handler that emulates each access (see stm32_trap.h).
 */
#include "stm32_trap.h"

#include "board.h"
#include "iwdg_clock.h"
#include "cortex_m_regs.h"
#include "semihosting.h"
#include "stm32_periph_model.h"
#include "thumb_ldst.h"

#include <stdbool.h>
#include <stddef.h>

#define TRAP_STACK_BYTES 1024
#ifndef STM32_TRAP_HARD_FAULT_FALLBACK
#define STM32_TRAP_HARD_FAULT_FALLBACK stm32_trap_unexpected_hard_fault
#endif
#define TRAP_STRINGIFY2(x) #x
#define TRAP_STRINGIFY(x) TRAP_STRINGIFY2(x)

/* Window 0 (4 KiB) covers CRC at 0x40023000, RCC at 0x40023800 and the flash
 * interface at 0x40023C00; window 1 (1 KiB) covers the RNG. MPU regions must
 * be aligned to their size (ARMv7-M ARM B3.5.7). */
#define WINDOW0_BASE (BOARD_CRC_BASE & ~0xFFFu)
#define WINDOW0_LOG2 12u
#define WINDOW1_BASE (BOARD_RNG_BASE & ~0x3FFu)
#define WINDOW1_LOG2 10u
/* Window 2 (1 KiB, MPU region 3) covers the IWDG at 0x40003000. */
#define WINDOW2_BASE (BOARD_IWDG_BASE & ~0x3FFu)
#define WINDOW2_LOG2 10u
_Static_assert((BOARD_RCC_BASE & ~0xFFFu) == WINDOW0_BASE, "RCC must share the CRC's 4 KiB MPU window");

#define FRAME_R0 0
#define FRAME_R12 4
#define FRAME_LR 5
#define FRAME_PC 6
#define FRAME_XPSR 7

/* TIM2_CNT (RM0090 §18.4.10): under QEMU's -icount shift=0 it advances one
 * tick per guest instruction; the handler reads it on entry and on exit so
 * that benchmarks can take its own instructions out of their counts. */
#define TRAP_TIM2_CNT 0x40000024u
/* SCB_HFSR, SCB_CFSR, SCB_MMFAR (cortex_m_regs.h) without the C suffix, for
 * the assembler. */
#define TRAP_SCB_HFSR 0xE000ED2C
#define TRAP_SCB_CFSR 0xE000ED28
#define TRAP_SCB_MMFAR 0xE000ED34
_Static_assert(TRAP_SCB_HFSR == SCB_HFSR && TRAP_SCB_CFSR == SCB_CFSR && TRAP_SCB_MMFAR == SCB_MMFAR, "SCB addresses");

/* used: named only by MemManage_Handler's assembly (see fault.c). */
__attribute__((aligned(8), used)) uint8_t stm32_trap_stack[TRAP_STACK_BYTES];
static uint32_t trap_count;
static const stm32_trap_window_t *extra_windows[STM32_TRAP_EXTRA_WINDOWS];
/* [0]: TIM2_CNT at the handler's entry; [1]: ticks between its two reads,
 * summed over every trap. */
__attribute__((used)) uint32_t stm32_trap_clock[2];

__attribute__((used)) void stm32_trap_emulate(uint32_t *frame, uint32_t *saved_r4_r11, uint32_t exc_return);

/* MemManage: the frame is on MSP or PSP (EXC_RETURN bit 2). The C part runs
 * on stm32_trap_stack so that the interrupted stack carries only the
 * hardware frame; r4-r11 are saved there so the emulation can write them. */
/* The MemManage vector (ARMv7-M ARM B1.5.2: exception 4). */
void MemManage_Handler(void);

__attribute__((naked)) void MemManage_Handler(void)
{
    __asm__ __volatile__(
        "movw r0, #:lower16:" TRAP_STRINGIFY(TRAP_TIM2_CNT) "\n\t"
        "movt r0, #:upper16:" TRAP_STRINGIFY(TRAP_TIM2_CNT) "\n\t"
        "ldr r0, [r0]\n\t"
        "movw r1, #:lower16:stm32_trap_clock\n\t"
        "movt r1, #:upper16:stm32_trap_clock\n\t"
        "str r0, [r1]\n\t"
        "tst lr, #4\n\t"
        "ite eq\n\t"
        "mrseq r0, msp\n\t"
        "mrsne r0, psp\n\t"
        "mov r2, sp\n\t"
        "movw r3, #:lower16:(stm32_trap_stack + " TRAP_STRINGIFY(TRAP_STACK_BYTES) ")\n\t"
        "movt r3, #:upper16:(stm32_trap_stack + " TRAP_STRINGIFY(TRAP_STACK_BYTES) ")\n\t"
        "mov sp, r3\n\t"
        "push {r2, lr}\n\t"
        "push {r4-r11}\n\t"
        "mov r1, sp\n\t"
        "mov r2, lr\n\t"
        "bl stm32_trap_emulate\n\t"
        "pop {r4-r11}\n\t"
        "pop {r2, lr}\n\t"
        "mov sp, r2\n\t"
        "movw r0, #:lower16:" TRAP_STRINGIFY(TRAP_TIM2_CNT) "\n\t"
        "movt r0, #:upper16:" TRAP_STRINGIFY(TRAP_TIM2_CNT) "\n\t"
        "ldr r0, [r0]\n\t"
        "movw r1, #:lower16:stm32_trap_clock\n\t"
        "movt r1, #:upper16:stm32_trap_clock\n\t"
        "ldr r3, [r1]\n\t"
        "subs r0, r0, r3\n\t"
        "ldr r3, [r1, #4]\n\t"
        "adds r3, r3, r0\n\t"
        "str r3, [r1, #4]\n\t"
        "bx lr\n\t");
}

/* Where a HardFault that is no escalated emulated access goes (the fault
 * recorder, boards/common/cortex-m/fault.c, renamed in that build). */
void STM32_TRAP_HARD_FAULT_FALLBACK(void);

/* An access to an emulated block while PRIMASK is set (ChibiOS's crt0 and
 * everything before chSysInit() run so) cannot take MemManage: it escalates
 * to HardFault (ARMv7-M ARM B1.5.4, "priority escalation"), with
 * HFSR.FORCED and the MemManage status still in CFSR. This entry sends such
 * a HardFault to MemManage_Handler, which emulates the access on the same
 * frame and returns, after clearing HFSR.FORCED; anything else (a stack
 * overflow's BusFault, an access outside the models) goes, with its stack
 * untouched, to STM32_TRAP_HARD_FAULT_FALLBACK. Only the models' test uses
 * the trap's own stack. */
__attribute__((naked, used)) void stm32_trap_hard_fault(void)
{
    __asm__ __volatile__(
        "movw r0, #:lower16:" TRAP_STRINGIFY(TRAP_SCB_HFSR) "\n\t"
        "movt r0, #:upper16:" TRAP_STRINGIFY(TRAP_SCB_HFSR) "\n\t"
        "ldr r0, [r0]\n\t"
        "tst r0, #0x40000000\n\t" /* FORCED */
        "beq 1f\n\t"
        "movw r0, #:lower16:" TRAP_STRINGIFY(TRAP_SCB_CFSR) "\n\t"
        "movt r0, #:upper16:" TRAP_STRINGIFY(TRAP_SCB_CFSR) "\n\t"
        "ldr r0, [r0]\n\t"
        "and r0, r0, #0x82\n\t" /* DACCVIOL | MMARVALID */
        "cmp r0, #0x82\n\t"
        "bne 1f\n\t"
        "movw r0, #:lower16:" TRAP_STRINGIFY(TRAP_SCB_MMFAR) "\n\t"
        "movt r0, #:upper16:" TRAP_STRINGIFY(TRAP_SCB_MMFAR) "\n\t"
        "ldr r0, [r0]\n\t"
        "mov r2, sp\n\t"
        "movw r3, #:lower16:(stm32_trap_stack + " TRAP_STRINGIFY(TRAP_STACK_BYTES) ")\n\t"
        "movt r3, #:upper16:(stm32_trap_stack + " TRAP_STRINGIFY(TRAP_STACK_BYTES) ")\n\t"
        "mov sp, r3\n\t"
        "push {r2, lr}\n\t"
        "bl stm32_trap_claims\n\t"
        "pop {r2, lr}\n\t"
        "mov sp, r2\n\t"
        "cbz r0, 1f\n\t"
        "movw r0, #:lower16:" TRAP_STRINGIFY(TRAP_SCB_HFSR) "\n\t"
        "movt r0, #:upper16:" TRAP_STRINGIFY(TRAP_SCB_HFSR) "\n\t"
        "mov r1, #0x40000000\n\t" /* write one to clear FORCED */
        "str r1, [r0]\n\t"
        "b MemManage_Handler\n\t"
        "1:\n\t"
        "b " TRAP_STRINGIFY(STM32_TRAP_HARD_FAULT_FALLBACK) "\n\t");
}

static void trap_fatal(const char *what, uint32_t pc, uint32_t detail)
{
    sh_printf("ERROR (QEMU_NETDUINOPLUS2 peripheral models): %s at PC 0x%08x (0x%08x)\n", what,
              (unsigned)pc, (unsigned)detail);
    sh_exit(SH_EXIT_EMULATION_ERROR);
}

__attribute__((used, noreturn)) void stm32_trap_report_hard_fault(uint32_t hfsr);
__attribute__((used, noreturn)) void stm32_trap_report_hard_fault(uint32_t hfsr)
{
    trap_fatal("HardFault that is no escalated access to an emulated block (HFSR)", 0u, hfsr);
    for (;;) {
    }
}

/* The default fallback of stm32_trap_hard_fault(): report on the trap's own
 * stack and exit through semihosting (firmware with a fault recorder names
 * its handler instead, STM32_TRAP_HARD_FAULT_FALLBACK). */
__attribute__((naked, used)) void stm32_trap_unexpected_hard_fault(void);
__attribute__((naked, used)) void stm32_trap_unexpected_hard_fault(void)
{
    __asm__ __volatile__(
        "movw r3, #:lower16:(stm32_trap_stack + " TRAP_STRINGIFY(TRAP_STACK_BYTES) ")\n\t"
        "movt r3, #:upper16:(stm32_trap_stack + " TRAP_STRINGIFY(TRAP_STACK_BYTES) ")\n\t"
        "mov sp, r3\n\t"
        "movw r0, #:lower16:" TRAP_STRINGIFY(TRAP_SCB_HFSR) "\n\t"
        "movt r0, #:upper16:" TRAP_STRINGIFY(TRAP_SCB_HFSR) "\n\t"
        "ldr r0, [r0]\n\t"
        "bl stm32_trap_report_hard_fault\n\t");
}

static uint32_t *register_slot(uint32_t *frame, uint32_t *saved_r4_r11, uint32_t reg)
{
    if (reg <= 3u) {
        return &frame[FRAME_R0 + reg];
    }
    if (reg <= 11u) {
        return &saved_r4_r11[reg - 4u];
    }
    if (reg == 12u) {
        return &frame[FRAME_R12];
    }
    if (reg == 14u) {
        return &frame[FRAME_LR];
    }
    return NULL; /* SP, PC */
}

/* SP of the interrupted code: above the frame (8 words, 26 with the FP
 * extension) and the alignment word, if one was inserted (B1.5.7). */
static uint32_t interrupted_sp(const uint32_t *frame, uint32_t exc_return)
{
    uint32_t sp = (uint32_t)(uintptr_t)frame + ((exc_return & EXC_RETURN_NO_FP) != 0u ? 32u : 104u);
    if ((frame[FRAME_XPSR] & XPSR_STACK_ALIGNED) != 0u) {
        sp += 4u;
    }
    return sp;
}

/* ITAdvance() (ARMv7-M ARM A7.3): the trapped instruction counts as executed. */
static uint32_t advance_itstate(uint32_t xpsr)
{
    uint32_t it = ((xpsr >> 25) & 0x3u) | (((xpsr >> 10) & 0x3Fu) << 2);
    if (it != 0u) {
        it = (it & 0x7u) == 0u ? 0u : (it & 0xE0u) | ((it << 1) & 0x1Fu);
    }
    xpsr &= ~((0x3u << 25) | (0x3Fu << 10));
    return xpsr | ((it & 0x3u) << 25) | ((it >> 2) << 10);
}

static uint32_t sign_extend(uint32_t value, uint32_t size)
{
    const uint32_t sign_bit = 1u << (size * 8u - 1u);
    return (value ^ sign_bit) - sign_bit;
}

static const stm32_trap_window_t *extra_window(uint32_t address)
{
    for (uint32_t slot = 0u; slot < STM32_TRAP_EXTRA_WINDOWS; slot++) {
        const stm32_trap_window_t *w = extra_windows[slot];
        if (w != NULL && (address >> w->log2_bytes) == (w->base >> w->log2_bytes)) {
            return w;
        }
    }
    return NULL;
}

__attribute__((used)) bool stm32_trap_claims(uint32_t address)
{
    return extra_window(address) != NULL || stm32_periph_model_claims(address);
}

void stm32_trap_emulate(uint32_t *frame, uint32_t *saved_r4_r11, uint32_t exc_return)
{
    const uint32_t cfsr = CM_REG(SCB_CFSR);
    const uint32_t pc = frame[FRAME_PC];
    if ((cfsr & SCB_CFSR_DACCVIOL) == 0u) {
        trap_fatal("MemManage fault that is not a data access", pc, cfsr);
    }
    const uint16_t *code = (const uint16_t *)(uintptr_t)pc;
    const uint16_t hw1 = code[0];
    const uint16_t hw2 = thumb_is_32bit(hw1) ? code[1] : 0u;
    thumb_ldst_t op;
    if (!thumb_decode_ldst(hw1, hw2, &op)) {
        trap_fatal("unsupported instruction touching an emulated peripheral", pc,
                   ((uint32_t)hw1 << 16) | hw2);
    }

    uint32_t *rn_slot = register_slot(frame, saved_r4_r11, op.rn);
    const uint32_t base = rn_slot != NULL ? *rn_slot : interrupted_sp(frame, exc_return);
    uint32_t offset = op.imm;
    if (op.register_offset) {
        const uint32_t *rm_slot = register_slot(frame, saved_r4_r11, op.rm);
        offset = *rm_slot << op.shift; /* decoder rejects SP and PC as rm */
    }
    const uint32_t offset_address = op.add ? base + offset : base - offset;
    const uint32_t address = op.index ? offset_address : base;

    const stm32_trap_window_t *extra = extra_window(address);
    if (extra == NULL && !stm32_periph_model_claims(address)) {
        trap_fatal("MPU violation outside the emulated peripherals", pc, address);
    }
    if ((cfsr & SCB_CFSR_MMARVALID) != 0u && CM_REG(SCB_MMFAR) != address) {
        trap_fatal("decoded address differs from MMFAR", pc, CM_REG(SCB_MMFAR));
    }

    uint32_t *rt_slot = register_slot(frame, saved_r4_r11, op.rt);
    if (op.load) {
        uint32_t value = extra != NULL ? extra->read(address, op.size) : stm32_periph_model_read(address, op.size);
        if (op.sign_extend) {
            value = sign_extend(value, op.size);
        }
        *rt_slot = value; /* decoder rejects SP and PC as rt */
    } else {
        if (extra != NULL) {
            extra->write(address, *rt_slot, op.size);
        } else {
            stm32_periph_model_write(address, *rt_slot, op.size);
        }
    }
    if (op.writeback) {
        if (rn_slot == NULL) {
            trap_fatal("write-back to SP on an emulated peripheral", pc, address);
        }
        *rn_slot = offset_address;
    }

    frame[FRAME_PC] = pc + op.length;
    frame[FRAME_XPSR] = advance_itstate(frame[FRAME_XPSR]);
    CM_REG(SCB_CFSR) = cfsr & SCB_CFSR_MMFSR_MASK; /* write-one-to-clear */
    trap_count++;
}

static void mpu_no_access_window(uint32_t region, uint32_t base, uint32_t log2_bytes)
{
    CM_REG(MPU_RNR) = region;
    CM_REG(MPU_RBAR) = base;
    CM_REG(MPU_RASR) = MPU_RASR_XN | MPU_RASR_AP_NO_ACCESS | MPU_RASR_SIZE(log2_bytes) | MPU_RASR_ENABLE;
}

bool stm32_trap_add_window(uint32_t slot, const stm32_trap_window_t *window)
{
    if (slot >= STM32_TRAP_EXTRA_WINDOWS || window == NULL || window->read == NULL || window->write == NULL ||
        window->log2_bytes < 5u || window->log2_bytes > 31u ||
        (window->base & ((1u << window->log2_bytes) - 1u)) != 0u) {
        return false;
    }
    extra_windows[slot] = window;
    mpu_no_access_window(STM32_TRAP_EXTRA_REGION_FIRST + slot, window->base, window->log2_bytes);
    cm_barrier();
    return true;
}

void stm32_trap_install(void)
{
    stm32_periph_model_reset(0x5AFE5EEDu);
    trap_count = 0u;
    for (uint32_t slot = 0u; slot < STM32_TRAP_EXTRA_WINDOWS; slot++) {
        extra_windows[slot] = NULL;
    }
    mpu_no_access_window(0u, WINDOW0_BASE, WINDOW0_LOG2);
    mpu_no_access_window(1u, WINDOW1_BASE, WINDOW1_LOG2);
    mpu_no_access_window(3u, WINDOW2_BASE, WINDOW2_LOG2); /* 2: fault_frames.c's PSP guard */
    iwdg_clock_install();
    CM_REG(MPU_CTRL) = MPU_CTRL_PRIVDEFENA | MPU_CTRL_ENABLE;
    CM_REG(SCB_SHCSR) |= SCB_SHCSR_MEMFAULTENA;
    cm_barrier();
}

uint32_t stm32_trap_count(void)
{
    return trap_count;
}

uint32_t stm32_trap_ticks_spent(void)
{
    return stm32_trap_clock[1];
}
