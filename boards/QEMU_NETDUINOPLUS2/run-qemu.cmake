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
#
# NOISE=<item>[;<item>...] (with NM=<arm-none-eabi-nm>, NOISE_SEED=<number>)
# fills RAM with pseudo-random words before the guest starts, as silicon
# leaves it after a power-up (QEMU zeroes it): an item is an object's symbol
# (its address and size from `nm -S`) or <start>..<end>, two symbols. QEMU
# writes the words again at every reboot (its loaders run at each reset), so a
# warm reset finds the same noise. Generic loader devices in data mode do it
# (-device loader,addr=...,data=...,data-len=4): a file loader would collide
# with the ELF's NOBITS RAM segment, which QEMU registers as a ROM region.
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
if(NOISE)
    if(NOT NM)
        message(FATAL_ERROR "run-qemu.cmake: NOISE needs -DNM=<arm-none-eabi-nm>")
    endif()
    execute_process(COMMAND ${NM} -S ${ELF} OUTPUT_VARIABLE symbols RESULT_VARIABLE nm_status)
    if(NOT nm_status EQUAL 0)
        message(FATAL_ERROR "run-qemu.cmake: ${NM} -S ${ELF} failed")
    endif()
    function(noise_symbol name out_address out_size)
        if(symbols MATCHES "(^|\n)([0-9a-f]+) ([0-9a-f]+ )?[A-Za-z] ${name}\n")
            math(EXPR address "0x${CMAKE_MATCH_2}")
            set(size 0)
            if(CMAKE_MATCH_3)
                string(STRIP "${CMAKE_MATCH_3}" size_hex)
                math(EXPR size "0x${size_hex}")
            endif()
            set(${out_address} ${address} PARENT_SCOPE)
            set(${out_size} ${size} PARENT_SCOPE)
        else()
            message(FATAL_ERROR "run-qemu.cmake: NOISE: no symbol ${name} in ${ELF}")
        endif()
    endfunction()
    if(NOT DEFINED NOISE_SEED)
        set(NOISE_SEED 1)
    endif()
    math(EXPR word "${NOISE_SEED} & 0xFFFFFFFF")
    set(noise_words 0)
    foreach(item IN LISTS NOISE)
        if(item MATCHES "^(.+)\\.\\.(.+)$")
            noise_symbol(${CMAKE_MATCH_1} start unused)
            noise_symbol(${CMAKE_MATCH_2} end unused)
        else()
            noise_symbol(${item} start size)
            math(EXPR end "${start} + ${size}")
        endif()
        if(NOT end GREATER start)
            message(FATAL_ERROR "run-qemu.cmake: NOISE: ${item} covers no RAM")
        endif()
        set(address ${start})
        while(address LESS end)
            math(EXPR word "(${word} * 1664525 + 1013904223) & 0xFFFFFFFF")
            math(EXPR address_hex "${address}" OUTPUT_FORMAT HEXADECIMAL)
            math(EXPR word_hex "${word}" OUTPUT_FORMAT HEXADECIMAL)
            list(APPEND args -device "loader,addr=${address_hex},data=${word_hex},data-len=4")
            math(EXPR address "${address} + 4")
            math(EXPR noise_words "${noise_words} + 1")
        endwhile()
    endforeach()
    message(STATUS "noise: ${noise_words} words over ${NOISE} (seed ${NOISE_SEED})")
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
