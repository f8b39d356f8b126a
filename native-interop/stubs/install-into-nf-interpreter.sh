#!/usr/bin/env bash
# Copies SafetyMonitor's native side into an nf-interpreter checkout:
#   InteropAssemblies/SafetyMonitor.Native/   every stub of SafetyMonitor.Native/ (the metadata
#                                             processor's interop layout: the assembly's .h and
#                                             .cpp, the class's .h, _mshl.cpp and .cpp), and
#                                             core/, drivers/soft/, drivers/stm32/, ports/chibios/, ports/posix/,
#                                             ports/common/ (the module picks the target's port)
#   CMake/Modules/FindINTEROP-SafetyMonitor.Native.cmake
# In a tree that configures through Kconfig (nf-interpreter main: a Kconfig at
# its root), also the monitor's Kconfig options (boards/common/nanoframework/
# Kconfig.safetymonitor, as InteropAssemblies/SafetyMonitor.Native/Kconfig) and
# one line at the end of the root Kconfig that sources them.
#
# ChibiOS targets then take the assembly once NF_INTEROP_ASSEMBLIES names
# SafetyMonitor.Native (the target's CMake preset).
#
# With `posix`, it also wires nanoFramework's POSIX nanoCLR (targets/posix:
# its own CMake project, which ignores NF_INTEROP_ASSEMBLIES), in three edits
# that each carry the marker "SafetyMonitor.Native":
#   targets/posix/nanoCLR/posix_stubs.cpp          g_CLR_AssemblyNative_SafetyMonitor_Native
#                                                  added to g_CLR_InteropAssembliesNativeData
#   targets/posix/nanoCLR/nanoCLR_native_posix.cpp safetymonitor_posix_clr_start() right
#                                                  before nanoCLR_Run()'s ClrStartup()
#   targets/posix/nanoCLR/CMakeLists.txt           at its end, the module's sources and
#                                                  include folders added to nanoFramework.nanoCLR
#                                                  (after the target's own folders: they
#                                                  shadow src/PAL/Include's nanoPAL.h)
# Every anchor is looked for before anything is changed: a tree whose files
# differ is refused with one message and left as it was. Running it again
# changes nothing more.
#
#   native-interop/stubs/install-into-nf-interpreter.sh <path to nf-interpreter> [posix]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
interop="$(cd "${here}/.." && pwd)"
root="$(cd "${interop}/.." && pwd)"
if (($# < 1 || $# > 2)) || { (($# == 2)) && [[ "$2" != "posix" ]]; }; then
    echo "usage: $0 <path to nf-interpreter> [posix]" >&2
    exit 2
fi
target="$1"
if [[ ! -d "${target}/src/CLR" || ! -d "${target}/CMake/Modules" ]]; then
    echo "$0: ${target} does not look like an nf-interpreter checkout (no src/CLR or CMake/Modules)" >&2
    exit 2
fi

# --- The POSIX target's anchors, checked before anything is written -------------
posix="${target}/targets/posix/nanoCLR"
marker="SafetyMonitor.Native"
table_start='^const CLR_RT_NativeAssemblyData \*g_CLR_InteropAssembliesNativeData\[\] = \{'
clr_call='^[[:space:]]*ClrStartup\(clrSettings\);'
add_library='^add_library\(nanoFramework\.nanoCLR SHARED'
refuse() {
    echo "$0: $1; this installer knows nf-interpreter's targets/posix as of main 2026-07 (a3e8139a):" \
         "add SafetyMonitor.Native to that target by hand (docs/nanoframework-integration.md, \"Adding the monitor to a nanoCLR build\"); nothing was changed" >&2
    exit 3
}
if (($# == 2)); then
    for file in posix_stubs.cpp nanoCLR_native_posix.cpp CMakeLists.txt; do
        [[ -f "${posix}/${file}" ]] || refuse "${posix}/${file} is missing"
    done
    [[ $(grep -cE "${table_start}" "${posix}/posix_stubs.cpp") == 1 ]] ||
        refuse "targets/posix/nanoCLR/posix_stubs.cpp has no single g_CLR_InteropAssembliesNativeData table"
    awk -v start="${table_start}" '$0 ~ start { t = 1; next } t && /^[[:space:]]*nullptr,?[[:space:]]*$/ { found = 1; exit }
        t && /^};/ { exit } END { exit !found }' "${posix}/posix_stubs.cpp" ||
        refuse "targets/posix/nanoCLR/posix_stubs.cpp: its interop table does not end in nullptr"
    [[ $(grep -cE "${clr_call}" "${posix}/nanoCLR_native_posix.cpp") == 1 ]] ||
        refuse "targets/posix/nanoCLR/nanoCLR_native_posix.cpp has no single ClrStartup(clrSettings); call"
    [[ $(grep -cE "${add_library}" "${posix}/CMakeLists.txt") == 1 ]] ||
        refuse "targets/posix/nanoCLR/CMakeLists.txt has no single add_library(nanoFramework.nanoCLR SHARED ...)"
fi

# --- The sources and the module ---------------------------------------------------
destination="${target}/InteropAssemblies/SafetyMonitor.Native"
mkdir -p "${destination}/core" "${destination}/drivers/soft" "${destination}/drivers/stm32" "${destination}/ports/chibios" \
         "${destination}/ports/posix" "${destination}/ports/common"
cp "${here}/SafetyMonitor.Native/"*.h "${here}/SafetyMonitor.Native/"*.cpp "${destination}/"
cp "${interop}/core/stack_check.h" "${interop}/core/stack_check_status.h" "${interop}/core/stack_check.c" \
   "${interop}/core/stack_size.c" \
   "${interop}/core/stack_check_port.h" "${interop}/core/rng_continuous_test.h" \
   "${interop}/core/fault_record.h" "${interop}/core/fault_record.c" "${interop}/core/stack_high_water.c" \
   "${interop}/core/stack_check_watchdog.h" "${destination}/core/"
cp "${interop}/drivers/soft/crc32_stm32_soft.h" "${interop}/drivers/soft/crc32_stm32_soft.c" \
   "${destination}/drivers/soft/"
cp "${interop}/drivers/stm32/stm32_iwdg.h" "${interop}/drivers/stm32/stm32_iwdg.c" "${interop}/drivers/stm32/stm32_mmio.h" \
   "${interop}/drivers/stm32/stm32_regs.h" "${destination}/drivers/stm32/"
cp "${interop}/ports/chibios/stack_check_port_layout.h" "${interop}/ports/chibios/stack_check_port_residue.h" \
   "${interop}/ports/chibios/stack_check_port_chibios.c" \
   "${interop}/ports/chibios/stack_check_watchdog_chibios.c" "${interop}/ports/chibios/stm32_iwdg_chibios.c" \
   "${destination}/ports/chibios/"
cp "${interop}/ports/posix/stack_check_port_layout.h" "${interop}/ports/posix/stack_check_port_residue.h" \
   "${interop}/ports/posix/posix_stack.c" \
   "${interop}/ports/posix/posix_entropy.h" "${interop}/ports/posix/posix_entropy.c" \
   "${interop}/ports/posix/posix_periph.c" "${interop}/ports/posix/posix_nanoclr_start.h" \
   "${interop}/ports/posix/posix_nanoclr_start.c" "${interop}/ports/posix/posix_watchdog.c" \
   "${interop}/ports/posix/posix_reset_flags.c" "${destination}/ports/posix/"
cp "${interop}/ports/common/stack_check_port_linker_area.h" "${interop}/ports/common/stack_check_port_paint.h" \
   "${destination}/ports/common/"
cp "${here}/SafetyMonitor.Native/FindINTEROP-SafetyMonitor.Native.cmake" "${target}/CMake/Modules/"
echo "installed SafetyMonitor.Native into ${destination}"
echo "and FindINTEROP-SafetyMonitor.Native.cmake into ${target}/CMake/Modules"

# --- Kconfig (trees that configure through it) ------------------------------------
if [[ -f "${target}/Kconfig" ]]; then
    cp "${root}/boards/common/nanoframework/Kconfig.safetymonitor" "${destination}/Kconfig"
    source_line='osource "InteropAssemblies/SafetyMonitor.Native/Kconfig"'
    if ! grep -qxF "${source_line}" "${target}/Kconfig"; then
        printf '\n# SafetyMonitor (install-into-nf-interpreter.sh)\n%s\n' "${source_line}" >> "${target}/Kconfig"
    fi
    echo "and its Kconfig options (menu \"SafetyMonitor\"), sourced from ${target}/Kconfig"
fi

if (($# == 1)); then
    echo "next: add SafetyMonitor.Native to NF_INTEROP_ASSEMBLIES in your ChibiOS target's CMake preset"
    echo "(or run again with 'posix' for nanoFramework's POSIX nanoCLR)"
    exit 0
fi

# --- The POSIX nanoCLR ------------------------------------------------------------
# Inserts text before the first line matching a pattern (after `after`, if given).
insert_before() {
    local file="$1" pattern="$2" text="$3" after="${4:-}"
    awk -v pattern="${pattern}" -v text="${text}" -v after="${after}" '
        !done && (after == "" || seen) && $0 ~ pattern { print text; done = 1 }
        after != "" && $0 ~ after { seen = 1 }
        { print }' "${file}" > "${file}.safetymonitor.tmp"
    mv "${file}.safetymonitor.tmp" "${file}"
}
if ! grep -q "${marker}" "${posix}/posix_stubs.cpp"; then
    insert_before "${posix}/posix_stubs.cpp" "${table_start}" \
        "extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_SafetyMonitor_Native; // ${marker} (install-into-nf-interpreter.sh)"
    insert_before "${posix}/posix_stubs.cpp" '^[[:space:]]*nullptr,?[[:space:]]*$' \
        "    &g_CLR_AssemblyNative_SafetyMonitor_Native, // ${marker}" "${table_start}"
fi
if ! grep -q "${marker}" "${posix}/nanoCLR_native_posix.cpp"; then
    insert_before "${posix}/nanoCLR_native_posix.cpp" "${clr_call}" \
        "    // ${marker}: validate the fault record, paint this thread's stack, before the CLR runs
    safetymonitor_posix_clr_start();"
    printf '\n// %s (install-into-nf-interpreter.sh): the start-up hook, ports/posix/posix_nanoclr_start.h\nextern "C" int safetymonitor_posix_clr_start(void);\n' \
        "${marker}" > "${posix}/.safetymonitor.decl"
    # the declaration goes right after the file's last #include
    last_include=$(grep -n '^#include ' "${posix}/nanoCLR_native_posix.cpp" | tail -n 1 | cut -d: -f1)
    sed -i "${last_include}r ${posix}/.safetymonitor.decl" "${posix}/nanoCLR_native_posix.cpp"
    rm -f "${posix}/.safetymonitor.decl"
fi
if ! grep -q "${marker}" "${posix}/CMakeLists.txt"; then
    block='
# '"${marker}"' (install-into-nf-interpreter.sh): the interop module adds the
# stubs, the core and the posix port. It is written for nf-interpreter'"'"'s root
# project, where PROJECT_SOURCE_DIR is the tree'"'"'s root; this target is a project
# of its own, so the module runs in a function with PROJECT_SOURCE_DIR set so.
function(safetymonitor_native_add target root)
    set(PROJECT_SOURCE_DIR ${root})
    include(${root}/CMake/Modules/FindINTEROP-SafetyMonitor.Native.cmake)
    target_sources(${target} PRIVATE ${SafetyMonitor.Native_SOURCES})
    target_include_directories(${target} PRIVATE ${SafetyMonitor.Native_INCLUDE_DIRS})
endfunction()
safetymonitor_native_add(nanoFramework.nanoCLR ${REPO_ROOT})'
    # At the end: its include folders must come after the target's own
    # (targets/posix/Include has its own nanoPAL.h, nanoHAL_Boot.h, ...).
    printf '%s\n' "${block}" >> "${posix}/CMakeLists.txt"
fi
echo "and wired it into the POSIX nanoCLR (${posix}): its interop table, nanoCLR_Run()'s start-up hook, its CMakeLists.txt"
