/**
 * @file campaign.c
 * @brief Host half of the fault-injection campaign against the
 *        corruption-detect area.
 *
 * What runs: the real core (native-interop/core/stack_check.c), the real STM32
 * RNG and CRC drivers and the host port, whose register accesses go to the
 * peripheral models of the emulated board (CMake target safetymon_host). The
 * area is the host port's own buffer; --area-bytes sets its size.
 *
 * One injection: the sealed copy of the area is copied into a working image,
 * the image is corrupted, copied into the area, and the real
 * stack_check_corruption_detect_area() runs:
 *   STACK_CHECK_ERR_CORRUPTED  detected;
 *   STACK_CHECK_OK             missed (the image differs from the sealed copy);
 *   anything else              other (never expected on a sealed area).
 * An image equal to the sealed copy is not an injection (counted "unchanged").
 * Then the sealed copy is restored. After every CLEAN_EVERY injections, and at
 * the start and end of each class, a check on the restored, unmodified area
 * must return STACK_CHECK_OK; any other result is a false positive.
 *
 * Classes (default area 128 bytes = 32 words, the last one holds the CRC):
 *   a. every single-bit flip of the whole area, the CRC word included;
 *   b. bursts: every start bit and every length 1..32, in two bit orders
 *      (memory order: byte k, bit j is area bit 8k+j; CRC order: word by
 *      word, bit 31 first, as the CRC consumes them; see "bit orders"
 *      below), the all-ones pattern and K random patterns with first and last
 *      bit set (K = 4 fast, 64 full). Plus an exact proof: the check is
 *      affine over GF(2), crc(d ^ e) = crc(d) ^ crc0(e), so an error e is
 *      missed iff its syndrome, crc0(data part of e) ^ (CRC-word part of e),
 *      is 0. For each start and each length L the L single-bit syndromes of
 *      the window are tested for linear independence by incremental Gaussian
 *      elimination; independence proves all 2^(L-2) bursts of that length and
 *      position detected. Asserted: every window of up to 32 bits in CRC
 *      order, every window of up to 30 bits in memory order (the exact limit:
 *      some 31- and 32-bit memory-order windows across a word boundary hold
 *      one undetected pattern each). Each undetected pattern the elimination
 *      finds is injected through the real check, which must miss it. The
 *      syndromes come from this file's own bitwise CRC-32 (0x04C11DB7, MSB
 *      first, no reflection, no final XOR, initial value 0), checked first
 *      against the known answer, the area's seal and direct computation;
 *      every injection of every class is also predicted from them and must
 *      agree with the real check;
 *   c. R random corruptions (R = 20,000 fast, 1,000,000 full), each
 *      overwriting 2..16 distinct random bytes with random values. A miss
 *      here is allowed (2^-32 per corruption) and reported;
 *   d. stack excursions: for every depth 1..area bytes, the bytes next to
 *      the stack overwritten with a stack-like image (Thumb return addresses
 *      0x0800xxxx, SRAM pointers 0x2000xxxx, small integers, saved
 *      registers): flipped layout, an overrun from below, area[0..d-1];
 *      conventional layout, an overflow from above, area[size-d..size-1];
 *   e. every RNG and CRC fault of the register models (and the RNG without
 *      its PLL clock), injected before an initialisation at boot and before
 *      a re-initialisation over a good seal: the initialisation returns the
 *      fault's code (one code per cause: timeout, seed, clock, repeat, CRC
 *      unit; every CRC unit fault is STACK_CHECK_ERR_CRC), and the check
 *      after it is not STACK_CHECK_OK; the recoverable seed error seals
 *      normally; CRC unit faults injected after a seal make the check fail.
 *      After each case the fault is cleared and a new seal must check clean
 *      (else a false positive);
 *   f. with the seal forgotten, 100 checks (every other one over a planted,
 *      self-consistent area) all return STACK_CHECK_ERR_NOT_INITIALISED.
 * Classes a, b (injections and proofs), d, e, f must have 0 missed, other,
 * false positives and mispredictions; class c and the proof's undetected
 * patterns fail only on false positives, other results or mispredictions.
 *
 * The control (--control) shows that the campaign can fail: the check is
 * made blind to the CRC word. Injections still corrupt the whole image, but
 * the CRC word's bytes are never copied into the area the check reads, and
 * the proof gives the CRC word's bits the syndrome 0 (a blind check cannot
 * see them). A sound campaign must then report misses in a (the 32 CRC-word
 * bits), in b (bursts inside the CRC word) and in d (the shallowest
 * conventional excursions), dependent windows in both proofs, and exit 1
 * with "CAMPAIGN: FAIL (a: 32 missed; ...)". CTest runs it as
 * host.campaign_control_is_caught, which passes only on exit status 1 with
 * that line naming the misses of class a and the CRC-order proof's
 * dependent windows (tests/campaign/expect_run.cmake).
 *
 * Usage: host_campaign [--fast | --full] [--seed S] [--area-bytes N]
 *                      [--control] [--help]
 * Output: one table row per class with the elapsed wall time, notes, and a
 * last line "CAMPAIGN: PASS" or "CAMPAIGN: FAIL (<reasons>)".
 * Exit status: 0 every assertion holds, 1 otherwise, 2 bad arguments.
 */
#define _POSIX_C_SOURCE 200809L

#include "board.h"
#include "host_port.h"
#include "stack_check.h"
#include "stm32_mmio.h"
#include "stm32_periph_model.h"
#include "stm32_regs.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CRC_POLYNOMIAL 0x04C11DB7u
#define CRC_INITIAL 0xFFFFFFFFu
#define CRC_KAT_WORD 0x12345678u   /* RM0090 §4: known answer of the unit */
#define CRC_KAT_RESULT 0xDF8A8A2Bu

#define MIN_AREA_BYTES 32u
#define MAX_AREA_BYTES 4096u
#define MAX_AREA_WORDS (MAX_AREA_BYTES / 4u)
#define MAX_AREA_BITS (MAX_AREA_BYTES * 8u)
#define DEFAULT_SEED UINT64_C(0x5AFE5AFEC0FFEE01)

#define CLEAN_EVERY 64u          /* injections between two clean checks */
#define BURST_MAX_BITS 32u
#define BURST_RANDOM_FAST 4u
#define BURST_RANDOM_FULL 64u
#define RANDOM_CORRUPTIONS_FAST 20000u
#define RANDOM_CORRUPTIONS_FULL 1000000u
#define RANDOM_BYTES_MIN 2u
#define RANDOM_BYTES_MAX 16u
#define EXCURSION_ATTEMPTS 16u   /* fresh stack images tried per depth */
#define PRE_INIT_CHECKS 100u
#define PREMISE_SAMPLES 256u

_Static_assert(MAX_AREA_WORDS <= HOST_PORT_AREA_CAPACITY_WORDS, "area larger than the host port's buffer");

/* ---- settings and state --------------------------------------------------- */

typedef struct {
    bool full;
    bool control;
    uint64_t seed;
    size_t area_bytes;
} options_t;

/** Orders of the area's bits in which bursts are consecutive (class b). */
typedef enum { ORDER_MEMORY, ORDER_CRC, ORDERS } bit_order_t;

typedef struct {
    options_t opt;
    size_t bytes;
    size_t words;
    size_t bits;
    uint32_t *live;                   /* the port's area: what the check reads */
    uint32_t sealed[MAX_AREA_WORDS];  /* the area as sealed */
    uint32_t image[MAX_AREA_WORDS];   /* the area as one injection leaves it */
    uint32_t stack[MAX_AREA_WORDS];   /* stack-like contents for class d */
    uint32_t syndrome[MAX_AREA_BITS]; /* per area bit: its change of crc ^ CRC word */
    uint32_t order[ORDERS][MAX_AREA_BITS]; /* area bit at each position of a bit order */
    unsigned lane_shift[4];           /* byte k of a word holds its bits lane_shift[k].. +7 */
    uint64_t random_state;            /* xorshift64 */
    uint32_t model_seed;
} campaign_t;

/** One table row. */
typedef struct {
    char label[64];
    const char *key;          /* short name in the failure reasons */
    uint64_t injected;
    uint64_t detected;
    uint64_t missed;
    uint64_t other;
    uint64_t false_positives;
    uint64_t clean_checks;
    uint64_t unchanged;
    uint64_t mispredicted;
    const char *miss_word;    /* how a miss is named in the reasons */
    const char *other_word;   /* how an other result is named in the reasons */
    bool misses_allowed;      /* class c, the proofs' undetected patterns */
    bool no_clean_checks;     /* the proof rows */
    double seconds;
} tally_t;

/** The exact part of class b, for one bit order. */
typedef struct {
    unsigned limit;              /* asserted: every window up to this length proven */
    uint64_t windows;            /* windows of length <= limit */
    uint64_t proven;
    uint64_t dependent;
    size_t first_start;          /* first dependent window <= limit */
    unsigned first_length;
    uint64_t windows_beyond;     /* windows longer than limit, up to 32 bits */
    uint64_t dependent_beyond;
    uint64_t blind_spots;        /* undetected patterns found and injected */
    size_t first_blind_start;
    unsigned first_blind_length;
    uint32_t first_blind_pattern;
} proof_t;

static campaign_t campaign;

/* ---- small helpers -------------------------------------------------------- */

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint32_t random_u32(campaign_t *c)
{
    uint64_t x = c->random_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    c->random_state = x;
    return (uint32_t)(x >> 32);
}

/** Uniform in 0..n-1 (n >= 1). */
static uint32_t random_below(campaign_t *c, uint32_t n)
{
    return (uint32_t)(((uint64_t)random_u32(c) * n) >> 32);
}

static unsigned top_bit(uint32_t v)
{
    unsigned bit = 31u;
    while ((v >> bit) == 0u) {
        bit--;
    }
    return bit;
}

static unsigned low_bit(uint32_t v)
{
    unsigned bit = 0u;
    while (((v >> bit) & 1u) == 0u) {
        bit++;
    }
    return bit;
}

static uint8_t *bytes_of(uint32_t *words)
{
    return (uint8_t *)words;
}

static const uint8_t *const_bytes_of(const uint32_t *words)
{
    return (const uint8_t *)words;
}

/* ---- independent software CRC-32 (STM32 unit's parameters) ----------------- */

/** Feeds one word MSB first: polynomial 0x04C11DB7, no reflection. */
static uint32_t crc_word(uint32_t crc, uint32_t word)
{
    crc ^= word;
    for (unsigned i = 0u; i < 32u; i++) {
        crc = (crc & 0x80000000u) != 0u ? (crc << 1) ^ CRC_POLYNOMIAL : crc << 1;
    }
    return crc;
}

static uint32_t crc_words(uint32_t crc, const uint32_t *words, size_t count)
{
    for (size_t i = 0u; i < count; i++) {
        crc = crc_word(crc, words[i]);
    }
    return crc;
}

/* ---- the platform, as tests/host/stm32_fixture.cpp sets it up -------------- */

/** HSE and the PLL on through the RCC model: the RNG needs PLL48CLK. */
static bool start_pll(void)
{
    const uint32_t cr = BOARD_RCC_BASE + RCC_CR_OFFSET;
    stm32_mmio_write32(BOARD_RCC_BASE + RCC_PLLCFGR_OFFSET, RCC_PLLCFGR_PLLSRC_HSE);
    stm32_mmio_write32(cr, stm32_mmio_read32(cr) | RCC_CR_HSEON | RCC_CR_PLLON);
    return (stm32_mmio_read32(cr) & RCC_CR_PLLRDY) != 0u;
}

/** Leaves the core unsealed, as after a fresh boot: an initialisation over an
 *  unusable area fails and clears the seal. */
static bool forget_seal(const campaign_t *c)
{
    host_port_set_area(NULL, 0u);
    const int status = stack_check_init_corruption_detect_area();
    host_port_set_area(c->live, c->words);
    return status == STACK_CHECK_ERR_LAYOUT;
}

/** Models reset, area of the chosen size, PLL on (if @p pll), seal forgotten. */
static bool fresh_start(const campaign_t *c, bool pll)
{
    host_port_reset(c->model_seed);
    host_port_set_area(c->live, c->words);
    if (pll && !start_pll()) {
        return false;
    }
    return forget_seal(c);
}

static bool seal(campaign_t *c)
{
    if (stack_check_init_corruption_detect_area() != STACK_CHECK_OK) {
        return false;
    }
    memcpy(c->sealed, c->live, c->bytes);
    return true;
}

static void setup_or_die(bool ok, const char *what)
{
    if (!ok) {
        printf("CAMPAIGN: FAIL (setup: %s)\n", what);
        exit(1);
    }
}

/** Fresh platform and a sealed area: the start of classes a to d. */
static void start_sealed(campaign_t *c)
{
    setup_or_die(fresh_start(c, true), "could not reset the port and forget the seal");
    setup_or_die(seal(c), "stack_check_init_corruption_detect_area() failed on healthy models");
}

/* ---- area bits and their syndromes ------------------------------------------ */

/** Which bits of a word each byte of it holds, found on this machine. */
static void find_lanes(campaign_t *c)
{
    for (unsigned k = 0u; k < 4u; k++) {
        uint8_t bytes[4] = {0u, 0u, 0u, 0u};
        uint32_t word = 0u;
        bytes[k] = 1u;
        memcpy(&word, bytes, sizeof word);
        c->lane_shift[k] = low_bit(word);
    }
}

/** Bit of its word that area bit @p bit (byte bit / 8, bit bit % 8) is. */
static unsigned bit_in_word(const campaign_t *c, size_t bit)
{
    return c->lane_shift[(bit / 8u) % 4u] + (unsigned)(bit % 8u);
}

/**
 * syndrome[i]: how flipping area bit i changes crc(data) ^ CRC word. A data
 * bit's is crc0 of that bit followed by the rest of the data words (zeros),
 * built backwards one zero word at a time; a CRC-word bit's is the bit itself
 * (0 in the control, whose check is blind to the CRC word).
 */
static void build_syndromes(campaign_t *c)
{
    const size_t data_words = c->words - 1u;
    uint32_t after[32];
    for (unsigned b = 0u; b < 32u; b++) {
        after[b] = crc_word(0u, 1u << b);
    }
    for (size_t w = data_words; w-- > 0u;) {
        for (size_t bit = w * 32u; bit < (w + 1u) * 32u; bit++) {
            c->syndrome[bit] = after[bit_in_word(c, bit)];
        }
        for (unsigned b = 0u; b < 32u; b++) {
            after[b] = crc_word(after[b], 0u);
        }
    }
    for (size_t bit = data_words * 32u; bit < c->bits; bit++) {
        c->syndrome[bit] = c->opt.control ? 0u : 1u << bit_in_word(c, bit);
    }
}

/** Syndrome of the image's difference from the sealed copy, from the table. */
static uint32_t image_syndrome(const campaign_t *c)
{
    const uint8_t *image = const_bytes_of(c->image);
    const uint8_t *sealed = const_bytes_of(c->sealed);
    uint32_t syndrome = 0u;
    for (size_t k = 0u; k < c->bytes; k++) {
        uint8_t diff = (uint8_t)(image[k] ^ sealed[k]);
        while (diff != 0u) {
            syndrome ^= c->syndrome[k * 8u + low_bit(diff)];
            diff = (uint8_t)(diff & (diff - 1u));
        }
    }
    return syndrome;
}

/** The same syndrome computed directly: what the check's residue depends on
 *  (the residue is F(crc ^ seal), F invertible: it is the sealed residue
 *  exactly when crc ^ STACK_CHECK_SEAL_XOR ^ seal is 0). */
static uint32_t direct_syndrome(const campaign_t *c)
{
    const size_t last = c->words - 1u;
    const uint32_t stored = c->opt.control ? c->sealed[last] : c->image[last];
    return crc_words(CRC_INITIAL, c->image, last) ^ STACK_CHECK_SEAL_XOR ^ stored;
}

/* ---- one injection ---------------------------------------------------------- */

static void begin_image(campaign_t *c)
{
    memcpy(c->image, c->sealed, c->bytes);
}

static void flip_image_bit(campaign_t *c, size_t bit)
{
    bytes_of(c->image)[bit / 8u] ^= (uint8_t)(1u << (bit % 8u));
}

/** The image into the area; the control keeps the sealed CRC word. */
static void apply_image(campaign_t *c)
{
    const size_t count = c->opt.control ? c->bytes - sizeof(uint32_t) : c->bytes;
    memcpy(c->live, c->image, count);
}

static void restore_area(campaign_t *c)
{
    memcpy(c->live, c->sealed, c->bytes);
}

/** A check of the restored, unmodified area: anything but OK is a false positive. */
static void clean_check(campaign_t *c, tally_t *t)
{
    restore_area(c);
    t->clean_checks++;
    if (stack_check_corruption_detect_area() != STACK_CHECK_OK) {
        t->false_positives++;
    }
}

/** Runs the real check on the current image; false if the image is unchanged. */
static bool inject(campaign_t *c, tally_t *t)
{
    if (memcmp(c->image, c->sealed, c->bytes) == 0) {
        t->unchanged++;
        return false;
    }
    const bool predicted = image_syndrome(c) != 0u;
    apply_image(c);
    const int status = stack_check_corruption_detect_area();
    restore_area(c);
    t->injected++;
    if (status == STACK_CHECK_ERR_CORRUPTED) {
        t->detected++;
    } else if (status == STACK_CHECK_OK) {
        t->missed++;
    } else {
        t->other++;
    }
    if ((status == STACK_CHECK_ERR_CORRUPTED && !predicted) || (status == STACK_CHECK_OK && predicted)) {
        t->mispredicted++;
    }
    if (t->injected % CLEAN_EVERY == 0u) {
        clean_check(c, t);
    }
    return true;
}

/* ---- a. single-bit flips -------------------------------------------------- */

static void class_single_bits(campaign_t *c, tally_t *t)
{
    for (size_t bit = 0u; bit < c->bits; bit++) {
        begin_image(c);
        flip_image_bit(c, bit);
        (void)inject(c, t);
    }
}

/* ---- b. bursts: bit orders ------------------------------------------------- */

/*
 * A burst is a run of consecutive bits in an order of the area's bits:
 * - memory order: address order, bit 0 of each byte first (area bit i is bit
 *   i % 8 of byte i / 8), what a stray write or a multi-cell upset touches;
 * - CRC order: the order in which the CRC consumes the area, word by word,
 *   bit 31 of each word first, the CRC word last.
 * The CRC's guarantee, every burst of at most 32 bits detected, is a statement
 * in CRC order. A memory-order run that crosses a word boundary lands at both
 * ends of a 64-bit CRC-order span (the top bits of one word come first in its
 * word, the low bits of the next word last in theirs), so the guarantee does
 * not carry over unchanged: the proof finds 31- and 32-bit memory-order runs
 * across a word boundary that hold an undetected pattern, while every run of
 * at most MEMORY_ORDER_PROVEN_BITS bits is detected. The campaign asserts
 * both statements and confirms the undetected patterns through the real check.
 */
#define MEMORY_ORDER_PROVEN_BITS 30u

static void build_orders(campaign_t *c)
{
    unsigned byte_of_lane[4];
    for (unsigned k = 0u; k < 4u; k++) {
        byte_of_lane[c->lane_shift[k] / 8u] = k;
    }
    for (size_t i = 0u; i < c->bits; i++) {
        const size_t word = i / 32u;
        const unsigned word_bit = 31u - (unsigned)(i % 32u);
        c->order[ORDER_MEMORY][i] = (uint32_t)i;
        c->order[ORDER_CRC][i] = (uint32_t)(word * 32u + byte_of_lane[word_bit / 8u] * 8u + word_bit % 8u);
    }
}

/* ---- b. bursts: injections ------------------------------------------------ */

static uint32_t low_mask(unsigned length)
{
    return length >= 32u ? 0xFFFFFFFFu : (1u << length) - 1u;
}

/** Random pattern of @p length bits with its first and last bit set. */
static uint32_t random_burst(campaign_t *c, unsigned length)
{
    return (random_u32(c) & low_mask(length)) | 1u | (1u << (length - 1u));
}

/** Pattern bit j flips bit start + j of @p order; false if nothing changed. */
static bool inject_burst(campaign_t *c, tally_t *t, bit_order_t order, size_t start, uint32_t pattern)
{
    begin_image(c);
    for (unsigned j = 0u; j < 32u; j++) {
        if (((pattern >> j) & 1u) != 0u) {
            flip_image_bit(c, c->order[order][start + j]);
        }
    }
    return inject(c, t);
}

static void bursts_in_order(campaign_t *c, tally_t *t, bit_order_t order)
{
    const unsigned randoms = c->opt.full ? BURST_RANDOM_FULL : BURST_RANDOM_FAST;
    for (unsigned length = 1u; length <= BURST_MAX_BITS; length++) {
        for (size_t start = 0u; start + length <= c->bits; start++) {
            (void)inject_burst(c, t, order, start, low_mask(length));
            for (unsigned r = 0u; r < randoms; r++) {
                (void)inject_burst(c, t, order, start, random_burst(c, length));
            }
        }
    }
}

static void class_bursts_memory_order(campaign_t *c, tally_t *t)
{
    bursts_in_order(c, t, ORDER_MEMORY);
}

static void class_bursts_crc_order(campaign_t *c, tally_t *t)
{
    bursts_in_order(c, t, ORDER_CRC);
}

/* ---- b. bursts: the GF(2) proof ------------------------------------------- */

/** Checks what the proof stands on; false with the reason otherwise. */
static bool check_premises(campaign_t *c, char *why, size_t size)
{
    if (crc_word(CRC_INITIAL, CRC_KAT_WORD) != CRC_KAT_RESULT) {
        snprintf(why, size, "software CRC fails the known answer");
        return false;
    }
    if ((crc_words(CRC_INITIAL, c->sealed, c->words - 1u) ^ STACK_CHECK_SEAL_XOR) != c->sealed[c->words - 1u] ||
        crc_words(CRC_INITIAL, c->sealed, c->words) != STACK_CHECK_SEAL_RESIDUE) {
        snprintf(why, size, "software CRC differs from the unit's seal");
        return false;
    }
    for (unsigned sample = 0u; sample < PREMISE_SAMPLES; sample++) {
        begin_image(c);
        const uint32_t flips = 1u + random_below(c, 8u);
        for (uint32_t i = 0u; i < flips; i++) {
            flip_image_bit(c, random_below(c, (uint32_t)c->bits));
        }
        if (image_syndrome(c) != direct_syndrome(c)) {
            snprintf(why, size, "syndrome table differs from the direct CRC (sample %u)", sample);
            return false;
        }
    }
    return true;
}

/** A basis vector and which window bits (pattern bits) it combines. */
typedef struct {
    uint32_t vector;
    uint32_t pattern;
} basis_entry_t;

/**
 * Incremental Gaussian elimination: reduces @p v (the syndrome of the window
 * bits in @p pattern) by the basis, indexed by leading bit. Adds it and
 * returns 0 when it is independent; otherwise returns the non-zero pattern
 * whose syndromes sum to 0: a burst the check cannot see.
 */
static uint32_t add_or_null_pattern(basis_entry_t basis[32], uint32_t v, uint32_t pattern)
{
    while (v != 0u) {
        const unsigned lead = top_bit(v);
        if (basis[lead].vector == 0u) {
            basis[lead].vector = v;
            basis[lead].pattern = pattern;
            return 0u;
        }
        v ^= basis[lead].vector;
        pattern ^= basis[lead].pattern;
    }
    return pattern;
}

static void count_window(proof_t *p, size_t start, unsigned length, bool dependent)
{
    if (length > p->limit) {
        p->windows_beyond++;
        p->dependent_beyond += dependent ? 1u : 0u;
        return;
    }
    p->windows++;
    if (!dependent) {
        p->proven++;
    } else if (p->dependent++ == 0u) {
        p->first_start = start;
        p->first_length = length;
    }
}

/**
 * Every window (start, length <= 32) of @p order: its syndromes independent
 * (every burst in it detected) or dependent. A start whose windows become
 * dependent yields the undetected pattern of its shortest dependent window,
 * injected through the real check into @p blind (which must miss it, as the
 * syndrome predicts).
 */
static void prove_order(campaign_t *c, bit_order_t order, proof_t *p, tally_t *blind)
{
    for (size_t start = 0u; start < c->bits; start++) {
        basis_entry_t basis[32];
        memset(basis, 0, sizeof basis);
        uint32_t null_pattern = 0u;
        unsigned null_length = 0u;
        for (unsigned length = 1u; length <= BURST_MAX_BITS && start + length <= c->bits; length++) {
            if (null_pattern == 0u) {
                const uint32_t bit = c->order[order][start + length - 1u];
                null_pattern = add_or_null_pattern(basis, c->syndrome[bit], 1u << (length - 1u));
                null_length = length;
            }
            count_window(p, start, length, null_pattern != 0u);
        }
        if (null_pattern != 0u && inject_burst(c, blind, order, start, null_pattern) && p->blind_spots++ == 0u) {
            p->first_blind_start = start;
            p->first_blind_length = null_length;
            p->first_blind_pattern = null_pattern;
        }
    }
}

static void proof_row(const proof_t *p, tally_t *t)
{
    t->injected = p->windows;
    t->detected = p->proven;
    t->missed = p->dependent;
}

/** Both proofs on a sealed area; false (with @p why) if a premise fails. */
static bool run_proofs(campaign_t *c, proof_t proofs[ORDERS], tally_t *crc_row, tally_t *memory_row, tally_t *blind,
                       char *why, size_t why_size)
{
    const double start = now_seconds();
    start_sealed(c);
    clean_check(c, blind);
    for (unsigned order = 0u; order < ORDERS; order++) {
        memset(&proofs[order], 0, sizeof proofs[order]);
        proofs[order].limit = order == ORDER_CRC ? BURST_MAX_BITS : MEMORY_ORDER_PROVEN_BITS;
    }
    const bool premises_hold = check_premises(c, why, why_size);
    prove_order(c, ORDER_CRC, &proofs[ORDER_CRC], blind);
    prove_order(c, ORDER_MEMORY, &proofs[ORDER_MEMORY], blind);
    clean_check(c, blind);
    proof_row(&proofs[ORDER_CRC], crc_row);
    proof_row(&proofs[ORDER_MEMORY], memory_row);
    crc_row->seconds = memory_row->seconds = blind->seconds = now_seconds() - start;
    return premises_hold;
}

/* ---- c. random multi-byte corruptions ------------------------------------- */

static bool offset_taken(const size_t *offsets, uint32_t count, size_t offset)
{
    for (uint32_t i = 0u; i < count; i++) {
        if (offsets[i] == offset) {
            return true;
        }
    }
    return false;
}

/** 2..16 distinct random bytes (at most the area) overwritten with random values. */
static void corrupt_random_bytes(campaign_t *c)
{
    size_t offsets[RANDOM_BYTES_MAX];
    uint32_t count = RANDOM_BYTES_MIN + random_below(c, RANDOM_BYTES_MAX - RANDOM_BYTES_MIN + 1u);
    if (count > c->bytes) {
        count = (uint32_t)c->bytes;
    }
    begin_image(c);
    for (uint32_t i = 0u; i < count; i++) {
        size_t offset;
        do {
            offset = random_below(c, (uint32_t)c->bytes);
        } while (offset_taken(offsets, i, offset));
        offsets[i] = offset;
        bytes_of(c->image)[offset] = (uint8_t)random_u32(c);
    }
}

static void class_random_bytes(campaign_t *c, tally_t *t)
{
    const uint64_t target = c->opt.full ? RANDOM_CORRUPTIONS_FULL : RANDOM_CORRUPTIONS_FAST;
    while (t->injected < target) {
        corrupt_random_bytes(c);
        (void)inject(c, t);
    }
}

/* ---- d. stack excursions ----------------------------------------------------- */

/** One word as a Cortex-M stack holds them. */
static uint32_t stack_word(campaign_t *c)
{
    switch (random_below(c, 4u)) {
    case 0u:
        return 0x08000000u | (random_u32(c) & 0x0000FFFEu) | 1u; /* Thumb return address */
    case 1u:
        return 0x20000000u | (random_u32(c) & 0x0000FFF8u);      /* frame or data pointer */
    case 2u:
        return random_below(c, 256u);                            /* counter, index, flag */
    default:
        return random_u32(c);                                    /* saved register */
    }
}

/** Depth @p depth bytes at the stack's end of the area; false if it changed nothing. */
static bool excursion(campaign_t *c, tally_t *t, size_t depth, bool from_below)
{
    for (size_t i = 0u; i < c->words; i++) {
        c->stack[i] = stack_word(c);
    }
    const size_t first = from_below ? 0u : c->bytes - depth;
    begin_image(c);
    memcpy(bytes_of(c->image) + first, const_bytes_of(c->stack) + first, depth);
    return inject(c, t);
}

static void class_excursions(campaign_t *c, tally_t *t)
{
    for (size_t depth = 1u; depth <= c->bytes; depth++) {
        for (unsigned end = 0u; end < 2u; end++) {
            for (unsigned attempt = 0u; attempt < EXCURSION_ATTEMPTS; attempt++) {
                if (excursion(c, t, depth, end == 0u)) {
                    break;
                }
            }
        }
    }
}

/* ---- e. RNG and CRC failure modes ---------------------------------------- */

typedef enum {
    FAULT_AT_INIT,    /* injected before the initialisation */
    FAULT_NO_PLL,     /* PLL never started: no PLL48CLK for the RNG */
    FAULT_AFTER_SEAL  /* injected after a good seal, before a check */
} fault_when_t;

typedef struct {
    const char *name;
    const char *cause;   /* equal causes share a code, different causes differ; NULL: not a failure */
    fault_when_t when;
    stm32_model_rng_fault_t rng;
    stm32_model_crc_fault_t crc;
    int expected;        /* init's result (AT_INIT, NO_PLL) or the check's (AFTER_SEAL) */
} failure_mode_t;

static const failure_mode_t failure_modes[] = {
    {"RNG DRDY never rises", "RNG timeout", FAULT_AT_INIT, STM32_MODEL_RNG_DRDY_STUCK, STM32_MODEL_CRC_HEALTHY,
     STACK_CHECK_ERR_RNG_TIMEOUT},
    {"RNG seed error once (recovers)", NULL, FAULT_AT_INIT, STM32_MODEL_RNG_SEED_ERROR_ONCE,
     STM32_MODEL_CRC_HEALTHY, STACK_CHECK_OK},
    {"RNG seed error stuck", "RNG seed", FAULT_AT_INIT, STM32_MODEL_RNG_SEED_ERROR_STUCK, STM32_MODEL_CRC_HEALTHY,
     STACK_CHECK_ERR_RNG_SEED},
    {"RNG clock error", "RNG clock", FAULT_AT_INIT, STM32_MODEL_RNG_CLOCK_ERROR, STM32_MODEL_CRC_HEALTHY,
     STACK_CHECK_ERR_RNG_CLOCK},
    {"RNG without PLL48CLK", "RNG clock", FAULT_NO_PLL, STM32_MODEL_RNG_HEALTHY, STM32_MODEL_CRC_HEALTHY,
     STACK_CHECK_ERR_RNG_CLOCK},
    {"RNG repeated word", "RNG repeat", FAULT_AT_INIT, STM32_MODEL_RNG_REPEAT_ONCE, STM32_MODEL_CRC_HEALTHY,
     STACK_CHECK_ERR_RNG_REPEAT},
    {"CRC unit reads 0", "CRC unit", FAULT_AT_INIT, STM32_MODEL_RNG_HEALTHY, STM32_MODEL_CRC_STUCK_ZERO,
     STACK_CHECK_ERR_CRC},
    {"CRC unit ignores RESET", "CRC unit", FAULT_AT_INIT, STM32_MODEL_RNG_HEALTHY, STM32_MODEL_CRC_RESET_IGNORED,
     STACK_CHECK_ERR_CRC},
    {"CRC unit computes wrong", "CRC unit", FAULT_AT_INIT, STM32_MODEL_RNG_HEALTHY, STM32_MODEL_CRC_WRONG_RESULT,
     STACK_CHECK_ERR_CRC},
    {"CRC unit reads 0", NULL, FAULT_AFTER_SEAL, STM32_MODEL_RNG_HEALTHY,
     STM32_MODEL_CRC_STUCK_ZERO, STACK_CHECK_ERR_CRC},
    {"CRC unit ignores RESET", NULL, FAULT_AFTER_SEAL, STM32_MODEL_RNG_HEALTHY,
     STM32_MODEL_CRC_RESET_IGNORED, STACK_CHECK_ERR_CRC},
    /* The wrong residue sends the check to the unit's self-test, which the
     * wrong known answer fails: a unit fault, told apart from corruption. */
    {"CRC unit computes wrong", NULL, FAULT_AFTER_SEAL, STM32_MODEL_RNG_HEALTHY,
     STM32_MODEL_CRC_WRONG_RESULT, STACK_CHECK_ERR_CRC},
};

#define FAILURE_MODES (sizeof failure_modes / sizeof failure_modes[0])
#define FAILURE_CASES (2u * FAILURE_MODES) /* at most: at boot and over a seal */

/** One run of a mode: a mode injected before init runs twice, at boot (seal
 *  forgotten) and over a good seal, which a failed re-init must drop. */
typedef struct {
    const failure_mode_t *mode;
    bool over_seal;
    int init_status;  /* STACK_CHECK_OK when init is not run (FAULT_AFTER_SEAL) */
    int check_status;
    bool behaved;
} failure_case_t;

static void inject_faults(const failure_mode_t *m)
{
    stm32_periph_model_inject_rng(m->rng);
    stm32_periph_model_inject_crc(m->crc);
}

static void clear_faults(void)
{
    stm32_periph_model_inject_rng(STM32_MODEL_RNG_HEALTHY);
    stm32_periph_model_inject_crc(STM32_MODEL_CRC_HEALTHY);
}

/** PLL off through the RCC model: the RNG loses PLL48CLK. */
static void stop_pll(void)
{
    const uint32_t cr = BOARD_RCC_BASE + RCC_CR_OFFSET;
    stm32_mmio_write32(cr, stm32_mmio_read32(cr) & ~RCC_CR_PLLON);
}

static void run_failure_case(campaign_t *c, failure_case_t *k)
{
    const failure_mode_t *m = k->mode;
    k->init_status = STACK_CHECK_OK;
    if (!k->over_seal) {
        setup_or_die(fresh_start(c, m->when != FAULT_NO_PLL), "could not reset the port and forget the seal");
    } else {
        start_sealed(c);
    }
    if (m->when == FAULT_NO_PLL) {
        stop_pll();
    }
    inject_faults(m);
    if (m->when != FAULT_AFTER_SEAL) {
        k->init_status = stack_check_init_corruption_detect_area();
    }
    k->check_status = stack_check_corruption_detect_area();
    if (m->when == FAULT_AFTER_SEAL) {
        k->behaved = k->check_status == m->expected && k->check_status != STACK_CHECK_OK;
    } else if (m->expected == STACK_CHECK_OK) {
        k->behaved = k->init_status == STACK_CHECK_OK && k->check_status == STACK_CHECK_OK;
    } else {
        k->behaved = k->init_status == m->expected && k->check_status != STACK_CHECK_OK;
    }
}

/** Fault gone (clock back): a new seal must check clean. */
static void recover_after_case(campaign_t *c, const failure_case_t *k, tally_t *t)
{
    clear_faults();
    if (k->mode->when == FAULT_NO_PLL && !start_pll()) {
        t->false_positives++;
        return;
    }
    if (!seal(c)) {
        t->false_positives++;
        return;
    }
    clean_check(c, t);
}

/** Failed initialisations: equal causes give equal codes, different causes different ones. */
static uint64_t code_conflicts(const failure_case_t *cases, size_t count)
{
    uint64_t conflicts = 0u;
    for (size_t i = 0u; i < count; i++) {
        for (size_t j = i + 1u; j < count; j++) {
            const char *a = cases[i].mode->cause;
            const char *b = cases[j].mode->cause;
            if (a == NULL || b == NULL) {
                continue;
            }
            const bool same_cause = strcmp(a, b) == 0;
            const bool same_code = cases[i].init_status == cases[j].init_status;
            if (same_cause != same_code) {
                conflicts++;
            }
        }
    }
    return conflicts;
}

/** Runs every case; returns how many there are. */
static size_t class_failure_modes(campaign_t *c, tally_t *t, failure_case_t cases[FAILURE_CASES])
{
    size_t count = 0u;
    for (size_t i = 0u; i < FAILURE_MODES; i++) {
        for (unsigned over_seal = 0u; over_seal < 2u; over_seal++) {
            const failure_mode_t *m = &failure_modes[i];
            if (m->when == FAULT_AFTER_SEAL && over_seal == 0u) {
                continue; /* only exists over a seal */
            }
            failure_case_t *k = &cases[count++];
            k->mode = m;
            k->over_seal = over_seal != 0u;
            run_failure_case(c, k);
            t->injected++;
            if (k->behaved) {
                t->detected++;
            } else {
                t->missed++;
            }
            recover_after_case(c, k, t);
        }
    }
    t->other = code_conflicts(cases, count);
    return count;
}

static void print_failure_cases(const failure_case_t *cases, size_t count)
{
    printf("e. failure modes: fault injected before | init | check\n");
    for (size_t i = 0u; i < count; i++) {
        const failure_case_t *k = &cases[i];
        const bool init_run = k->mode->when != FAULT_AFTER_SEAL;
        const char *before = !init_run ? "check (sealed)" : k->over_seal ? "re-init (sealed)" : "init at boot";
        printf("   %-31s %-16s | %-30s | %-31s %s\n", k->mode->name, before,
               init_run ? stack_check_status_name(k->init_status) : "-",
               stack_check_status_name(k->check_status), k->behaved ? "ok" : "WRONG");
    }
}

/* ---- f. checks before init -------------------------------------------------- */

/** Random words with their correct CRC: a seal the core never made. */
static void plant_valid_looking_area(campaign_t *c)
{
    for (size_t i = 0u; i + 1u < c->words; i++) {
        c->live[i] = random_u32(c);
    }
    c->live[c->words - 1u] = crc_words(CRC_INITIAL, c->live, c->words - 1u);
}

static void class_before_init(campaign_t *c, tally_t *t)
{
    setup_or_die(fresh_start(c, true), "could not reset the port and forget the seal");
    for (unsigned i = 0u; i < PRE_INIT_CHECKS; i++) {
        if (i % 2u == 1u) {
            plant_valid_looking_area(c);
        }
        const int status = stack_check_corruption_detect_area();
        t->injected++;
        if (status == STACK_CHECK_ERR_NOT_INITIALISED) {
            t->detected++;
        } else if (status == STACK_CHECK_OK) {
            t->missed++;
        } else {
            t->other++;
        }
    }
    setup_or_die(seal(c), "stack_check_init_corruption_detect_area() failed on healthy models");
    clean_check(c, t);
}

/* ---- running, judging, printing ------------------------------------------- */

enum {
    ROW_A,
    ROW_B_MEMORY,
    ROW_B_CRC,
    ROW_PROOF_CRC,
    ROW_PROOF_MEMORY,
    ROW_BLIND,
    ROW_C,
    ROW_D,
    ROW_E,
    ROW_F,
    ROWS
};

typedef void (*class_fn)(campaign_t *c, tally_t *t);

/** Sealed start, the class, clean checks around it, its time. */
static void run_injection_class(campaign_t *c, tally_t *t, class_fn fn)
{
    const double start = now_seconds();
    start_sealed(c);
    clean_check(c, t);
    fn(c, t);
    clean_check(c, t);
    t->seconds = now_seconds() - start;
}

/** Appends "key: count what" to the reasons, "; "-separated. */
static void add_reason(char *reasons, size_t size, const char *key, uint64_t count, const char *what)
{
    const size_t used = strlen(reasons);
    snprintf(reasons + used, size - used, "%s%s: %" PRIu64 " %s", used > 0u ? "; " : "", key, count, what);
}

static void judge(const tally_t *t, char *reasons, size_t size)
{
    if (t->missed != 0u && !t->misses_allowed) {
        add_reason(reasons, size, t->key, t->missed, t->miss_word);
    }
    if (t->false_positives != 0u) {
        add_reason(reasons, size, t->key, t->false_positives, "false positives");
    }
    if (t->other != 0u) {
        add_reason(reasons, size, t->key, t->other, t->other_word);
    }
    if (t->mispredicted != 0u) {
        add_reason(reasons, size, t->key, t->mispredicted, "mispredicted");
    }
}

#define LABEL_WIDTH 46

static void print_rule(void)
{
    printf("%.*s\n", LABEL_WIDTH + 6 * 11 + 9,
           "-------------------------------------------------------------------------------"
           "-------------------------------------------------------------------------------");
}

static void print_header(void)
{
    printf("%-*s %10s %10s %10s %10s %10s %10s %8s\n", LABEL_WIDTH, "class", "injected", "detected", "missed",
           "other", "false pos", "clean chk", "time s");
    print_rule();
}

static void print_row(const tally_t *t)
{
    char false_positives[24] = "-";
    char clean_checks[24] = "-";
    if (!t->no_clean_checks) {
        snprintf(false_positives, sizeof false_positives, "%" PRIu64, t->false_positives);
        snprintf(clean_checks, sizeof clean_checks, "%" PRIu64, t->clean_checks);
    }
    printf("%-*s %10" PRIu64 " %10" PRIu64 " %10" PRIu64 " %10" PRIu64 " %10s %10s %8.2f\n", LABEL_WIDTH, t->label,
           t->injected, t->detected, t->missed, t->other, false_positives, clean_checks, t->seconds);
}

static void print_proof_notes(const proof_t proofs[ORDERS], const tally_t *blind)
{
    static const char *const names[ORDERS] = {"memory order: address order, bit 0 of each byte first",
                                              "CRC order: word by word, bit 31 first, the CRC word last"};
    static const unsigned shown[ORDERS] = {ORDER_CRC, ORDER_MEMORY};
    for (unsigned i = 0u; i < ORDERS; i++) {
        const proof_t *p = &proofs[shown[i]];
        printf("bursts <= %u bits proven detected: %" PRIu64 " windows (%s)", p->limit, p->proven, names[shown[i]]);
        if (p->dependent != 0u) {
            printf("; %" PRIu64 " windows DEPENDENT, the first at bit %zu, length %u", p->dependent, p->first_start,
                   p->first_length);
        }
        printf("\n");
        if (p->windows_beyond != 0u) {
            printf("   %u..32 bits: %" PRIu64 " of %" PRIu64 " windows proven, %" PRIu64 " dependent\n", p->limit + 1u,
                   p->windows_beyond - p->dependent_beyond, p->windows_beyond, p->dependent_beyond);
        }
        if (p->blind_spots != 0u) {
            printf("   %" PRIu64 " start bits have an undetected burst, the first at bit %zu: %u bits, pattern 0x%08" PRIx32
                   "\n",
                   p->blind_spots, p->first_blind_start, p->first_blind_length, p->first_blind_pattern);
        }
    }
    if (blind->injected != 0u) {
        printf("undetected bursts the proof found, injected through the real check: %" PRIu64 " missed, %" PRIu64
               " detected (must be 0)\n",
               blind->missed, blind->detected);
    }
}

static void print_class_notes(const tally_t *rows)
{
    for (size_t i = 0u; i < ROWS; i++) {
        const tally_t *t = &rows[i];
        if (t->unchanged != 0u) {
            printf("%s: %" PRIu64 " draws left the area unchanged (not counted as injections)\n", t->key,
                   t->unchanged);
        }
        if (t->mispredicted != 0u) {
            printf("%s: %" PRIu64 " results disagree with the syndrome prediction\n", t->key, t->mispredicted);
        }
        if (i == ROW_C && t->missed != 0u) {
            printf("%s: %" PRIu64 " corruptions missed (allowed: about %.2g expected at 2^-32 each)\n", t->key,
                   t->missed, (double)t->injected / 4294967296.0);
        }
    }
}

/* ---- options ---------------------------------------------------------------- */

static void usage(FILE *out)
{
    fprintf(out,
            "usage: host_campaign [--fast | --full] [--seed S] [--area-bytes N] [--control] [--help]\n"
            "  --fast          bursts with 4 random patterns per window, 20,000 random corruptions (default)\n"
            "  --full          bursts with 64 random patterns per window, 1,000,000 random corruptions\n"
            "  --seed S        xorshift seed, decimal or 0x hex (0 means the default, 0x%016" PRIx64 ")\n"
            "  --area-bytes N  area size, a multiple of 32 in %u..%u (default %u); the burst class costs\n"
            "                  about N * N checks' worth of CRC work, so large areas take long in --full\n"
            "  --control       make the check blind to the CRC word: the campaign must FAIL (exit 1)\n"
            "exit status: 0 every assertion holds, 1 otherwise, 2 bad arguments\n",
            DEFAULT_SEED, MIN_AREA_BYTES, MAX_AREA_BYTES, HOST_PORT_DEFAULT_AREA_BYTES);
}

static bool parse_u64(const char *text, uint64_t *value)
{
    char *end = NULL;
    if (text == NULL || *text == '\0' || *text == '-') {
        return false;
    }
    const unsigned long long parsed = strtoull(text, &end, 0);
    if (*end != '\0') {
        return false;
    }
    *value = (uint64_t)parsed;
    return true;
}

static bool parse_area_bytes(const char *text, size_t *bytes)
{
    uint64_t value = 0u;
    if (!parse_u64(text, &value) || value < MIN_AREA_BYTES || value > MAX_AREA_BYTES || value % 32u != 0u) {
        return false;
    }
    *bytes = (size_t)value;
    return true;
}

/** 0 ok, 1 --help given, 2 bad arguments. */
static int parse_options(int argc, char **argv, options_t *opt)
{
    opt->full = false;
    opt->control = false;
    opt->seed = DEFAULT_SEED;
    opt->area_bytes = HOST_PORT_DEFAULT_AREA_BYTES;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            return 1;
        } else if (strcmp(arg, "--fast") == 0) {
            opt->full = false;
        } else if (strcmp(arg, "--full") == 0) {
            opt->full = true;
        } else if (strcmp(arg, "--control") == 0) {
            opt->control = true;
        } else if (strcmp(arg, "--seed") == 0) {
            if (i + 1 >= argc || !parse_u64(argv[++i], &opt->seed)) {
                fprintf(stderr, "host_campaign: --seed needs a number\n");
                return 2;
            }
        } else if (strcmp(arg, "--area-bytes") == 0) {
            if (i + 1 >= argc || !parse_area_bytes(argv[++i], &opt->area_bytes)) {
                fprintf(stderr, "host_campaign: --area-bytes needs a multiple of 32 from %u to %u\n", MIN_AREA_BYTES,
                        MAX_AREA_BYTES);
                return 2;
            }
        } else {
            fprintf(stderr, "host_campaign: unknown argument '%s'\n", arg);
            return 2;
        }
    }
    return 0;
}

static void init_campaign(campaign_t *c, const options_t *opt)
{
    c->opt = *opt;
    c->bytes = opt->area_bytes;
    c->words = c->bytes / sizeof(uint32_t);
    c->bits = c->bytes * 8u;
    c->live = host_port_area_buffer();
    if (c->opt.seed == 0u) {
        c->opt.seed = DEFAULT_SEED; /* xorshift needs a non-zero state */
    }
    c->random_state = c->opt.seed;
    c->model_seed = (uint32_t)(c->opt.seed ^ (c->opt.seed >> 32));
    find_lanes(c);
    build_syndromes(c);
    build_orders(c);
}

static void init_row(tally_t *t, const char *key, const char *label)
{
    memset(t, 0, sizeof *t);
    t->key = key;
    t->miss_word = "missed";
    t->other_word = "other results";
    snprintf(t->label, sizeof t->label, "%s", label);
}

static void init_rows(tally_t rows[ROWS], const campaign_t *c)
{
    char label[64];
    const unsigned randoms = c->opt.full ? BURST_RANDOM_FULL : BURST_RANDOM_FAST;
    snprintf(label, sizeof label, "a. single-bit flips (all %zu bits)", c->bits);
    init_row(&rows[ROW_A], "a", label);
    snprintf(label, sizeof label, "b. bursts, memory order (ones + %u random)", randoms);
    init_row(&rows[ROW_B_MEMORY], "b memory order", label);
    snprintf(label, sizeof label, "b. bursts, CRC order (ones + %u random)", randoms);
    init_row(&rows[ROW_B_CRC], "b CRC order", label);
    init_row(&rows[ROW_PROOF_CRC], "b proof CRC order", "b. proof, CRC order, <= 32 bits (windows)");
    snprintf(label, sizeof label, "b. proof, memory order, <= %u bits (windows)", MEMORY_ORDER_PROVEN_BITS);
    init_row(&rows[ROW_PROOF_MEMORY], "b proof memory order", label);
    init_row(&rows[ROW_BLIND], "b undetected bursts", "b. blind bursts of the proof (must be missed)");
    init_row(&rows[ROW_C], "c", "c. random 2..16-byte overwrites");
    init_row(&rows[ROW_D], "d", "d. stack excursions (both ends, every depth)");
    init_row(&rows[ROW_E], "e", "e. RNG/CRC failure modes");
    init_row(&rows[ROW_F], "f", "f. checks before init (seal forgotten)");
    rows[ROW_PROOF_CRC].no_clean_checks = true;
    rows[ROW_PROOF_MEMORY].no_clean_checks = true;
    rows[ROW_PROOF_CRC].miss_word = "dependent windows";
    rows[ROW_PROOF_MEMORY].miss_word = "dependent windows";
    rows[ROW_BLIND].misses_allowed = true; /* expected: the proof says the check cannot see them */
    rows[ROW_C].misses_allowed = true;
    rows[ROW_E].other_word = "pairs of modes breaking one code per cause";
}

static void print_banner(const campaign_t *c)
{
    printf("SafetyMonitor fault-injection campaign, host: real core and STM32 drivers on the register models\n");
    printf("mode %s%s, seed 0x%016" PRIx64 ", area %zu bytes (%zu words, word %zu holds the seal), "
           "clean check every %u injections\n",
           c->opt.full ? "full" : "fast", c->opt.control ? " CONTROL (the check is blind to the CRC word)" : "",
           c->opt.seed, c->bytes, c->words, c->words - 1u, CLEAN_EVERY);
    printf("(proof rows: injected = windows, detected = proven, missed = dependent; "
           "class e: one case = one injection; class f: detected = STACK_CHECK_ERR_NOT_INITIALISED)\n\n");
}

int main(int argc, char **argv)
{
    options_t opt;
    const int parsed = parse_options(argc, argv, &opt);
    if (parsed != 0) {
        usage(parsed == 1 ? stdout : stderr);
        return parsed == 1 ? 0 : 2;
    }
    campaign_t *c = &campaign;
    init_campaign(c, &opt);
    print_banner(c);
    fflush(stdout);

    tally_t rows[ROWS];
    init_rows(rows, c);
    proof_t proofs[ORDERS];
    failure_case_t failure_cases[FAILURE_CASES];

    run_injection_class(c, &rows[ROW_A], class_single_bits);
    run_injection_class(c, &rows[ROW_B_MEMORY], class_bursts_memory_order);
    run_injection_class(c, &rows[ROW_B_CRC], class_bursts_crc_order);
    char premise_failure[96] = "";
    const bool premises_hold = run_proofs(c, proofs, &rows[ROW_PROOF_CRC], &rows[ROW_PROOF_MEMORY], &rows[ROW_BLIND],
                                          premise_failure, sizeof premise_failure);
    run_injection_class(c, &rows[ROW_C], class_random_bytes);
    run_injection_class(c, &rows[ROW_D], class_excursions);
    double start = now_seconds();
    const size_t failure_case_count = class_failure_modes(c, &rows[ROW_E], failure_cases);
    rows[ROW_E].seconds = now_seconds() - start;
    start = now_seconds();
    class_before_init(c, &rows[ROW_F]);
    rows[ROW_F].seconds = now_seconds() - start;

    print_header();
    for (size_t i = 0u; i < ROWS; i++) {
        print_row(&rows[i]);
    }
    print_rule();
    print_proof_notes(proofs, &rows[ROW_BLIND]);
    if (!premises_hold) {
        printf("proof premise FAILED: %s\n", premise_failure);
    }
    print_class_notes(rows);
    print_failure_cases(failure_cases, failure_case_count);
    if (c->opt.control) {
        printf("control: the check was blind to the CRC word; the campaign must FAIL\n");
    }

    char reasons[768] = "";
    if (!premises_hold) {
        snprintf(reasons, sizeof reasons, "b proof: premise failed");
    }
    for (size_t i = 0u; i < ROWS; i++) {
        judge(&rows[i], reasons, sizeof reasons);
    }
    if (reasons[0] == '\0') {
        printf("CAMPAIGN: PASS\n");
        return 0;
    }
    printf("CAMPAIGN: FAIL (%s)\n", reasons);
    return 1;
}
