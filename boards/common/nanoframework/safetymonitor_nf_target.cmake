# SafetyMonitor in an nf-interpreter ChibiOS target: derives what
# nf_setup_target_build() needs from the board's settings. Included by the
# board's safetymonitor/safetymonitor.cmake, which sets:
#   SAFETYMONITOR_MAIN_STACK_SIZE, SAFETYMONITOR_BOOTER_PROCESS_STACK_SIZE,
#   SAFETYMONITOR_CLR_PROCESS_STACK_SIZE, SAFETYMONITOR_CLR_THREAD_STACK_SIZE,
#   SAFETYMONITOR_STACK_CORRUPTION_AREA_SIZE, SAFETYMONITOR_BOOTER_CRT_HEAP_SIZE,
#   and SAFETYMONITOR_CLR_CRT_HEAP_SIZE unless the nanoCLR script computes it;
#   optionally SAFETYMONITOR_FAULT_HANDLER (default OFF) and
#   SAFETYMONITOR_PAINT_CLR_STACK (default ON).
# In a tree that configures through Kconfig (NF_TARGET_DEFCONFIG set:
# nf-interpreter main), these are Kconfig options instead
# (Kconfig.safetymonitor, installed and sourced by
# native-interop/stubs/install-into-nf-interpreter.sh): nf_load_kconfig()
# puts each CONFIG_SAFETYMONITOR_* of the .config into the CMake cache, and
# those values replace the board file's (a missing one stops the
# configuration: the Kconfig file is not sourced).
# Defines:
#   SAFETYMONITOR_BOOTER_LINKMAP_PROPERTIES, SAFETYMONITOR_CLR_LINKMAP_PROPERTIES
#     appended to BOOTER_/CLR_EXTRA_LINKMAP_PROPERTIES: where ld finds our
#     scripts (this folder; nanoBooter/ or nanoCLR/ too, where the installer
#     writes the target's scripts), and the --defsym sizes;
#   SAFETYMONITOR_CLR_SOURCE_FILES  for CLR_EXTRA_SOURCE_FILES (the CLR
#     thread's working area and safetymonitor_start_clr_thread(); with
#     SAFETYMONITOR_FAULT_HANDLER ON also the HardFault handler that writes
#     the fault record, fault.c).
# Stops the configuration, in one line, when NF_INTEROP_ASSEMBLIES lacks
# SafetyMonitor.Native (the link would fail later, on the natives).
set(safetymonitor_settings MAIN_STACK_SIZE BOOTER_PROCESS_STACK_SIZE CLR_PROCESS_STACK_SIZE
                           CLR_THREAD_STACK_SIZE STACK_CORRUPTION_AREA_SIZE BOOTER_CRT_HEAP_SIZE
                           CLR_CRT_HEAP_SIZE FAULT_HANDLER PAINT_CLR_STACK)
if(DEFINED NF_TARGET_DEFCONFIG)
    foreach(setting IN LISTS safetymonitor_settings)
        if(NOT DEFINED CACHE{SAFETYMONITOR_${setting}})
            message(FATAL_ERROR " SafetyMonitor: this tree configures through Kconfig (NF_TARGET_DEFCONFIG) but its .config has no CONFIG_SAFETYMONITOR_${setting}: run native-interop/stubs/install-into-nf-interpreter.sh on the tree (it sources the monitor's Kconfig) and configure again")
        endif()
        set(SAFETYMONITOR_${setting} "$CACHE{SAFETYMONITOR_${setting}}")
    endforeach()
endif()
# The nanoCLR's CRT heap, when set (Kconfig's 0, like a board file that does
# not set it: the nanoCLR script computes it).
set(safetymonitor_clr_crt_heap "")
if(DEFINED SAFETYMONITOR_CLR_CRT_HEAP_SIZE AND NOT SAFETYMONITOR_CLR_CRT_HEAP_SIZE MATCHES "^(0x)?0+$")
    set(safetymonitor_clr_crt_heap "${SAFETYMONITOR_CLR_CRT_HEAP_SIZE}")
endif()
if(NOT DEFINED SAFETYMONITOR_PAINT_CLR_STACK)
    set(SAFETYMONITOR_PAINT_CLR_STACK ON)
endif()

# A target without a nanoBooter (SAFETYMONITOR_HAS_NANOBOOTER OFF, as
# QEMU_NETDUINOPLUS2) needs no BOOTER_ settings.
if(NOT DEFINED SAFETYMONITOR_HAS_NANOBOOTER)
    set(SAFETYMONITOR_HAS_NANOBOOTER ON)
endif()
set(safetymonitor_required MAIN_STACK_SIZE CLR_PROCESS_STACK_SIZE CLR_THREAD_STACK_SIZE STACK_CORRUPTION_AREA_SIZE)
if(SAFETYMONITOR_HAS_NANOBOOTER)
    list(APPEND safetymonitor_required BOOTER_PROCESS_STACK_SIZE BOOTER_CRT_HEAP_SIZE)
endif()
foreach(setting IN LISTS safetymonitor_required)
    if(NOT DEFINED SAFETYMONITOR_${setting})
        message(FATAL_ERROR "SafetyMonitor: SAFETYMONITOR_${setting} is not set: the board's safetymonitor.cmake must set it before including ${CMAKE_CURRENT_LIST_FILE}")
    endif()
endforeach()

set(safetymonitor_dir ${CMAKE_CURRENT_LIST_DIR})
set(SAFETYMONITOR_BOOTER_LINKMAP_PROPERTIES "")
if(SAFETYMONITOR_HAS_NANOBOOTER)
    set(SAFETYMONITOR_BOOTER_LINKMAP_PROPERTIES
        ",--library-path=${safetymonitor_dir},--library-path=${safetymonitor_dir}/../nanoBooter"
        ",--defsym=__main_stack_size__=${SAFETYMONITOR_MAIN_STACK_SIZE}"
        ",--defsym=__process_stack_size__=${SAFETYMONITOR_BOOTER_PROCESS_STACK_SIZE}"
        ",--defsym=__crt_heap_size__=${SAFETYMONITOR_BOOTER_CRT_HEAP_SIZE}")
endif()
set(SAFETYMONITOR_CLR_LINKMAP_PROPERTIES
    ",--library-path=${safetymonitor_dir},--library-path=${safetymonitor_dir}/../nanoCLR"
    ",--defsym=__main_stack_size__=${SAFETYMONITOR_MAIN_STACK_SIZE}"
    ",--defsym=__process_stack_size__=${SAFETYMONITOR_CLR_PROCESS_STACK_SIZE}"
    ",--defsym=__stack_corruption_area_size=${SAFETYMONITOR_STACK_CORRUPTION_AREA_SIZE}")
if(NOT safetymonitor_clr_crt_heap STREQUAL "")
    list(APPEND SAFETYMONITOR_CLR_LINKMAP_PROPERTIES ",--defsym=__crt_heap_size__=${safetymonitor_clr_crt_heap}")
endif()
# One string each, as nf_set_link_map() appends it.
string(REPLACE ";" "" SAFETYMONITOR_BOOTER_LINKMAP_PROPERTIES "${SAFETYMONITOR_BOOTER_LINKMAP_PROPERTIES}")
string(REPLACE ";" "" SAFETYMONITOR_CLR_LINKMAP_PROPERTIES "${SAFETYMONITOR_CLR_LINKMAP_PROPERTIES}")

set(SAFETYMONITOR_CLR_SOURCE_FILES ${safetymonitor_dir}/safetymonitor_clr_thread.c)
if(SAFETYMONITOR_FAULT_HANDLER)
    list(APPEND SAFETYMONITOR_CLR_SOURCE_FILES ${safetymonitor_dir}/fault.c)
endif()
if(SAFETYMONITOR_PAINT_CLR_STACK)
    set(safetymonitor_paint 1)
else()
    set(safetymonitor_paint 0)
endif()
set_source_files_properties(${SAFETYMONITOR_CLR_SOURCE_FILES} PROPERTIES
    COMPILE_DEFINITIONS "SAFETYMONITOR_CLR_THREAD_STACK_SIZE=${SAFETYMONITOR_CLR_THREAD_STACK_SIZE};SAFETYMONITOR_PAINT_CLR_STACK=${safetymonitor_paint}")

# The interop assembly: NF_INTEROP_ASSEMBLIES is a cache variable that the
# target's CMake preset sets (a space-separated list of assembly names, split
# as nf-interpreter's ParseInteropAssemblies() splits it,
# CMake/Modules/FindNF_NativeAssemblies.cmake):
#     "NF_INTEROP_ASSEMBLIES": "SafetyMonitor.Native"
# (native-interop/stubs/install-into-nf-interpreter.sh installs the stubs).
# Without it the nanoCLR links safetymonitor_clr_thread.c, which calls the
# core (stack_check_fault_boot, stack_check_paint_region), without the core:
# stop here, in one line, rather than at the link.
separate_arguments(safetymonitor_interop_list NATIVE_COMMAND "${NF_INTEROP_ASSEMBLIES}")
if(NOT "SafetyMonitor.Native" IN_LIST safetymonitor_interop_list)
    message(FATAL_ERROR " SafetyMonitor: NF_INTEROP_ASSEMBLIES (\"${NF_INTEROP_ASSEMBLIES}\") lacks SafetyMonitor.Native: add it to the target's CMake preset (\"NF_INTEROP_ASSEMBLIES\": \"SafetyMonitor.Native\") or pass -DNF_INTEROP_ASSEMBLIES=SafetyMonitor.Native")
endif()
