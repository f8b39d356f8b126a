/**
 * @file stm32_periph_model.c
 * @brief EMULATION ONLY. Register models of the STM32F4 RCC ready bits, CRC
 *        unit and RNG (see stm32_periph_model.h). Plain C, no hardware access:
 *        it runs in host unit tests and behind the QEMU board's MPU trap.
 */
#include "stm32_periph_model.h"

#include "board.h"
#include "stm32_regs.h"

#include <stddef.h>
#include <string.h>

/* Window sizes: each block's register space (RM0090 §2.3 Table 1). */
#define RCC_WINDOW_BYTES 0x400u
#define FLASH_BASE_ADDR (BOARD_RCC_BASE + FLASH_ACR_OFFSET_FROM_RCC)
#define FLASH_WINDOW_BYTES 0x400u
#define CRC_WINDOW_BYTES 0x400u
#define RNG_WINDOW_BYTES 0x400u
#define IWDG_WINDOW_BYTES 0x400u

/* RNG timing in accesses to RNG registers (each lets the RNG advance a
 * step): DRDY rises at the 3rd access after RNGEN rises (46 RNG clocks on
 * silicon) and at the 2nd after each RNG_DR read (40 clocks), so a driver
 * that does not poll sees DRDY low. */
#define RNG_READS_AFTER_ENABLE 3u
#define RNG_READS_PER_WORD 2u

/* Reset values, RM0090 §7.3.1 (RCC_CR: HSION, HSIRDY, HSITRIM 0x10),
 * §7.3.2 (RCC_PLLCFGR), §7.3.10 (RCC_AHB1ENR: CCMDATARAMEN). */
#define RCC_CR_RESET 0x00000083u
#define RCC_PLLCFGR_RESET 0x24003010u
#define RCC_AHB1ENR_RESET 0x00100000u
#define RCC_CR_PLLI2SON (1u << 26)
#define RCC_CR_PLLI2SRDY (1u << 27)
#define RCC_CR_READY_BITS (RCC_CR_HSIRDY | RCC_CR_HSERDY | RCC_CR_PLLRDY | RCC_CR_PLLI2SRDY)

#define CRC_POLYNOMIAL 0x04C11DB7u

typedef enum { REPEAT_IDLE, REPEAT_ARMED, REPEAT_NEXT } repeat_state_t;

/* How an injected seed error shows in RNG_SR (see stm32_model_rng_fault_t). */
typedef enum { SEED_SHOWS_NO_WORD, SEED_SHOWS_OVER_WORD, SEED_SHOWS_SEIS_CLEARED, SEED_SHOWS_SECS_CLEARED } seed_shows_t;

#define SEED_ERRORS_FOREVER UINT32_MAX

static uint32_t rcc_regs[RCC_WINDOW_BYTES / 4u];
static uint32_t flash_regs[FLASH_WINDOW_BYTES / 4u];

static struct {
    uint32_t dr;
    uint32_t idr;
    bool fed;
    stm32_model_crc_fault_t fault;
} crc;

static struct {
    uint32_t cr;
    uint32_t flags; /* SECS, SEIS, CECS, CEIS */
    bool drdy;
    uint32_t dr;
    uint32_t countdown;
    uint32_t xorshift;
    uint32_t last_word;
    repeat_state_t repeat;
    bool seed_stopped;        /* a seed error stopped the RNG: only the §24.3.2 sequence restarts it */
    uint32_t words_since_start;
    /* injected */
    bool drdy_stuck;
    bool clock_fault;
    uint32_t seed_errors_left; /* SEED_ERRORS_FOREVER: every word */
    uint32_t seed_good_words;  /* words delivered after each (re)start before the error */
    seed_shows_t seed_shows;
} rng;

static stm32_model_stats_t stats;

/* IWDG, in the model's own reading of RM0090 §21.4 (not stm32_regs.h, which
 * the driver uses): KR 0x00, PR 0x04 (3 bits), RLR 0x08 (12 bits, reset
 * 0xFFF), SR 0x0C (PVU bit 0, RVU bit 1); keys 0x5555, 0xAAAA, 0xCCCC;
 * divider 4 << PR, 256 for PR 6 and 7. DBGMCU_APB1_FZ at 0xE0042008. */
#define MODEL_IWDG_KR 0x00u
#define MODEL_IWDG_PR 0x04u
#define MODEL_IWDG_RLR 0x08u
#define MODEL_IWDG_SR 0x0Cu
#define MODEL_IWDG_PVU 0x1u
#define MODEL_IWDG_RVU 0x2u
#define MODEL_IWDG_KEY_UNLOCK 0x5555u
#define MODEL_IWDG_KEY_RELOAD 0xAAAAu
#define MODEL_IWDG_KEY_START 0xCCCCu
#define MODEL_IWDG_RLR_RESET 0xFFFu
#define MODEL_DBGMCU_APB1_FZ 0xE0042008u
/* Reads of IWDG_SR an update of PR or RLR takes to reach the counter's
 * domain (on silicon up to 5 LSI periods, RM0090 §21.4.4). Time in the
 * counter's domain passes only while software polls IWDG_SR: a driver that
 * does not wait for PVU/RVU finds its values not taken (stricter than
 * silicon, where they may be). RLR's update ends one read after PR's, so
 * the state PVU clear with RVU set (which the manual allows) shows too. */
#define IWDG_UPDATE_ACCESSES 3u
#define IWDG_RLR_UPDATE_ACCESSES (IWDG_UPDATE_ACCESSES + 1u)

static struct {
    bool running;
    bool fired;
    bool unlocked;
    uint32_t pr;           /* as written (the APB side) */
    uint32_t rlr;
    uint32_t pr_effective; /* in the counter's domain */
    uint32_t rlr_effective;
    uint32_t pvu_countdown;
    uint32_t rvu_countdown;
    uint32_t ticks_left;   /* LSI ticks until the counter reaches 0 */
    stm32_model_iwdg_fault_t fault;
} iwdg;
static stm32_model_iwdg_clock_t iwdg_clock;
static uint32_t dbgmcu_apb1_fz;

static void rcc_csr_system_reset(void);

void stm32_periph_model_reset(uint32_t seed)
{
    memset(rcc_regs, 0, sizeof rcc_regs);
    memset(flash_regs, 0, sizeof flash_regs);
    rcc_regs[RCC_CR_OFFSET / 4u] = RCC_CR_RESET;
    rcc_regs[RCC_PLLCFGR_OFFSET / 4u] = RCC_PLLCFGR_RESET;
    rcc_regs[RCC_AHB1ENR_OFFSET / 4u] = RCC_AHB1ENR_RESET;
    rcc_csr_system_reset();
    memset(&crc, 0, sizeof crc);
    crc.dr = CRC_INITIAL_VALUE;
    memset(&rng, 0, sizeof rng);
    rng.seed_shows = SEED_SHOWS_NO_WORD;
    rng.xorshift = seed != 0u ? seed : 0x2545F491u;
    memset(&stats, 0, sizeof stats);
    memset(&iwdg, 0, sizeof iwdg);
    iwdg.rlr = MODEL_IWDG_RLR_RESET;
    iwdg.rlr_effective = MODEL_IWDG_RLR_RESET;
}

void stm32_periph_model_inject_rng(stm32_model_rng_fault_t fault)
{
    rng.drdy_stuck = fault == STM32_MODEL_RNG_DRDY_STUCK;
    rng.clock_fault = fault == STM32_MODEL_RNG_CLOCK_ERROR;
    rng.repeat = fault == STM32_MODEL_RNG_REPEAT_ONCE ? REPEAT_ARMED : REPEAT_IDLE;
    switch (fault) {
    case STM32_MODEL_RNG_SEED_ERROR_STUCK:
        rng.seed_errors_left = SEED_ERRORS_FOREVER;
        break;
    case STM32_MODEL_RNG_SEED_ERROR_ONCE:
    case STM32_MODEL_RNG_SEED_ERROR_OVER_WORD:
    case STM32_MODEL_RNG_SEED_ERROR_SEIS_CLEARED:
    case STM32_MODEL_RNG_SEED_ERROR_SECS_CLEARED:
    case STM32_MODEL_RNG_SEED_ERROR_SECOND_WORD:
        rng.seed_errors_left = 1u;
        break;
    default:
        rng.seed_errors_left = 0u;
        break;
    }
    rng.seed_good_words = fault == STM32_MODEL_RNG_SEED_ERROR_SECOND_WORD ? 1u : 0u;
    rng.seed_shows = fault == STM32_MODEL_RNG_SEED_ERROR_OVER_WORD      ? SEED_SHOWS_OVER_WORD
                     : fault == STM32_MODEL_RNG_SEED_ERROR_SEIS_CLEARED ? SEED_SHOWS_SEIS_CLEARED
                     : fault == STM32_MODEL_RNG_SEED_ERROR_SECS_CLEARED ? SEED_SHOWS_SECS_CLEARED
                                                                        : SEED_SHOWS_NO_WORD;
}

void stm32_periph_model_set_rng_seed_errors(uint32_t count)
{
    rng.seed_errors_left = count;
}

void stm32_periph_model_inject_crc(stm32_model_crc_fault_t fault)
{
    crc.fault = fault;
}

const stm32_model_stats_t *stm32_periph_model_stats(void)
{
    return &stats;
}

static bool in_window(uint32_t address, uint32_t base, uint32_t bytes)
{
    return address >= base && address - base < bytes;
}

bool stm32_periph_model_claims(uint32_t address)
{
    return in_window(address, BOARD_RCC_BASE, RCC_WINDOW_BYTES) ||
           in_window(address, FLASH_BASE_ADDR, FLASH_WINDOW_BYTES) ||
           in_window(address, BOARD_CRC_BASE, CRC_WINDOW_BYTES) ||
           in_window(address, BOARD_RNG_BASE, RNG_WINDOW_BYTES) ||
           in_window(address, BOARD_IWDG_BASE, IWDG_WINDOW_BYTES) || (address & ~3u) == MODEL_DBGMCU_APB1_FZ;
}

/* ---- RCC ---------------------------------------------------------------- */

static uint32_t rcc_reg(uint32_t offset)
{
    return rcc_regs[offset / 4u];
}

static bool pll_running(void)
{
    return (rcc_reg(RCC_CR_OFFSET) & RCC_CR_PLLRDY) != 0u;
}

/* The ready bits follow the enables at once: the oscillators and PLLs of the
 * model lock immediately. The PLL locks only if its source is ready. */
static void rcc_update_ready_bits(void)
{
    uint32_t cr = rcc_regs[RCC_CR_OFFSET / 4u] & ~RCC_CR_READY_BITS;
    if ((cr & RCC_CR_HSION) != 0u) {
        cr |= RCC_CR_HSIRDY;
    }
    if ((cr & RCC_CR_HSEON) != 0u) {
        cr |= RCC_CR_HSERDY;
    }
    const bool pll_from_hse = (rcc_reg(RCC_PLLCFGR_OFFSET) & RCC_PLLCFGR_PLLSRC_HSE) != 0u;
    const bool pll_source_ready = (cr & (pll_from_hse ? RCC_CR_HSERDY : RCC_CR_HSIRDY)) != 0u;
    if ((cr & RCC_CR_PLLON) != 0u && pll_source_ready) {
        cr |= RCC_CR_PLLRDY;
    }
    if ((cr & RCC_CR_PLLI2SON) != 0u) {
        cr |= RCC_CR_PLLI2SRDY;
    }
    rcc_regs[RCC_CR_OFFSET / 4u] = cr;
}

/* RCC_CFGR.SWS follows SW when the selected clock is ready (§7.3.3). */
static void rcc_update_switch_status(void)
{
    static const uint32_t ready_bit[4] = {RCC_CR_HSIRDY, RCC_CR_HSERDY, RCC_CR_PLLRDY, 0u};
    uint32_t cfgr = rcc_regs[RCC_CFGR_OFFSET / 4u];
    const uint32_t sw = cfgr & RCC_CFGR_SW_MASK;
    if (ready_bit[sw] != 0u && (rcc_reg(RCC_CR_OFFSET) & ready_bit[sw]) != 0u) {
        cfgr = (cfgr & ~(RCC_CFGR_SW_MASK << RCC_CFGR_SWS_SHIFT)) | (sw << RCC_CFGR_SWS_SHIFT);
    }
    rcc_regs[RCC_CFGR_OFFSET / 4u] = cfgr;
}

/* RCC_CSR (RM0090 §7.3.21; §6.3.21 on the F42x/43x; RM0410 §5.3.21). On
 * silicon the reset flags (bits 25-31) survive every system reset and are
 * reset only by a power reset or by RMVF; a system reset resets the rest of
 * the register (LSION, LSIRDY, RMVF: 0). The model keeps the flags across
 * QEMU's reboot in RAM that start-up neither loads nor clears
 * (STM32_MODEL_RETAINED_SECTION on the emulated board; QEMU keeps RAM over a
 * SYSRESETREQ reboot), guarded by a magic and the flags' complement: a fresh
 * QEMU's zeroed RAM, noise, or stm32_periph_model_power_on() reads as no
 * state, i.e. a power-on reset, never as stale flags. */
#if defined(STM32_MODEL_RETAINED_SECTION)
#define RCC_POWER_DOMAIN_PLACE __attribute__((section(STM32_MODEL_RETAINED_SECTION)))
#else
#define RCC_POWER_DOMAIN_PLACE
#endif
#define RCC_POWER_DOMAIN_MAGIC 0x52435346u /* "RCSF" */
/* The model's own reading of the register (not stm32_regs.h, which the
 * drivers use: a wrong offset or bit there must not be mirrored here):
 * offset 0x74; LSION bit 0, LSIRDY 1, RMVF 24; reset flags bits 25-31,
 * BORRSTF 25, PINRSTF 26, PORRSTF 27, SFTRSTF 28; reset value 0x0E000000. */
#define CSR_OFFSET 0x74u
#define CSR_LSION 0x00000001u
#define CSR_LSIRDY 0x00000002u
#define CSR_RMVF 0x01000000u
#define CSR_RESET_FLAGS 0xFE000000u
#define CSR_BORRSTF 0x02000000u
#define CSR_PINRSTF 0x04000000u
#define CSR_SFTRSTF 0x10000000u
#define CSR_IWDGRSTF 0x20000000u
#define CSR_POWER_ON_FLAGS 0x0E000000u
/* The cause every reset takes unless a test injects another: QEMU's only
 * reset of the guest is AIRCR.SYSRESETREQ, a software reset, which (like
 * every internal reset) drives NRST low. */
#define RCC_DEFAULT_RESET_FLAGS (CSR_SFTRSTF | CSR_PINRSTF)

/* pending: the flags of the next reset when it is not the default one (an
 * injected reset, or the IWDG firing), kept here with its complement so that
 * the cause survives QEMU's reboot like the flags themselves. */
static RCC_POWER_DOMAIN_PLACE volatile struct {
    uint32_t magic;
    uint32_t flags;
    uint32_t flags_inverted;
    uint32_t pending;
    uint32_t pending_inverted;
} rcc_power_domain;

static void rcc_set_next_reset(uint32_t flags)
{
    rcc_power_domain.pending = flags;
    rcc_power_domain.pending_inverted = ~flags;
}

static uint32_t rcc_next_reset_flags(void)
{
    const uint32_t pending = rcc_power_domain.pending;
    return rcc_power_domain.pending_inverted == ~pending && (pending & ~CSR_RESET_FLAGS) == 0u && pending != 0u
               ? pending
               : RCC_DEFAULT_RESET_FLAGS;
}

static bool rcc_power_domain_valid(void)
{
    return rcc_power_domain.magic == RCC_POWER_DOMAIN_MAGIC &&
           rcc_power_domain.flags_inverted == ~rcc_power_domain.flags &&
           (rcc_power_domain.flags & ~CSR_RESET_FLAGS) == 0u;
}

static void rcc_power_domain_store(uint32_t flags)
{
    rcc_power_domain.flags = flags;
    rcc_power_domain.flags_inverted = ~flags;
    rcc_power_domain.magic = RCC_POWER_DOMAIN_MAGIC;
    rcc_regs[CSR_OFFSET / 4u] = (rcc_regs[CSR_OFFSET / 4u] & ~CSR_RESET_FLAGS) | flags;
}

void stm32_periph_model_power_on(void)
{
    rcc_power_domain.magic = 0u;
    rcc_set_next_reset(RCC_DEFAULT_RESET_FLAGS);
}

void stm32_periph_model_damage_power_domain(uint32_t word, uint32_t mask)
{
    volatile uint32_t *words[] = {&rcc_power_domain.magic, &rcc_power_domain.flags, &rcc_power_domain.flags_inverted};
    if (word < sizeof words / sizeof words[0]) {
        *words[word] ^= mask;
    }
}

void stm32_periph_model_inject_reset(uint32_t flags)
{
    rcc_set_next_reset((flags & CSR_RESET_FLAGS) | CSR_PINRSTF);
}

/* The reset that stm32_periph_model_reset() stands for. Without valid state
 * it is a power-on: the reset value's flags. A brown-out is a power reset
 * too: it resets the flags and sets BORRSTF (and PINRSTF). Any other reset
 * adds its flags to those still set. */
static void rcc_csr_system_reset(void)
{
    uint32_t flags;
    const uint32_t next = rcc_next_reset_flags();
    if (!rcc_power_domain_valid()) {
        flags = CSR_POWER_ON_FLAGS;
    } else if ((next & CSR_BORRSTF) != 0u) {
        flags = CSR_BORRSTF | CSR_PINRSTF;
    } else {
        flags = rcc_power_domain.flags | next;
    }
    rcc_set_next_reset(RCC_DEFAULT_RESET_FLAGS);
    rcc_regs[CSR_OFFSET / 4u] = 0u;
    rcc_power_domain_store(flags);
}

/* LSION is rw and LSIRDY follows it (the model's LSI starts at once); RMVF is
 * rw and writing 1 clears the reset flags; the flags themselves are read-only. */
static void rcc_csr_write(uint32_t value)
{
    uint32_t csr = rcc_regs[CSR_OFFSET / 4u] & CSR_RESET_FLAGS;
    csr |= value & (CSR_LSION | CSR_RMVF);
    if ((value & CSR_LSION) != 0u) {
        csr |= CSR_LSIRDY;
    }
    rcc_regs[CSR_OFFSET / 4u] = csr;
    if ((value & CSR_RMVF) != 0u) {
        rcc_power_domain_store(0u);
    }
}

static void rcc_write(uint32_t offset, uint32_t value)
{
    if (offset == CSR_OFFSET) {
        rcc_csr_write(value);
    } else if (offset == RCC_CR_OFFSET) {
        rcc_regs[offset / 4u] = value & ~RCC_CR_READY_BITS;
        rcc_update_ready_bits();
        rcc_update_switch_status();
    } else if (offset == RCC_CFGR_OFFSET) {
        const uint32_t sws_mask = RCC_CFGR_SW_MASK << RCC_CFGR_SWS_SHIFT;
        rcc_regs[offset / 4u] = (value & ~sws_mask) | (rcc_reg(offset) & sws_mask);
        rcc_update_switch_status();
    } else {
        rcc_regs[offset / 4u] = value;
        if (offset == RCC_PLLCFGR_OFFSET) {
            rcc_update_ready_bits();
        }
    }
}

/* ---- CRC ---------------------------------------------------------------- */

static bool crc_clocked(void)
{
    return (rcc_reg(RCC_AHB1ENR_OFFSET) & RCC_AHB1ENR_CRCEN) != 0u;
}

/* MSB-first CRC-32 step over one 32-bit word (RM0090 §4.2: polynomial
 * 0x04C11DB7, no reflection). */
static uint32_t crc_feed(uint32_t value, uint32_t data)
{
    value ^= data;
    for (uint32_t i = 0u; i < 32u; i++) {
        value = (value & 0x80000000u) != 0u ? (value << 1) ^ CRC_POLYNOMIAL : value << 1;
    }
    return value;
}

static uint32_t crc_read(uint32_t offset)
{
    switch (offset) {
    case CRC_DR_OFFSET:
        if (crc.fault == STM32_MODEL_CRC_STUCK_ZERO) {
            return 0u;
        }
        if (crc.fault == STM32_MODEL_CRC_WRONG_RESULT && crc.fed) {
            return crc.dr ^ 1u;
        }
        return crc.dr;
    case CRC_IDR_OFFSET:
        return crc.idr;
    case CRC_CR_OFFSET:
        return 0u; /* RESET reads 0 */
    default:
        stats.unmodelled_accesses++;
        return 0u;
    }
}

static void crc_write(uint32_t offset, uint32_t value, uint32_t size)
{
    switch (offset) {
    case CRC_DR_OFFSET:
        /* The STM32F4's unit takes 32-bit words only (RM0090 §4.2: a single
         * 32-bit data register, 4 AHB cycles per word); what a 16- or 8-bit
         * write does there is not specified, so the model spoils the CRC
         * (a driver that feeds bytes fails here, as it could on silicon). */
        if (size == 4u) {
            crc.dr = crc_feed(crc.dr, value);
            stats.crc_words++;
        } else {
            crc.dr = ~crc.dr;
            stats.crc_narrow_writes++;
        }
        crc.fed = true;
        break;
    case CRC_IDR_OFFSET:
        crc.idr = value & 0xFFu;
        break;
    case CRC_CR_OFFSET:
        if ((value & CRC_CR_RESET) != 0u) {
            stats.crc_resets++;
            if (crc.fault != STM32_MODEL_CRC_RESET_IGNORED) {
                crc.dr = CRC_INITIAL_VALUE;
                crc.fed = false;
            }
        }
        break;
    default:
        stats.unmodelled_accesses++;
        break;
    }
}

/* ---- RNG ---------------------------------------------------------------- */

static bool rng_clocked(void)
{
    return (rcc_reg(RCC_AHB2ENR_OFFSET) & RCC_AHB2ENR_RNGEN) != 0u;
}

static uint32_t rng_next_word(void)
{
    uint32_t x = rng.xorshift;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    rng.xorshift = x;
    if (rng.repeat == REPEAT_ARMED) {
        rng.repeat = REPEAT_NEXT;
    } else if (rng.repeat == REPEAT_NEXT) {
        rng.repeat = REPEAT_IDLE;
        x = rng.last_word;
    }
    rng.last_word = x;
    return x;
}

/* RM0090 §24.3.2: a seed error stops the RNG and sets SECS and SEIS; a word
 * that comes with it (DRDY) has too little entropy and must not be used. */
static void raise_seed_error(void)
{
    if (rng.seed_errors_left != SEED_ERRORS_FOREVER) {
        rng.seed_errors_left--;
    }
    rng.seed_stopped = true;
    stats.rng_seed_errors++;
    rng.flags |= RNG_SR_SECS | RNG_SR_SEIS;
    if (rng.seed_shows != SEED_SHOWS_NO_WORD) {
        rng.dr = STM32_MODEL_RNG_LOW_ENTROPY_WORD; /* the word the error spoiled */
        rng.drdy = true;
    }
    if (rng.seed_shows == SEED_SHOWS_SEIS_CLEARED) {
        rng.flags &= ~RNG_SR_SEIS; /* another user of the RNG cleared it; the error remains */
    } else if (rng.seed_shows == SEED_SHOWS_SECS_CLEARED) {
        rng.flags &= ~RNG_SR_SECS; /* the noise source is right again; the RNG stays stopped */
    }
}

/* One step of the RNG's own clock: every access to an RNG register lets
 * time advance by one step before it takes effect, so a state can change
 * between any two accesses of a driver (between its read of RNG_SR and its
 * write to it, too). */
static void rng_step(void)
{
    if ((rng.cr & RNG_CR_RNGEN) != 0u) {
        /* PLL48CLK comes from the main PLL: without it, or with the fault,
         * the clock check fails (RNG_SR.CECS, RM0090 §24.4.2); CEIS is set
         * when CECS is, and CECS clears by itself once the clock is right
         * (§24.3.2). While it lasts the RNG stops; a word already in
         * RNG_DR stays (and may be used). */
        const bool clock_ok = pll_running() && !rng.clock_fault;
        if (!clock_ok) {
            if ((rng.flags & RNG_SR_CECS) == 0u) {
                rng.flags |= RNG_SR_CECS | RNG_SR_CEIS;
            }
        } else {
            rng.flags &= ~RNG_SR_CECS;
        }
        const bool producing = clock_ok && !rng.seed_stopped && !rng.drdy && !rng.drdy_stuck;
        if (producing && rng.countdown > 0u && --rng.countdown == 0u) {
            if (rng.seed_errors_left != 0u && rng.words_since_start >= rng.seed_good_words) {
                raise_seed_error();
            } else {
                rng.dr = rng_next_word();
                rng.drdy = true;
                rng.words_since_start++;
            }
        }
    }
}

static uint32_t rng_read_status(void)
{
    stats.rng_sr_reads++;
    return rng.flags | (rng.drdy ? RNG_SR_DRDY : 0u);
}

/* RNG_DR: the word if DRDY is set, else the stale previous value. */
static uint32_t rng_read_data(void)
{
    stats.rng_dr_reads++;
    if (rng.seed_stopped) {
        stats.rng_dr_reads_in_seed_error++;
    }
    const uint32_t value = rng.dr;
    if (rng.drdy) {
        rng.drdy = false;
        rng.countdown = RNG_READS_PER_WORD;
    }
    return value;
}

static uint32_t rng_read(uint32_t offset)
{
    rng_step();
    switch (offset) {
    case RNG_CR_OFFSET:
        return rng.cr;
    case RNG_SR_OFFSET:
        return rng_read_status();
    case RNG_DR_OFFSET:
        return rng_read_data();
    default:
        stats.unmodelled_accesses++;
        return 0u;
    }
}

static void rng_write(uint32_t offset, uint32_t value)
{
    rng_step();
    switch (offset) {
    case RNG_CR_OFFSET: {
        const uint32_t before = rng.cr;
        rng.cr = value & (RNG_CR_RNGEN | RNG_CR_IE);
        if ((before & RNG_CR_RNGEN) == 0u && (rng.cr & RNG_CR_RNGEN) != 0u) {
            stats.rng_enables++;
            rng.words_since_start = 0u;
            /* A word still in RNG_DR stays readable across RNGEN (RM0090
             * §24.3.3, low-power use): it is the first the driver sees. */
            rng.countdown = RNG_READS_AFTER_ENABLE;
            /* RM0090 §24.3.2: SEIS cleared, then RNGEN cleared and set. */
            if (rng.seed_stopped && (rng.flags & RNG_SR_SEIS) == 0u) {
                rng.seed_stopped = false;
                rng.flags &= ~RNG_SR_SECS;
                stats.rng_recoveries++;
            }
        }
        break;
    }
    case RNG_SR_OFFSET: {
        /* SEIS and CEIS are rc_w0: a 0 clears, a 1 leaves the bit alone. */
        const uint32_t cleared = rng.flags & ~value & (RNG_SR_SEIS | RNG_SR_CEIS);
        stats.rng_seis_clears += (cleared & RNG_SR_SEIS) != 0u ? 1u : 0u;
        stats.rng_ceis_clears += (cleared & RNG_SR_CEIS) != 0u ? 1u : 0u;
        rng.flags &= ~cleared;
        break;
    }
    default:
        stats.unmodelled_accesses++;
        break;
    }
}

/* ---- IWDG --------------------------------------------------------------- */

static uint32_t iwdg_period_ticks(void)
{
    const uint32_t pr = iwdg.pr_effective > 6u ? 6u : iwdg.pr_effective;
    return (iwdg.rlr_effective + 1u) * (4u << pr);
}

/* The counter takes RLR as the counter's domain knows it (RM0090 §21.3). */
static void iwdg_reload(void)
{
    iwdg.ticks_left = iwdg_period_ticks();
    stats.iwdg_reloads++;
    if (iwdg_clock != NULL) {
        iwdg_clock(iwdg.ticks_left);
    }
}

/* One step of the LSI domain per read of IWDG_SR: updates in progress advance. */
static void iwdg_step(void)
{
    if (iwdg.fault == STM32_MODEL_IWDG_UPDATE_STUCK) {
        return;
    }
    if (iwdg.pvu_countdown > 0u && --iwdg.pvu_countdown == 0u) {
        iwdg.pr_effective = iwdg.pr;
    }
    if (iwdg.rvu_countdown > 0u && --iwdg.rvu_countdown == 0u) {
        iwdg.rlr_effective = iwdg.rlr;
    }
}

static uint32_t iwdg_read(uint32_t offset)
{
    switch (offset) {
    case MODEL_IWDG_PR:
        return iwdg.pr;
    case MODEL_IWDG_RLR:
        return iwdg.rlr;
    case MODEL_IWDG_SR:
        iwdg_step();
        return (iwdg.pvu_countdown > 0u ? MODEL_IWDG_PVU : 0u) | (iwdg.rvu_countdown > 0u ? MODEL_IWDG_RVU : 0u);
    case MODEL_IWDG_KR:
        return 0u; /* write-only */
    default:
        stats.unmodelled_accesses++;
        return 0u;
    }
}

static void iwdg_write_protected(uint32_t *reg, uint32_t *countdown, uint32_t value, uint32_t reads)
{
    if (!iwdg.unlocked || *countdown > 0u) {
        stats.iwdg_lost_writes++;
        return;
    }
    *reg = value;
    *countdown = reads;
}

static void iwdg_write(uint32_t offset, uint32_t value)
{
    switch (offset) {
    case MODEL_IWDG_KR: {
        const uint32_t key = value & 0xFFFFu;
        iwdg.unlocked = key == MODEL_IWDG_KEY_UNLOCK;
        if (key == MODEL_IWDG_KEY_START && !iwdg.running) {
            iwdg.running = true;
            iwdg_reload();
        } else if (key == MODEL_IWDG_KEY_RELOAD && iwdg.running && !iwdg.fired) {
            iwdg_reload();
        }
        break;
    }
    case MODEL_IWDG_PR:
        iwdg_write_protected(&iwdg.pr, &iwdg.pvu_countdown, value & 0x7u, IWDG_UPDATE_ACCESSES);
        break;
    case MODEL_IWDG_RLR:
        iwdg_write_protected(&iwdg.rlr, &iwdg.rvu_countdown, value & 0xFFFu, IWDG_RLR_UPDATE_ACCESSES);
        break;
    default:
        stats.unmodelled_accesses++;
        break;
    }
}

void stm32_periph_model_inject_iwdg(stm32_model_iwdg_fault_t fault)
{
    iwdg.fault = fault;
}

void stm32_periph_model_set_iwdg_clock(stm32_model_iwdg_clock_t clock)
{
    iwdg_clock = clock;
}

bool stm32_periph_model_iwdg_elapse(uint32_t lsi_ticks)
{
    if (iwdg.running && !iwdg.fired) {
        if (lsi_ticks >= iwdg.ticks_left) {
            iwdg.ticks_left = 0u;
            iwdg.fired = true;
            rcc_set_next_reset(CSR_IWDGRSTF | CSR_PINRSTF);
        } else {
            iwdg.ticks_left -= lsi_ticks;
        }
    }
    return iwdg.fired;
}

bool stm32_periph_model_iwdg_running(uint32_t *lsi_ticks_left)
{
    if (lsi_ticks_left != NULL) {
        *lsi_ticks_left = iwdg.running ? iwdg.ticks_left : 0u;
    }
    return iwdg.running;
}

/* ---- Bus ---------------------------------------------------------------- */

uint32_t stm32_periph_model_read(uint32_t address, uint32_t size)
{
    const uint32_t aligned = address & ~3u;
    uint32_t word = 0u;
    if (in_window(aligned, BOARD_RCC_BASE, RCC_WINDOW_BYTES)) {
        word = rcc_reg(aligned - BOARD_RCC_BASE);
    } else if (in_window(aligned, FLASH_BASE_ADDR, FLASH_WINDOW_BYTES)) {
        word = flash_regs[(aligned - FLASH_BASE_ADDR) / 4u];
    } else if (in_window(aligned, BOARD_CRC_BASE, CRC_WINDOW_BYTES)) {
        if (!crc_clocked()) {
            stats.unclocked_accesses++;
            return 0u;
        }
        word = crc_read(aligned - BOARD_CRC_BASE);
    } else if (in_window(aligned, BOARD_RNG_BASE, RNG_WINDOW_BYTES)) {
        if (!rng_clocked()) {
            stats.unclocked_accesses++;
            return 0u;
        }
        word = rng_read(aligned - BOARD_RNG_BASE);
    } else if (in_window(aligned, BOARD_IWDG_BASE, IWDG_WINDOW_BYTES)) {
        word = iwdg_read(aligned - BOARD_IWDG_BASE);
    } else if (aligned == MODEL_DBGMCU_APB1_FZ) {
        word = dbgmcu_apb1_fz;
    } else {
        stats.unmodelled_accesses++;
        return 0u;
    }
    const uint32_t shift = (address & 3u) * 8u;
    const uint32_t mask = size >= 4u ? 0xFFFFFFFFu : (1u << (size * 8u)) - 1u;
    return (word >> shift) & mask;
}

/* Merges a narrow write into the current word of a plain storage register. */
static uint32_t merge(uint32_t current, uint32_t address, uint32_t value, uint32_t size)
{
    if (size >= 4u) {
        return value;
    }
    const uint32_t shift = (address & 3u) * 8u;
    const uint32_t mask = ((1u << (size * 8u)) - 1u) << shift;
    return (current & ~mask) | ((value << shift) & mask);
}

void stm32_periph_model_write(uint32_t address, uint32_t value, uint32_t size)
{
    const uint32_t aligned = address & ~3u;
    if (in_window(aligned, BOARD_RCC_BASE, RCC_WINDOW_BYTES)) {
        const uint32_t offset = aligned - BOARD_RCC_BASE;
        rcc_write(offset, merge(rcc_reg(offset), address, value, size));
    } else if (in_window(aligned, FLASH_BASE_ADDR, FLASH_WINDOW_BYTES)) {
        uint32_t *reg = &flash_regs[(aligned - FLASH_BASE_ADDR) / 4u];
        *reg = merge(*reg, address, value, size);
    } else if (in_window(aligned, BOARD_CRC_BASE, CRC_WINDOW_BYTES)) {
        if (!crc_clocked()) {
            stats.unclocked_accesses++;
            return;
        }
        crc_write(aligned - BOARD_CRC_BASE, value, size);
    } else if (in_window(aligned, BOARD_RNG_BASE, RNG_WINDOW_BYTES)) {
        if (!rng_clocked()) {
            stats.unclocked_accesses++;
            return;
        }
        rng_write(aligned - BOARD_RNG_BASE, value);
    } else if (in_window(aligned, BOARD_IWDG_BASE, IWDG_WINDOW_BYTES)) {
        iwdg_write(aligned - BOARD_IWDG_BASE, merge(0u, address, value, size));
    } else if (aligned == MODEL_DBGMCU_APB1_FZ) {
        dbgmcu_apb1_fz = merge(dbgmcu_apb1_fz, address, value, size);
    } else {
        stats.unmodelled_accesses++;
    }
}
