/**
 * @file stm32_backup_domain_model.c
 * @brief EMULATION ONLY. PWR and RTC/backup-register models (see
 *        stm32_backup_domain_model.h).
 */
#include "stm32_backup_domain_model.h"

#include <stddef.h>
#include <string.h>

#ifndef STM32_MODEL_RETAINED_SECTION
#define STM32_MODEL_RETAINED_SECTION ".bss.stm32_backup_domain_model"
#endif

#define WINDOW_BYTES (1u << STM32_MODEL_BACKUP_WINDOW_LOG2)
/* RM0090 §5.4.1, §5.4.2 */
#define PWR_CR_OFFSET 0x00u
#define PWR_CSR_OFFSET 0x04u
#define PWR_CR_DBP (1u << 8)
#define PWR_CSR_BRR (1u << 3)
#define PWR_CSR_BRE (1u << 9)
#define PWR_CSR_VOSRDY (1u << 14)
/* RM0090 §26.6.4 */
#define RTC_ISR_OFFSET 0x0Cu
#define RTC_ISR_RSF (1u << 5)
#define RTC_ISR_INITF (1u << 6)
#define RTC_ISR_INIT (1u << 7)
#define RTC_ISR_RESET 0x00000007u /* ALRAWF, ALRBWF, WUTWF */
#define BACKUP_MAGIC 0x42AC0B1Du

static uint32_t pwr_cr;
static uint32_t pwr_csr_bre;
static uint32_t rtc_regs[STM32_MODEL_RTC_BKP0R_OFFSET / 4u];

/* The backup registers, kept across system resets. */
static struct {
    uint32_t magic;
    uint32_t bkp[STM32_MODEL_RTC_BKP_COUNT];
    uint32_t check; /* ~(magic ^ every bkp word) */
} backup __attribute__((section(STM32_MODEL_RETAINED_SECTION)));

static uint32_t backup_check(void)
{
    uint32_t check = backup.magic;
    for (uint32_t i = 0u; i < STM32_MODEL_RTC_BKP_COUNT; i++) {
        check ^= backup.bkp[i];
    }
    return ~check;
}

void stm32_backup_domain_model_reset(void)
{
    pwr_cr = 0u;
    pwr_csr_bre = 0u;
    memset(rtc_regs, 0, sizeof rtc_regs);
    rtc_regs[RTC_ISR_OFFSET / 4u] = RTC_ISR_RESET;
    if (backup.magic != BACKUP_MAGIC || backup.check != backup_check()) {
        memset(backup.bkp, 0, sizeof backup.bkp);
        backup.magic = BACKUP_MAGIC;
        backup.check = backup_check();
    }
}

void stm32_backup_domain_model_damage(uint32_t index, uint32_t mask)
{
    if (index < STM32_MODEL_RTC_BKP_COUNT) {
        backup.bkp[index] ^= mask;
    }
}

static uint32_t lanes(uint32_t word, uint32_t address, uint32_t size)
{
    const uint32_t shift = (address & 3u) * 8u;
    const uint32_t mask = size >= 4u ? 0xFFFFFFFFu : ((1u << (size * 8u)) - 1u);
    return (word >> shift) & mask;
}

static uint32_t merge(uint32_t word, uint32_t address, uint32_t value, uint32_t size)
{
    const uint32_t shift = (address & 3u) * 8u;
    const uint32_t mask = size >= 4u ? 0xFFFFFFFFu : ((1u << (size * 8u)) - 1u) << shift;
    return (word & ~mask) | ((value << shift) & mask);
}

static uint32_t read_word(uint32_t address)
{
    if (address - STM32_MODEL_PWR_BASE < WINDOW_BYTES) {
        const uint32_t offset = (address - STM32_MODEL_PWR_BASE) & ~3u;
        if (offset == PWR_CR_OFFSET) {
            return pwr_cr;
        }
        if (offset == PWR_CSR_OFFSET) {
            return PWR_CSR_VOSRDY | pwr_csr_bre | (pwr_csr_bre != 0u ? PWR_CSR_BRR : 0u);
        }
        return 0u;
    }
    const uint32_t offset = (address - STM32_MODEL_RTC_BASE) & ~3u;
    if (offset < STM32_MODEL_RTC_BKP0R_OFFSET) {
        return rtc_regs[offset / 4u];
    }
    if (offset < STM32_MODEL_RTC_BKP0R_OFFSET + 4u * STM32_MODEL_RTC_BKP_COUNT) {
        return backup.bkp[(offset - STM32_MODEL_RTC_BKP0R_OFFSET) / 4u];
    }
    return 0u;
}

uint32_t stm32_backup_domain_model_read(uint32_t address, uint32_t size)
{
    return lanes(read_word(address), address, size);
}

void stm32_backup_domain_model_write(uint32_t address, uint32_t value, uint32_t size)
{
    if (address - STM32_MODEL_PWR_BASE < WINDOW_BYTES) {
        const uint32_t offset = (address - STM32_MODEL_PWR_BASE) & ~3u;
        if (offset == PWR_CR_OFFSET) {
            pwr_cr = merge(pwr_cr, address, value, size);
        } else if (offset == PWR_CSR_OFFSET) {
            pwr_csr_bre = merge(read_word(address), address, value, size) & PWR_CSR_BRE;
        }
        return;
    }
    if (address - STM32_MODEL_RTC_BASE >= WINDOW_BYTES || (pwr_cr & PWR_CR_DBP) == 0u) {
        return; /* the backup domain is write-protected until PWR_CR.DBP */
    }
    const uint32_t offset = (address - STM32_MODEL_RTC_BASE) & ~3u;
    if (offset < STM32_MODEL_RTC_BKP0R_OFFSET) {
        uint32_t word = merge(rtc_regs[offset / 4u], address, value, size);
        if (offset == RTC_ISR_OFFSET) {
            word = (word & ~(RTC_ISR_INITF | RTC_ISR_RSF)) | RTC_ISR_RSF |
                   ((word & RTC_ISR_INIT) != 0u ? RTC_ISR_INITF : 0u);
        }
        rtc_regs[offset / 4u] = word;
    } else if (offset < STM32_MODEL_RTC_BKP0R_OFFSET + 4u * STM32_MODEL_RTC_BKP_COUNT) {
        uint32_t *slot = &backup.bkp[(offset - STM32_MODEL_RTC_BKP0R_OFFSET) / 4u];
        *slot = merge(*slot, address, value, size);
        backup.check = backup_check();
    }
}
