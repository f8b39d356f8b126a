// QEMU_NETDUINOPLUS2: nanoFramework's HAL system configuration (debugger and
// messaging on COM2, i.e. USART2, at 921600 baud) and target configuration.
#include <nanoHAL_v2.h>
#include "target_board.h"
#include "target_common.h"

HAL_SYSTEM_CONFIG HalSystemConfig = {
    {true}, // HAL_DRIVER_CONFIG_HEADER

    1,      // debugger port
    0,      // messaging port
    921600, // USART speed
    0,      // stdio port

    {RAM1_MEMORY_StartAddress, RAM1_MEMORY_Size},
    {FLASH1_MEMORY_StartAddress, FLASH1_MEMORY_Size}};

HAL_TARGET_CONFIGURATION g_TargetConfiguration;
