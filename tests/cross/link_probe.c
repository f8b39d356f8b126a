/**
 * @file link_probe.c
 * @brief Cross-build test: the whole C API links into a firmware image with
 *        the board's flipped layout (its addresses are then checked by
 *        check_layout.cmake, and mislaid variants must fail to link).
 */
#include "stack_check.h"

int main(void)
{
    if (stack_check_init_corruption_detect_area() != STACK_CHECK_OK) {
        return 1;
    }
    const int area = stack_check_corruption_detect_area();
    return (stack_check_free_below_minimum(stack_check_get_free()) || area != STACK_CHECK_OK) ? 2 : 0;
}
