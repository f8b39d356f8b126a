// QEMU_NETDUINOPLUS2: ChibiOS board definition (STM32F405RG, Netduino Plus 2
// as QEMU 7.2 emulates it: machine netduinoplus2).
#ifndef BOARD_H
#define BOARD_H

#define BOARD_QEMU_NETDUINOPLUS2
#define BOARD_NAME "QEMU netduinoplus2 (STM32F405RG)"

// Clocks: 25 MHz crystal on HSE (Netduino Plus 2), no LSE.
#define STM32_LSECLK 0U
#define STM32_HSECLK 25000000U

// Supply: 3.3 V (in tenths of volts x 10, ChibiOS's unit).
#define STM32_VDD 330U

// The part.
#define STM32F405xx

#if !defined(_FROM_ASM_)
#ifdef __cplusplus
extern "C" {
#endif
void boardInit(void);
#ifdef __cplusplus
}
#endif
#endif

#endif // BOARD_H
