/**
 * @file board.c
 * @brief QEMU_NETDUINOPLUS2 start-up: peripheral emulation first, then the
 *        system clock; firmware ends through semihosting.
 */
#include "board.h"

#include "clock.h"
#include "semihosting.h"
#include "startup.h"
#include "stm32_trap.h"

void board_init(void)
{
    stm32_trap_install(); /* before the first RCC access */
    const board_clock_status_t clock = board_clock_init();
    if (clock != BOARD_CLOCK_OK) {
        sh_printf("board: clock start-up failed (%d)\n", (int)clock);
        sh_exit(SH_EXIT_FAIL);
    }
}

void system_exit(int status)
{
    sh_exit(status);
}
