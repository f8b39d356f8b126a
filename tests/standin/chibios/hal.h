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
#define RCC_CSR_LSION (1u << 0)
#define RCC_CSR_LSIRDY (1u << 1)
#define RCC_CSR_RMVF (1u << 24)
#define RCC_CSR_BORRSTF (1u << 25)
#define RCC_CSR_PINRSTF (1u << 26)
#define RCC_CSR_PORRSTF (1u << 27)
#define RCC_CSR_SFTRSTF (1u << 28)
#define RCC_CSR_IWDGRSTF (1u << 29)
#define RCC_CSR_WWDGRSTF (1u << 30)
#define RCC_CSR_LPWRRSTF (1u << 31)
#endif
