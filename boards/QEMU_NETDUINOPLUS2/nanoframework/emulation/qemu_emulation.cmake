# EMULATION ONLY: SafetyMonitor's peripheral emulation for QEMU 7.2's
# netduinoplus2, compiled into the QEMU_NETDUINOPLUS2 nanoCLR (installed in
# targets/ChibiOS/QEMU_NETDUINOPLUS2/emulation by install-into-nf-target.sh).
# Every header these sources include with quotes lies in this folder, so
# they find their own board.h (the bare-metal board's addresses) before the
# ChibiOS board.h of the target folder. board.c starts it
# (qemu_nanoclr_emulation_start()); on silicon it stays off.
# Defines QEMU_EMULATION_CLR_SOURCE_FILES for CLR_EXTRA_SOURCE_FILES.
set(qemu_emulation_dir ${CMAKE_CURRENT_LIST_DIR})
set(QEMU_EMULATION_CLR_SOURCE_FILES
    ${qemu_emulation_dir}/qemu_nanoclr_emulation.c
    ${qemu_emulation_dir}/stm32_trap.c
    ${qemu_emulation_dir}/thumb_ldst.c
    ${qemu_emulation_dir}/iwdg_clock.c
    ${qemu_emulation_dir}/stm32_periph_model.c
    ${qemu_emulation_dir}/stm32_backup_domain_model.c
    ${qemu_emulation_dir}/semihosting.c)
# The models' state that survives QEMU's reboot, as the RCC reset flags and
# the backup domain do on silicon: a NOLOAD section crt0 leaves alone
# (nanoCLR/STM32F405xG_CLR.ld places it).
set_source_files_properties(${QEMU_EMULATION_CLR_SOURCE_FILES} PROPERTIES
    COMPILE_DEFINITIONS "STM32_MODEL_RETAINED_SECTION=\".emulation_noinit\"")
# The HardFault vector goes to the trap first (qemu_nanoclr_emulation.c:
# an emulated access with PRIMASK set escalates to HardFault), then to
# SafetyMonitor's fault recorder, fault.c, whose handler is renamed for it.
set_property(SOURCE ${qemu_emulation_dir}/stm32_trap.c APPEND PROPERTY
    COMPILE_DEFINITIONS "STM32_TRAP_HARD_FAULT_FALLBACK=cm_fault_hard_fault")
set_property(SOURCE ${qemu_emulation_dir}/../safetymonitor/fault.c APPEND PROPERTY
    COMPILE_DEFINITIONS "HardFault_Handler=cm_fault_hard_fault")
