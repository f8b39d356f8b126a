# SafetyMonitor in an nf-interpreter ChibiOS target: derives what
# nf_setup_target_build() needs from the board's settings. Included by the
# board's safetymonitor/safetymonitor.cmake, which sets:
#   SAFETYMONITOR_MAIN_STACK_SIZE, SAFETYMONITOR_BOOTER_PROCESS_STACK_SIZE,
#   SAFETYMONITOR_CLR_PROCESS_STACK_SIZE, SAFETYMONITOR_CLR_THREAD_STACK_SIZE,
#   SAFETYMONITOR_STACK_CORRUPTION_AREA_SIZE, SAFETYMONITOR_BOOTER_CRT_HEAP_SIZE,
#   and SAFETYMONITOR_CLR_CRT_HEAP_SIZE unless the nanoCLR script computes it.
# Defines:
#   SAFETYMONITOR_BOOTER_LINKMAP_PROPERTIES, SAFETYMONITOR_CLR_LINKMAP_PROPERTIES
#     appended to BOOTER_/CLR_EXTRA_LINKMAP_PROPERTIES: where ld finds our
#     scripts (this folder; nanoBooter/ or nanoCLR/ too, where the installer
#     writes the target's scripts), and the --defsym sizes;
#   SAFETYMONITOR_CLR_SOURCE_FILES  for CLR_EXTRA_SOURCE_FILES (the CLR
#     thread's working area and safetymonitor_start_clr_thread(); with
#     SAFETYMONITOR_FAULT_HANDLER ON also the HardFault handler that writes
#     the fault record, fault.c).
foreach(setting IN ITEMS MAIN_STACK_SIZE BOOTER_PROCESS_STACK_SIZE CLR_PROCESS_STACK_SIZE
                         CLR_THREAD_STACK_SIZE STACK_CORRUPTION_AREA_SIZE BOOTER_CRT_HEAP_SIZE)
    if(NOT DEFINED SAFETYMONITOR_${setting})
        message(FATAL_ERROR "SafetyMonitor: SAFETYMONITOR_${setting} is not set: the board's safetymonitor.cmake must set it before including ${CMAKE_CURRENT_LIST_FILE}")
    endif()
endforeach()

set(safetymonitor_dir ${CMAKE_CURRENT_LIST_DIR})
set(SAFETYMONITOR_BOOTER_LINKMAP_PROPERTIES
    ",--library-path=${safetymonitor_dir},--library-path=${safetymonitor_dir}/../nanoBooter"
    ",--defsym=__main_stack_size__=${SAFETYMONITOR_MAIN_STACK_SIZE}"
    ",--defsym=__process_stack_size__=${SAFETYMONITOR_BOOTER_PROCESS_STACK_SIZE}"
    ",--defsym=__crt_heap_size__=${SAFETYMONITOR_BOOTER_CRT_HEAP_SIZE}")
set(SAFETYMONITOR_CLR_LINKMAP_PROPERTIES
    ",--library-path=${safetymonitor_dir},--library-path=${safetymonitor_dir}/../nanoCLR"
    ",--defsym=__main_stack_size__=${SAFETYMONITOR_MAIN_STACK_SIZE}"
    ",--defsym=__process_stack_size__=${SAFETYMONITOR_CLR_PROCESS_STACK_SIZE}"
    ",--defsym=__stack_corruption_area_size=${SAFETYMONITOR_STACK_CORRUPTION_AREA_SIZE}")
if(DEFINED SAFETYMONITOR_CLR_CRT_HEAP_SIZE)
    list(APPEND SAFETYMONITOR_CLR_LINKMAP_PROPERTIES ",--defsym=__crt_heap_size__=${SAFETYMONITOR_CLR_CRT_HEAP_SIZE}")
endif()
# One string each, as nf_set_link_map() appends it.
string(REPLACE ";" "" SAFETYMONITOR_BOOTER_LINKMAP_PROPERTIES "${SAFETYMONITOR_BOOTER_LINKMAP_PROPERTIES}")
string(REPLACE ";" "" SAFETYMONITOR_CLR_LINKMAP_PROPERTIES "${SAFETYMONITOR_CLR_LINKMAP_PROPERTIES}")

set(SAFETYMONITOR_CLR_SOURCE_FILES ${safetymonitor_dir}/safetymonitor_clr_thread.c)
if(SAFETYMONITOR_FAULT_HANDLER)
    list(APPEND SAFETYMONITOR_CLR_SOURCE_FILES ${safetymonitor_dir}/fault.c)
endif()
set_source_files_properties(${SAFETYMONITOR_CLR_SOURCE_FILES} PROPERTIES
    COMPILE_DEFINITIONS "SAFETYMONITOR_CLR_THREAD_STACK_SIZE=${SAFETYMONITOR_CLR_THREAD_STACK_SIZE}")

# The interop assembly: NF_INTEROP_ASSEMBLIES is a cache variable that the
# target's CMake preset sets (a space-separated list of assembly names):
#     "NF_INTEROP_ASSEMBLIES": "SafetyMonitor.Native"
# (native-interop/stubs/install-into-nf-interpreter.sh installs the stubs).
string(REPLACE " " ";" safetymonitor_interop_list "${NF_INTEROP_ASSEMBLIES}")
if(NOT "SafetyMonitor.Native" IN_LIST safetymonitor_interop_list)
    message(WARNING "SafetyMonitor: NF_INTEROP_ASSEMBLIES (\"${NF_INTEROP_ASSEMBLIES}\") lacks SafetyMonitor.Native: "
                    "add it in the target's CMake preset, or the firmware will not carry the monitor's natives")
endif()
