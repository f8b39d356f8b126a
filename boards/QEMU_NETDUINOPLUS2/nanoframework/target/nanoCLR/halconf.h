// QEMU_NETDUINOPLUS2 nanoCLR: ChibiOS HAL configuration (ChibiOS 21.11,
// HAL 9.1). The drivers this target uses: PAL, the serial driver on USART2
// for the wire protocol, the watchdog (nanoFramework's Watchdog_Init; on
// QEMU 7.2 the IWDG is an unimplemented device and never resets).
#ifndef HALCONF_H
#define HALCONF_H

#define _CHIBIOS_HAL_CONF_
#define _CHIBIOS_HAL_CONF_VER_9_1_

#include <target_platform.h>
#include "mcuconf.h"

// target_platform.h (generated from the .config) sets HAL_USE_RTC (FALSE:
// CONFIG_NF_FEATURE_RTC is off, QEMU 7.2 has no RTC; the backup registers
// are emulated), HAL_USE_WDG (TRUE), SPI, I2C, PWM, ADC, DAC, UART, MAC,
// SDC and CAN. The rest:
#define HAL_USE_SAFETY     FALSE
#define HAL_USE_PAL        TRUE
#define HAL_USE_CRY        FALSE
#define HAL_USE_EFL        FALSE
#define HAL_USE_GPT        FALSE
#define HAL_USE_I2S        FALSE
#define HAL_USE_ICU        FALSE
#define HAL_USE_MMC_SPI    FALSE
#define HAL_USE_SERIAL     TRUE
#define HAL_USE_SERIAL_USB FALSE
#define HAL_USE_SIO        FALSE
#define HAL_USE_TRNG       FALSE
#define HAL_USE_USB        FALSE
#define HAL_USE_WSPI       FALSE

#define PAL_USE_CALLBACKS TRUE // System.Device.Gpio (CONFIG_API_SYSTEM_DEVICE_GPIO, on by default) needs line events
#define PAL_USE_WAIT      FALSE

// The wire protocol's speed (target_common.c) and a buffer that takes a
// wire-protocol header in one go.
#define SERIAL_DEFAULT_BITRATE 921600
#define SERIAL_BUFFERS_SIZE    256

#include "halconf_nf.h"

#endif // HALCONF_H
