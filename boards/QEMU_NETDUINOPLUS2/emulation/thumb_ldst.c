/**
 * @file thumb_ldst.c
 * @brief EMULATION ONLY. Thumb single load/store decoder (ARMv7-M ARM A5.2.3,
 *        A5.3.7-A5.3.10).
 */
#include "thumb_ldst.h"

#include <string.h>

#define REG_SP 13u
#define REG_PC 15u

bool thumb_is_32bit(uint16_t hw1)
{
    /* A5.1: bits [15:11] 0b11101, 0b11110 or 0b11111 start a 32-bit instruction. */
    const uint16_t top = (uint16_t)(hw1 >> 11);
    return top == 0x1Du || top == 0x1Eu || top == 0x1Fu;
}

static void set_immediate(thumb_ldst_t *out, uint32_t imm)
{
    out->register_offset = false;
    out->imm = imm;
    out->add = true;
    out->index = true;
    out->writeback = false;
}

/* A5.2.3: 16-bit load/store single data item. */
static bool decode16(uint16_t hw1, thumb_ldst_t *out)
{
    out->length = 2u;
    out->sign_extend = false;
    const uint32_t op_a = (uint32_t)hw1 >> 12;
    if (op_a == 0x5u) {
        /* Register offset: STR, STRH, STRB, LDRSB, LDR, LDRH, LDRB, LDRSH. */
        static const uint8_t sizes[8] = {4u, 2u, 1u, 1u, 4u, 2u, 1u, 2u};
        const uint32_t op_b = ((uint32_t)hw1 >> 9) & 7u;
        out->size = sizes[op_b];
        out->load = op_b >= 3u;
        out->sign_extend = op_b == 3u || op_b == 7u;
        out->rm = (uint8_t)((hw1 >> 6) & 7u);
        out->rn = (uint8_t)((hw1 >> 3) & 7u);
        out->rt = (uint8_t)(hw1 & 7u);
        out->register_offset = true;
        out->shift = 0u;
        out->add = true;
        out->index = true;
        out->writeback = false;
        return true;
    }
    const uint32_t imm5 = ((uint32_t)hw1 >> 6) & 0x1Fu;
    out->load = ((hw1 >> 11) & 1u) != 0u;
    out->rn = (uint8_t)((hw1 >> 3) & 7u);
    out->rt = (uint8_t)(hw1 & 7u);
    switch (op_a) {
    case 0x6u: /* LDR/STR (immediate) T1 */
        out->size = 4u;
        set_immediate(out, imm5 * 4u);
        return true;
    case 0x7u: /* LDRB/STRB (immediate) T1 */
        out->size = 1u;
        set_immediate(out, imm5);
        return true;
    case 0x8u: /* LDRH/STRH (immediate) T1 */
        out->size = 2u;
        set_immediate(out, imm5 * 2u);
        return true;
    case 0x9u: /* LDR/STR (SP plus immediate) T2 */
        out->size = 4u;
        out->rn = (uint8_t)REG_SP;
        out->rt = (uint8_t)((hw1 >> 8) & 7u);
        set_immediate(out, ((uint32_t)hw1 & 0xFFu) * 4u);
        return true;
    default:
        return false;
    }
}

/* A5.3.7-A5.3.10: 32-bit load/store single data item,
 * hw1 = 1111 100 S U sz sz L Rn. */
static bool decode32(uint16_t hw1, uint16_t hw2, thumb_ldst_t *out)
{
    if ((hw1 & 0xFE00u) != 0xF800u) {
        return false;
    }
    const bool sign = ((hw1 >> 8) & 1u) != 0u;
    const bool imm12_form = ((hw1 >> 7) & 1u) != 0u;
    const uint32_t size_code = ((uint32_t)hw1 >> 5) & 3u;
    const bool load = ((hw1 >> 4) & 1u) != 0u;
    const uint32_t rn = (uint32_t)hw1 & 0xFu;
    const uint32_t rt = (uint32_t)hw2 >> 12;
    if (size_code == 3u || (sign && !load) || rn == REG_PC || rt == REG_PC || rt == REG_SP) {
        return false; /* undefined, literal, preload hints, PC/SP transfers */
    }
    out->length = 4u;
    out->size = (uint8_t)(1u << size_code);
    out->load = load;
    out->sign_extend = sign;
    out->rn = (uint8_t)rn;
    out->rt = (uint8_t)rt;
    if (imm12_form) {
        set_immediate(out, (uint32_t)hw2 & 0xFFFu);
        return true;
    }
    if (((hw2 >> 11) & 1u) != 0u) {
        /* T4 imm8 with P/U/W (P=1 U=1 W=0 is the unprivileged LDRT/STRT). */
        out->register_offset = false;
        out->imm = (uint32_t)hw2 & 0xFFu;
        out->index = ((hw2 >> 10) & 1u) != 0u;
        out->add = ((hw2 >> 9) & 1u) != 0u;
        out->writeback = ((hw2 >> 8) & 1u) != 0u;
        if (!out->index && !out->writeback) {
            return false; /* undefined */
        }
        return !(out->writeback && rn == rt); /* unpredictable */
    }
    if (((hw2 >> 6) & 0x3Fu) == 0u) {
        const uint32_t rm = (uint32_t)hw2 & 0xFu;
        if (rm == REG_SP || rm == REG_PC) {
            return false;
        }
        out->register_offset = true;
        out->rm = (uint8_t)rm;
        out->shift = (uint8_t)((hw2 >> 4) & 3u);
        out->add = true;
        out->index = true;
        out->writeback = false;
        return true;
    }
    return false;
}

bool thumb_decode_ldst(uint16_t hw1, uint16_t hw2, thumb_ldst_t *out)
{
    memset(out, 0, sizeof *out);
    return thumb_is_32bit(hw1) ? decode32(hw1, hw2, out) : decode16(hw1, out);
}
