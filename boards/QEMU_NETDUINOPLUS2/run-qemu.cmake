# Runs a firmware ELF on the emulated board and checks what it reported.
#
#   cmake -DQEMU=<qemu-system-arm> -DELF=<firmware.elf>
#         [-DEXPECT_EXIT=<code>] [-DEXPECT_MARKER=<regex>]
#         [-DTIMEOUT=<seconds, default 30>] [-DREBOOT=ON] [-DICOUNT=ON] -P run-qemu.cmake
#
# The guest reports through ARM semihosting, to stdout, and ends with
# SYS_EXIT_EXTENDED: its code is QEMU's exit status. A pass needs both the
# expected exit status and a line matching EXPECT_MARKER: exit 0 alone never
# counts, because a reset request under -no-reboot also exits 0
# (../shared/notes/qemu.md). REBOOT=ON drops -no-reboot (reset tests).
# ICOUNT=ON adds -icount shift=0,sleep=off: one virtual nanosecond per guest
# instruction, so TIM2 (1 GHz) counts instructions and its interrupts land at
# the same instruction in every run. sleep=off matters: with QEMU's default
# (sleep=on) virtual time also advances with host time while the vCPU waits,
# and the number of TIM2 interrupts in a run varied with the host's load
# (12 to 73 in three runs of campaign_concurrency_fast; 928 in every run
# with sleep=off, qemu-system-arm 7.2).
cmake_minimum_required(VERSION 3.25)
foreach(required QEMU ELF)
    if(NOT ${required})
        message(FATAL_ERROR "run-qemu.cmake: -D${required}=... is required")
    endif()
endforeach()
if(NOT EXISTS "${ELF}")
    message(FATAL_ERROR "run-qemu.cmake: firmware ${ELF} does not exist")
endif()
if(NOT TIMEOUT)
    set(TIMEOUT 30)
endif()

set(args
    -M netduinoplus2
    -display none -monitor none -serial null
    -chardev stdio,id=semihosting
    -semihosting-config enable=on,target=native,chardev=semihosting
    -kernel ${ELF})
if(ICOUNT)
    list(APPEND args -icount shift=0,sleep=off)
endif()
if(NOT REBOOT)
    list(APPEND args -no-reboot)
endif()

execute_process(
    COMMAND ${QEMU} ${args}
    TIMEOUT ${TIMEOUT}
    RESULT_VARIABLE status
    OUTPUT_VARIABLE output
    ERROR_VARIABLE errors
    ECHO_OUTPUT_VARIABLE
    ECHO_ERROR_VARIABLE)

if(NOT status MATCHES "^[0-9]+$")
    message(FATAL_ERROR "FAIL: qemu-system-arm did not finish: ${status} (limit ${TIMEOUT} s)")
endif()
if(DEFINED EXPECT_EXIT AND NOT status EQUAL EXPECT_EXIT)
    message(FATAL_ERROR "FAIL: firmware exit status ${status}, expected ${EXPECT_EXIT} "
                        "(120 emulation error, 121 unexpected exception, 122 unhandled fault, "
                        "134 core lockup)")
endif()
if(DEFINED EXPECT_MARKER AND NOT output MATCHES "${EXPECT_MARKER}")
    message(FATAL_ERROR "FAIL: no output line matches \"${EXPECT_MARKER}\"")
endif()
