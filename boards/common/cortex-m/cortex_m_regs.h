/**
 * @file cortex_m_regs.h
 * @brief ARMv7-M system control block and MPU registers used by the board
 *        support (addresses and bits from the ARMv7-M Architecture Reference
 *        Manual, DDI 0403E, B3.2.2 Table B3-4 and B3.5.2 Table B3-11).
 */
#ifndef SAFETYMONITOR_CORTEX_M_REGS_H
#define SAFETYMONITOR_CORTEX_M_REGS_H

#include <stdint.h>

#if defined(CM_HOST_SCS)
/* Host unit tests only (tests/host/test_reset_path.cpp): the system control
 * space and the barriers are test doubles, so that the reset path below runs
 * against a model of the Cortex-M7's write-back data cache. */
volatile uint32_t *cm_host_scs(uint32_t address);
void cm_host_barrier(void);
#define CM_REG(address) (*cm_host_scs((uint32_t)(address)))
#else
/** A memory-mapped 32-bit system register. */
#define CM_REG(address) (*(volatile uint32_t *)(uintptr_t)(address))
#endif

#define SCB_AIRCR 0xE000ED0Cu  /**< B3.2.6 application interrupt and reset control */
#define SCB_CCR 0xE000ED14u    /**< B3.2.8 configuration and control */
#define SCB_CCR_DC (1u << 16)  /**< data cache enabled (reads 0 on a core without one) */
#define SCB_CTR 0xE000ED7Cu    /**< cache type (Table B3-4): DminLine [19:16], log2 of the smallest D-cache line in words */
#define SCB_DCCMVAC 0xE000EF68u /**< B2.2.7 (Table B3-4): clean the D-cache line holding the address written, to the point of coherency */
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

/** DSB then ISB: every memory access and cache maintenance operation before
 *  it has completed (ARMv7-M ARM A3.7.3, B2.2.7). */
static inline void cm_barrier(void)
{
#if defined(CM_HOST_SCS)
    cm_host_barrier();
#else
    __asm__ __volatile__("dsb\n\tisb" ::: "memory");
#endif
}

/**
 * Cleans the data cache over [@p start, @p end) to memory, line by line
 * (DCCMVAC with the address of each line, the line size from CTR.DminLine;
 * 32 bytes on the Cortex-M7, TRM DDI 0489F §5.9), then waits for the cleans
 * to complete (DSB). Does nothing when no data cache is enabled (CCR.DC 0,
 * as on every Cortex-M4, which has no cache): then memory already holds every
 * store. A data cache disabled without a clean still holding dirty lines is
 * not covered (CMSIS's SCB_DisableDCache() cleans first).
 */
static inline void cm_dcache_clean_range(uintptr_t start, uintptr_t end)
{
    if ((CM_REG(SCB_CCR) & SCB_CCR_DC) == 0u) {
        return;
    }
    const uintptr_t line = (uintptr_t)4u << ((CM_REG(SCB_CTR) >> 16) & 0xFu);
    for (uintptr_t address = start & ~(line - 1u); address < end; address += line) {
        CM_REG(SCB_DCCMVAC) = (uint32_t)address;
    }
    cm_barrier();
}

/* The retained RAM: the fault record (and on bare metal the error memory).
 * Bare metal: .noinit (boards/common/cortex-m/sections_data.ld); nanoCLR:
 * .safetymonitor_retained (linker/retained_ram.ld). */
extern uint8_t __safetymonitor_retained_start__[];
extern uint8_t __safetymonitor_retained_end__[];

/**
 * System reset request (AIRCR.SYSRESETREQ, B3.2.6); RAM keeps its contents.
 * The retained RAM is cleaned to memory first (cm_dcache_clean_range()), so
 * that whatever was written there (a fault record, the error memory, an
 * acknowledgement) survives even where the data cache holds it write-back.
 * This only covers resets that go through here: retained RAM belongs in
 * memory no cache holds (a TCM on the Cortex-M7), where a watchdog or
 * brown-out reset loses nothing either.
 */
__attribute__((noreturn)) static inline void cm_system_reset(void)
{
    cm_dcache_clean_range((uintptr_t)__safetymonitor_retained_start__, (uintptr_t)__safetymonitor_retained_end__);
    CM_REG(SCB_AIRCR) = SCB_AIRCR_VECTKEY | SCB_AIRCR_SYSRESETREQ;
    cm_barrier();
    for (;;) {
        /* The reset request takes effect within a few cycles. */
    }
}

#endif /* SAFETYMONITOR_CORTEX_M_REGS_H */
