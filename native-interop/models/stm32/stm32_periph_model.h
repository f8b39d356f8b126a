/**
 * @file stm32_periph_model.h
 * @brief EMULATION ONLY. Register models of the STM32F4 RCC ready bits, CRC
 *        unit and RNG, the three blocks that QEMU 7.2's netduinoplus2 leaves
 *        unimplemented (../shared/notes/qemu.md).
 *
 * Never part of production firmware. Two users:
 * - the QEMU_NETDUINOPLUS2 firmware, where stm32_trap.c catches the drivers'
 *   accesses with MPU no-access windows and calls these models;
 * - the host unit tests, where the drivers' register accesses call them
 *   directly (native-interop/ports/host/host_mmio.c).
 * So a driver runs unchanged against one behaviour in both places.
 *
 * Behaviour modelled, from RM0090:
 * - RCC (§7.3): CR with HSEON/HSERDY, PLLON/PLLRDY, HSION/HSIRDY; CFGR SW to
 *   SWS; AHB1ENR and AHB2ENR gate the CRC and RNG models (unclocked: reads 0,
 *   writes ignored); CSR (§7.3.21) with its reset flags kept across system
 *   resets (and across QEMU's reboot) until RMVF or a power reset, LSION and
 *   LSIRDY; other RCC and FLASH_ACR words are plain storage.
 * - CRC (§4): CRC_DR fed with 32-bit words only, as the F4's unit takes
 *   them (§4.2; a 16- or 8-bit write to CRC_DR, which the F7's unit takes
 *   and the F4's does not specify, spoils the CRC and is counted),
 *   CRC_CR.RESET to 0xFFFFFFFF, CRC_IDR 8-bit scratch.
 * - RNG (§24): RNG_CR.RNGEN, RNG_SR with DRDY rising a few RNG_SR reads after
 *   enable or after each RNG_DR read; a word left in RNG_DR stays readable
 *   across RNGEN (§24.3.3). Errors as §24.3.2 and §24.4.2 describe them: a
 *   seed error stops the RNG and sets SECS with SEIS; a word that comes with
 *   it (DRDY set) must not be used; only the recovery (SEIS cleared, then
 *   RNGEN cleared and set) restarts it. A clock error (whenever the PLL,
 *   source of PLL48CLK, is off) stops the RNG and sets CECS with CEIS; CECS
 *   clears by itself once the clock is right, a word already in RNG_DR
 *   stays. SEIS and CEIS are rc_w0 and set only when their current-status
 *   bit rises, so every combination a driver can meet shows: SECS without
 *   SEIS (cleared by another user while the error lasts), SEIS without SECS,
 *   CECS without CEIS, CEIS without CECS, each with or without DRDY. Words
 *   come from a seeded xorshift32.
 * - IWDG (§21): KR keys 0xCCCC (start, cannot be stopped), 0xAAAA (reload)
 *   and 0x5555 (unlocks PR and RLR until any other key); PR and RLR reach
 *   the counter's domain only after PVU/RVU clear (a few reads of IWDG_SR
 *   later: the model's time passes while software polls), and a write while
 *   its update is in progress is lost
 *   (§21.4.2-21.4.4); reload and start take the values already in the
 *   counter's domain. The counter counts LSI ticks (nominal 32 kHz) that
 *   the user of the model hands it (stm32_periph_model_iwdg_elapse()); at
 *   0 it makes the next reset a watchdog reset (RCC_CSR.IWDGRSTF). The
 *   emulated board times it with TIM5 in the guest's instruction time.
 *   DBGMCU_APB1_FZ (§38.16.4) is plain storage.
 * - Injectable faults (stm32_periph_model_inject_rng/_crc/_iwdg) for the paths
 *   hardware rarely shows.
 */
#ifndef SAFETYMONITOR_STM32_PERIPH_MODEL_H
#define SAFETYMONITOR_STM32_PERIPH_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** RNG faults the model can inject. */
typedef enum {
    STM32_MODEL_RNG_HEALTHY = 0,
    /** RNG_SR.DRDY never rises (as with the unimplemented RNG of QEMU). */
    STM32_MODEL_RNG_DRDY_STUCK,
    /** The next word raises SECS/SEIS; the §24.3.2 recovery ends it. */
    STM32_MODEL_RNG_SEED_ERROR_ONCE,
    /** Every word raises SECS/SEIS, also after each recovery. */
    STM32_MODEL_RNG_SEED_ERROR_STUCK,
    /** CECS/CEIS stay set: RNG clock too slow. */
    STM32_MODEL_RNG_CLOCK_ERROR,
    /** The word after next equals the next one (continuous-test failure). */
    STM32_MODEL_RNG_REPEAT_ONCE,
    /** The next word comes with a seed error: DRDY, SECS and SEIS all set,
     *  RNG_DR holding ::STM32_MODEL_RNG_LOW_ENTROPY_WORD; the recovery ends it. */
    STM32_MODEL_RNG_SEED_ERROR_OVER_WORD,
    /** As ..._OVER_WORD, with SEIS already cleared by another user of the
     *  RNG: DRDY and SECS only, the RNG still stopped. */
    STM32_MODEL_RNG_SEED_ERROR_SEIS_CLEARED,
    /** As ..._OVER_WORD, with the noise source right again: DRDY and SEIS
     *  only (SECS back to 0, RM0090 §24.4.2), the RNG still stopped. */
    STM32_MODEL_RNG_SEED_ERROR_SECS_CLEARED,
    /** After each (re)start the first word is good and the second raises
     *  SECS/SEIS (no DRDY); once, or as often as
     *  stm32_periph_model_set_rng_seed_errors() says. */
    STM32_MODEL_RNG_SEED_ERROR_SECOND_WORD
} stm32_model_rng_fault_t;

/** What RNG_DR holds when a word comes with a seed error: alternating bits,
 *  the kind of sequence the seed check flags (RM0090 §24.4.2). */
#define STM32_MODEL_RNG_LOW_ENTROPY_WORD 0xAAAAAAAAu

/** CRC unit faults the model can inject. */
typedef enum {
    STM32_MODEL_CRC_HEALTHY = 0,
    /** CRC_DR reads 0 (the unimplemented unit of QEMU). */
    STM32_MODEL_CRC_STUCK_ZERO,
    /** CRC_CR.RESET is ignored. */
    STM32_MODEL_CRC_RESET_IGNORED,
    /** Once data was fed, CRC_DR reads with bit 0 inverted. */
    STM32_MODEL_CRC_WRONG_RESULT
} stm32_model_crc_fault_t;

/** IWDG faults the model can inject. */
typedef enum {
    STM32_MODEL_IWDG_HEALTHY = 0,
    /** IWDG_SR.PVU and RVU never clear once set (an LSI that does not run). */
    STM32_MODEL_IWDG_UPDATE_STUCK
} stm32_model_iwdg_fault_t;

/** Access counters, for tests that check how a driver used the registers. */
typedef struct {
    uint32_t rng_sr_reads;      /**< reads of RNG_SR */
    uint32_t rng_dr_reads;      /**< reads of RNG_DR */
    uint32_t rng_enables;       /**< rising edges of RNG_CR.RNGEN */
    uint32_t rng_seis_clears;   /**< writes that cleared RNG_SR.SEIS */
    uint32_t rng_ceis_clears;   /**< writes that cleared RNG_SR.CEIS */
    uint32_t rng_recoveries;    /**< seed errors ended by the §24.3.2 sequence */
    uint32_t rng_seed_errors;   /**< seed errors raised */
    uint32_t rng_dr_reads_in_seed_error; /**< reads of RNG_DR between a seed error and its recovery
                                              (RM0090 §24.3.2: its value must not be used) */
    uint32_t crc_words;         /**< 32-bit writes to CRC_DR */
    uint32_t crc_narrow_writes; /**< 16- and 8-bit writes to CRC_DR (not data on the F4) */
    uint32_t crc_resets;        /**< CRC_CR.RESET writes */
    uint32_t unclocked_accesses;/**< accesses to CRC or RNG with its clock off */
    uint32_t unmodelled_accesses; /**< accesses inside a window but to no modelled register */
    uint32_t iwdg_reloads;      /**< counter reloads (KR 0xAAAA, and the start) */
    uint32_t iwdg_lost_writes;  /**< writes to IWDG_PR/RLR dropped: locked, or their update in progress */
} stm32_model_stats_t;

/** Resets every modelled register to its reset value, clears the faults and
 *  the counters, and seeds the RNG words with @p seed (0 is replaced by a
 *  fixed non-zero value): a system reset. RCC_CSR's reset flags are kept, as
 *  on silicon, and the reset's own flags are added: SFTRSTF and PINRSTF
 *  (AIRCR.SYSRESETREQ, the only reset QEMU gives the guest) unless
 *  stm32_periph_model_inject_reset() chose another; the first reset after a
 *  power-on (no valid model state: a fresh QEMU, noise, or
 *  stm32_periph_model_power_on()) gives RCC_CSR's reset value instead,
 *  PORRSTF, PINRSTF and BORRSTF. */
void stm32_periph_model_reset(uint32_t seed);

/** Power leaves the model: the next stm32_periph_model_reset() is a power-on
 *  reset (RCC_CSR reset value 0x0E000000, RM0090 §7.3.21). */
void stm32_periph_model_power_on(void);

/** Flips the bits @p mask of word @p word (0: magic, 1: flags, 2: their
 *  complement) of the state the RCC model keeps across reboots, as noise in
 *  that RAM would: the next stm32_periph_model_reset() must then be a
 *  power-on, never a reset with stale or invented flags. */
void stm32_periph_model_damage_power_domain(uint32_t word, uint32_t mask);

/** The next stm32_periph_model_reset() is a reset of another kind: @p flags
 *  among RCC_CSR's reset flags (e.g. RCC_CSR_IWDGRSTF), PINRSTF added as
 *  every internal reset drives NRST. RCC_CSR_BORRSTF makes it a brown-out,
 *  a power reset: the flags before it are lost. One reset only. */
void stm32_periph_model_inject_reset(uint32_t flags);

/** Injects an RNG fault from now on (::STM32_MODEL_RNG_HEALTHY ends it). */
void stm32_periph_model_inject_rng(stm32_model_rng_fault_t fault);

/** Sets how many more seed errors the injected seed fault raises (after
 *  stm32_periph_model_inject_rng(); UINT32_MAX: every word). */
void stm32_periph_model_set_rng_seed_errors(uint32_t count);

/** Injects a CRC fault from now on (::STM32_MODEL_CRC_HEALTHY ends it). */
void stm32_periph_model_inject_crc(stm32_model_crc_fault_t fault);

/** Injects an IWDG fault from now on (::STM32_MODEL_IWDG_HEALTHY ends it). */
void stm32_periph_model_inject_iwdg(stm32_model_iwdg_fault_t fault);

/**
 * Called by the model whenever the IWDG counter is (re)loaded: with the LSI
 * ticks until it reaches 0. The emulated board arms its timer with it. NULL
 * (the default) for none.
 */
typedef void (*stm32_model_iwdg_clock_t)(uint32_t lsi_ticks);

/** Sets the function told of every IWDG (re)load (see ::stm32_model_iwdg_clock_t). */
void stm32_periph_model_set_iwdg_clock(stm32_model_iwdg_clock_t clock);

/**
 * @p lsi_ticks LSI periods pass. When they bring a running IWDG's counter to
 * 0 the watchdog fires: the next stm32_periph_model_reset() is a watchdog
 * reset (IWDGRSTF and PINRSTF, kept in the retained state, so a reboot of
 * QEMU sees it too) and the caller must reset the MCU now.
 *
 * @return true when the watchdog fired (it stays fired until the reset).
 */
bool stm32_periph_model_iwdg_elapse(uint32_t lsi_ticks);

/** Whether the IWDG was started, and the LSI ticks left on its counter (0 when stopped). */
bool stm32_periph_model_iwdg_running(uint32_t *lsi_ticks_left);

/** Counters since the last reset. */
const stm32_model_stats_t *stm32_periph_model_stats(void);

/** True when @p address lies in a block the model owns (RCC with FLASH_ACR,
 *  CRC, RNG, IWDG, DBGMCU_APB1_FZ). */
bool stm32_periph_model_claims(uint32_t address);

/** Reads @p size (1, 2 or 4) bytes at @p address, little-endian lanes as the
 *  AHB gives them. */
uint32_t stm32_periph_model_read(uint32_t address, uint32_t size);

/** Writes the low @p size (1, 2 or 4) bytes of @p value at @p address. */
void stm32_periph_model_write(uint32_t address, uint32_t value, uint32_t size);

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_STM32_PERIPH_MODEL_H */
