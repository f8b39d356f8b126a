/**
 * @file startup.c
 * @brief Vector table and reset handler of the bare-metal firmware: .data and
 *        .bss, the FPU, board_init(), the reset cause (RCC_CSR), the retained
 *        fault record and error memory, the stack-protector guard, the main
 *        stack's paint, main().
 *
 * The initial MSP is `__main_stack_end__`: with linker/stack_flipped.ld that
 * is the top of a stack whose bottom is the ORIGIN of its RAM region.
 * Sources: ARMv7-M ARM B1.5.2-B1.5.3 (vector table, reset behaviour),
 * B3.2.20 (CPACR: FPU access).
 */
#include "startup.h"

#include "cortex_m_regs.h"
#include "error_memory.h"
#include "semihosting.h"
#include "stack_check.h"
#include "stack_check_watchdog.h"
#include "stack_protector.h"
#include "stm32_regs.h"
#include "stm32_reset_cause.h"

#include <stdint.h>

/* The error memory: RAM that start-up neither clears nor loads (.noinit). */
__attribute__((section(".noinit"))) stack_check_error_memory_t cm_error_memory;
int cm_retained_status;
uint32_t cm_reset_flags;

typedef void (*vector_t)(void);

extern uint32_t __data_load__[];
extern uint32_t __data_start__[];
extern uint32_t __data_end__[];
extern uint32_t __bss_start__[];
extern uint32_t __bss_end__[];
extern uint8_t __main_stack_end__[];

int main(void);

#define WEAK_DEFAULT __attribute__((weak, alias("Default_Handler")))
void NMI_Handler(void) WEAK_DEFAULT;
void MemManage_Handler(void) WEAK_DEFAULT;
void BusFault_Handler(void) WEAK_DEFAULT;
void UsageFault_Handler(void) WEAK_DEFAULT;
void SVC_Handler(void) WEAK_DEFAULT;
void DebugMon_Handler(void) WEAK_DEFAULT;
void PendSV_Handler(void) WEAK_DEFAULT;
void SysTick_Handler(void) WEAK_DEFAULT;
void TIM2_IRQHandler(void) WEAK_DEFAULT;
void TIM5_IRQHandler(void) WEAK_DEFAULT;

#define IRQ(n) (16 + (n))
#define TIM2_IRQN 28 /* RM0090 §12.2 Table 61 */
#define TIM5_IRQN 50 /* RM0090 §12.2 Table 61 */

__attribute__((section(".vectors"), used)) const vector_t vector_table[16 + STARTUP_IRQ_VECTORS] = {
    [0] = (vector_t)(uintptr_t)__main_stack_end__,
    [1] = Reset_Handler,
    [2] = NMI_Handler,
    [3] = HardFault_Handler,
    [4] = MemManage_Handler,
    [5] = BusFault_Handler,
    [6] = UsageFault_Handler,
    [7 ... 10] = 0,
    [11] = SVC_Handler,
    [12] = DebugMon_Handler,
    [13] = 0,
    [14] = PendSV_Handler,
    [15] = SysTick_Handler,
    [IRQ(0)... IRQ(TIM2_IRQN - 1)] = Default_Handler,
    [IRQ(TIM2_IRQN)] = TIM2_IRQHandler,
    [IRQ(TIM2_IRQN + 1)... IRQ(TIM5_IRQN - 1)] = Default_Handler,
    [IRQ(TIM5_IRQN)] = TIM5_IRQHandler,
    [IRQ(TIM5_IRQN + 1)... IRQ(STARTUP_IRQ_VECTORS - 1)] = Default_Handler,
};

void Reset_Handler(void)
{
    for (uint32_t *src = __data_load__, *dst = __data_start__; dst < __data_end__;) {
        *dst++ = *src++;
    }
    for (uint32_t *dst = __bss_start__; dst < __bss_end__;) {
        *dst++ = 0u;
    }
#if defined(__ARM_FP)
    CM_REG(SCB_CPACR) |= SCB_CPACR_FPU_FULL;
    cm_barrier();
#endif
    board_init();
    /* Evidence first: the reset cause (RCC_CSR), then with it the previous
     * run's fault record and the error memory, before anything can overwrite
     * or trust them. Only once they are in RAM are the reset flags cleared
     * (RMVF): cleared earlier, a reset in between would make the next boot
     * take power-on noise for damaged evidence. Then the stack-protector
     * guard, before the first function that checks it. */
    cm_reset_flags = stm32_reset_flags_read();
    cm_retained_status = stack_check_retained_boot(&cm_error_memory, board_reset_was_power_on());
    if ((cm_reset_flags & RCC_CSR_IWDGRSTF) != 0u) {
        /* The independent watchdog reset the MCU: counted and kept. */
        (void)stack_check_error_memory_raise(&cm_error_memory, ERR_FLAG_WATCHDOG, true);
    }
    stm32_reset_flags_clear();
    cm_stack_protector_seed();
    /* The high-water mark of the main stack (stack_check_get_min_free()). */
    (void)stack_check_paint();
    system_exit(main());
}

void Default_Handler(void)
{
    uint32_t ipsr;
    __asm__ __volatile__("mrs %0, ipsr" : "=r"(ipsr));
    sh_printf("unexpected exception %u (no handler installed)\n", (unsigned)ipsr);
    sh_exit(SH_EXIT_UNEXPECTED_EXCEPTION);
}

__attribute__((weak)) void board_init(void)
{
}

__attribute__((weak)) void system_exit(int status)
{
    (void)status;
    cm_system_reset();
}

bool board_reset_was_power_on(void)
{
    return stm32_reset_flags_power_on(cm_reset_flags);
}
