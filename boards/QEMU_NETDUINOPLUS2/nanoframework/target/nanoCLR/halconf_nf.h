// QEMU_NETDUINOPLUS2: nanoFramework's overlay drivers (targets/ChibiOS/_nf-overlay).
#ifndef HALCONF_NF_H
#define HALCONF_NF_H

#define HAL_NF_USE_STM32_FLASH TRUE // the block storage (common/Device_BlockStorage.c)
#define HAL_NF_USE_FSMC        FALSE
#define HAL_NF_USE_STM32_CRC   TRUE // assembly CRC checks at load; the monitor's area seal
#define HAL_NF_USE_RNG         TRUE // nanoFramework's Random; the monitor's area fill

#endif // HALCONF_NF_H
