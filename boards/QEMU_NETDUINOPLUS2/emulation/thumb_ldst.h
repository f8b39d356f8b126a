/**
 * @file thumb_ldst.h
 * @brief EMULATION ONLY. Decoder of the Thumb single load/store instructions
 *        a driver uses to reach a register, for the MPU trap (stm32_trap.c).
 *
 * Encodings from the ARMv7-M Architecture Reference Manual (DDI 0403E),
 * A5.2.3 (16-bit load/store single data item: LDR/STR/LDRB/STRB/LDRH/STRH
 * immediate T1 and register T1, LDRSB/LDRSH register T1) and A5.3.10 (32-bit
 * load/store single data item: the T2/T3 imm12 forms, the T4 imm8 forms with
 * P/U/W, the T2 register form with LSL #0-3, LDRT/STRT and the
 * sign-extending loads). Literal (PC-relative) forms, LDM/STM, LDRD/STRD and
 * exclusive accesses are not decoded: peripheral drivers do not reach
 * registers with them, and the trap reports them as unsupported.
 */
#ifndef SAFETYMONITOR_THUMB_LDST_H
#define SAFETYMONITOR_THUMB_LDST_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** One decoded load or store. */
typedef struct {
    uint8_t length;     /**< instruction length in bytes: 2 or 4 */
    uint8_t size;       /**< access size in bytes: 1, 2 or 4 */
    bool load;          /**< true: load into rt; false: store rt */
    bool sign_extend;   /**< loads only: sign-extend the byte or halfword */
    uint8_t rt;         /**< transfer register, 0-14 */
    uint8_t rn;         /**< base register, 0-14 */
    bool register_offset; /**< offset is rm << shift, else imm */
    uint8_t rm;         /**< offset register (register_offset) */
    uint8_t shift;      /**< LSL amount of rm, 0-3 */
    uint32_t imm;       /**< immediate offset in bytes (not register_offset) */
    bool add;           /**< offset added (U=1) or subtracted */
    bool index;         /**< P=1: access at base+offset; P=0: at base (post-index) */
    bool writeback;     /**< W=1: base register updated with base+offset */
} thumb_ldst_t;

/** True when @p hw1 is the first halfword of a 32-bit Thumb instruction. */
bool thumb_is_32bit(uint16_t hw1);

/**
 * Decodes the load/store at @p hw1 (and @p hw2 for a 32-bit instruction).
 * @return true and @p out filled for a supported load/store; false for any
 *         other instruction (out is then undefined).
 */
bool thumb_decode_ldst(uint16_t hw1, uint16_t hw2, thumb_ldst_t *out);

#ifdef __cplusplus
}
#endif

#endif /* SAFETYMONITOR_THUMB_LDST_H */
