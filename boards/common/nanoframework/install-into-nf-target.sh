#!/usr/bin/env bash
# Puts SafetyMonitor's flipped nanoBooter/nanoCLR layout into an nf-interpreter
# ChibiOS target (ST_STM32F429I_DISCOVERY or ST_STM32F769I_DISCOVERY):
#   targets/ChibiOS/<BOARD>/nanoBooter/<name>.ld, <name>-DEBUG.ld   replaced
#   targets/ChibiOS/<BOARD>/nanoCLR/<name>.ld, <name>-DEBUG.ld      replaced
#   targets/ChibiOS/<BOARD>/safetymonitor/                          added: the
#       board's settings (safetymonitor.cmake) and RAM regions, our linker
#       fragments, the CLR thread's working area (safetymonitor_clr_thread.c)
#       and the fault record's header it calls (fault_record.h; the code is
#       in the interop module: native-interop/stubs/install-into-nf-interpreter.sh),
#       and the HardFault handler that writes it (fault.c, used when
#       SAFETYMONITOR_FAULT_HANDLER is ON)
# A replaced script is kept once as <name>.ld.orig; nothing else is changed.
# Two edits stay yours (the README's integration steps; printed at the end):
# the target's CMakeLists.txt and nanoCLR/main.c.
#
#   boards/common/nanoframework/install-into-nf-target.sh <path to nf-interpreter> <BOARD>
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "${here}/../../.." && pwd)"
if (($# != 2)); then
    echo "usage: $0 <path to nf-interpreter> <BOARD>" >&2
    echo "boards: $(cd "${root}/boards" && ls -d */nanoframework 2>/dev/null | cut -d/ -f1 | tr '\n' ' ')" >&2
    exit 2
fi
nf="$1"
board="$2"
source_dir="${root}/boards/${board}/nanoframework"
target="${nf}/targets/ChibiOS/${board}"
if [[ ! -d "${source_dir}" ]]; then
    echo "$0: no flipped nanoFramework layout for board ${board} (boards/${board}/nanoframework)" >&2
    exit 2
fi
if [[ ! -d "${target}/nanoCLR" || ! -f "${target}/CMakeLists.txt" ]]; then
    echo "$0: ${target} is not an nf-interpreter ChibiOS target (no nanoCLR/ or CMakeLists.txt)" >&2
    exit 2
fi

# Copies a file, keeping the first version it replaces as <file>.orig.
install_file() {
    local from="$1" to="$2"
    if [[ -f "${to}" && ! -f "${to}.orig" ]] && ! cmp -s "${from}" "${to}"; then
        cp -p "${to}" "${to}.orig"
        echo "  kept ${to#"${nf}"/} as ${to#"${nf}"/}.orig"
    fi
    cp "${from}" "${to}"
    echo "  ${to#"${nf}"/}"
}

echo "installing SafetyMonitor's flipped layout into ${target}"
for image in nanoBooter nanoCLR; do
    mkdir -p "${target}/${image}"
    for script in "${source_dir}/${image}"/*.ld; do
        install_file "${script}" "${target}/${image}/$(basename "${script}")"
    done
done
mkdir -p "${target}/safetymonitor"
for file in "${source_dir}/safetymonitor"/* \
            "${here}/safetymonitor_nf_target.cmake" \
            "${here}/safetymonitor_clr_thread.h" "${here}/safetymonitor_clr_thread.c" \
            "${root}/linker/main_stack_at_origin.ld" "${root}/linker/clr_thread_flipped.ld" \
            "${root}/linker/stack_corruption_area.ld" "${root}/linker/retained_ram.ld" \
            "${root}/native-interop/core/fault_record.h" "${root}/native-interop/core/stack_check.h" \
            "${root}/native-interop/core/stack_check_status.h" \
            "${root}/boards/common/cortex-m/fault.c" "${root}/boards/common/cortex-m/fault.h" \
            "${root}/boards/common/cortex-m/cortex_m_regs.h"; do
    install_file "${file}" "${target}/safetymonitor/$(basename "${file}")"
done

cat <<NEXT
next, by hand (README, "Flipped nanoCLR layout"):
  1. ${target#"${nf}"/}/CMakeLists.txt: include(\${CMAKE_CURRENT_SOURCE_DIR}/safetymonitor/safetymonitor.cmake)
     before nf_setup_target_build(); in that call add \${SAFETYMONITOR_CLR_SOURCE_FILES} to
     CLR_EXTRA_SOURCE_FILES and end BOOTER_/CLR_EXTRA_LINKMAP_PROPERTIES with
     \${SAFETYMONITOR_BOOTER_LINKMAP_PROPERTIES} / \${SAFETYMONITOR_CLR_LINKMAP_PROPERTIES}
     in place of their --defsym sizes.
  2. ${target#"${nf}"/}/nanoCLR/main.c: #include "../safetymonitor/safetymonitor_clr_thread.h" and
     replace osThreadCreate(osThread(CLRStartupThread), &clrSettings) with
     safetymonitor_start_clr_thread(CLRStartupThread, &clrSettings); drop its osThreadDef.
  3. the target's CMake preset: "NF_INTEROP_ASSEMBLIES": "SafetyMonitor.Native"
     (and native-interop/stubs/install-into-nf-interpreter.sh for the stubs).
NEXT
