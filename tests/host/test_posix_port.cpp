// The posix port (libsafetymon_native_test.so): pthread stack bounds, the
// getrandom() paths, the software CRC against the unit's vectors, and the
// area checks over real memory.
#include <gtest/gtest.h>

#include <pthread.h>

#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "crc_reference.h"

extern "C" {
#include "crc32_stm32_soft.h"
#include "stack_check.h"
#include "stack_check_port_layout.h"
void safetymon_test_entropy_fault(int mode);
unsigned safetymon_test_entropy_calls(void);
void safetymon_test_stack_query_fails(int fails);
#include "posix_entropy.h"
}

namespace {

enum { kHealthy = 0, kNotReady = 1, kFailed = 2, kRepeatOnce = 3, kShortReads = 4, kInterruptedOnce = 5, kShortCounting = 6 };

class PosixPort : public ::testing::Test {
protected:
    void SetUp() override { safetymon_test_entropy_fault(kHealthy); }
    void TearDown() override { safetymon_test_entropy_fault(kHealthy); }
};

struct ThreadSample {
    int32_t size = 0;
    int32_t free_top = 0;
    int32_t free_deep = 0;
};

__attribute__((noinline)) int32_t free_after_descent(int levels)
{
    volatile char frame[1024];
    frame[0] = static_cast<char>(levels);
    if (levels == 0) {
        return stack_check_get_free();
    }
    const int32_t result = free_after_descent(levels - 1);
    frame[1023] = frame[0];
    return result;
}

void *sample_thread(void *argument)
{
    auto *sample = static_cast<ThreadSample *>(argument);
    sample->size = stack_check_get_size();
    sample->free_top = stack_check_get_free();
    sample->free_deep = free_after_descent(32);
    return nullptr;
}

TEST_F(PosixPort, MeasuresTheCallingThreadsStack)
{
    constexpr size_t kStackBytes = 256 * 1024;
    pthread_attr_t attributes;
    ASSERT_EQ(pthread_attr_init(&attributes), 0);
    ASSERT_EQ(pthread_attr_setstacksize(&attributes, kStackBytes), 0);
    ThreadSample sample;
    pthread_t thread;
    ASSERT_EQ(pthread_create(&thread, &attributes, sample_thread, &sample), 0);
    ASSERT_EQ(pthread_join(thread, nullptr), 0);
    pthread_attr_destroy(&attributes);

    // glibc reports the stack without its guard page; thread control data
    // sits at the top, so the usable size is a little less than requested.
    EXPECT_LE(sample.size, static_cast<int32_t>(kStackBytes));
    EXPECT_GE(sample.size, static_cast<int32_t>(kStackBytes) - 32 * 1024);
    EXPECT_GT(sample.free_top, 0);
    EXPECT_LT(sample.free_top, sample.size);
    // 32 levels of 1 KiB frames take at least 32 KiB more.
    EXPECT_LE(sample.free_deep, sample.free_top - 32 * 1024);
}

// Runs `body(sample)` on a thread whose stack is `bytes` bytes at `stack`
// (memory the test owns and can inspect afterwards).
void run_on_stack(void *stack, size_t bytes, void *(*body)(void *), void *sample)
{
    pthread_attr_t attributes;
    ASSERT_EQ(pthread_attr_init(&attributes), 0);
    ASSERT_EQ(pthread_attr_setstack(&attributes, stack, bytes), 0);
    pthread_t thread;
    ASSERT_EQ(pthread_create(&thread, &attributes, body, sample), 0);
    ASSERT_EQ(pthread_join(thread, nullptr), 0);
    pthread_attr_destroy(&attributes);
}

struct PaintSample {
    int paint = -1;
    int32_t free_here = 0;
    int32_t mark = 0;
    int32_t painted_bytes = 0;
};

void *paint_thread(void *argument)
{
    auto *sample = static_cast<PaintSample *>(argument);
    const stack_check_stack_t stack = stack_check_port_stack();
    // Bind the calls below first: the dynamic linker's lazy binding runs
    // kilobytes deeper than this frame (a depth the mark would rightly show).
    stack_check_forget_paint();
    (void)stack_check_get_min_free();
    sample->free_here = stack_check_get_free();
    sample->paint = stack_check_paint();
    const uint32_t words = static_cast<uint32_t>((stack.end - stack.base) / 4u);
    for (uint32_t call = 0; call < 2u * ((words + STACK_CHECK_MIN_FREE_SCAN_WORDS - 1u) / STACK_CHECK_MIN_FREE_SCAN_WORDS) + 1u;
         call++) {
        sample->mark = stack_check_get_min_free();
    }
    const auto *word = reinterpret_cast<const uint32_t *>(stack.base);
    uint32_t run = 0;
    while (run < words && word[run] == STACK_CHECK_PAINT_WORD) {
        run++;
    }
    sample->painted_bytes = static_cast<int32_t>(run * 4u);
    stack_check_forget_paint();
    return nullptr;
}

TEST_F(PosixPort, PaintReachesTheRedZoneBelowTheStackPointerAndTheMarkStartsThere)
{
    // The x86-64 paint loop (ports/common/stack_check_port_paint.h) on a real
    // thread's stack: painted from the base up to the 128-byte red zone below
    // its own stack pointer; the mark starts at that stack pointer, within the
    // paint's own call below this frame.
    // A stack of its own: glibc would hand out a cached larger one (painted
    // in a window, not from its base) after another test's thread.
    constexpr size_t kStackBytes = 128 * 1024;
    void *stack = std::aligned_alloc(4096, kStackBytes);
    ASSERT_NE(stack, nullptr);
    PaintSample sample;
    run_on_stack(stack, kStackBytes, paint_thread, &sample);
    std::free(stack);
    ASSERT_EQ(STACK_CHECK_OK, sample.paint);
    EXPECT_LE(sample.mark, sample.free_here) << "the paint ran below this frame";
    EXPECT_GE(sample.mark, sample.free_here - 512) << "the mark starts deeper than the paint's call went";
    // Nothing ran below the paint's stack pointer since: exactly the red zone
    // lies between the paint and the mark.
    EXPECT_EQ(sample.painted_bytes, sample.mark - 128) << "the red zone is 128 bytes (System V AMD64 ABI 3.2.2)";
}

struct HugePaintSample {
    int paint = -1;
    int32_t free_here = 0;
    int32_t mark_after_paint = 0;
    int32_t free_deep = 0;
    int32_t mark_after_descent = 0;
};

void *huge_paint_thread(void *argument)
{
    auto *sample = static_cast<HugePaintSample *>(argument);
    stack_check_forget_paint();
    (void)stack_check_get_min_free();
    (void)free_after_descent(0);
    sample->free_here = stack_check_get_free();
    sample->paint = stack_check_paint();
    sample->mark_after_paint = stack_check_get_min_free();
    sample->free_deep = free_after_descent(64);  // 64 KiB deeper, inside the window
    for (uint32_t call = 0; call < 2u * (65535u / STACK_CHECK_MIN_FREE_SCAN_WORDS + 1u) + 1u; call++) {
        sample->mark_after_descent = stack_check_get_min_free();
    }
    stack_check_forget_paint();
    return nullptr;
}

TEST_F(PosixPort, EightMiBThreadStackIsPaintedInAWindowAndTheMarkFollowsADescent)
{
    // A stack as large as a POSIX main thread's (8 MiB, where nanoFramework's
    // POSIX nanoCLR runs): painted (before: -8, over 65535 words), at most
    // 65535 words right below the stack pointer, nothing further down.
    constexpr size_t kStackBytes = 8u * 1024u * 1024u;
    auto *stack = static_cast<uint32_t *>(std::aligned_alloc(4096, kStackBytes));
    ASSERT_NE(stack, nullptr);
    std::memset(stack, 0, kStackBytes);
    HugePaintSample sample;
    run_on_stack(stack, kStackBytes, huge_paint_thread, &sample);
    size_t painted = 0;
    size_t lowest = kStackBytes / 4u;
    for (size_t i = 0; i < kStackBytes / 4u; i++) {
        if (stack[i] == STACK_CHECK_PAINT_WORD) {
            painted++;
            lowest = i < lowest ? i : lowest;
        }
    }
    std::free(stack);
    ASSERT_EQ(STACK_CHECK_OK, sample.paint);
    EXPECT_LE(painted, 65535u) << "one paint stores at most 65535 words";
    EXPECT_GE(lowest * 4u + 65535u * 4u + 4096u, static_cast<size_t>(sample.free_here))
        << "painted more than a window below the stack pointer";
    EXPECT_LE(sample.mark_after_paint, sample.free_here) << "the mark starts at the paint's depth";
    EXPECT_GE(sample.mark_after_paint, sample.free_here - 512);
    // 64 KiB deeper: the mark sees it, never deeper than the stack went.
    EXPECT_LE(sample.mark_after_descent, sample.free_deep + 256) << "the descent was not seen";
    EXPECT_GE(sample.mark_after_descent, sample.free_deep - 4096) << "reported deeper than the stack went";
}

TEST_F(PosixPort, SealsAndChecksTheArea)
{
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_OK);
    EXPECT_EQ(stack_check_posix_area[stack_check_posix_area_words - 1],
              crc32_stm32_words(stack_check_posix_area, stack_check_posix_area_words - 1) ^ STACK_CHECK_SEAL_XOR);
    EXPECT_EQ(crc32_stm32_words(stack_check_posix_area, stack_check_posix_area_words), STACK_CHECK_SEAL_RESIDUE);
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_OK);
    auto *bytes = reinterpret_cast<uint8_t *>(stack_check_posix_area);
    for (size_t bit = 0; bit < stack_check_posix_area_words * 32; bit++) {
        bytes[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
        ASSERT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_ERR_CORRUPTED) << "bit " << bit;
        bytes[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
    }
    EXPECT_EQ(stack_check_corruption_detect_area(), STACK_CHECK_OK);
}

struct EntropyCase {
    int fault;
    int expected;
    const char *name;
};

class EntropyFault : public PosixPort, public ::testing::WithParamInterface<EntropyCase> {};

TEST_P(EntropyFault, InitGivesItsCode)
{
    safetymon_test_entropy_fault(GetParam().fault);
    EXPECT_EQ(stack_check_init_corruption_detect_area(), GetParam().expected);
    safetymon_test_entropy_fault(kHealthy);
    const int expected_check =
        GetParam().expected == STACK_CHECK_OK ? STACK_CHECK_OK : STACK_CHECK_ERR_NOT_INITIALISED;
    EXPECT_EQ(stack_check_corruption_detect_area(), expected_check);
}

std::string entropy_case_name(const ::testing::TestParamInfo<EntropyCase> &info)
{
    return info.param.name;
}

INSTANTIATE_TEST_SUITE_P(Getrandom, EntropyFault,
                         ::testing::Values(EntropyCase{kNotReady, STACK_CHECK_ERR_RNG_TIMEOUT, "NotReady"},
                                           EntropyCase{kFailed, STACK_CHECK_ERR_RNG_SEED, "SourceFailed"},
                                           EntropyCase{kRepeatOnce, STACK_CHECK_ERR_RNG_REPEAT, "RepeatedWord"},
                                           EntropyCase{kShortReads, STACK_CHECK_OK, "ShortReads"}),
                         entropy_case_name);

struct UnknownSample {
    int32_t free_bytes = 1;
    int32_t size = 1;
    int paint = 0;
};

void *unknown_bounds_thread(void *argument)
{
    auto *sample = static_cast<UnknownSample *>(argument);
    sample->free_bytes = stack_check_get_free();
    sample->size = stack_check_get_size();
    sample->paint = stack_check_paint();
    return nullptr;
}

TEST_F(PosixPort, StackWhoseBoundsPthreadCannotTellHasNoFreeStack)
{
    // Fail safe: a thread whose stack pthread_getattr_np() cannot describe
    // counts as having no free stack (and none to paint).
    safetymon_test_stack_query_fails(1);
    UnknownSample sample;
    pthread_t thread;
    ASSERT_EQ(pthread_create(&thread, nullptr, unknown_bounds_thread, &sample), 0);
    ASSERT_EQ(pthread_join(thread, nullptr), 0);
    safetymon_test_stack_query_fails(0);
    EXPECT_EQ(sample.free_bytes, 0);
    EXPECT_EQ(sample.size, 0);
    EXPECT_EQ(sample.paint, STACK_CHECK_ERR_LAYOUT);
}

TEST_F(PosixPort, NotReadyIsRetriedExactlyTheLimit)
{
    safetymon_test_entropy_fault(kNotReady);
    uint32_t word = 0x77u;
    EXPECT_EQ(posix_entropy_word(&word), STACK_CHECK_ERR_RNG_TIMEOUT);
    EXPECT_EQ(safetymon_test_entropy_calls(), POSIX_ENTROPY_RETRIES);
    EXPECT_EQ(word, 0x77u);
}

TEST_F(PosixPort, AnInterruptedCallIsRetriedNotAFailure)
{
    safetymon_test_entropy_fault(kInterruptedOnce);
    uint32_t word = 0;
    EXPECT_EQ(posix_entropy_word(&word), STACK_CHECK_OK);
    EXPECT_EQ(safetymon_test_entropy_calls(), 2u);
}

TEST_F(PosixPort, ShortReadsAreJoinedIntoOneWholeWord)
{
    safetymon_test_entropy_fault(kShortCounting);
    uint32_t word = 0;
    ASSERT_EQ(posix_entropy_word(&word), STACK_CHECK_OK);
    EXPECT_EQ(safetymon_test_entropy_calls(), 4u);
    const uint8_t expected[4] = {0x11u, 0x22u, 0x33u, 0x44u};
    uint32_t expected_word = 0;
    std::memcpy(&expected_word, expected, sizeof expected_word);
    EXPECT_EQ(word, expected_word);
}

TEST_F(PosixPort, EveryFillStartsTheContinuousTestAgain)
{
    // 31 data words of the 128-byte area, plus one that primes the test, on
    // every fill: a fill that skipped the restart would take 31.
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_OK);
    safetymon_test_entropy_fault(kHealthy);
    ASSERT_EQ(stack_check_init_corruption_detect_area(), STACK_CHECK_OK);
    EXPECT_EQ(safetymon_test_entropy_calls(), 32u);
}

TEST(SoftCrc, SingleWordFromResetGivesTheUnitsKnownAnswer)
{
    const uint32_t word = 0x12345678u;
    EXPECT_EQ(crc32_stm32_soft_words(CRC32_STM32_SOFT_INIT, &word, 1), 0xDF8A8A2Bu);
}

TEST(SoftCrc, BytesGiveTheCrc32Mpeg2CheckValue)
{
    const char *check = "123456789";
    EXPECT_EQ(crc32_stm32_soft_bytes(CRC32_STM32_SOFT_INIT, reinterpret_cast<const uint8_t *>(check), 9),
              0x0376E6E7u);
}

TEST(SoftCrc, MatchesTheReferenceOverRandomBuffersAndContinues)
{
    std::mt19937 random(7);
    for (size_t length = 0; length <= 64; length++) {
        std::vector<uint32_t> words(length);
        for (auto &word : words) {
            word = random();
        }
        const uint32_t whole = crc32_stm32_soft_words(CRC32_STM32_SOFT_INIT, words.data(), length);
        EXPECT_EQ(whole, crc32_stm32_words(words.data(), length)) << "length " << length;
        const size_t half = length / 2;
        const uint32_t first = crc32_stm32_soft_words(CRC32_STM32_SOFT_INIT, words.data(), half);
        EXPECT_EQ(crc32_stm32_soft_words(first, words.data() + half, length - half), whole);
    }
}

}  // namespace
