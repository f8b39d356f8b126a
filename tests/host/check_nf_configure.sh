#!/usr/bin/env bash
# nf-interpreter's configure step, on stand-ins:
#  1. the interop module picks the chibios port for a ChibiOS target (RTOS
#     "ChibiOS"), the posix port for the POSIX nanoCLR (its project name), and
#     refuses any other target in one message;
#  2. a target whose NF_INTEROP_ASSEMBLIES lacks SafetyMonitor.Native stops at
#     configure time with one line (before: a warning, then undefined
#     references at the link); with the entry it configures;
#  3. in a tree that configures through Kconfig (NF_TARGET_DEFCONFIG) the
#     .config's values replace the board file's, and a .config without them
#     stops the configuration;
#  4. Kconfig.safetymonitor, read by kconfiglib without a warning: every
#     option has help with a "Cost:" line, the
#     options are exactly the settings safetymonitor_nf_target.cmake reads, and
#     each board's defaults are its safetymonitor.cmake values.
#   check_nf_configure.sh <repository root>
set -euo pipefail
root="$1"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
kconfig="${root}/boards/common/nanoframework/Kconfig.safetymonitor"
target_cmake="${root}/boards/common/nanoframework/safetymonitor_nf_target.cmake"

# --- 1. the port --------------------------------------------------------------
mkdir -p "${work}/nf/src/CLR" "${work}/nf/CMake/Modules"
"${root}/native-interop/stubs/install-into-nf-interpreter.sh" "${work}/nf" > /dev/null
probe() { cmake -DTREE="${work}/nf" "$@" -P "${root}/tests/host/module_port_probe.cmake" 2>&1; }
out=$(probe -DRTOS=ChibiOS) || fail "ChibiOS: ${out}"
grep -qx "ports: ports/chibios/stack_check_port_chibios.c;ports/chibios/stack_check_watchdog_chibios.c;ports/chibios/stm32_iwdg_chibios.c" <<< "${out}" || fail "ChibiOS target got: ${out}"
out=$(probe -DPROJECT_NAME=nanoFramework_nanoCLR_posix) || fail "POSIX: ${out}"
grep -qx "ports: ports/posix/posix_stack.c;ports/posix/posix_entropy.c;ports/posix/posix_periph.c;ports/posix/posix_nanoclr_start.c;ports/posix/posix_watchdog.c;ports/posix/posix_reset_flags.c" \
    <<< "${out}" || fail "POSIX target got: ${out}"
if out=$(probe -DRTOS=FreeRTOS); then fail "a FreeRTOS target was given a port: ${out}"; fi
grep -q "SafetyMonitor.Native: no port for this target (RTOS \"FreeRTOS\".*set SAFETYMONITOR_NATIVE_PORT to chibios or posix to choose$" <<< "${out}" || fail "FreeRTOS refusal: ${out}"

# --- 2. and 3. configure a stand-in target's CMakeLists.txt -------------------
# What the target's CMakeLists.txt does: include the board's safetymonitor.cmake
# (next to safetymonitor_nf_target.cmake, as install-into-nf-target.sh puts it).
configure() {  # <board> <name> [cmake args...]: configures, output in <name>.log
    local board="$1" name="$2"
    shift 2
    mkdir -p "${work}/${name}/safetymonitor"
    cp "${root}/boards/${board}/nanoframework/safetymonitor/safetymonitor.cmake" "${target_cmake}" \
       "${root}/boards/common/nanoframework/safetymonitor_clr_thread.c" "${work}/${name}/safetymonitor/"
    cat > "${work}/${name}/CMakeLists.txt" <<'LISTS'
cmake_minimum_required(VERSION 3.16)
project(standin_target NONE)
include(${CMAKE_CURRENT_SOURCE_DIR}/safetymonitor/safetymonitor.cmake)
get_source_file_property(definitions ${CMAKE_CURRENT_SOURCE_DIR}/safetymonitor/safetymonitor_clr_thread.c COMPILE_DEFINITIONS)
message(STATUS "clr linkmap: ${SAFETYMONITOR_CLR_LINKMAP_PROPERTIES}")
message(STATUS "clr sources: ${SAFETYMONITOR_CLR_SOURCE_FILES}")
message(STATUS "clr definitions: ${definitions}")
LISTS
    cmake -S "${work}/${name}" -B "${work}/${name}/build" "$@" > "${work}/${name}.log" 2>&1
}
line_of() { grep -c "$1" "${work}/$2.log" || true; }

if configure ST_STM32F429I_DISCOVERY missing -DNF_INTEROP_ASSEMBLIES="Other.Assembly"; then
    fail "configured without SafetyMonitor.Native in NF_INTEROP_ASSEMBLIES"
fi
grep -q 'SafetyMonitor: NF_INTEROP_ASSEMBLIES ("Other.Assembly") lacks SafetyMonitor.Native: add it.*or pass -DNF_INTEROP_ASSEMBLIES=SafetyMonitor.Native$' "${work}/missing.log" ||
    fail "no clear line for the missing entry: $(cat "${work}/missing.log")"
[[ $(line_of "lacks SafetyMonitor.Native" missing) == 1 ]] || fail "the message is not one line"
if configure ST_STM32F429I_DISCOVERY unset; then fail "configured with NF_INTEROP_ASSEMBLIES unset"; fi
configure ST_STM32F429I_DISCOVERY listed -DNF_INTEROP_ASSEMBLIES="Other.Assembly SafetyMonitor.Native" ||
    fail "control: did not configure with the entry: $(cat "${work}/listed.log")"
grep -q "clr linkmap: .*--defsym=__main_stack_size__=0x400," "${work}/listed.log" || fail "the board's main stack size is not used"
grep -q "clr definitions: .*SAFETYMONITOR_PAINT_CLR_STACK=1" "${work}/listed.log" || fail "the paint is not on by default"

# Kconfig era: the .config's values (cache variables, as nf_load_kconfig() sets them) win.
kconfig_cache=(-DNF_TARGET_DEFCONFIG=targets/ChibiOS/ST_STM32F769I_DISCOVERY/defconfig
    -DSAFETYMONITOR_MAIN_STACK_SIZE=0x800 -DSAFETYMONITOR_BOOTER_PROCESS_STACK_SIZE=0x800
    -DSAFETYMONITOR_CLR_PROCESS_STACK_SIZE=0x800 -DSAFETYMONITOR_CLR_THREAD_STACK_SIZE=8192
    -DSAFETYMONITOR_STACK_CORRUPTION_AREA_SIZE=256 -DSAFETYMONITOR_BOOTER_CRT_HEAP_SIZE=0x2000
    -DSAFETYMONITOR_CLR_CRT_HEAP_SIZE=0x0 -DSAFETYMONITOR_FAULT_HANDLER=ON -DSAFETYMONITOR_PAINT_CLR_STACK=OFF)
configure ST_STM32F769I_DISCOVERY kconfig -DNF_INTEROP_ASSEMBLIES=SafetyMonitor.Native "${kconfig_cache[@]}" ||
    fail "Kconfig era did not configure: $(cat "${work}/kconfig.log")"
grep -q "clr linkmap: .*--defsym=__main_stack_size__=0x800,.*--defsym=__stack_corruption_area_size=256" "${work}/kconfig.log" ||
    fail "the .config's sizes did not replace the board's: $(grep 'clr linkmap' "${work}/kconfig.log")"
if grep -q "clr linkmap: .*__crt_heap_size__" "${work}/kconfig.log"; then fail "Kconfig's 0 CRT heap was passed on, not left to the script"; fi
grep -q "clr sources: .*fault.c" "${work}/kconfig.log" || fail "CONFIG_SAFETYMONITOR_FAULT_HANDLER=y did not add fault.c"
grep -q "clr definitions: .*SAFETYMONITOR_CLR_THREAD_STACK_SIZE=8192;SAFETYMONITOR_PAINT_CLR_STACK=0" "${work}/kconfig.log" ||
    fail "the .config's thread size and paint did not reach safetymonitor_clr_thread.c"
if configure ST_STM32F769I_DISCOVERY kconfig_missing -DNF_INTEROP_ASSEMBLIES=SafetyMonitor.Native \
        "${kconfig_cache[@]/-DSAFETYMONITOR_PAINT_CLR_STACK=OFF/-DNOTHING=1}"; then
    fail "a Kconfig tree without CONFIG_SAFETYMONITOR_PAINT_CLR_STACK configured"
fi
grep -q "its .config has no CONFIG_SAFETYMONITOR_PAINT_CLR_STACK: run native-interop/stubs/install-into-nf-interpreter.sh .* and configure again$" "${work}/kconfig_missing.log" ||
    fail "no clear line for a .config without the options: $(cat "${work}/kconfig_missing.log")"

# --- 4. the Kconfig file --------------------------------------------------------
# Read by kconfiglib, the parser nf-interpreter's NF_Kconfig.cmake runs (Debian's
# python3-kconfiglib), for each board: any kconfiglib warning fails. One line
# per option: name, whether its help has a Cost: line, the F429 and F769 defaults.
f429_values=$(/usr/bin/python3 "${root}/tests/host/kconfig_values.py" "${kconfig}" ST_STM32F429I_DISCOVERY) ||
    fail "kconfiglib refuses ${kconfig} (F429)"
f769_values=$(/usr/bin/python3 "${root}/tests/host/kconfig_values.py" "${kconfig}" ST_STM32F769I_DISCOVERY) ||
    fail "kconfiglib refuses ${kconfig} (F769)"
qemu_values=$(/usr/bin/python3 "${root}/tests/host/kconfig_values.py" "${kconfig}" QEMU_NETDUINOPLUS2) ||
    fail "kconfiglib refuses ${kconfig} (QEMU_NETDUINOPLUS2)"
options=$(join -j1 <(sort <<< "${f429_values}") <(sort <<< "${f769_values}") | join -j1 - <(sort <<< "${qemu_values}") |
    awk '{ print $1, $2, $3, $5, $7 }')
[[ -n "${options}" ]] || fail "no options in ${kconfig}"
while read -r name cost f429 f769 qemu; do
    [[ "${cost}" == cost ]] || fail "${name}: its help has no \"Cost:\" line"
done <<< "${options}"
read_settings=$(sed -n '/^set(safetymonitor_settings/,/)/p' "${target_cmake}" | tr -s ' ()\n' '\n' | grep -E '^[A-Z_]+$' | sort)
kconfig_names=$(awk '{ sub(/^SAFETYMONITOR_/, "", $1); print $1 }' <<< "${options}" | sort)
[[ "${read_settings}" == "${kconfig_names}" ]] ||
    fail "Kconfig options [${kconfig_names//$'\n'/ }] differ from what the CMake reads [${read_settings//$'\n'/ }]"
board_value() {  # <board> <setting>: the value its safetymonitor.cmake sets, "-" if none
    local value
    value=$(sed -nE "s/^set\(SAFETYMONITOR_$2 ([^)]+)\)/\1/p" "${root}/boards/$1/nanoframework/safetymonitor/safetymonitor.cmake")
    echo "${value:--}"
}
kconfig_value() {  # Kconfig's bools and "0: computed" as the board files state them
    case "$1" in y) echo ON ;; n) echo OFF ;; 0x0) echo - ;; *) echo "$1" ;; esac
}
checked=0
while read -r name cost f429 f769 qemu; do
    setting=${name#SAFETYMONITOR_}
    for pair in "ST_STM32F429I_DISCOVERY:${f429}" "ST_STM32F769I_DISCOVERY:${f769}" "QEMU_NETDUINOPLUS2:${qemu}"; do
        board=${pair%%:*}
        want=$(board_value "${board}" "${setting}")
        # A target without a nanoBooter sets no BOOTER_ settings; Kconfig's are unused there.
        [[ "${board}" == QEMU_NETDUINOPLUS2 && "${setting}" == BOOTER_* && "${want}" == - ]] && continue
        [[ "${want}" == - && "${setting}" =~ ^(FAULT_HANDLER|PAINT_CLR_STACK)$ ]] && continue  # set in the board file only if not defined
        [[ "$(kconfig_value "${pair#*:}")" == "${want}" ]] ||
            fail "${name}: Kconfig's default for ${board} is ${pair#*:}, its safetymonitor.cmake says ${want}"
        checked=$((checked + 1))
    done
done <<< "${options}"
echo "PASS: ports chosen, missing entry refused in one line, Kconfig values used, $(wc -l <<< "${options}") options with costs, ${checked} board defaults equal"
