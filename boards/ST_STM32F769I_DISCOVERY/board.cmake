# ST_STM32F769I_DISCOVERY: STM32F769NI (Cortex-M7, double-precision FPU).
# Cross-built and linked here; runs only on the board (QEMU 7.2 has no STM32
# Cortex-M7 machine).
set(SAFETYMON_BOARD_CPU "cortex-m7")
set(SAFETYMON_CPU_FLAGS -mcpu=cortex-m7 -mthumb -mfpu=fpv5-d16 -mfloat-abi=hard)
set(SAFETYMON_BOARD_QEMU_MACHINE "")
set(SAFETYMON_BOARD_FLIPPED_STACK_ORIGIN 0x20000000)
