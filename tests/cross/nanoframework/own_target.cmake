# Included by CMakeLists.txt for a target of SafetyMonitor's own (no
# nanoBooter: QEMU_NETDUINOPLUS2), after the installer wrote it into the
# empty stand-in tree ${nf}. nf_image() links as nf_setup_target_build()
# would; `safetymon layout` checks the images (tests/managed/SafetyMonitor.Layout.Tests).
nf_image(nanoCLR CLR ${clr_script})
nf_image(nanoCLR-DEBUG CLR ${clr_script}-DEBUG)

# The flash layout (facts of the target's own common/Device_BlockStorage.c,
# RM0090 §3.3 sectors): the nanoCLR from the flash origin, where the core
# boots, with its vector table there; the deployment from sector 8.
foreach(suffix IN ITEMS "" "-DEBUG")
    add_test(NAME ${prefix}.flash_layout_without_nanobooter${suffix}
        COMMAND ${CMAKE_COMMAND} -DOBJDUMP=${CMAKE_OBJDUMP} -DNM=${CMAKE_NM}
                -DCLR=$<TARGET_FILE:nanoCLR${suffix}> -DCLR_ORIGIN=0x08000000 -DDEPLOYMENT=0x08080000
                -DFLASH_END=0x08100000 -P ${PROJECT_SOURCE_DIR}/tests/cross/check_flash_layout.cmake)
endforeach()

# The installer's one edit to nf-interpreter's files: the target joins
# targets/ChibiOS/CMakePresets.json's include list, once (run twice).
add_test(NAME ${prefix}.installer_adds_the_preset_once
    COMMAND bash -c "set -e; t=$(mktemp -d); trap 'rm -rf \"$t\"' EXIT; mkdir -p \"$t/targets/ChibiOS\";
        cp '${nf}/targets/ChibiOS/CMakePresets.json.orig-standin' \"$t/targets/ChibiOS/CMakePresets.json\";
        bash '${installer}' \"$t\" ${SAFETYMON_BOARD} > /dev/null; bash '${installer}' \"$t\" ${SAFETYMON_BOARD} > /dev/null;
        n=$(grep -c '\"${SAFETYMON_BOARD}/CMakePresets.json\",' \"$t/targets/ChibiOS/CMakePresets.json\");
        [ \"$n\" = 1 ] || { echo \"FAIL: the preset is listed $n times\"; exit 1; };
        grep -q '\"ST_STM32F429I_DISCOVERY/CMakePresets.json\"' \"$t/targets/ChibiOS/CMakePresets.json\" || { echo 'FAIL: the tree entries were lost'; exit 1; };
        [ -f \"$t/targets/ChibiOS/${SAFETYMON_BOARD}/nanoCLR/STM32F405xG_CLR.ld\" ] || { echo 'FAIL: no nanoCLR script'; exit 1; };
        echo PASS")
file(COPY_FILE ${nf}/targets/ChibiOS/CMakePresets.json ${nf}/targets/ChibiOS/CMakePresets.json.orig-standin)
file(READ ${nf}/targets/ChibiOS/CMakePresets.json.orig-standin presets_text)
string(REPLACE "        \"${SAFETYMON_BOARD}/CMakePresets.json\",\n" "" presets_text "${presets_text}")
file(WRITE ${nf}/targets/ChibiOS/CMakePresets.json.orig-standin "${presets_text}")

# Control: nanoFramework's own RAM layout for an F4 with one SRAM block (the
# boot clipboard at the SRAM origin, the CLR thread's region right above
# it, control/QEMU_NETDUINOPLUS2), linked with the check off for `safetymon
# layout` and refused without it; retained RAM inside ram0; no CLR thread.
common_nanoclr_controls()
# The main stack's MPU guard 16 bytes off its size's alignment: no MPU
# region can cover it.
nf_image(nanoCLR-guard-unaligned CLR ${clr_script} EXCLUDE_FROM_ALL
    SEARCH_FIRST ${CMAKE_CURRENT_SOURCE_DIR}/control-guard-unaligned/${SAFETYMON_BOARD})
add_test(NAME ${prefix}.link_refuses_an_unaligned_main_stack_guard
    COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${CMAKE_BINARY_DIR} -DTARGET=nanoCLR-guard-unaligned
            "-DEXPECT=SafetyMonitor: .mstack_guard is not aligned to its size"
            -P ${PROJECT_SOURCE_DIR}/tests/cross/expect_link_failure.cmake)
# A guard of 48 bytes: not a power of two.
nf_image(nanoCLR-guard-48 CLR ${clr_script} EXCLUDE_FROM_ALL DEFSYMS __main_stack_guard_size__=48)
add_test(NAME ${prefix}.link_refuses_a_guard_that_is_no_mpu_region
    COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${CMAKE_BINARY_DIR} -DTARGET=nanoCLR-guard-48
            "-DEXPECT=SafetyMonitor: __main_stack_guard_size__ must be a power of two"
            -P ${PROJECT_SOURCE_DIR}/tests/cross/expect_link_failure.cmake)
# nf-interpreter's rules_stacks.ld putting anything between the guard and
# .mstack (control-mstack-gap: a stand-in rules_stacks.ld that pads 16 bytes
# before the stack): the guard would no longer touch the stack.
nf_image(nanoCLR-mstack-gap CLR ${clr_script} EXCLUDE_FROM_ALL
    SEARCH_FIRST ${CMAKE_CURRENT_SOURCE_DIR}/control-mstack-gap/${SAFETYMON_BOARD})
add_test(NAME ${prefix}.link_refuses_a_gap_between_the_guard_and_the_main_stack
    COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${CMAKE_BINARY_DIR} -DTARGET=nanoCLR-mstack-gap
            "-DEXPECT=SafetyMonitor: .mstack does not start right above .mstack_guard"
            -P ${PROJECT_SOURCE_DIR}/tests/cross/expect_link_failure.cmake)

# The flash check's own control: told the nanoCLR should start 1 KiB lower,
# it must name the vector table as not there.
add_test(NAME ${prefix}.flash_layout_check_names_a_vector_table_off_the_origin
    COMMAND bash -c "if out=$('${CMAKE_COMMAND}' -DOBJDUMP=${CMAKE_OBJDUMP} -DNM=${CMAKE_NM} -DCLR=$<TARGET_FILE:nanoCLR> -DCLR_ORIGIN=0x07FFFC00 -DDEPLOYMENT=0x08080000 -DFLASH_END=0x08100000 -P '${PROJECT_SOURCE_DIR}/tests/cross/check_flash_layout.cmake' 2>&1); then echo \"FAIL: accepted: $out\"; exit 1; fi; grep -q \"vector table lies at 0x8000000, not at 0x07FFFC00\" <<< \"$out\" || { echo \"FAIL: $out\"; exit 1; }; echo PASS")
