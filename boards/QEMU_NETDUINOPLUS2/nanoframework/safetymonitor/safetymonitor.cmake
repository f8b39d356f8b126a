# SafetyMonitor on QEMU_NETDUINOPLUS2: every setting of the flipped nanoCLR
# layout, in one place. This target is SafetyMonitor's own (no nanoBooter);
# its CMakeLists.txt includes this file before nf_setup_target_build(). In a
# tree that configures through Kconfig (nf-interpreter main) the values come
# from the SafetyMonitor menu instead (its defaults for this board are these).

# No nanoBooter: QEMU starts the nanoCLR at the flash origin.
set(SAFETYMONITOR_HAS_NANOBOOTER OFF)

# Main stack (.mstack, MSP: exceptions and interrupts), bytes, multiple of 8.
# On the MPU guard at 0x20004000 (linker/main_stack_guarded.ld): the SRAM
# origin holds the CLR thread. nanoFramework's value.
set(SAFETYMONITOR_MAIN_STACK_SIZE 0x400)
# main()'s stack (.pstack, PSP), bytes: nanoFramework's value.
set(SAFETYMONITOR_CLR_PROCESS_STACK_SIZE 0x800)
# The CLR thread's stack, bytes (nanoFramework's ChibiOS targets: 4096).
# Its working area is placed flipped at the SRAM origin 0x20000000.
set(SAFETYMONITOR_CLR_THREAD_STACK_SIZE 4096)
# The corruption-detect area right above it, bytes, multiple of 4, >= 8.
set(SAFETYMONITOR_STACK_CORRUPTION_AREA_SIZE 128)
# The nanoCLR's CRT heap: the rest of ram4 (16 KiB from the SRAM origin)
# above the area; the nanoCLR script computes it. ReceiverThread's 2 KiB
# stack comes from it.

# The HardFault handler that writes the fault record and resets
# (boards/common/cortex-m/fault.c): ON here. nanoFramework's own
# (targets/ChibiOS/_common/hard_fault_handler.c) is compiled only in Debug
# and RelWithDebInfo builds, which this target does not support: its preset
# builds MinSizeRel.
if(NOT DEFINED SAFETYMONITOR_FAULT_HANDLER)
    set(SAFETYMONITOR_FAULT_HANDLER ON)
endif()

# --- Derived: the link-map strings, sources and checks ------------------------
include(${CMAKE_CURRENT_LIST_DIR}/safetymonitor_nf_target.cmake)
