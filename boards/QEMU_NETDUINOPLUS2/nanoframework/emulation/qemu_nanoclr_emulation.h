/**
 * @file qemu_nanoclr_emulation.h
 * @brief EMULATION ONLY. What the QEMU_NETDUINOPLUS2 nanoCLR needs of
 *        SafetyMonitor's peripheral emulation (boards/QEMU_NETDUINOPLUS2/
 *        emulation, native-interop/models/stm32) so that ChibiOS and
 *        nanoFramework run unchanged on QEMU 7.2's netduinoplus2.
 */
#ifndef SAFETYMONITOR_QEMU_NANOCLR_EMULATION_H
#define SAFETYMONITOR_QEMU_NANOCLR_EMULATION_H

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Starts the emulation when the part is QEMU's: RCC_CR reads 0 there (RCC
 * is an unimplemented device), while on silicon its reset value has HSION
 * and HSIRDY set (RM0090 §7.3.1, 0x0000XX83), so on a real STM32F405 this
 * does nothing and returns false. On QEMU it installs the MPU trap with its
 * models (RCC ready bits, FLASH_ACR, CRC, RNG) and three more windows:
 * - PWR and RTC with the backup registers (stm32_backup_domain_model.h);
 * - USART2, passed through to QEMU's USART, after each access pending the
 *   USART2 interrupt in the NVIC whenever a flag and its enable are both
 *   set (TXE/TXEIE, TC/TCIE, RXNE/RXNEIE: RM0090 §30.4, Figure 321): QEMU
 *   7.2 raises the interrupt for RXNE only, so ChibiOS's interrupt-driven
 *   transmit would never send a byte.
 * Call before the first RCC access: from __late_init(), before
 * stm32_clock_init(), after crt0 has initialised .data and .bss.
 */
bool qemu_nanoclr_emulation_start(void);

/** The three windows above, in stm32_trap_add_window() slots 0-2, the
 *  backup domain reset first; after stm32_trap_install(). Returns false if
 *  a window could not be opened. (qemu_nanoclr_emulation_start() calls it;
 *  the bare-metal target test, tests/target/emulation_windows.c, too.) */
bool qemu_nanoclr_emulation_add_windows(void);

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_QEMU_NANOCLR_EMULATION_H */
