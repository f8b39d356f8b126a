/*
 * STAND-IN for tests only (tests/standin/README.md): the block-storage map of
 * targets/ChibiOS/ST_STM32F429I_DISCOVERY/common/Device_BlockStorage.c
 * in nf-interpreter commit 51c42210e (2026-04-10; the same to main, a3e8139a, 2026-07-24), written from its facts (each region's start, block
 * count and block size; each range's type and first and last block). What
 * a deployment erases by, and what install-into-nf-target.sh checks the
 * linker scripts against.
 */
#include <nanoPAL_BlockStorage.h>

const BlockRange sectors16k[] = {{BlockRange_BLOCKTYPE_BOOTSTRAP, 0, 1}, {BlockRange_BLOCKTYPE_CODE, 2, 3}};
const BlockRange sector64k[] = {{BlockRange_BLOCKTYPE_CODE, 0, 0}};
const BlockRange sectors128k[] = {{BlockRange_BLOCKTYPE_CODE, 0, 3}, {BlockRange_BLOCKTYPE_DEPLOYMENT, 4, 6}};
const BlockRange bank2_16k[] = {{BlockRange_BLOCKTYPE_DEPLOYMENT, 0, 3}};
const BlockRange bank2_64k[] = {{BlockRange_BLOCKTYPE_DEPLOYMENT, 0, 0}};
const BlockRange bank2_128k[] = {{BlockRange_BLOCKTYPE_DEPLOYMENT, 0, 6}};

const BlockRegionInfo BlockRegions[] = {
    {0, 0x08000000, 4, 0x4000, ARRAYSIZE_CONST_EXPR(sectors16k), sectors16k},
    {0, 0x08010000, 1, 0x10000, ARRAYSIZE_CONST_EXPR(sector64k), sector64k},
    {0, 0x08020000, 7, 0x20000, ARRAYSIZE_CONST_EXPR(sectors128k), sectors128k},
    {0, 0x08100000, 4, 0x4000, ARRAYSIZE_CONST_EXPR(bank2_16k), bank2_16k},
    {0, 0x08110000, 1, 0x10000, ARRAYSIZE_CONST_EXPR(bank2_64k), bank2_64k},
    {0, 0x08120000, 7, 0x20000, ARRAYSIZE_CONST_EXPR(bank2_128k), bank2_128k},
};
