// The MPU trap's decoder, on encodings produced by arm-none-eabi-as for
// Cortex-M4 (objdump of each instruction in the comment).
#include <gtest/gtest.h>

#include <cctype>
#include <string>

extern "C" {
#include "thumb_ldst.h"
}

namespace {

struct Case {
    const char *text;
    uint16_t hw1, hw2;
    uint8_t length, size;
    bool load, sign;
    uint8_t rt, rn;
    bool reg_offset;
    uint8_t rm, shift;
    uint32_t imm;
    bool add, index, writeback;
};

const Case kCases[] = {
    {"ldr r2, [r3, #8]", 0x689a, 0, 2, 4, true, false, 2, 3, false, 0, 0, 8, true, true, false},
    {"str r1, [r0, #0]", 0x6001, 0, 2, 4, false, false, 1, 0, false, 0, 0, 0, true, true, false},
    {"ldrb r4, [r5, #3]", 0x78ec, 0, 2, 1, true, false, 4, 5, false, 0, 0, 3, true, true, false},
    {"strb r6, [r7, #31]", 0x77fe, 0, 2, 1, false, false, 6, 7, false, 0, 0, 31, true, true, false},
    {"ldrh r1, [r2, #62]", 0x8fd1, 0, 2, 2, true, false, 1, 2, false, 0, 0, 62, true, true, false},
    {"strh r3, [r4, #2]", 0x8063, 0, 2, 2, false, false, 3, 4, false, 0, 0, 2, true, true, false},
    {"ldr r0, [r1, r2]", 0x5888, 0, 2, 4, true, false, 0, 1, true, 2, 0, 0, true, true, false},
    {"str r0, [r1, r2]", 0x5088, 0, 2, 4, false, false, 0, 1, true, 2, 0, 0, true, true, false},
    {"ldrsb r3, [r4, r5]", 0x5763, 0, 2, 1, true, true, 3, 4, true, 5, 0, 0, true, true, false},
    {"ldrsh r3, [r4, r5]", 0x5f63, 0, 2, 2, true, true, 3, 4, true, 5, 0, 0, true, true, false},
    {"ldr r5, [sp, #16]", 0x9d04, 0, 2, 4, true, false, 5, 13, false, 0, 0, 16, true, true, false},
    {"ldr.w r9, [sl, #2052]", 0xf8da, 0x9804, 4, 4, true, false, 9, 10, false, 0, 0, 2052, true, true, false},
    {"str.w fp, [ip, #4095]", 0xf8cc, 0xbfff, 4, 4, false, false, 11, 12, false, 0, 0, 4095, true, true, false},
    {"ldrb.w r8, [r9, #1]", 0xf899, 0x8001, 4, 1, true, false, 8, 9, false, 0, 0, 1, true, true, false},
    {"ldrh.w lr, [r0, #2]", 0xf8b0, 0xe002, 4, 2, true, false, 14, 0, false, 0, 0, 2, true, true, false},
    {"ldrsb.w r1, [r2, #5]", 0xf992, 0x1005, 4, 1, true, true, 1, 2, false, 0, 0, 5, true, true, false},
    {"ldrsh.w r1, [r2, #6]", 0xf9b2, 0x1006, 4, 2, true, true, 1, 2, false, 0, 0, 6, true, true, false},
    {"ldr.w r3, [r4, #-8]", 0xf854, 0x3c08, 4, 4, true, false, 3, 4, false, 0, 0, 8, false, true, false},
    {"str.w r3, [r4, #4]!", 0xf844, 0x3f04, 4, 4, false, false, 3, 4, false, 0, 0, 4, true, true, true},
    {"ldr.w r3, [r4], #-4", 0xf854, 0x3904, 4, 4, true, false, 3, 4, false, 0, 0, 4, false, false, true},
    {"ldrt r3, [r4, #12]", 0xf854, 0x3e0c, 4, 4, true, false, 3, 4, false, 0, 0, 12, true, true, false},
    {"ldr.w r3, [r4, r5, lsl #2]", 0xf854, 0x3025, 4, 4, true, false, 3, 4, true, 5, 2, 0, true, true, false},
    {"strh.w r3, [r4, r5, lsl #1]", 0xf824, 0x3015, 4, 2, false, false, 3, 4, true, 5, 1, 0, true, true, false},
};

class Decode : public ::testing::TestWithParam<Case> {};

TEST_P(Decode, Fields)
{
    const Case &c = GetParam();
    thumb_ldst_t op;
    ASSERT_TRUE(thumb_decode_ldst(c.hw1, c.hw2, &op)) << c.text;
    EXPECT_EQ(op.length, c.length) << c.text;
    EXPECT_EQ(op.size, c.size) << c.text;
    EXPECT_EQ(op.load, c.load) << c.text;
    EXPECT_EQ(op.sign_extend, c.sign) << c.text;
    EXPECT_EQ(op.rt, c.rt) << c.text;
    EXPECT_EQ(op.rn, c.rn) << c.text;
    EXPECT_EQ(op.register_offset, c.reg_offset) << c.text;
    if (c.reg_offset) {
        EXPECT_EQ(op.rm, c.rm) << c.text;
        EXPECT_EQ(op.shift, c.shift) << c.text;
    } else {
        EXPECT_EQ(op.imm, c.imm) << c.text;
    }
    EXPECT_EQ(op.add, c.add) << c.text;
    EXPECT_EQ(op.index, c.index) << c.text;
    EXPECT_EQ(op.writeback, c.writeback) << c.text;
}

std::string case_name(const ::testing::TestParamInfo<Case> &info)
{
    std::string name;
    for (const char *p = info.param.text; *p != '\0'; p++) {
        if (std::isalnum(static_cast<unsigned char>(*p))) {
            name += *p;
        } else if (!name.empty() && name.back() != '_') {
            name += '_';
        }
    }
    while (!name.empty() && name.back() == '_') {
        name.pop_back();
    }
    return name + "_" + std::to_string(info.index);
}

INSTANTIATE_TEST_SUITE_P(Encodings, Decode, ::testing::ValuesIn(kCases), case_name);

TEST(Decode, RejectsWhatTheTrapCannotEmulate)
{
    thumb_ldst_t op;
    EXPECT_FALSE(thumb_decode_ldst(0x4802, 0, &op)) << "ldr r0, [pc, #8] (literal)";
    EXPECT_FALSE(thumb_decode_ldst(0xe890, 0x0006, &op)) << "ldmia.w r0, {r1, r2}";
    EXPECT_FALSE(thumb_decode_ldst(0xe9d2, 0x0100, &op)) << "ldrd r0, r1, [r2]";
    EXPECT_FALSE(thumb_decode_ldst(0xeb01, 0x0002, &op)) << "add.w r0, r1, r2";
    EXPECT_FALSE(thumb_decode_ldst(0x4608, 0, &op)) << "mov r0, r1";
    EXPECT_FALSE(thumb_decode_ldst(0xf8df, 0x0008, &op)) << "ldr.w r0, [pc, #8]";
    EXPECT_FALSE(thumb_decode_ldst(0xf854, 0x3804, &op)) << "P=0 W=0: undefined";
    EXPECT_FALSE(thumb_decode_ldst(0xf854, 0x4d04, &op)) << "ldr r4, [r4, #-4]! (Rn == Rt write-back)";
}

TEST(Decode, KnowsInstructionLengths)
{
    EXPECT_TRUE(thumb_is_32bit(0xf8da));
    EXPECT_TRUE(thumb_is_32bit(0xe890));
    EXPECT_FALSE(thumb_is_32bit(0x689a));
    EXPECT_FALSE(thumb_is_32bit(0x4608));
    // A5.1: 0b11100 (B, T2) is the last 16-bit prefix, 0b11101 the first 32-bit one.
    EXPECT_FALSE(thumb_is_32bit(0xe7fe));
    EXPECT_TRUE(thumb_is_32bit(0xe800));
}

}  // namespace
