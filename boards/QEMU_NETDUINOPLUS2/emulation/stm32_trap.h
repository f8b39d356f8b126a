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

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Resets the models, opens the MPU windows and enables MemManage. Call first
 * thing after reset, before any RCC, CRC or RNG access.
 */
void stm32_trap_install(void);

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
