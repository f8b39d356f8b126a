// QEMU_NETDUINOPLUS2: no nanoBooter to enter.
#include <nanoHAL.h>

void HAL_EnterBooterMode()
{
}

bool g_fDoNotUninitializeDebuggerPort = false;
