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
#endif
