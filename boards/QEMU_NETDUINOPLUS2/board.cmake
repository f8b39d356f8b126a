# QEMU_NETDUINOPLUS2: STM32F405RG (Cortex-M4F) as Debian 12's qemu-system-arm
# 7.2 emulates it (machine netduinoplus2). Default board of `make demo` and of
# the target tests.
set(SAFETYMON_BOARD_CPU "cortex-m4f")
set(SAFETYMON_CPU_FLAGS -mcpu=cortex-m4 -mthumb -mfpu=fpv4-sp-d16 -mfloat-abi=hard)
set(SAFETYMON_BOARD_QEMU_MACHINE "netduinoplus2")
# The region whose origin the flipped main stack must sit at (tests check it).
set(SAFETYMON_BOARD_FLIPPED_STACK_ORIGIN 0x20000000)
