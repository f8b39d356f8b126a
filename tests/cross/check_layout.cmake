# Checks a linked image's flipped layout from its symbols:
#   cmake -DNM=<arm-none-eabi-nm> -DELF=<image> -DSTACK_ORIGIN=<hex>
#         -DAREA_SIZE=<bytes> -P check_layout.cmake
# The main stack must start at STACK_ORIGIN (the board's flipped region), the
# area must start right at the stack's top and be AREA_SIZE bytes, and the
# heap must lie above the area.
cmake_minimum_required(VERSION 3.25)
execute_process(COMMAND ${NM} ${ELF} OUTPUT_VARIABLE symbols RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "FAIL: ${NM} ${ELF} exited with ${status}")
endif()

function(symbol name out)
    if(NOT symbols MATCHES "([0-9a-f]+) [A-Za-z] ${name}\n")
        message(FATAL_ERROR "FAIL: symbol ${name} missing from ${ELF}")
    endif()
    math(EXPR value "0x${CMAKE_MATCH_1}" OUTPUT_FORMAT HEXADECIMAL)
    set(${out} ${value} PARENT_SCOPE)
endfunction()

symbol(__main_stack_base__ stack_base)
symbol(__main_stack_end__ stack_end)
symbol(__stack_corruption_area_start__ area_start)
symbol(__stack_corruption_area_end__ area_end)
symbol(__heap_base__ heap_base)
math(EXPR area_bytes "${area_end} - ${area_start}")
math(EXPR origin "${STACK_ORIGIN}" OUTPUT_FORMAT HEXADECIMAL)

message(STATUS "stack ${stack_base}-${stack_end}, area ${area_start}-${area_end} (${area_bytes} bytes), heap from ${heap_base}")
if(NOT stack_base EQUAL origin)
    message(FATAL_ERROR "FAIL: the main stack starts at ${stack_base}, not at the region origin ${origin}")
endif()
if(NOT area_start EQUAL stack_end)
    message(FATAL_ERROR "FAIL: the area starts at ${area_start}, not at the stack's top ${stack_end}")
endif()
if(NOT area_bytes EQUAL AREA_SIZE)
    message(FATAL_ERROR "FAIL: the area has ${area_bytes} bytes, expected ${AREA_SIZE}")
endif()
if(heap_base LESS area_end)
    message(FATAL_ERROR "FAIL: the heap starts at ${heap_base}, below the area's end ${area_end}")
endif()
message(STATUS "PASS: flipped layout holds")
