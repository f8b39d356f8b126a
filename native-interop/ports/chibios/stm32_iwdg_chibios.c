/**
 * @file stm32_iwdg_chibios.c
 * @brief The IWDG register driver (drivers/stm32/stm32_iwdg.c) as the
 *        `chibios` port compiles it: at the CMSIS device header's IWDG_BASE,
 *        since ChibiOS's board.h does not name the board's base addresses.
 *        The same source as on bare metal, not a copy.
 */
#define STM32_IWDG_BASE_FROM_CMSIS 1
#include "stm32_iwdg.c"
