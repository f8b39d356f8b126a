# safetymon_add_firmware(<name> [EXCLUDE_FROM_ALL] SOURCES <c files>...
#                        [LINKER_SCRIPT <file>] [DEFSYMS <sym=value>...]
#                        [SEARCH_FIRST <dir>])
#
# Links a bare-metal ELF (<name>.elf) for SAFETYMON_BOARD: the given sources,
# the board's start-up and support objects, the emulation archive where the
# board has one, and the stack-check core with its stm32 port. The default
# script is boards/common/cortex-m/firmware_flipped.ld (flipped layout, with
# the board's memory.ld and regions.ld); DEFSYMS become
# --defsym options (stack sizes, __stack_corruption_area_size). SEARCH_FIRST
# puts a folder ahead of the others in ld's script search path (controls
# that replace one of the board's scripts).
function(safetymon_add_firmware name)
    cmake_parse_arguments(FW "EXCLUDE_FROM_ALL" "LINKER_SCRIPT;SEARCH_FIRST" "SOURCES;DEFSYMS" ${ARGN})
    if(NOT FW_LINKER_SCRIPT)
        set(FW_LINKER_SCRIPT ${PROJECT_SOURCE_DIR}/boards/common/cortex-m/firmware_flipped.ld)
    endif()
    if(FW_EXCLUDE_FROM_ALL)
        add_executable(${name} EXCLUDE_FROM_ALL ${FW_SOURCES})
    else()
        add_executable(${name} ${FW_SOURCES})
    endif()
    set_target_properties(${name} PROPERTIES SUFFIX ".elf")
    safetymon_strict(${name})
    target_link_libraries(${name} PRIVATE board_common)
    if(TARGET board_support)
        target_link_libraries(${name} PRIVATE board_support)
    endif()
    target_link_libraries(${name} PRIVATE safetymon_stm32)
    set(defsyms)
    foreach(defsym IN LISTS FW_DEFSYMS)
        list(APPEND defsyms "-Wl,--defsym=${defsym}")
    endforeach()
    if(FW_SEARCH_FIRST)
        target_link_options(${name} PRIVATE -L${FW_SEARCH_FIRST})
    endif()
    target_link_options(${name} PRIVATE
        -nostartfiles --specs=nano.specs
        -T${FW_LINKER_SCRIPT}
        -L${PROJECT_SOURCE_DIR}/linker
        -L${PROJECT_SOURCE_DIR}/boards/common/cortex-m
        -L${SAFETYMON_BOARD_DIR}
        -Wl,--gc-sections -Wl,-Map=$<TARGET_FILE_DIR:${name}>/${name}.map
        ${defsyms})
    set_property(TARGET ${name} APPEND PROPERTY LINK_DEPENDS
        ${FW_LINKER_SCRIPT}
        ${PROJECT_SOURCE_DIR}/linker/stack_flipped.ld
        ${PROJECT_SOURCE_DIR}/linker/stack_corruption_area.ld
        ${PROJECT_SOURCE_DIR}/boards/common/cortex-m/sections_code.ld
        ${PROJECT_SOURCE_DIR}/boards/common/cortex-m/sections_data.ld
        ${SAFETYMON_BOARD_DIR}/memory.ld
        ${SAFETYMON_BOARD_DIR}/regions.ld)
endfunction()
