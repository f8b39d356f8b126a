# Checks a linked nanoBooter/nanoCLR pair against the flash layout of the
# nf-interpreter tree their scripts were installed into (the facts are the
# caller's, written from that tree, never read back from the installed scripts):
#   cmake -DOBJDUMP=<objdump> -DNM=<nm> -DBOOTER=<elf> -DCLR=<elf>
#         -DBOOTER_ORIGIN=<hex> -DCLR_ORIGIN=<hex> -DDEPLOYMENT=<hex> -DFLASH_END=<hex>
#         -P check_flash_layout.cmake
#   - the nanoBooter's flash contents start at BOOTER_ORIGIN and end at or
#     before CLR_ORIGIN; the nanoCLR's start at CLR_ORIGIN and end at or before
#     DEPLOYMENT (the first block a deployment erases): nothing overlaps;
#   - the nanoCLR's __nanoImage_start__ and __deployment_start__ (what
#     nanoFramework's AssertBlockStorage() compares with the block-storage
#     map) are CLR_ORIGIN and DEPLOYMENT;
#   - the nanoBooter launches the nanoCLR where it lies: at __nanoConfig_end__
#     when it has a config region, else at __nanoImage_end__ (nanoBooter/main.c
#     of the F769 and the F429).
# Flash contents are the allocated sections with contents whose load address
# lies in [BOOTER_ORIGIN, FLASH_END).
# Without -DBOOTER (a target with no nanoBooter, QEMU_NETDUINOPLUS2) only the
# nanoCLR is checked, from CLR_ORIGIN, and its vector table (.vectors) must
# lie at CLR_ORIGIN: the core boots from there.
cmake_minimum_required(VERSION 3.25)

set(failures "")
macro(fail text)
    string(APPEND failures "  ${text}\n")
endmacro()

# flash_span(<elf> <out_start> <out_end>): lowest load address and highest
# load end of the image's flash contents.
function(flash_span elf out_start out_end)
    execute_process(COMMAND ${OBJDUMP} -h ${elf} OUTPUT_VARIABLE text RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "objdump -h ${elf} failed")
    endif()
    string(REPLACE "\n" ";" lines "${text}")
    set(start "")
    set(end "")
    set(pending "")
    foreach(line IN LISTS lines)
        # "  0 .vectors  00000010  00200000  08000000  00010000  2**10" then its flags.
        if(line MATCHES "^ *[0-9]+ +([^ ]+) +([0-9a-f]+) +([0-9a-f]+) +([0-9a-f]+) ")
            set(pending "${CMAKE_MATCH_2};${CMAKE_MATCH_4};${CMAKE_MATCH_1}")
        elseif(pending AND line MATCHES "CONTENTS" AND line MATCHES "ALLOC")
            list(GET pending 0 size_hex)
            list(GET pending 1 lma_hex)
            math(EXPR size "0x${size_hex}")
            math(EXPR lma "0x${lma_hex}")
            math(EXPR lma_end "${lma} + ${size}")
            if(size GREATER 0 AND lma GREATER_EQUAL BOOTER_ORIGIN_VALUE AND lma LESS FLASH_END_VALUE)
                if(start STREQUAL "" OR lma LESS start)
                    set(start ${lma})
                endif()
                if(end STREQUAL "" OR lma_end GREATER end)
                    set(end ${lma_end})
                endif()
            endif()
            set(pending "")
        else()
            set(pending "")
        endif()
    endforeach()
    if(start STREQUAL "")
        message(FATAL_ERROR "${elf}: no flash contents at or above ${BOOTER_ORIGIN}")
    endif()
    set(${out_start} ${start} PARENT_SCOPE)
    set(${out_end} ${end} PARENT_SCOPE)
endfunction()

# symbol(<elf> <name> <out>): the symbol's value, or "" when the image has none.
function(symbol elf name out)
    execute_process(COMMAND ${NM} ${elf} OUTPUT_VARIABLE text)
    if(text MATCHES "(^|\n)([0-9a-f]+) [A-Za-z] ${name}\n")
        math(EXPR value "0x${CMAKE_MATCH_2}" OUTPUT_FORMAT HEXADECIMAL)
        set(${out} ${value} PARENT_SCOPE)
    else()
        set(${out} "" PARENT_SCOPE)
    endif()
endfunction()

function(hex value out)
    math(EXPR text "${value}" OUTPUT_FORMAT HEXADECIMAL)
    set(${out} ${text} PARENT_SCOPE)
endfunction()

if(NOT BOOTER)
    set(BOOTER_ORIGIN ${CLR_ORIGIN})
endif()
math(EXPR BOOTER_ORIGIN_VALUE "${BOOTER_ORIGIN}")
math(EXPR CLR_ORIGIN_VALUE "${CLR_ORIGIN}")
math(EXPR DEPLOYMENT_VALUE "${DEPLOYMENT}")
math(EXPR FLASH_END_VALUE "${FLASH_END}")

if(BOOTER)
    flash_span(${BOOTER} booter_start booter_end)
    set(images booter clr)
else()
    set(booter_start ${BOOTER_ORIGIN_VALUE})
    set(booter_end ${BOOTER_ORIGIN_VALUE})
    set(images clr)
endif()
flash_span(${CLR} clr_start clr_end)
foreach(image IN ITEMS ${images})
    hex(${${image}_start} ${image}_start_hex)
    hex(${${image}_end} ${image}_end_hex)
endforeach()
if(NOT booter_start EQUAL BOOTER_ORIGIN_VALUE)
    fail("the nanoBooter's flash contents start at ${booter_start_hex}, not at the tree's ${BOOTER_ORIGIN}")
endif()
if(booter_end GREATER CLR_ORIGIN_VALUE)
    fail("the nanoBooter's flash contents end at ${booter_end_hex}, past the nanoCLR's origin ${CLR_ORIGIN}")
endif()
if(NOT clr_start EQUAL CLR_ORIGIN_VALUE)
    fail("the nanoCLR's flash contents start at ${clr_start_hex}, not at the tree's ${CLR_ORIGIN}")
endif()
if(clr_end GREATER DEPLOYMENT_VALUE)
    fail("the nanoCLR's flash contents end at ${clr_end_hex}, inside the deployment blocks from ${DEPLOYMENT}")
endif()

symbol(${CLR} __nanoImage_start__ image_start)
symbol(${CLR} __deployment_start__ deployment_start)
if(NOT image_start OR NOT image_start EQUAL CLR_ORIGIN_VALUE)
    fail("the nanoCLR's __nanoImage_start__ is '${image_start}', not ${CLR_ORIGIN}")
endif()
if(NOT deployment_start OR NOT deployment_start EQUAL DEPLOYMENT_VALUE)
    fail("the nanoCLR's __deployment_start__ is '${deployment_start}', not ${DEPLOYMENT}")
endif()
if(NOT BOOTER)
    execute_process(COMMAND ${OBJDUMP} -h ${CLR} OUTPUT_VARIABLE text)
    if(NOT text MATCHES " \\.vectors +[0-9a-f]+ +[0-9a-f]+ +([0-9a-f]+) ")
        fail("the nanoCLR has no .vectors section")
    else()
        math(EXPR vectors "0x${CMAKE_MATCH_1}")
        if(NOT vectors EQUAL CLR_ORIGIN_VALUE)
            hex(${vectors} vectors_hex)
            fail("the nanoCLR's vector table lies at ${vectors_hex}, not at ${CLR_ORIGIN} where the core boots")
        endif()
    endif()
    if(failures)
        message(FATAL_ERROR "FAIL: ${CLR}:\n${failures}")
    endif()
    message(STATUS "PASS: no nanoBooter; nanoCLR ${clr_start_hex}-${clr_end_hex} with its vector table at ${CLR_ORIGIN}, deployment from ${DEPLOYMENT}")
    return()
endif()
symbol(${BOOTER} __nanoConfig_size__ config_size)
if(NOT config_size OR config_size EQUAL 0)
    set(launch_symbol __nanoImage_end__)
else()
    set(launch_symbol __nanoConfig_end__)
endif()
symbol(${BOOTER} ${launch_symbol} launch)
if(NOT launch OR NOT launch EQUAL CLR_ORIGIN_VALUE)
    fail("the nanoBooter launches the nanoCLR at its ${launch_symbol} '${launch}', not at ${CLR_ORIGIN}")
endif()

if(failures)
    message(FATAL_ERROR "FAIL: ${BOOTER} and ${CLR}:\n${failures}")
endif()
message(STATUS "PASS: nanoBooter ${booter_start_hex}-${booter_end_hex}, nanoCLR ${clr_start_hex}-${clr_end_hex} (launched by ${launch_symbol}), deployment from ${DEPLOYMENT}")
