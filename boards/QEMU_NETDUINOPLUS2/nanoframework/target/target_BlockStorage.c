// QEMU_NETDUINOPLUS2: registers the internal flash (common/Device_BlockStorage.c)
// with nanoFramework's STM32 flash driver. Under QEMU the flash is ROM to
// the guest: a deployment over the wire protocol cannot program it; the
// deployment image is loaded by QEMU (-device loader) instead.
#include <nanoPAL_BlockStorage.h>

extern struct BlockStorageDevice Device_BlockStorage;
extern struct MEMORY_MAPPED_NOR_BLOCK_CONFIG Device_BlockStorageConfig;
extern IBlockStorageDevice STM32Flash_BlockStorageInterface;

void BlockStorage_AddDevices()
{
    BlockStorageList_AddDevice(
        (BlockStorageDevice *)&Device_BlockStorage,
        &STM32Flash_BlockStorageInterface,
        &Device_BlockStorageConfig,
        false);
}
