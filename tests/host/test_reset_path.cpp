// The reset path of boards/common/cortex-m/cortex_m_regs.h on a Cortex-M7
// with its data cache on: cm_system_reset() must clean the retained RAM to
// memory (DCCMVAC per line, then DSB) before it requests the reset, or a
// fault record written through a write-back cache is lost.
//
// The system control space and the barriers are test doubles (CM_HOST_SCS),
// backed by a model of a write-back data cache at its most unforgiving:
// nothing is ever evicted on its own, so a store reaches memory only through
// a clean, and a clean counts only once a DSB has completed it; a reset
// (AIRCR.SYSRESETREQ seen at the barrier) drops every line that has not
// reached memory. With the cache off, stores go to memory and a cache
// maintenance write is an error (a Cortex-M4 has no cache to maintain).
// Sources: ARMv7-M ARM (DDI 0403E) B2.2.7 (cache maintenance, completed by
// DSB), B3.2.6 (AIRCR), B3.2.8 (CCR.DC); Cortex-M7 TRM (DDI 0489F) §5.9
// (write-back L1 data cache, 32-byte lines).
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <map>
#include <set>
#include <vector>

extern "C" {
#include "cortex_m_regs.h"
#include "fault_record.h"
#include "stack_check.h"
extern volatile stack_check_fault_record_t stack_check_retained_fault;
}

namespace {

struct SystemReset {};

constexpr uint32_t kNoWrite = 0xFFFFFFFFu;
// The model's own reading of the architecture, not cortex_m_regs.h's (a wrong
// address or bit there must not be mirrored here): ARMv7-M ARM Table B3-4.
constexpr uint32_t kAircr = 0xE000ED0Cu;         // B3.2.6
constexpr uint32_t kResetRequest = 0x05FA0004u;  // VECTKEY, SYSRESETREQ
constexpr uint32_t kCcr = 0xE000ED14u;           // B3.2.8
constexpr uint32_t kCcrDc = 1u << 16;
constexpr uint32_t kCtr = 0xE000ED7Cu;           // DminLine in bits 19:16
constexpr uint32_t kDccmvac = 0xE000EF68u;       // B2.2.7

struct CacheModel {
    std::map<uint32_t, uint32_t> regs;
    uintptr_t lo = 0;                 // tracked RAM, whole lines
    uintptr_t hi = 0;
    std::vector<uint8_t> memory;      // what the RAM itself holds
    std::vector<uintptr_t> pending;   // lines cleaned, not yet completed by a DSB
    std::vector<uintptr_t> cleaned;   // every line a clean wrote back, in order
    int errors = 0;

    uintptr_t line_bytes() const { return uintptr_t{4} << ((regs.at(kCtr) >> 16) & 0xFu); }
    bool cache_on() const { return (regs.at(kCcr) & kCcrDc) != 0u; }

    // Powers up with the cache on or off, lines of 4 << dminline bytes, the
    // RAM [start, end) tracked (widened to whole lines) and in memory as it is now.
    void power_up(bool dcache, uint32_t dminline, uintptr_t start, uintptr_t end)
    {
        regs.clear();
        regs[kCcr] = dcache ? kCcrDc : 0u;
        regs[kCtr] = 0x80000000u | (dminline << 16);
        regs[kAircr] = 0u;
        regs[kDccmvac] = kNoWrite;
        const uintptr_t line = uintptr_t{64};
        lo = start & ~(line - 1u);
        hi = (end + line - 1u) & ~(line - 1u);
        memory.assign(reinterpret_cast<const uint8_t *>(lo), reinterpret_cast<const uint8_t *>(hi));
        pending.clear();
        cleaned.clear();
        errors = 0;
    }

    // A write to DCCMVAC shows at the next access to the system control
    // space or barrier: the register slot no longer holds kNoWrite.
    void take_maintenance()
    {
        const uint32_t written = regs[kDccmvac];
        if (written == kNoWrite) {
            return;
        }
        regs[kDccmvac] = kNoWrite;
        if (!cache_on()) {
            ADD_FAILURE() << "DCCMVAC written with no data cache enabled";
            errors++;
            return;
        }
        // The host's addresses are 64-bit; the register takes the low 32 bits.
        const uintptr_t address = (lo & ~uintptr_t{0xFFFFFFFFu}) | written;
        pending.push_back(address & ~(line_bytes() - 1u));
    }

    // RAM as memory holds it: what a reset leaves when the cache was on.
    void drop_cache()
    {
        if (cache_on()) {
            std::memcpy(reinterpret_cast<void *>(lo), memory.data(), memory.size());
        }
    }

    void barrier()
    {
        take_maintenance();
        if (regs[kAircr] == (kResetRequest)) {
            regs[kAircr] = 0u;
            pending.clear(); // cleans not completed by a DSB before the request
            drop_cache();
            throw SystemReset{};
        }
        for (const uintptr_t line : pending) {
            cleaned.push_back(line);
            for (uintptr_t a = line; a < line + line_bytes(); a++) {
                if (a >= lo && a < hi) {
                    memory[a - lo] = *reinterpret_cast<const uint8_t *>(a);
                }
            }
        }
        pending.clear();
    }
} model;

}  // namespace

extern "C" volatile uint32_t *cm_host_scs(uint32_t address)
{
    model.take_maintenance();
    auto found = model.regs.find(address);
    if (found == model.regs.end()) {
        ADD_FAILURE() << "access to an unmodelled system register 0x" << std::hex << address;
        model.errors++;
        found = model.regs.emplace(address, 0u).first;
    }
    return &found->second;
}

extern "C" void cm_host_barrier(void)
{
    model.barrier();
}

namespace {

uintptr_t record_start() { return reinterpret_cast<uintptr_t>(&stack_check_retained_fault); }
uintptr_t record_end() { return record_start() + sizeof(stack_check_fault_record_t); }

// A fault the previous boot had acknowledged: the record sealed empty, in
// memory. Then the model powers up with it tracked.
void empty_record_in_memory(bool dcache, uint32_t dminline)
{
    std::memset(const_cast<stack_check_fault_record_t *>(&stack_check_retained_fault), 0, sizeof(stack_check_fault_record_t));
    ASSERT_EQ(STACK_CHECK_OK, stack_check_fault_boot(true));
    model.power_up(dcache, dminline, record_start(), record_end());
}

void save_fault(uint32_t cfsr)
{
    stack_check_fault_record_t fault{};
    fault.cause = STACK_CHECK_FAULT_CAUSE_HARDFAULT;
    fault.cfsr = cfsr;
    stack_check_fault_save(&fault);
}

bool reset_requested(void (*reset)())
{
    try {
        reset();
    } catch (const SystemReset &) {
        return true;
    }
    return false;
}

}  // namespace

TEST(ResetPath, TheRetainedRecordSurvivesAResetThroughTheDataCache)
{
    empty_record_in_memory(true, 3u); // Cortex-M7: 32-byte lines
    save_fault(0x00008200u);
    ASSERT_TRUE(reset_requested([] { cm_system_reset(); }));
    EXPECT_EQ(0, model.errors);
    EXPECT_EQ(STACK_CHECK_FAULT_RECORDED, stack_check_fault_boot(false));
    EXPECT_EQ(0x00008200u, stack_check_last_fault_word(5));
}

TEST(ResetPath, ControlAResetWithoutTheCleanLosesTheRecord)
{
    // The model must be able to lose a record: the same reset request with
    // no clean before it.
    empty_record_in_memory(true, 3u);
    save_fault(0x00008200u);
    ASSERT_TRUE(reset_requested([] {
        CM_REG(kAircr) = kResetRequest;
        cm_barrier();
    }));
    EXPECT_EQ(STACK_CHECK_OK, stack_check_fault_boot(false)) << "the sealed-empty record from memory, the fault lost";
}

TEST(ResetPath, ControlACleanNotCompletedByADsbBeforeTheResetIsLost)
{
    empty_record_in_memory(true, 3u);
    save_fault(0x00008200u);
    ASSERT_TRUE(reset_requested([] {
        for (uintptr_t a = record_start() & ~uintptr_t{31}; a < record_end(); a += 32) {
            CM_REG(kDccmvac) = static_cast<uint32_t>(a);
        }
        CM_REG(kAircr) = kResetRequest;
        cm_barrier();
    }));
    EXPECT_NE(STACK_CHECK_FAULT_RECORDED, stack_check_fault_boot(false));
}

TEST(ResetPath, WithoutADataCacheNothingIsMaintained)
{
    // A Cortex-M4 (CCR.DC reads 0): stores are in memory already, and the
    // model fails any cache maintenance write.
    empty_record_in_memory(false, 0u);
    save_fault(0x00000400u);
    ASSERT_TRUE(reset_requested([] { cm_system_reset(); }));
    EXPECT_EQ(0, model.errors);
    EXPECT_TRUE(model.cleaned.empty());
    EXPECT_EQ(STACK_CHECK_FAULT_RECORDED, stack_check_fault_boot(false));
}

TEST(ResetPath, CleanRangeCleansExactlyTheLinesItTouchesAtEveryAlignment)
{
    alignas(64) static uint8_t ram[512];
    for (const uint32_t dminline : {2u, 3u, 4u}) { // 16-, 32- and 64-byte lines
        const uintptr_t line = uintptr_t{4} << dminline;
        for (uintptr_t offset = 0; offset < 64; offset++) {
            for (uintptr_t length : {uintptr_t{1}, uintptr_t{4}, line - 1u, line, line + 1u, uintptr_t{72}, uintptr_t{200}}) {
                std::memset(ram, 0, sizeof ram);
                const uintptr_t start = reinterpret_cast<uintptr_t>(ram) + 64u + offset;
                model.power_up(true, dminline, reinterpret_cast<uintptr_t>(ram), reinterpret_cast<uintptr_t>(ram) + sizeof ram);
                std::memset(reinterpret_cast<void *>(start), 0x5A, length);
                cm_dcache_clean_range(start, start + length);
                std::set<uintptr_t> expected;
                for (uintptr_t a = start; a < start + length; a++) {
                    expected.insert(a & ~(line - 1u));
                }
                const std::set<uintptr_t> got(model.cleaned.begin(), model.cleaned.end());
                ASSERT_EQ(expected, got) << "line " << line << " offset " << offset << " length " << length;
                ASSERT_EQ(expected.size(), model.cleaned.size()) << "each line once";
                model.drop_cache();
                for (uintptr_t a = start; a < start + length; a++) {
                    ASSERT_EQ(0x5A, *reinterpret_cast<const uint8_t *>(a)) << "byte " << (a - start) << " lost";
                }
            }
        }
    }
    EXPECT_EQ(0, model.errors);
}

TEST(ResetPath, TheLineSizeTakesAllFourBitsOfCtrDminLine)
{
    // CTR.DminLine is bits 19:16 (ARMv7-M ARM B3.2.3): every value of the
    // four bits is a line size the clean must use. With 1 KiB lines (8), a
    // range across one line boundary is two cleans, not 256 word-sized ones.
    alignas(1024) static uint8_t ram[2048];
    std::memset(ram, 0, sizeof ram);
    const uintptr_t base = reinterpret_cast<uintptr_t>(ram);
    model.power_up(true, 8u, base, base + sizeof ram);
    const uintptr_t start = base + 1000u;
    const uintptr_t end = start + 100u;
    std::memset(reinterpret_cast<void *>(start), 0x5A, end - start);
    cm_dcache_clean_range(start, end);
    EXPECT_EQ((std::vector<uintptr_t>{base, base + 1024u}), model.cleaned);
    model.drop_cache();
    for (uintptr_t a = start; a < end; a++) {
        ASSERT_EQ(0x5A, *reinterpret_cast<const uint8_t *>(a)) << "byte " << (a - start) << " lost";
    }
    EXPECT_EQ(0, model.errors);
}
