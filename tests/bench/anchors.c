/**
 * @file anchors.c
 * @brief The anchors of anchors.h: our own small equivalents of FreeRTOS's
 *        method 2, Zephyr's stack sentinel, an X-CUBE-CLASSB-style pattern
 *        check, two software CRCs and a full-stack high-water scan.
 */
#include "anchors.h"

#include "stack_check.h"

uint32_t anchor_region[ANCHOR_REGION_WORDS];
uint32_t *volatile anchor_current_stack = anchor_region;

/* A task control block's stack field, as FreeRTOS's pxCurrentTCB->pxStack. */
typedef struct {
    uint32_t *stack;
} tcb_t;
static tcb_t current_tcb = {anchor_region};
static tcb_t *volatile current_task = &current_tcb;

static void fill_random(uint32_t *region)
{
    uint32_t x = 0x2545F491u;
    for (uint32_t i = 0u; i < ANCHOR_REGION_WORDS; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        region[i] = x;
    }
}

/* ---- FreeRTOS configCHECK_FOR_STACK_OVERFLOW 2 ---------------------------- */

static void freertos_prepare(uint32_t *region)
{
    fill_random(region);
    for (uint32_t i = 0u; i < 4u; i++) {
        region[i] = ANCHOR_FILL_WORD;
    }
}

__attribute__((noinline)) static int freertos_check(void)
{
    const uint32_t *const stack = current_task->stack;
    return stack[0] != ANCHOR_FILL_WORD || stack[1] != ANCHOR_FILL_WORD || stack[2] != ANCHOR_FILL_WORD ||
           stack[3] != ANCHOR_FILL_WORD;
}

/* ---- Zephyr CONFIG_STACK_SENTINEL ------------------------------------------ */

#define ZEPHYR_SENTINEL 0xF055B4A5u

static void zephyr_prepare(uint32_t *region)
{
    fill_random(region);
    region[0] = ZEPHYR_SENTINEL;
}

__attribute__((noinline)) static int zephyr_check(void)
{
    return *anchor_current_stack != ZEPHYR_SENTINEL;
}

/* ---- X-CUBE-CLASSB-style: four pattern words -------------------------------- */

static const uint32_t classb_pattern[4] = {0xEEEEEEEEu, 0xCCCCCCCCu, 0xBBBBBBBBu, 0xDDDDDDDDu};

static void classb_prepare(uint32_t *region)
{
    fill_random(region);
    for (uint32_t i = 0u; i < 4u; i++) {
        region[i] = classb_pattern[i];
    }
}

__attribute__((noinline)) static int classb_check(void)
{
    const uint32_t *const stack = anchor_current_stack;
    int bad = 0;
    for (uint32_t i = 0u; i < 4u; i++) {
        bad |= stack[i] != classb_pattern[i];
    }
    return bad;
}

/* ---- Software CRC-32/MPEG-2 (the CRC unit's CRC), seal last ----------------- */

static uint32_t crc_table[256];

static uint32_t crc_bitwise_word(uint32_t crc, uint32_t word)
{
    crc ^= word;
    for (uint32_t bit = 0u; bit < 32u; bit++) {
        crc = (crc & 0x80000000u) != 0u ? (crc << 1) ^ 0x04C11DB7u : crc << 1;
    }
    return crc;
}

static void crc_prepare(uint32_t *region)
{
    for (uint32_t i = 0u; i < 256u; i++) {
        uint32_t c = i << 24;
        for (uint32_t bit = 0u; bit < 8u; bit++) {
            c = (c & 0x80000000u) != 0u ? (c << 1) ^ 0x04C11DB7u : c << 1;
        }
        crc_table[i] = c;
    }
    fill_random(region);
    uint32_t crc = 0xFFFFFFFFu;
    for (uint32_t i = 0u; i + 1u < ANCHOR_REGION_WORDS; i++) {
        crc = crc_bitwise_word(crc, region[i]);
    }
    region[ANCHOR_REGION_WORDS - 1u] = crc ^ STACK_CHECK_SEAL_XOR;
}

__attribute__((noinline)) static int crc_table_check(void)
{
    const uint32_t *const region = anchor_current_stack;
    uint32_t crc = 0xFFFFFFFFu;
    for (uint32_t i = 0u; i < ANCHOR_REGION_WORDS; i++) {
        const uint32_t word = region[i];
        for (int shift = 24; shift >= 0; shift -= 8) {
            crc = (crc << 8) ^ crc_table[((crc >> 24) ^ (word >> shift)) & 0xFFu];
        }
    }
    return crc != STACK_CHECK_SEAL_RESIDUE;
}

__attribute__((noinline)) static int crc_bitwise_check(void)
{
    const uint32_t *const region = anchor_current_stack;
    uint32_t crc = 0xFFFFFFFFu;
    for (uint32_t i = 0u; i < ANCHOR_REGION_WORDS; i++) {
        crc = crc_bitwise_word(crc, region[i]);
    }
    return crc != STACK_CHECK_SEAL_RESIDUE;
}

const anchor_t anchor_list[] = {
    {"FreeRTOS configCHECK_FOR_STACK_OVERFLOW 2 (16 bytes of 0xA5)", freertos_prepare, freertos_check},
    {"Zephyr stack sentinel (one word)", zephyr_prepare, zephyr_check},
    {"X-CUBE-CLASSB-style (four pattern words)", classb_prepare, classb_check},
    {"software CRC-32, byte table, seal last", crc_prepare, crc_table_check},
    {"software CRC-32, bitwise, seal last", crc_prepare, crc_bitwise_check},
};
const size_t anchor_count = sizeof anchor_list / sizeof anchor_list[0];

/* As FreeRTOS's prvTaskCheckFreeStackSpace() does (in words here): no end
 * test, the used part of the stack above stops the loop. */
__attribute__((noinline)) uint32_t anchor_high_water_scan(const uint32_t *base, uint32_t paint)
{
    const uint32_t *word = base;
    while (*word == paint) {
        word++;
    }
    return (uint32_t)(word - base);
}
