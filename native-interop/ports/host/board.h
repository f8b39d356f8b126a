/**
 * @file board.h
 * @brief "Board" of the host build: the register models answer at the
 *        STM32F4/F7 addresses (RM0090 §2.3 memory map), so the drivers use the
 *        same numbers as on QEMU_NETDUINOPLUS2. Nothing is ever dereferenced
 *        at these addresses on the host.
 */
#ifndef SAFETYMONITOR_BOARD_H
#define SAFETYMONITOR_BOARD_H

#define BOARD_NAME "HOST"
#define BOARD_RCC_BASE 0x40023800u
#define BOARD_CRC_BASE 0x40023000u
#define BOARD_RNG_BASE 0x50060800u
#define BOARD_IWDG_BASE 0x40003000u /* independent watchdog, APB1 (RM0090 §2.3 Table 1; RM0410 §2.2.2 Table 1) */

#endif /* SAFETYMONITOR_BOARD_H */
