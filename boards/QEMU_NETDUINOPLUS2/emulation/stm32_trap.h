/**
 * @file stm32_trap.h
 * @brief EMULATION ONLY. Trap-and-emulate of the STM32 blocks QEMU lacks:
 *        MPU no-access windows over RCC/FLASH_ACR/CRC and RNG, and a
 *        MemManage handler that decodes the faulting load or store, lets
 *        stm32_periph_model.c answer it, and steps past the instruction.
 *
 * Costs, all on this board only: MPU regions 0 and 1 and the MemManage vector
 * are taken; every access to those blocks costs an exception (a 32-byte frame
 * pushed on the interrupted stack, 104 bytes with an active FP context) and a
 * few hundred instructions, run on a 1 KiB stack of its own; instruction
 * counts include them unless taken out: the handler reads TIM2_CNT on entry
 * and exit (stm32_trap_ticks_spent(), what tests/bench subtracts), and the
 * board's linker script gathers the code of libqemu_emulation.a between
 * `__emulation_text_start__` and `__emulation_text_end__` for tools that
 * count by code range.
 *
 * Sources: ARMv7-M ARM B3.5 (MPU: MPU_CTRL, MPU_RNR, MPU_RBAR, MPU_RASR;
 * AP=0b000 no access; PRIVDEFENA keeps the default map elsewhere), B3.2.13
 * (SHCSR.MEMFAULTENA), B3.2.15 and B3.2.17 (CFSR.MMFSR DACCVIOL/MMARVALID,
 * MMFAR), B1.5.6-B1.5.8 (exception frame, EXC_RETURN), A7.3 (ITSTATE and
 * ITAdvance()).
 */
#ifndef SAFETYMONITOR_STM32_TRAP_H
#define SAFETYMONITOR_STM32_TRAP_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Resets the models, opens the MPU windows and enables MemManage. Call first
 * thing after reset, before any RCC, CRC or RNG access.
 */
void stm32_trap_install(void);

/** A block answered by a handler of its own rather than by
 *  stm32_periph_model.c: the nanoCLR target's backup domain and its USART2
 *  pass-through (boards/QEMU_NETDUINOPLUS2/nanoframework/emulation). */
typedef struct {
    uint32_t base;       /**< aligned to 1 << log2_bytes (ARMv7-M ARM B3.5.8) */
    uint32_t log2_bytes; /**< 5..31 */
    /** Reads @p size (1, 2 or 4) bytes at @p address. */
    uint32_t (*read)(uint32_t address, uint32_t size);
    /** Writes the low @p size bytes of @p value at @p address. */
    void (*write)(uint32_t address, uint32_t value, uint32_t size);
} stm32_trap_window_t;

/** First MPU region stm32_trap_add_window() takes (0 and 1 are the models'). */
#define STM32_TRAP_EXTRA_REGION_FIRST 2u
/** How many extra windows there can be (MPU regions 2..5; 6 and 7 stay free). */
#define STM32_TRAP_EXTRA_WINDOWS 4u

/**
 * Opens one more no-access window, in MPU region
 * STM32_TRAP_EXTRA_REGION_FIRST + @p slot, whose accesses go to
 * @p window's handlers. Call after stm32_trap_install(). @p window must
 * outlive the trap. Returns false (and opens nothing) when @p slot is
 * STM32_TRAP_EXTRA_WINDOWS or more, @p window or a handler is NULL, the size
 * is outside 32 bytes..2 GiB, or the base is not aligned to it.
 */
bool stm32_trap_add_window(uint32_t slot, const stm32_trap_window_t *window);

/** True when @p address lies in a block the trap emulates (the models'
 *  windows and those stm32_trap_add_window() opened). */
bool stm32_trap_claims(uint32_t address);

/**
 * A HardFault entry for firmware that touches the emulated blocks with
 * PRIMASK set (ChibiOS: crt0, halInit() before chSysInit()), where the
 * MemManage fault escalates to HardFault: put it in the HardFault vector
 * (the QEMU_NETDUINOPLUS2 nanoCLR renames fault.c's handler to
 * STM32_TRAP_HARD_FAULT_FALLBACK, qemu_emulation.cmake). An escalated access
 * to an emulated block (HFSR.FORCED, CFSR.DACCVIOL and MMARVALID, MMFAR
 * claimed) is emulated as MemManage_Handler emulates it; every other fault
 * goes on, with its stack untouched, to STM32_TRAP_HARD_FAULT_FALLBACK.
 */
void stm32_trap_hard_fault(void);

/** Accesses emulated since stm32_trap_install(). */
uint32_t stm32_trap_count(void);

/**
 * TIM2 ticks the MemManage handler spent between its first and its last
 * instruction that reads TIM2_CNT, summed over every trap. Under QEMU's
 * -icount shift=0 with TIM2 counting (tests/bench), a tick is one guest
 * instruction, and this is what benchmarks subtract; the few instructions
 * outside that window are a constant per trap the benchmark calibrates.
 * Meaningless while TIM2 is stopped.
 */
uint32_t stm32_trap_ticks_spent(void);

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_STM32_TRAP_H */
