# ST_STM32F429I_DISCOVERY: STM32F429ZI (Cortex-M4F). Cross-built and linked
# here; runs only on the board.
set(SAFETYMON_BOARD_CPU "cortex-m4f")
set(SAFETYMON_CPU_FLAGS -mcpu=cortex-m4 -mthumb -mfpu=fpv4-sp-d16 -mfloat-abi=hard)
set(SAFETYMON_BOARD_QEMU_MACHINE "")
set(SAFETYMON_BOARD_FLIPPED_STACK_ORIGIN 0x10000000)
