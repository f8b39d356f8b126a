/*
 * STAND-IN for tests only (tests/standin/README.md): the block-storage map of
 * targets/ChibiOS/ST_STM32F769I_DISCOVERY/common/Device_BlockStorage.c
 * in nf-interpreter commit 51c42210e (2026-04-10; the same to main, a3e8139a, 2026-07-24), written from its facts (each region's start, block
 * count and block size; each range's type and first and last block). What
 * a deployment erases by, and what install-into-nf-target.sh checks the
 * linker scripts against.
 */
#include <nanoPAL_BlockStorage.h>

const BlockRange sectors32k[] = {{BlockRange_BLOCKTYPE_BOOTSTRAP, 0, 0}, {BlockRange_BLOCKTYPE_CONFIG, 1, 1}, {BlockRange_BLOCKTYPE_CODE, 2, 3}};
const BlockRange sector128k[] = {{BlockRange_BLOCKTYPE_CODE, 0, 0}};
const BlockRange sectors256k[] = {{BlockRange_BLOCKTYPE_CODE, 0, 1}, {BlockRange_BLOCKTYPE_DEPLOYMENT, 2, 6}};

const BlockRegionInfo BlockRegions[] = {
    {0, 0x08000000, 4, 0x8000, ARRAYSIZE_CONST_EXPR(sectors32k), sectors32k},
    {0, 0x08020000, 1, 0x20000, ARRAYSIZE_CONST_EXPR(sector128k), sector128k},
    {0, 0x08040000, 7, 0x40000, ARRAYSIZE_CONST_EXPR(sectors256k), sectors256k},
};
