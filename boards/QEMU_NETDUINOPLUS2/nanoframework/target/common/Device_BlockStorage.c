// QEMU_NETDUINOPLUS2: the internal flash as nanoFramework's block storage.
// STM32F405xG, 1 MiB in 12 sectors (RM0090 §3.3, Table 5): 4 x 16 KiB from
// 0x08000000, 1 x 64 KiB from 0x08010000, 7 x 128 KiB from 0x08020000.
// No nanoBooter: the nanoCLR takes sectors 0-7 (512 KiB from the flash
// origin, where the core boots), the deployment sectors 8-11 (512 KiB from
// 0x08080000). nanoCLR/STM32F405xG_CLR.ld's flash0 and deployment regions
// are these ranges (SafetyMonitor's install-into-nf-target.sh checks them).

#include <nanoHAL_Types.h>
#include <nanoPAL_BlockStorage.h>

// sectors 0-3, 16 KiB each
const BlockRange BlockRange1[] = {
    {BlockRange_BLOCKTYPE_CODE, 0, 3}, // 0x08000000 nanoCLR
};

// sector 4, 64 KiB
const BlockRange BlockRange2[] = {
    {BlockRange_BLOCKTYPE_CODE, 0, 0}, // 0x08010000 nanoCLR
};

// sectors 5-11, 128 KiB each
const BlockRange BlockRange3[] = {
    {BlockRange_BLOCKTYPE_CODE, 0, 2},       // 0x08020000 nanoCLR
    {BlockRange_BLOCKTYPE_DEPLOYMENT, 3, 6}, // 0x08080000 deployment
};

const BlockRegionInfo BlockRegions[] = {
    {(0), 0x08000000, 4, 0x4000, ARRAYSIZE_CONST_EXPR(BlockRange1), BlockRange1},
    {(0), 0x08010000, 1, 0x10000, ARRAYSIZE_CONST_EXPR(BlockRange2), BlockRange2},
    {(0), 0x08020000, 7, 0x20000, ARRAYSIZE_CONST_EXPR(BlockRange3), BlockRange3},
};

const DeviceBlockInfo Device_BlockInfo = {
    (MediaAttribute_SupportsXIP),
    2,                                  // bytes per sector (programming unit, x16 parallelism)
    ARRAYSIZE_CONST_EXPR(BlockRegions), // regions
    (BlockRegionInfo *)BlockRegions,
};

MEMORY_MAPPED_NOR_BLOCK_CONFIG Device_BlockStorageConfig = {
    {
        // BLOCK_CONFIG: no write-protect pin
        {0, false},
        (DeviceBlockInfo *)&Device_BlockInfo,
    },
    {
        // CPU_MEMORY_CONFIG: the flash, read-only to the bus, 1 MiB at 0x08000000
        0,          // chip select
        true,       // read only
        0,          // wait states
        0,          // release counts
        16,         // bit width
        0x08000000, // base address
        0x00100000, // size in bytes
        0,          // XREADY enable
        0,          // byte signals for read
        0,          // external buffer enable
    },
    0, // chip protection
    0, // manufacturer code
    0, // device code
};

BlockStorageDevice Device_BlockStorage;
