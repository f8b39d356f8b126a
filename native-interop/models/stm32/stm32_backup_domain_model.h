/**
 * @file stm32_backup_domain_model.h
 * @brief EMULATION ONLY. Register models of the STM32F4 PWR block and the
 *        RTC with its backup registers, which QEMU 7.2's netduinoplus2 leaves
 *        unimplemented (reads 0, writes ignored): ChibiOS's clock start-up
 *        waits on PWR_CSR.VOSRDY forever there, and nanoFramework's
 *        BackupMemory (nanoFramework.Hardware.Stm32) reads back 0.
 *
 * Behaviour modelled, from RM0090:
 * - PWR (§5.4): PWR_CR plain storage; PWR_CSR with VOSRDY (bit 14) always
 *   set (the regulator is ready), BRE (bit 9) writable and BRR (bit 3)
 *   following it, the other bits read 0.
 * - RTC (§26.6): RTC_ISR with INITF (bit 6) following INIT (bit 7) and RSF
 *   (bit 5) set; every other RTC register plain storage; the 20 backup
 *   registers RTC_BKP0R..RTC_BKP19R (offsets 0x50..0x9C) writable only
 *   while PWR_CR.DBP (bit 8) is set (§5.1.2: the backup domain is
 *   write-protected after reset), and kept across a system reset (the
 *   backup domain is reset only by a power-on or RCC_BDCR.BDRST, §5.1.2,
 *   §7.3.20): their state lives in RAM that start-up leaves alone
 *   (STM32_MODEL_RETAINED_SECTION), guarded by a magic word and a checksum,
 *   so noise or a fresh QEMU reads as a power-on: all zero.
 * Plain C, no hardware access: host tests can run it directly.
 */
#ifndef SAFETYMONITOR_STM32_BACKUP_DOMAIN_MODEL_H
#define SAFETYMONITOR_STM32_BACKUP_DOMAIN_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** RM0090 §2.3 Table 1: PWR at 0x40007000, RTC & BKP at 0x40002800. */
#define STM32_MODEL_PWR_BASE 0x40007000u
#define STM32_MODEL_RTC_BASE 0x40002800u
/** Each block's window: 1 KiB. */
#define STM32_MODEL_BACKUP_WINDOW_LOG2 10u
/** RTC_BKP0R's offset and the number of backup registers (RM0090 §26.6.20). */
#define STM32_MODEL_RTC_BKP0R_OFFSET 0x50u
#define STM32_MODEL_RTC_BKP_COUNT 20u

/** A system reset: PWR and the RTC's registers to their reset values, the
 *  backup registers kept (zeroed when their retained state is not valid:
 *  a power-on). */
void stm32_backup_domain_model_reset(void);

/** Flips the bits @p mask of backup register @p index (0..19) in the
 *  retained state without updating its checksum, as noise in that RAM
 *  would: the next reset must then start from a power-on (all zero). */
void stm32_backup_domain_model_damage(uint32_t index, uint32_t mask);

/** Reads @p size (1, 2 or 4) bytes at @p address in the PWR or RTC window. */
uint32_t stm32_backup_domain_model_read(uint32_t address, uint32_t size);

/** Writes the low @p size bytes of @p value at @p address in either window. */
void stm32_backup_domain_model_write(uint32_t address, uint32_t value, uint32_t size);

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_STM32_BACKUP_DOMAIN_MODEL_H */
