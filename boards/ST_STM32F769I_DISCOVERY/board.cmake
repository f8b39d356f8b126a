# ST_STM32F769I_DISCOVERY: STM32F769NI (Cortex-M7, double-precision FPU).
# Cross-built and linked here; runs only on the board (QEMU 7.2 has no STM32
# Cortex-M7 machine).
set(SAFETYMON_BOARD_CPU "cortex-m7")
set(SAFETYMON_CPU_FLAGS -mcpu=cortex-m7 -mthumb -mfpu=fpv5-d16 -mfloat-abi=hard)
set(SAFETYMON_BOARD_QEMU_MACHINE "")
set(SAFETYMON_BOARD_FLIPPED_STACK_ORIGIN 0x20000000)
# RAM the Cortex-M7's data cache never holds, where the retained RAM (fault
# record, error memory) must lie: the DTCM, 0x20000000-0x20020000 (RM0410
# §2.2; "TCMs always behave as Non-cacheable", Cortex-M7 TRM DDI 0489F §5.8.1).
# tests/cross checks the linked images against it.
set(SAFETYMON_BOARD_UNCACHED_RAM 0x20000000 0x20020000)
