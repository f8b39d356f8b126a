/**
 * @file board.h
 * @brief ST_STM32F769I_DISCOVERY: STM32F769NI (Cortex-M7 with double-precision
 *        FPU, 216 MHz max), 25 MHz HSE, 128 KiB DTCM, 384 KiB SRAM1+SRAM2,
 *        16 MiB SDRAM.
 */
#ifndef SAFETYMONITOR_BOARD_H
#define SAFETYMONITOR_BOARD_H

#define BOARD_NAME "ST_STM32F769I_DISCOVERY"
#define BOARD_MCU "STM32F769NI (Cortex-M7)"

/* RM0410 memory map (register boundary addresses): same RCC, CRC and RNG
 * addresses as the STM32F4. */
#define BOARD_RCC_BASE 0x40023800u
#define BOARD_CRC_BASE 0x40023000u
#define BOARD_RNG_BASE 0x50060800u
#define BOARD_IWDG_BASE 0x40003000u /* independent watchdog, APB1 (RM0090 §2.3 Table 1; RM0410 §2.2.2 Table 1) */

#endif /* SAFETYMONITOR_BOARD_H */
