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
 * in): only CSR and its reset flags (RM0090 §7.3.21, RM0410 §5.3.21). CMSIS
 * defines RCC as a pointer to the peripheral; here it points at an object
 * the test defines. */
typedef struct
{
    volatile uint32_t CSR;
} RCC_TypeDef;
extern RCC_TypeDef safetymonitor_standin_rcc;
#define RCC (&safetymonitor_standin_rcc)
#define RCC_CSR_BORRSTF (1u << 25)
#define RCC_CSR_PORRSTF (1u << 27)
#endif
