/**
 * @file stm32_regs.h
 * @brief Register offsets and bits of the STM32F4/F7 RCC, CRC and RNG units
 *        used by SafetyMonitor, with their sources.
 *
 * Base addresses are not here: they belong to the board (`board.h`,
 * BOARD_RCC_BASE, BOARD_CRC_BASE, BOARD_RNG_BASE), because they differ between
 * families (STM32H7: CRC 0x58024C00, RNG 0x48021800).
 *
 * Sources: RM0090 (reference manual of STM32F405/415, F407/417, F427/437, F429/439),
 * RM0410 (STM32F76x/77x); the offsets and bits below are the same in both.
 */
#ifndef SAFETYMONITOR_STM32_REGS_H
#define SAFETYMONITOR_STM32_REGS_H

/* ---- RCC (RM0090 §7.3 for F405/407, §6.3 for F42x/43x; RM0410 RCC registers) ---- */
#define RCC_CR_OFFSET 0x00u      /**< clock control register */
#define RCC_CR_HSION (1u << 0)
#define RCC_CR_HSIRDY (1u << 1)
#define RCC_CR_HSEON (1u << 16)
#define RCC_CR_HSERDY (1u << 17)
#define RCC_CR_PLLON (1u << 24)
#define RCC_CR_PLLRDY (1u << 25)
#define RCC_PLLCFGR_OFFSET 0x04u /**< PLL configuration register */
#define RCC_PLLCFGR_PLLSRC_HSE (1u << 22)
#define RCC_CFGR_OFFSET 0x08u    /**< clock configuration register */
#define RCC_CFGR_SW_MASK 0x3u    /**< SW[1:0]: system clock switch */
#define RCC_CFGR_SW_PLL 0x2u
#define RCC_CFGR_SWS_SHIFT 2u    /**< SWS[1:0]: system clock switch status */
#define RCC_CFGR_PPRE1_DIV4 (0x5u << 10)
#define RCC_CFGR_PPRE2_DIV2 (0x4u << 13)
#define RCC_AHB1ENR_OFFSET 0x30u /**< AHB1 peripheral clock enable register */
#define RCC_AHB1ENR_CRCEN (1u << 12)
#define RCC_AHB2ENR_OFFSET 0x34u /**< AHB2 peripheral clock enable register */
#define RCC_AHB2ENR_RNGEN (1u << 6)
/* RCC_CSR, clock control & status register (RM0090 §7.3.21 for F405/407,
 * §6.3.21 for F42x/43x; RM0410 §5.3.21): offset 0x74, reset value 0x0E000000
 * (PORRSTF, PINRSTF, BORRSTF). A system reset resets the register except the
 * reset flags (bits 25-31), which only a power reset (POR/PDR, BOR) resets;
 * software clears them by writing RMVF = 1. Every internal reset source
 * drives NRST low (§7.1.2, the reset circuit figure), so PINRSTF comes with
 * each of them. */
#define RCC_CSR_OFFSET 0x74u
#define RCC_CSR_LSION (1u << 0)     /**< internal low-speed oscillator enable (rw) */
#define RCC_CSR_LSIRDY (1u << 1)    /**< LSI ready (r) */
#define RCC_CSR_RMVF (1u << 24)     /**< remove reset flags: write 1 clears bits 25-31 */
#define RCC_CSR_BORRSTF (1u << 25)  /**< POR/PDR or BOR reset */
#define RCC_CSR_PINRSTF (1u << 26)  /**< reset from the NRST pin (also driven by every internal reset) */
#define RCC_CSR_PORRSTF (1u << 27)  /**< POR/PDR reset */
#define RCC_CSR_SFTRSTF (1u << 28)  /**< software reset (AIRCR.SYSRESETREQ) */
#define RCC_CSR_IWDGRSTF (1u << 29) /**< independent watchdog reset */
#define RCC_CSR_WWDGRSTF (1u << 30) /**< window watchdog reset */
#define RCC_CSR_LPWRRSTF (1u << 31) /**< low-power management reset */
/** Every reset flag, bits 25-31. */
#define RCC_CSR_RESET_FLAGS (RCC_CSR_BORRSTF | RCC_CSR_PINRSTF | RCC_CSR_PORRSTF | RCC_CSR_SFTRSTF | \
                             RCC_CSR_IWDGRSTF | RCC_CSR_WWDGRSTF | RCC_CSR_LPWRRSTF)
/** The reset flags after a power-on reset: RCC_CSR's reset value. */
#define RCC_CSR_POWER_ON_FLAGS (RCC_CSR_PORRSTF | RCC_CSR_PINRSTF | RCC_CSR_BORRSTF)

/* ---- Flash interface (RM0090 §3.9.1 FLASH_ACR), at RCC base + 0x400 ---- */
#define FLASH_ACR_OFFSET_FROM_RCC 0x400u
#define FLASH_ACR_LATENCY_MASK 0xFu

/* ---- CRC calculation unit (RM0090 §4.4; RM0410 CRC registers, same defaults) ---- */
#define CRC_DR_OFFSET 0x00u  /**< data register: write feeds a word, read gives the CRC */
#define CRC_IDR_OFFSET 0x04u /**< independent 8-bit scratch register, not affected by RESET */
#define CRC_CR_OFFSET 0x08u  /**< control register */
#define CRC_CR_RESET (1u << 0) /**< write 1: reload CRC_DR with the initial value */
#define CRC_INITIAL_VALUE 0xFFFFFFFFu /**< CRC_DR after reset and after CRC_CR.RESET */

/* ---- Random number generator (RM0090 §24.4; RM0410 RNG registers) ---- */
#define RNG_CR_OFFSET 0x00u /**< control register */
#define RNG_CR_RNGEN (1u << 2)
#define RNG_CR_IE (1u << 3)
#define RNG_SR_OFFSET 0x04u /**< status register */
#define RNG_SR_DRDY (1u << 0) /**< data ready */
#define RNG_SR_CECS (1u << 1) /**< clock error current status */
#define RNG_SR_SECS (1u << 2) /**< seed error current status */
#define RNG_SR_CEIS (1u << 5) /**< clock error interrupt status, rc_w0 */
#define RNG_SR_SEIS (1u << 6) /**< seed error interrupt status, rc_w0 */
#define RNG_DR_OFFSET 0x08u   /**< data register */

/* ---- Independent watchdog (RM0090 §21.4; RM0410 IWDG registers, same layout) ---- */
#define IWDG_KR_OFFSET 0x00u  /**< key register (write only) */
#define IWDG_KR_START 0xCCCCu /**< starts the watchdog (and the LSI); nothing stops it but a reset */
#define IWDG_KR_RELOAD 0xAAAAu /**< reloads the counter from IWDG_RLR; write-protects PR and RLR again */
#define IWDG_KR_UNLOCK 0x5555u /**< enables writes to IWDG_PR and IWDG_RLR */
#define IWDG_PR_OFFSET 0x04u  /**< prescaler register: PR[2:0], divider 4 << PR (6 and 7: 256) */
#define IWDG_PR_MASK 0x7u
#define IWDG_RLR_OFFSET 0x08u /**< reload register: RL[11:0], reset value 0xFFF */
#define IWDG_RLR_MASK 0xFFFu
#define IWDG_SR_OFFSET 0x0Cu  /**< status register */
#define IWDG_SR_PVU (1u << 0) /**< prescaler value update in progress (LSI domain) */
#define IWDG_SR_RVU (1u << 1) /**< reload value update in progress (LSI domain) */

/* ---- DBGMCU (RM0090 §38.16.4 DBGMCU_APB1_FZ; RM0410 DBGMCU_APB1_FZ), at 0xE0042000 on F4 and F7 ---- */
#define DBGMCU_APB1_FZ 0xE0042008u
#define DBGMCU_APB1_FZ_DBG_IWDG_STOP (1u << 12) /**< the IWDG counter stops while the core is halted */

#endif /* SAFETYMONITOR_STM32_REGS_H */
