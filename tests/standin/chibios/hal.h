/* TEST STAND-IN (see tests/standin/README.md): ChibiOS HAL umbrella header. */
#ifndef SAFETYMONITOR_STANDIN_HAL_H
#define SAFETYMONITOR_STANDIN_HAL_H
#include "ch.h"

#include <stdbool.h>
#include <stddef.h>

/* ChibiOS HAL TRNG driver (os/hal/include/hal_trng.h): trngGenerate()
 * returns true on a hardware error. */
typedef int32_t msg_t;
typedef struct TRNGConfig TRNGConfig;
typedef struct TRNGDriver TRNGDriver;
extern TRNGDriver TRNGD1;
msg_t trngStart(TRNGDriver *trngp, const TRNGConfig *config);
bool trngGenerate(TRNGDriver *trngp, size_t size, uint8_t *out);

/* The CMSIS device header's RCC (stm32f4xx.h / stm32f7xx.h, which hal.h pulls
 * in): only CSR, RMVF and the reset flags (RM0090 §6.3.21/§7.3.21, RM0410
 * §5.3.21), with the CMSIS names. CMSIS defines RCC as a pointer to the
 * peripheral; here it is a call to a function the test (or the link-time
 * stand-in) defines, once per `RCC->...` access, so that a test double can
 * give CSR the reference manual's behaviour (reset flags read-only, RMVF
 * clearing them) and see in which order the code touches it. */
typedef struct
{
    volatile uint32_t CSR;
} RCC_TypeDef;
RCC_TypeDef *safetymonitor_standin_rcc(void);
#define RCC (safetymonitor_standin_rcc())
#define RCC_CSR_LSION_Pos (0U)
#define RCC_CSR_LSION_Msk (0x1UL << RCC_CSR_LSION_Pos)
#define RCC_CSR_LSION RCC_CSR_LSION_Msk
#define RCC_CSR_LSIRDY_Pos (1U)
#define RCC_CSR_LSIRDY_Msk (0x1UL << RCC_CSR_LSIRDY_Pos)
#define RCC_CSR_LSIRDY RCC_CSR_LSIRDY_Msk
#define RCC_CSR_RMVF_Pos (24U)
#define RCC_CSR_RMVF_Msk (0x1UL << RCC_CSR_RMVF_Pos)
#define RCC_CSR_RMVF RCC_CSR_RMVF_Msk
#define RCC_CSR_BORRSTF_Pos (25U)
#define RCC_CSR_BORRSTF_Msk (0x1UL << RCC_CSR_BORRSTF_Pos)
#define RCC_CSR_BORRSTF RCC_CSR_BORRSTF_Msk
#define RCC_CSR_PINRSTF_Pos (26U)
#define RCC_CSR_PINRSTF_Msk (0x1UL << RCC_CSR_PINRSTF_Pos)
#define RCC_CSR_PINRSTF RCC_CSR_PINRSTF_Msk
#define RCC_CSR_PORRSTF_Pos (27U)
#define RCC_CSR_PORRSTF_Msk (0x1UL << RCC_CSR_PORRSTF_Pos)
#define RCC_CSR_PORRSTF RCC_CSR_PORRSTF_Msk
#define RCC_CSR_SFTRSTF_Pos (28U)
#define RCC_CSR_SFTRSTF_Msk (0x1UL << RCC_CSR_SFTRSTF_Pos)
#define RCC_CSR_SFTRSTF RCC_CSR_SFTRSTF_Msk
#define RCC_CSR_IWDGRSTF_Pos (29U)
#define RCC_CSR_IWDGRSTF_Msk (0x1UL << RCC_CSR_IWDGRSTF_Pos)
#define RCC_CSR_IWDGRSTF RCC_CSR_IWDGRSTF_Msk
#define RCC_CSR_WWDGRSTF_Pos (30U)
#define RCC_CSR_WWDGRSTF_Msk (0x1UL << RCC_CSR_WWDGRSTF_Pos)
#define RCC_CSR_WWDGRSTF RCC_CSR_WWDGRSTF_Msk
#define RCC_CSR_LPWRRSTF_Pos (31U)
#define RCC_CSR_LPWRRSTF_Msk (0x1UL << RCC_CSR_LPWRRSTF_Pos)
#define RCC_CSR_LPWRRSTF RCC_CSR_LPWRRSTF_Msk

/* A few of the device header's register macros, spelled as CMSIS spells
 * them (stm32f405xx.h): a unit that also includes stm32_regs.h, which names
 * the same bits its own way, fails with "redefined" under -Werror, as it
 * does against the real header. */
#define RCC_CR_HSION_Pos (0U)
#define RCC_CR_HSION_Msk (0x1UL << RCC_CR_HSION_Pos)
#define RCC_CR_HSION RCC_CR_HSION_Msk
#define CRC_CR_RESET_Pos (0U)
#define CRC_CR_RESET_Msk (0x1UL << CRC_CR_RESET_Pos)
#define CRC_CR_RESET CRC_CR_RESET_Msk
#define IWDG_SR_PVU_Pos (0U)
#define IWDG_SR_PVU_Msk (0x1UL << IWDG_SR_PVU_Pos)
#define IWDG_SR_PVU IWDG_SR_PVU_Msk

/* The CMSIS device header's IWDG_BASE (APB1PERIPH_BASE + 0x3000 in
 * stm32f4xx.h / stm32f7xx.h; RM0090 §2.3 Table 1). */
#define IWDG_BASE 0x40003000UL

/* ChibiOS HAL WDG driver (os/hal/include/hal_wdg.h and the STM32 LLD
 * xWDGv1/hal_wdg_lld.h of ChibiOS 21.11): only when the target enables it,
 * as hal.h includes hal_wdg.h only then. WDGConfig has WINR only on a
 * windowed IWDG (STM32_IWDG_IS_WINDOWED, from the family's registry:
 * FALSE on the F4, TRUE on the F7). */
#define HAL_RET_SUCCESS ((msg_t)0)
#if !defined(TRUE)
#define TRUE 1 /* ChibiOS chtypes.h */
#define FALSE 0
#endif
#if defined(HAL_USE_WDG) && (HAL_USE_WDG == TRUE)
#if !defined(STM32_IWDG_IS_WINDOWED)
#define STM32_IWDG_IS_WINDOWED FALSE
#endif
#define STM32_IWDG_WIN_DISABLED 0x00000FFFu
typedef struct
{
    uint32_t pr;
    uint32_t rlr;
#if STM32_IWDG_IS_WINDOWED
    uint32_t winr;
#endif
} WDGConfig;
typedef struct WDGDriver WDGDriver;
extern WDGDriver WDGD1;
msg_t wdgStart(WDGDriver *wdgp, const WDGConfig *config);
void wdgReset(WDGDriver *wdgp);
#endif
#endif
