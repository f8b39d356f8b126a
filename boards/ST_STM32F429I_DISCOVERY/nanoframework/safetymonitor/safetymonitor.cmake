# SafetyMonitor on ST_STM32F429I_DISCOVERY: every setting of the flipped
# nanoBooter and nanoCLR layouts, in one place.
#
# In targets/ChibiOS/ST_STM32F429I_DISCOVERY/CMakeLists.txt:
#     include(${CMAKE_CURRENT_SOURCE_DIR}/safetymonitor/safetymonitor.cmake)
# before nf_setup_target_build(), and in that call:
#     CLR_EXTRA_SOURCE_FILES ... ${SAFETYMONITOR_CLR_SOURCE_FILES}
#     BOOTER_EXTRA_LINKMAP_PROPERTIES
#         ",--library-path=${CMAKE_SOURCE_DIR}/targets/ChibiOS/_common${SAFETYMONITOR_BOOTER_LINKMAP_PROPERTIES}"
#     CLR_EXTRA_LINKMAP_PROPERTIES
#         ",--library-path=${CMAKE_SOURCE_DIR}/targets/ChibiOS/_common${SAFETYMONITOR_CLR_LINKMAP_PROPERTIES}"
# (these replace the --defsym sizes the call had). The interop assembly is
# added with NF_INTEROP_ASSEMBLIES in the target's CMake preset
# (safetymonitor_nf_target.cmake warns when it is missing).

# --- What each setting costs -------------------------------------------------
# Main stack (.mstack, MSP: exceptions and interrupts), bytes, multiple of 8.
# Flipped at the SRAM origin 0x20000000: an overflow faults. nanoFramework's
# value; costs that much SRAM.
set(SAFETYMONITOR_MAIN_STACK_SIZE 0x400)
# main()'s stack (.pstack, PSP), bytes: nanoFramework's values.
set(SAFETYMONITOR_BOOTER_PROCESS_STACK_SIZE 0x400)
set(SAFETYMONITOR_CLR_PROCESS_STACK_SIZE 0x800)
# The CLR thread's stack, bytes (the osThreadDef of CLRStartupThread had 4096).
# Its working area (this plus ChibiOS's thread_t and port overhead) is placed
# flipped at the CCM origin 0x10000000 and leaves the CRT heap.
set(SAFETYMONITOR_CLR_THREAD_STACK_SIZE 4096)
# The corruption-detect area right above it, bytes, multiple of 4, >= 8. Costs
# that much CCM, and one CRC over (size / 4 - 1) words per safety cycle.
set(SAFETYMONITOR_STACK_CORRUPTION_AREA_SIZE 128)
# nanoBooter's CRT heap, bytes: all of CCM (nanoFramework's value). The
# nanoCLR's CRT heap is the rest of CCM above the area: its linker script
# computes it (ReceiverThread's stack still comes from it).
set(SAFETYMONITOR_BOOTER_CRT_HEAP_SIZE 0x10000)

# The HardFault handler that writes the fault record and resets
# (boards/common/cortex-m/fault.c): ON replaces nanoFramework's, which records
# nothing; first remove hard_fault_handler.c from
# targets/ChibiOS/_common/CMakeLists.txt (both define HardFault_Handler; the
# link says "multiple definition" otherwise). Costs a 1 KiB known-good stack
# in .bss. The record itself (72 bytes) lies in the retained RAM of both
# images, 128 bytes below the boot clipboard in SRAM3 (safetymonitor_ram.ld),
# with or without this handler.
if(NOT DEFINED SAFETYMONITOR_FAULT_HANDLER)
    set(SAFETYMONITOR_FAULT_HANDLER OFF)
endif()

# --- Derived: the link-map strings, sources and checks ------------------------
include(${CMAKE_CURRENT_LIST_DIR}/safetymonitor_nf_target.cmake)
