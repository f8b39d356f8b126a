# The core library needs nothing from outside but the linker's symbols and,
# at most, the <string.h> functions the design allows:
#   cmake -DNM=<arm-none-eabi-nm> -DLIBRARY=<libsafetymon_stm32.a> -P check_freestanding.cmake
cmake_minimum_required(VERSION 3.25)
set(allowed
    __main_stack_base__ __main_stack_end__ __process_stack_base__ __process_stack_end__
    __stack_corruption_area_start__ __stack_corruption_area_end__ __stack_corruption_area_words__
    memcpy memmove memset memcmp)
execute_process(COMMAND ${NM} -g ${LIBRARY} OUTPUT_VARIABLE listing RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "FAIL: ${NM} ${LIBRARY} exited with ${status}")
endif()
string(REGEX MATCHALL "[ \t]+U [A-Za-z_][A-Za-z0-9_]*" undefined_lines "${listing}")
string(REGEX MATCHALL "[0-9a-f]+ [TDBRC] [A-Za-z_][A-Za-z0-9_]*" defined_lines "${listing}")
set(defined)
foreach(line IN LISTS defined_lines)
    string(REGEX REPLACE ".* " "" name "${line}")
    list(APPEND defined ${name})
endforeach()
set(external)
foreach(line IN LISTS undefined_lines)
    string(REGEX REPLACE ".* " "" name "${line}")
    if(NOT name IN_LIST defined)
        list(APPEND external ${name})
    endif()
endforeach()
list(REMOVE_DUPLICATES external)
set(forbidden ${external})
list(REMOVE_ITEM forbidden ${allowed})
message(STATUS "symbols the core needs from outside: ${external}")
if(forbidden)
    message(FATAL_ERROR "FAIL: the core needs symbols beyond the linker's and <string.h>: ${forbidden}")
endif()
message(STATUS "PASS: freestanding")
