/**
 * @file board.h
 * @brief QEMU_NETDUINOPLUS2: the STM32F405RG board (Netduino Plus 2) that
 *        Debian 12's qemu-system-arm 7.2 emulates as machine `netduinoplus2`.
 *
 * Memory as QEMU models it: flash 1 MiB at 0x08000000 (aliased at 0), one
 * 192 KiB SRAM block at 0x20000000, no CCM; nothing mapped below 0x20000000
 * down to 0x08100000, so the first stack write below the SRAM origin raises a
 * precise BusFault (../shared/notes/qemu.md).
 *
 * QEMU leaves RCC, CRC and RNG unimplemented; this board emulates them in its
 * firmware (emulation/, test-only), at the addresses below.
 */
#ifndef SAFETYMONITOR_BOARD_H
#define SAFETYMONITOR_BOARD_H

#define BOARD_NAME "QEMU_NETDUINOPLUS2"
#define BOARD_MCU "STM32F405RG (Cortex-M4F)"

/* RM0090 §2.3, Table 1 (STM32F4xx register boundary addresses). */
#define BOARD_RCC_BASE 0x40023800u
#define BOARD_CRC_BASE 0x40023000u
#define BOARD_RNG_BASE 0x50060800u
#define BOARD_IWDG_BASE 0x40003000u /* independent watchdog, APB1 (RM0090 §2.3 Table 1; RM0410 §2.2.2 Table 1) */

/* Netduino Plus 2: 25 MHz crystal on HSE. PLL: VCO = 25 MHz / M * N =
 * 336 MHz; SYSCLK = VCO / P = 168 MHz; PLL48CLK (RNG, USB) = VCO / Q = 48 MHz
 * (RM0090 §7.3.2 RCC_PLLCFGR). */
#define BOARD_HSE_HZ 25000000u
#define BOARD_PLL_M 25u
#define BOARD_PLL_N 336u
#define BOARD_PLL_P 2u
#define BOARD_PLL_Q 7u
#define BOARD_SYSCLK_HZ 168000000u
/* RM0090 §3.5.1 Table 10: 5 wait states at 150-168 MHz, 2.7-3.6 V. */
#define BOARD_FLASH_LATENCY 5u

#endif /* SAFETYMONITOR_BOARD_H */
