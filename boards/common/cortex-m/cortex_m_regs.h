/**
 * @file cortex_m_regs.h
 * @brief ARMv7-M system control block and MPU registers used by the board
 *        support (addresses and bits from the ARMv7-M Architecture Reference
 *        Manual, DDI 0403E, B3.2.2 Table B3-4 and B3.5.2 Table B3-11).
 */
#ifndef SAFETYMONITOR_CORTEX_M_REGS_H
#define SAFETYMONITOR_CORTEX_M_REGS_H

#include <stdint.h>

/** A memory-mapped 32-bit system register. */
#define CM_REG(address) (*(volatile uint32_t *)(uintptr_t)(address))

#define SCB_AIRCR 0xE000ED0Cu  /**< B3.2.6 application interrupt and reset control */
#define SCB_AIRCR_VECTKEY (0x05FAu << 16)
#define SCB_AIRCR_SYSRESETREQ (1u << 2)
#define SCB_SHPR1 0xE000ED18u  /**< B3.2.10 priorities of MemManage, BusFault, UsageFault */
#define SCB_SHCSR 0xE000ED24u  /**< B3.2.13 system handler control and state */
#define SCB_SHCSR_MEMFAULTENA (1u << 16)
#define SCB_CFSR 0xE000ED28u   /**< B3.2.15 configurable fault status (MMFSR, BFSR, UFSR) */
#define SCB_CFSR_MMFSR_MASK 0x000000FFu
#define SCB_CFSR_DACCVIOL (1u << 1)
#define SCB_CFSR_MSTKERR (1u << 4)
#define SCB_CFSR_MMARVALID (1u << 7)
#define SCB_CFSR_PRECISERR (1u << 9)
#define SCB_CFSR_STKERR (1u << 12)
#define SCB_CFSR_BFARVALID (1u << 15)
#define SCB_HFSR 0xE000ED2Cu   /**< B3.2.16 HardFault status */
#define SCB_HFSR_FORCED (1u << 30)
#define SCB_MMFAR 0xE000ED34u  /**< B3.2.17 MemManage fault address */
#define SCB_BFAR 0xE000ED38u   /**< B3.2.18 BusFault address */
#define SCB_CPACR 0xE000ED88u  /**< B3.2.20 coprocessor access control: CP10/CP11 = FPU */
#define SCB_CPACR_FPU_FULL (0xFu << 20)

#define MPU_CTRL 0xE000ED94u   /**< B3.5.5 */
#define MPU_CTRL_ENABLE (1u << 0)
#define MPU_CTRL_PRIVDEFENA (1u << 2)
#define MPU_RNR 0xE000ED98u    /**< B3.5.6 */
#define MPU_RBAR 0xE000ED9Cu   /**< B3.5.7 */
#define MPU_RASR 0xE000EDA0u   /**< B3.5.8 */
#define MPU_RASR_ENABLE (1u << 0)
#define MPU_RASR_SIZE(log2_bytes) (((log2_bytes) - 1u) << 1)
#define MPU_RASR_AP_NO_ACCESS (0u << 24)
#define MPU_RASR_XN (1u << 28)

/** EXC_RETURN bit 2: the frame is on PSP (B1.5.8). */
#define EXC_RETURN_SPSEL (1u << 2)
/** EXC_RETURN bit 4: 0 when the frame has the FP extension (B1.5.8). */
#define EXC_RETURN_NO_FP (1u << 4)
/** xPSR bit 9 in a stacked frame: the stack was realigned by 4 bytes (B1.5.7). */
#define XPSR_STACK_ALIGNED (1u << 9)

static inline void cm_barrier(void)
{
    __asm__ __volatile__("dsb\n\tisb" ::: "memory");
}

/** System reset request (AIRCR.SYSRESETREQ, B3.2.6); RAM keeps its contents. */
__attribute__((noreturn)) static inline void cm_system_reset(void)
{
    CM_REG(SCB_AIRCR) = SCB_AIRCR_VECTKEY | SCB_AIRCR_SYSRESETREQ;
    cm_barrier();
    for (;;) {
        /* The reset request takes effect within a few cycles. */
    }
}

#endif /* SAFETYMONITOR_CORTEX_M_REGS_H */
