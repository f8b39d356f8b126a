/**
 * @file stm32_reset_cause.h
 * @brief Register-level driver of the STM32F4/F7 reset flags in RCC_CSR,
 *        written from RM0090 §7.3.21 (F405/407; §6.3.21 for F42x/43x) and
 *        RM0410 §5.3.21 (F76x/77x), which agree on the register.
 *
 * RCC_CSR (offset 0x74) holds one flag per reset source: LPWRRSTF (bit 31,
 * low-power management), WWDGRSTF (30, window watchdog), IWDGRSTF (29,
 * independent watchdog), SFTRSTF (28, AIRCR.SYSRESETREQ), PORRSTF (27,
 * POR/PDR), PINRSTF (26, the NRST pin, which every internal reset also drives
 * low), BORRSTF (25, POR/PDR or brown-out). Its reset value is 0x0E000000
 * (PORRSTF, PINRSTF, BORRSTF after a power-on). A system reset leaves the
 * flags alone (they are reset by a power reset only), so they accumulate
 * until software writes RMVF (bit 24) = 1, which clears bits 25-31.
 *
 * Use at start-up: read the flags first, decide with them what the retained
 * RAM holds (after a power-on reset it is noise, not damage), and clear them
 * only once that decision is in RAM: clearing first, a reset in between
 * would make the next boot take power-on noise for damaged evidence.
 *
 * No RAM. No waits.
 */
#ifndef SAFETYMONITOR_STM32_RESET_CAUSE_H
#define SAFETYMONITOR_STM32_RESET_CAUSE_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The reset flags in RCC_CSR, bits 25-31 (RCC_CSR_BORRSTF to
 * RCC_CSR_LPWRRSTF in stm32_regs.h); every other bit reads 0 here. Reading
 * changes nothing.
 */
uint32_t stm32_reset_flags_read(void);

/**
 * Whether @p flags (from stm32_reset_flags_read()) say power reached the
 * part afresh: a POR/PDR (PORRSTF) or a brown-out (BORRSTF) reset, after
 * which RAM holds noise. A pin, software, watchdog or low-power reset alone
 * (PINRSTF, SFTRSTF, IWDGRSTF, WWDGRSTF, LPWRRSTF) keeps RAM.
 */
bool stm32_reset_flags_power_on(uint32_t flags);

/**
 * Clears every reset flag: RCC_CSR.RMVF = 1 (a read-modify-write that keeps
 * LSION). The next boot then sees only the resets that come after this call.
 */
void stm32_reset_flags_clear(void);

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_STM32_RESET_CAUSE_H */
