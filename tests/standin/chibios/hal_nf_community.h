/* TEST STAND-IN (see tests/standin/README.md): the nanoFramework ChibiOS
 * overlay driver calls the SafetyMonitor ChibiOS port uses, with the
 * prototypes of nf-interpreter (commit 19e8883e):
 * targets/ChibiOS/_nf-overlay/os/hal/include/stm32_crc/hal_stm32_crc.h and
 * .../stm32_rng/hal_stm32_rng.h. Not nanoFramework's code. */
#ifndef SAFETYMONITOR_STANDIN_HAL_NF_COMMUNITY_H
#define SAFETYMONITOR_STANDIN_HAL_NF_COMMUNITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TRUE 1
#define FALSE 0

#ifndef HAL_NF_USE_STM32_CRC
#define HAL_NF_USE_STM32_CRC TRUE
#endif
/* Which RNG driver the target uses is set by the build (-D), as a target's
 * halconf does: HAL_NF_USE_STM32_RNG, HAL_NF_USE_RNG or HAL_USE_TRNG. */

typedef struct crcConfig crcConfig;

void crcStart(const crcConfig *config);
void crcReset(void);
uint32_t crcCompute(const void *buffer, const uint32_t size, const uint32_t initialCrc);
void crcAquireModule(void);
void crcReleaseModule(void);

void rngStart(void);
/* Older overlay (HAL_NF_USE_STM32_RNG): one word, 0 after its 200 ms timeout. */
uint32_t rngGenerateRandomNumber(void);
/* Newer overlay (HAL_NF_USE_RNG, nf-interpreter commit 2315575c): true on success. */
bool rngGenerate(size_t size, uint8_t *out);

#endif
