// QEMU_NETDUINOPLUS2: ChibiOS board start-up.
//
// The clock start-up (stm32_clock_init) runs from __late_init, after crt0
// has initialised .data and .bss, not from __early_init as on most ChibiOS
// boards: on QEMU it needs the peripheral emulation, whose models live in
// .data/.bss, started first (qemu_nanoclr_emulation_start(), which does
// nothing on silicon). Then the main stack's MPU guard
// (linker/main_stack_guarded.ld) and USART2's pins.
#include "hal.h"

#include "emulation/qemu_nanoclr_emulation.h"

// The main stack's guard, from the linker script (32 bytes, aligned).
extern uint8_t __main_stack_guard_start__[];
extern uint8_t __main_stack_guard_end__[];

// ARMv7-M ARM B3.5: MPU_CTRL, MPU_RNR, MPU_RBAR, MPU_RASR; region 6 (the
// emulation takes 0-4; a higher region number wins where regions overlap).
#define GUARD_MPU_REGION 6U

static void guard_main_stack(void)
{
    uint32_t size = (uint32_t)(__main_stack_guard_end__ - __main_stack_guard_start__);
    uint32_t log2 = 0U;
    while ((1UL << log2) < size)
    {
        log2++;
    }
    MPU->RNR = GUARD_MPU_REGION;
    MPU->RBAR = (uint32_t)__main_stack_guard_start__;
    // no access (AP 0b000), execute never, enabled
    MPU->RASR = MPU_RASR_XN_Msk | ((log2 - 1U) << MPU_RASR_SIZE_Pos) | MPU_RASR_ENABLE_Msk;
    MPU->CTRL = MPU_CTRL_PRIVDEFENA_Msk | MPU_CTRL_ENABLE_Msk;
    __DSB();
    __ISB();
}

void __early_init(void)
{
}

void __late_init(void)
{
    (void)qemu_nanoclr_emulation_start();
    stm32_clock_init();
    guard_main_stack();
}

void boardInit(void)
{
    // USART2: PA2 (TX) and PA3 (RX), alternate function 7 (STM32F405
    // datasheet DS8626, Table 9), pull-up on RX.
    palSetPadMode(GPIOA, 2, PAL_MODE_ALTERNATE(7));
    palSetPadMode(GPIOA, 3, PAL_MODE_ALTERNATE(7) | PAL_STM32_PUPDR_PULLUP);
}
