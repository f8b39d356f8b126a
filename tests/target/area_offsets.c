/**
 * @file area_offsets.c
 * @brief Target test: a corruption at every byte offset of the linker-placed
 *        area is detected through the board's CRC unit, and the control (the
 *        byte put back) is clean every time.
 *
 * Linked with different --defsym=__stack_corruption_area_size values. Areas
 * of up to AREA_EVERY_BIT_LIMIT bytes get every single-bit flip; larger ones
 * one flipped bit per byte (the bit position rotating).
 */
#include "semihosting.h"
#include "stack_check.h"
#include "target_report.h"

#include <stdbool.h>
#include <stdint.h>

#define AREA_EVERY_BIT_LIMIT 128u

extern uint8_t __stack_corruption_area_start__[];
extern uint8_t __stack_corruption_area_end__[];

int main(void)
{
    volatile uint8_t *area = __stack_corruption_area_start__;
    const uint32_t size = (uint32_t)(__stack_corruption_area_end__ - __stack_corruption_area_start__);
    const bool every_bit = size <= AREA_EVERY_BIT_LIMIT;
    uint32_t passed = 0u;
    uint32_t total = 0u;

    sh_printf("area_offsets: area 0x%08x, %u bytes (__stack_corruption_area_size), %s\n",
              (unsigned)(uintptr_t)area, (unsigned)size, every_bit ? "every bit" : "one bit per byte");
    target_case(&passed, &total, stack_check_corruption_detect_area() == STACK_CHECK_ERR_NOT_INITIALISED,
                "check after a fresh boot, before init: STACK_CHECK_ERR_NOT_INITIALISED");
    target_case(&passed, &total, stack_check_init_corruption_detect_area() == STACK_CHECK_OK,
                "init: STACK_CHECK_OK");
    target_case(&passed, &total, stack_check_corruption_detect_area() == STACK_CHECK_OK,
                "check of the fresh seal: STACK_CHECK_OK");

    uint32_t flips = 0u;
    uint32_t detected = 0u;
    uint32_t clean_controls = 0u;
    for (uint32_t offset = 0u; offset < size; offset++) {
        const uint32_t first_bit = every_bit ? 0u : offset % 8u;
        const uint32_t last_bit = every_bit ? 7u : first_bit;
        for (uint32_t bit = first_bit; bit <= last_bit; bit++) {
            const uint8_t mask = (uint8_t)(1u << bit);
            area[offset] ^= mask;
            flips++;
            if (stack_check_corruption_detect_area() == STACK_CHECK_ERR_CORRUPTED) {
                detected++;
            } else {
                sh_printf("  MISSED: byte %u bit %u\n", (unsigned)offset, (unsigned)bit);
            }
            area[offset] ^= mask;
            if (stack_check_corruption_detect_area() == STACK_CHECK_OK) {
                clean_controls++;
            }
        }
    }
    target_case(&passed, &total, detected == flips, "every flip detected (STACK_CHECK_ERR_CORRUPTED)");
    target_case(&passed, &total, clean_controls == flips, "every restored area clean (STACK_CHECK_OK)");
    sh_printf("AREA: %u of %u single-bit corruptions over %u byte offsets detected, %u of %u controls clean\n",
              (unsigned)detected, (unsigned)flips, (unsigned)size, (unsigned)clean_controls, (unsigned)flips);
    sh_printf("RESULT: %u of %u cases passed\n", (unsigned)passed, (unsigned)total);
    return passed == total ? TARGET_EXIT_ALL_CASES_PASSED : TARGET_EXIT_CASE_FAILED;
}
