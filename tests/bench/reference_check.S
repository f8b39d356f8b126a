/*
 * reference_check.S: hand-written Cortex-M4 (ARMv7-M, Thumb-2) reference
 * routines with exactly the semantics of stack_check_corruption_detect_area()
 * on the stm32 port (native-interop/core/stack_check.c): the floor the
 * benchmark measures the C check against (make bench, BENCHMARKS.md).
 *
 *   seal test      the state word must hold 0x5A5A5A5A, else -7
 *                  (STACK_CHECK_ERR_NOT_INITIALISED)
 *   lock           BASEPRI raised to 0x10 with BASEPRI_MAX, restored after
 *                  (ARMv7-M ARM B5.2.3; ports/stm32/stack_check_port_lock.h)
 *   reset          CRC_CR.RESET (RM0090 §4.4.3)
 *   feed           every word of the area, the seal last, to CRC_DR
 *   comparison     CRC_DR must read 0xC3C3C3C3 (STACK_CHECK_SEAL_RESIDUE):
 *                  0 then; else the port's self-test decides: -6
 *                  (STACK_CHECK_ERR_CORRUPTED) or -5 (STACK_CHECK_ERR_CRC)
 *
 * Written for this project from the ARMv7-M ARM and RM0090; nothing copied.
 * Both take the same state word (reference_area_state, set by the bench) and
 * the linker's area (__stack_corruption_area_start__, and
 * __stack_corruption_area_words__ for the loop).
 *
 * reference_check_128: the area is exactly 128 bytes (32 words), fully
 *   unrolled: 11 + 11 + 10 words per load-multiple (r2-r12; LR holds the
 *   previous BASEPRI), 35 instructions of feed.
 * reference_check_loop: any area of 8n words (n >= 1): 16 words per pass
 *   (two 8-register load-multiples), an odd group of 8 entered at the
 *   second half: the fewer instructions from 256 bytes up.
 * reference_check_loop8: any area of 8n words: 8 words per pass, the word
 *   count itself the loop counter: the fewer up to 128 bytes.
 *   The loop floor at each size is the lower of the two (run-bench.sh).
 */
    .syntax unified
    .thumb
    .text

    .equ SEALED, 0x5A5A5A5A
    .equ RESIDUE, 0xC3C3C3C3
    .equ LOCK_LEVEL, 0x10
    .equ CRC_BASE, 0x40023000     /* RM0090 §2.3 memory map (board.h: BOARD_CRC_BASE) */
    .equ CRC_CR, 0x08

/* The parts every routine has, written once (each expands to exactly the
 * instructions listed, so the counts stay what they were):
 * BEGIN_CHECK: the seal test (to 9f: -7), push, the lock (LR keeps the
 *   previous BASEPRI), CRC_CR.RESET; leaves r1 = CRC_DR, r0 = the area.
 * FEED: one store to CRC_DR per register named.
 * END_CHECK: CRC_DR read, the lock released, the residue compared (SUBS),
 *   to the diagnosis on a mismatch, else return 0. */
    .macro BEGIN_CHECK
    ldr r0, =reference_area_state
    ldr r0, [r0]
    cmp r0, #SEALED
    bne 9f
    push {r4-r11, lr}
    mrs lr, basepri
    movs r1, #LOCK_LEVEL
    msr basepri_max, r1
    ldr r1, =CRC_BASE
    movs r0, #1
    str r0, [r1, #CRC_CR]
    ldr r0, =__stack_corruption_area_start__
    .endm

    .macro FEED reg:req, rest:vararg
    str \reg, [r1]
    .ifnb \rest
    FEED \rest
    .endif
    .endm

    .macro END_CHECK
    ldr r0, [r1]
    msr basepri, lr
    subs r0, r0, #RESIDUE
    bne reference_diagnose
    pop {r4-r11, pc}
    .endm

    .global reference_area_state
    .bss
    .align 2
reference_area_state:
    .space 4
    .text

/* The failing path: the port's CRC self-test tells a unit fault (-5) from a
 * corrupted area (-6). Entered with r4-r11, lr pushed. */
    .thumb_func
    .type reference_diagnose, %function
reference_diagnose:
    bl stack_check_port_crc_selftest
    cmp r0, #0
    ite eq
    mvneq r0, #5                  /* -6 STACK_CHECK_ERR_CORRUPTED */
    mvnne r0, #4                  /* -5 STACK_CHECK_ERR_CRC */
    pop {r4-r11, pc}
    .size reference_diagnose, . - reference_diagnose

    .global reference_check_128
    .thumb_func
    .type reference_check_128, %function
reference_check_128:
    BEGIN_CHECK
    ldmia r0!, {r2-r12}
    FEED r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12
    ldmia r0!, {r2-r12}
    FEED r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12
    ldmia r0!, {r2-r11}
    FEED r2, r3, r4, r5, r6, r7, r8, r9, r10, r11
    END_CHECK
9:  mvn r0, #6                    /* -7 STACK_CHECK_ERR_NOT_INITIALISED */
    bx lr
    .ltorg
    .size reference_check_128, . - reference_check_128

    .global reference_check_loop
    .thumb_func
    .type reference_check_loop, %function
reference_check_loop:
    BEGIN_CHECK
    ldr r12, =__stack_corruption_area_words__
    lsrs r12, r12, #4             /* 16-word passes; C: an odd group of 8 */
    bcc 1f
    adds r12, r12, #1
    b 2f
1:  ldmia r0!, {r2-r9}
    FEED r2, r3, r4, r5, r6, r7, r8, r9
2:  ldmia r0!, {r2-r9}
    FEED r2, r3, r4, r5, r6, r7, r8, r9
    subs r12, r12, #1
    bne 1b
    END_CHECK
9:  mvn r0, #6
    bx lr
    .ltorg
    .size reference_check_loop, . - reference_check_loop

    .global reference_check_loop8
    .thumb_func
    .type reference_check_loop8, %function
reference_check_loop8:
    BEGIN_CHECK
    ldr r12, =__stack_corruption_area_words__
1:  ldmia r0!, {r2-r9}
    FEED r2, r3, r4, r5, r6, r7, r8, r9
    subs r12, r12, #8
    bne 1b
    END_CHECK
9:  mvn r0, #6
    bx lr
    .ltorg
    .size reference_check_loop8, . - reference_check_loop8
