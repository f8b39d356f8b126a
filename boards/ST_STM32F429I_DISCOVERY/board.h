/**
 * @file board.h
 * @brief ST_STM32F429I_DISCOVERY: STM32F429ZI (Cortex-M4F, 180 MHz max),
 *        8 MHz HSE (ST-LINK MCO), 64 KiB CCM, 192 KiB SRAM, 8 MiB SDRAM.
 */
#ifndef SAFETYMONITOR_BOARD_H
#define SAFETYMONITOR_BOARD_H

#define BOARD_NAME "ST_STM32F429I_DISCOVERY"
#define BOARD_MCU "STM32F429ZI (Cortex-M4F)"

/* RM0090 §2.3, Table 1 (STM32F4xx register boundary addresses). */
#define BOARD_RCC_BASE 0x40023800u
#define BOARD_CRC_BASE 0x40023000u
#define BOARD_RNG_BASE 0x50060800u
#define BOARD_IWDG_BASE 0x40003000u /* independent watchdog, APB1 (RM0090 §2.3 Table 1; RM0410 §2.2.2 Table 1) */

#endif /* SAFETYMONITOR_BOARD_H */
