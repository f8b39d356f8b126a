// QEMU_NETDUINOPLUS2 nanoCLR: main(). The wire protocol runs on USART2
// (common/serialcfg.h); the CLR thread starts on SafetyMonitor's static,
// flipped working area at the SRAM origin (safetymonitor/safetymonitor_clr_thread.h).
#include <ch.h>
#include <hal.h>
#include <hal_nf_community.h>
#include <cmsis_os.h>

#include <serialcfg.h>
#include <targetHAL.h>
#include <CLR_Startup_Thread.h>
#include <WireProtocol_ReceiverThread.h>
#include <nanoCLR_Application.h>
#include <nanoPAL_BlockStorage.h>
#include <nanoHAL_v2.h>
#include <targetPAL.h>

#include "../safetymonitor/safetymonitor_clr_thread.h"

// the wire protocol's receiver (its stack from the CRT heap)
osThreadDef(ReceiverThread, osPriorityHigh, 2048, "ReceiverThread");

int main(void)
{
    // HAL, the configured drivers and boardInit()
    halInit();

    // kernel initialised, not started: main() runs with interrupts enabled
    osKernelInitialize();

    // the watchdog is off in this target (halconf.h HAL_USE_WDG)
    Watchdog_Init();

#if (HAL_NF_USE_STM32_CRC == TRUE)
    crcStart(NULL);
#endif

    // the wire protocol's serial port, at SERIAL_DEFAULT_BITRATE
    sdStart(&SERIAL_DRIVER, NULL);

    osThreadCreate(osThread(ReceiverThread), NULL);

    CLR_SETTINGS clrSettings;
    (void)memset(&clrSettings, 0, sizeof(CLR_SETTINGS));
    clrSettings.MaxContextSwitches = 50;
    clrSettings.WaitForDebugger = false;
    clrSettings.EnterDebuggerLoopAfterExit = true;

    // the CLR thread, on its flipped working area
    safetymonitor_start_clr_thread(CLRStartupThread, &clrSettings);

    osKernelStart();

    while (true)
    {
        osDelay(100);
    }
}
