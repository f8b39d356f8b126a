/**
 * @file reference_check.c
 * @brief Target test: the benchmark's hand-written reference routines
 *        (tests/bench/reference_check.S) are correct checks, so that the
 *        floor they set cannot cheat: -7 before the seal, 0 on a clean area,
 *        -6 for every single-bit flip of the area (up to 128 bytes; one bit
 *        per byte beyond) and 0 again once it is put back, -5 when the CRC unit loses its clock; each answer equal to the
 *        C check's.
 *
 * Linked with several --defsym=__stack_corruption_area_size values; the
 * fixed 128-byte routine runs only where the area is 128 bytes.
 */
#include "semihosting.h"
#include "stack_check.h"
#include "board.h"
#include "stm32_mmio.h"
#include "stm32_regs.h"
#include "target_report.h"

#include <stdbool.h>
#include <stdint.h>

extern uint32_t reference_area_state;
int reference_check_128(void);
int reference_check_loop(void);
int reference_check_loop8(void);

extern uint8_t __stack_corruption_area_start__[];
extern uint8_t __stack_corruption_area_end__[];

#define SEALED 0x5A5A5A5Au /* the core's AREA_SEALED (stack_check.c) */

typedef int (*check_fn)(void);

static void run(uint32_t *passed, uint32_t *total, check_fn check, const char *name, uint32_t size)
{
    volatile uint8_t *area = __stack_corruption_area_start__;
    reference_area_state = 0u;
    sh_printf("%s:\n", name);
    target_case(passed, total, check() == STACK_CHECK_ERR_NOT_INITIALISED, "  unsealed state: -7");
    reference_area_state = SEALED ^ 1u;
    target_case(passed, total, check() == STACK_CHECK_ERR_NOT_INITIALISED, "  state one bit off: -7");
    reference_area_state = SEALED;
    target_case(passed, total, check() == STACK_CHECK_OK && stack_check_corruption_detect_area() == STACK_CHECK_OK,
                "  clean area: 0, as the C check");
    uint32_t flips = 0u;
    uint32_t detected = 0u;
    uint32_t clean = 0u;
    /* Every bit up to 128 bytes; beyond, one bit per byte (rotating). */
    const bool every_bit = size <= 128u;
    for (uint32_t offset = 0u; offset < size; offset++) {
        for (uint32_t bit = every_bit ? 0u : offset % 8u; bit < (every_bit ? 8u : offset % 8u + 1u); bit++) {
            area[offset] ^= (uint8_t)(1u << bit);
            flips++;
            detected += check() == STACK_CHECK_ERR_CORRUPTED;
            area[offset] ^= (uint8_t)(1u << bit);
            clean += check() == STACK_CHECK_OK;
        }
    }
    sh_printf("  %u of %u single-bit flips (%s) detected, %u clean after restoring\n", (unsigned)detected,
              (unsigned)flips, every_bit ? "every bit" : "one per byte", (unsigned)clean);
    target_case(passed, total, detected == flips, "  every single-bit flip: -6");
    target_case(passed, total, clean == flips, "  every restored area: 0");
    const uint32_t ahb1enr = BOARD_RCC_BASE + RCC_AHB1ENR_OFFSET;
    stm32_mmio_write32(ahb1enr, stm32_mmio_read32(ahb1enr) & ~RCC_AHB1ENR_CRCEN);
    target_case(passed, total, check() == STACK_CHECK_ERR_CRC && stack_check_corruption_detect_area() == STACK_CHECK_ERR_CRC,
                "  CRC unit without its clock: -5, as the C check");
    stm32_mmio_write32(ahb1enr, stm32_mmio_read32(ahb1enr) | RCC_AHB1ENR_CRCEN);
    target_case(passed, total, check() == STACK_CHECK_OK, "  clock back: 0");
}

int main(void)
{
    const uint32_t size = (uint32_t)(__stack_corruption_area_end__ - __stack_corruption_area_start__);
    uint32_t passed = 0u;
    uint32_t total = 0u;
    target_case(&passed, &total, stack_check_init_corruption_detect_area() == STACK_CHECK_OK, "init: 0");
    if (size == 128u) {
        run(&passed, &total, reference_check_128, "reference_check_128", size);
    }
    run(&passed, &total, reference_check_loop, "reference_check_loop", size);
    run(&passed, &total, reference_check_loop8, "reference_check_loop8", size);
    sh_printf("REFERENCE: %u bytes, %u of %u cases passed\n", (unsigned)size, (unsigned)passed, (unsigned)total);
    return passed == total ? TARGET_EXIT_ALL_CASES_PASSED : TARGET_EXIT_CASE_FAILED;
}
