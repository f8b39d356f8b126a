// QEMU_NETDUINOPLUS2 nanoCLR: ChibiOS STM32F4xx settings (ChibiOS 21.11,
// os/hal/ports/STM32/STM32F4xx). The clock tree is the Netduino Plus 2's
// (25 MHz crystal on HSE, PLL to 168 MHz; the same as SafetyMonitor's
// bare-metal board, boards/QEMU_NETDUINOPLUS2/board.h): QEMU 7.2 clocks
// netduinoplus2's SysTick at 168 MHz, so ChibiOS's tick counts real time
// only when it is configured for the same SYSCLK.
// Under QEMU the RCC ready bits, PWR_CSR.VOSRDY, the CRC unit and the RNG
// come from the board's emulation (emulation/), linked into this nanoCLR.
#ifndef MCUCONF_H
#define MCUCONF_H

#define STM32F4xx_MCUCONF
#define STM32F405_MCUCONF

// HAL driver system settings (RM0090 §7.3.2 RCC_PLLCFGR, §7.3.3 RCC_CFGR):
// VCO = 25 MHz / 25 * 336 = 336 MHz; SYSCLK = VCO / 2 = 168 MHz;
// PLL48CLK = VCO / 7 = 48 MHz (the RNG's clock); APB1 42 MHz, APB2 84 MHz.
#define STM32_NO_INIT          FALSE
#define STM32_HSI_ENABLED      TRUE
#define STM32_LSI_ENABLED      TRUE
#define STM32_HSE_ENABLED      TRUE
#define STM32_LSE_ENABLED      FALSE
#define STM32_CLOCK48_REQUIRED TRUE
#define STM32_SW               STM32_SW_PLL
#define STM32_PLLSRC           STM32_PLLSRC_HSE
#define STM32_PLLM_VALUE       25
#define STM32_PLLN_VALUE       336
#define STM32_PLLP_VALUE       2
#define STM32_PLLQ_VALUE       7
#define STM32_HPRE             STM32_HPRE_DIV1
#define STM32_PPRE1            STM32_PPRE1_DIV4
#define STM32_PPRE2            STM32_PPRE2_DIV2
#define STM32_RTCSEL           STM32_RTCSEL_LSI
#define STM32_RTCPRE_VALUE     8
#define STM32_MCO1SEL          STM32_MCO1SEL_HSI
#define STM32_MCO1PRE          STM32_MCO1PRE_DIV1
#define STM32_MCO2SEL          STM32_MCO2SEL_SYSCLK
#define STM32_MCO2PRE          STM32_MCO2PRE_DIV5
#define STM32_I2SSRC           STM32_I2SSRC_CKIN
#define STM32_PLLI2SN_VALUE    192
#define STM32_PLLI2SR_VALUE    2
#define STM32_PVD_ENABLE       FALSE
#define STM32_PLS              STM32_PLS_LEV0
#define STM32_BKPRAM_ENABLE    FALSE

// IRQ priorities (0 highest, 15 lowest; ChibiOS keeps 0-1 above its kernel).
#define STM32_IRQ_EXTI0_PRIORITY           6
#define STM32_IRQ_EXTI1_PRIORITY           6
#define STM32_IRQ_EXTI2_PRIORITY           6
#define STM32_IRQ_EXTI3_PRIORITY           6
#define STM32_IRQ_EXTI4_PRIORITY           6
#define STM32_IRQ_EXTI5_9_PRIORITY         6
#define STM32_IRQ_EXTI10_15_PRIORITY       6
#define STM32_IRQ_EXTI16_PRIORITY          6
#define STM32_IRQ_EXTI17_PRIORITY          15
#define STM32_IRQ_EXTI18_PRIORITY          6
#define STM32_IRQ_EXTI19_PRIORITY          6
#define STM32_IRQ_EXTI20_PRIORITY          6
#define STM32_IRQ_EXTI21_PRIORITY          15
#define STM32_IRQ_EXTI22_PRIORITY          15
#define STM32_IRQ_TIM1_BRK_TIM9_PRIORITY   7
#define STM32_IRQ_TIM1_UP_TIM10_PRIORITY   7
#define STM32_IRQ_TIM1_TRGCO_TIM11_PRIORITY 7
#define STM32_IRQ_TIM1_CC_PRIORITY         7
#define STM32_IRQ_TIM2_PRIORITY            7
#define STM32_IRQ_TIM3_PRIORITY            7
#define STM32_IRQ_TIM4_PRIORITY            7
#define STM32_IRQ_TIM5_PRIORITY            7
#define STM32_IRQ_TIM6_PRIORITY            7
#define STM32_IRQ_TIM7_PRIORITY            7
#define STM32_IRQ_TIM8_BRK_TIM12_PRIORITY  7
#define STM32_IRQ_TIM8_UP_TIM13_PRIORITY   7
#define STM32_IRQ_TIM8_TRGCO_TIM14_PRIORITY 7
#define STM32_IRQ_TIM8_CC_PRIORITY         7
#define STM32_IRQ_USART1_PRIORITY          12
#define STM32_IRQ_USART2_PRIORITY          12
#define STM32_IRQ_USART3_PRIORITY          12
#define STM32_IRQ_UART4_PRIORITY           12
#define STM32_IRQ_UART5_PRIORITY           12
#define STM32_IRQ_USART6_PRIORITY          12

// Serial driver: USART2 only (the wire protocol, common/serialcfg.h).
#define STM32_SERIAL_USE_USART1 FALSE
#define STM32_SERIAL_USE_USART2 TRUE
#define STM32_SERIAL_USE_USART3 FALSE
#define STM32_SERIAL_USE_UART4  FALSE
#define STM32_SERIAL_USE_UART5  FALSE
#define STM32_SERIAL_USE_USART6 FALSE

// The system tick: periodic SysTick (chconf.h CH_CFG_ST_TIMEDELTA 0), not
// a tick-less TIM2: QEMU 7.2's STM32 timers raise only the update
// interrupt, never a compare match, so a tick-less timed wait would never
// end there. SysTick raises its interrupt on QEMU and on silicon.
#define STM32_ST_IRQ_PRIORITY 8
#define STM32_ST_USE_TIMER    2

#define STM32_WDG_USE_IWDG TRUE

#include "mcuconf_nf.h"

#endif // MCUCONF_H
