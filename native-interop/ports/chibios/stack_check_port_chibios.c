/**
 * @file stack_check_port_chibios.c
 * @brief Peripheral half of the `chibios` port: the nanoCLR shares the CRC
 *        unit and the RNG with nanoFramework itself, so the port goes through
 *        nanoFramework's ChibiOS overlay drivers and their lock, never the
 *        registers.
 *
 * CRC (nf-interpreter targets/ChibiOS/_nf-overlay/os/hal/.../hal_stm32_crc.h;
 * switch HAL_NF_USE_STM32_CRC, on by default): the same sequence as
 * nanoFramework's SUPPORT_ComputeCRC(): crcAquireModule(), crcStart(NULL),
 * crcReset(), crcCompute(), crcReleaseModule(). crcCompute() takes a size in
 * bytes and feeds the buffer's bytes in memory order, MSB first, from the
 * initial value given: with 0xFFFFFFFF that is CRC-32/MPEG-2 over the area's
 * bytes. (The bare-metal port feeds whole words to the unit instead; the
 * detection guarantees are the same.)
 *
 * RNG: the driver the target already uses, chosen as nanoFramework's own
 * System.Random backing (targetRandom.cpp) chooses it: the overlay RNG
 * (HAL_NF_USE_RNG: rngGenerate(); older snapshots HAL_NF_USE_STM32_RNG:
 * rngGenerateRandomNumber(), which returns 0 after its 200 ms timeout), else
 * ChibiOS's TRNG (HAL_USE_TRNG: trngGenerate(), true on a hardware error).
 * Every word then goes through the continuous test.
 */
#include "hal.h"
#include "hal_nf_community.h"

#include "rng_continuous_test.h"
#include "stack_check_status.h"
#include "stack_check_port.h"

#if !defined(HAL_NF_USE_STM32_CRC) || (HAL_NF_USE_STM32_CRC != TRUE)
#error "SafetyMonitor: the chibios port needs nanoFramework's CRC driver (HAL_NF_USE_STM32_CRC)"
#endif

#if defined(HAL_NF_USE_RNG) && (HAL_NF_USE_RNG == TRUE)
#define STACK_CHECK_RNG_OVERLAY_GENERATE 1
#elif defined(HAL_NF_USE_STM32_RNG) && (HAL_NF_USE_STM32_RNG == TRUE)
#define STACK_CHECK_RNG_OVERLAY_WORD 1
#elif defined(HAL_USE_TRNG) && (HAL_USE_TRNG == TRUE)
#define STACK_CHECK_RNG_TRNG 1
#else
#error "SafetyMonitor: the target enables no hardware RNG driver (HAL_NF_USE_RNG, HAL_NF_USE_STM32_RNG or HAL_USE_TRNG)"
#endif

/* Known answer of the unit (RM0090 §4.2): the bytes 12 34 56 78 from the
 * initial value 0xFFFFFFFF give 0xDF8A8A2B. */
static const uint8_t crc_kat_bytes[4] = {0x12u, 0x34u, 0x56u, 0x78u};
#define CRC_KAT_RESULT 0xDF8A8A2Bu
#define CRC_INITIAL_VALUE 0xFFFFFFFFu

static rng_continuous_test_t continuous_test;

static uint32_t crc_bytes(const void *bytes, uint32_t count)
{
    crcAquireModule();
    crcStart(NULL);
    crcReset();
    const uint32_t crc = crcCompute(bytes, count, CRC_INITIAL_VALUE);
    crcReleaseModule();
    return crc;
}

static int rng_raw_word(uint32_t *word)
{
#if defined(STACK_CHECK_RNG_OVERLAY_GENERATE)
    return rngGenerate(sizeof *word, (uint8_t *)word) ? STACK_CHECK_OK : STACK_CHECK_ERR_RNG_TIMEOUT;
#elif defined(STACK_CHECK_RNG_OVERLAY_WORD)
    *word = rngGenerateRandomNumber();
    /* The driver's only failure signal is 0 after its timeout; a true 0
     * (one in 2^32) is taken as one too, which fails safe. */
    return *word != 0u ? STACK_CHECK_OK : STACK_CHECK_ERR_RNG_TIMEOUT;
#else
    return trngGenerate(&TRNGD1, sizeof *word, (uint8_t *)word) ? STACK_CHECK_ERR_RNG_SEED : STACK_CHECK_OK;
#endif
}

int stack_check_port_crc_selftest(void)
{
    return crc_bytes(crc_kat_bytes, sizeof crc_kat_bytes) == CRC_KAT_RESULT ? STACK_CHECK_OK : STACK_CHECK_ERR_CRC;
}

int stack_check_port_init(void)
{
    if (stack_check_port_crc_selftest() != STACK_CHECK_OK) {
        return STACK_CHECK_ERR_CRC;
    }
#if defined(STACK_CHECK_RNG_TRNG)
    (void)trngStart(&TRNGD1, NULL);
#else
    /* Started again for every fill: nanoFramework's mbedTLS entropy hook
     * stops the RNG after its own use. */
    rngStart();
#endif
    rng_continuous_test_restart(&continuous_test);
    return STACK_CHECK_OK;
}

int stack_check_port_rng_word(uint32_t *word)
{
    return rng_continuous_test_next(&continuous_test, rng_raw_word, word);
}

uint32_t stack_check_port_crc(const uint32_t *words, size_t count)
{
    return crc_bytes(words, (uint32_t)(count * sizeof *words));
}
