#!/usr/bin/env bash
# The board installer refuses what is not an nf-interpreter ChibiOS target or
# not a board with a flipped layout, replaces the target's linker scripts
# keeping each original once as .orig, and installs everything the scripts
# INCLUDE and the CMake settings reference.
set -euo pipefail
installer="$1"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

board=ST_STM32F429I_DISCOVERY
target="${work}/targets/ChibiOS/${board}"
"${installer}" "${work}" "${board}" >/dev/null 2>&1 && fail "accepted a folder without the target"
mkdir -p "${target}/nanoCLR" "${target}/nanoBooter"
touch "${target}/CMakeLists.txt"
"${installer}" "${work}" NO_SUCH_BOARD >/dev/null 2>&1 && fail "accepted a board without a flipped layout"

echo "nanoFramework's own script" > "${target}/nanoCLR/STM32F429xI_CLR.ld"
"${installer}" "${work}" "${board}" >/dev/null
grep -q "nanoFramework's own script" "${target}/nanoCLR/STM32F429xI_CLR.ld.orig" || fail "the original script was not kept"
grep -q "SafetyMonitor" "${target}/nanoCLR/STM32F429xI_CLR.ld" || fail "the script was not replaced"
# A second run keeps the first original, not our script.
"${installer}" "${work}" "${board}" >/dev/null
grep -q "nanoFramework's own script" "${target}/nanoCLR/STM32F429xI_CLR.ld.orig" || fail "a second run overwrote the original"

# Every script our scripts INCLUDE, except nanoFramework's rules, is installed
# where the link-map string points ld (safetymonitor/, nanoBooter/, nanoCLR/).
for script in "${target}"/nanoBooter/*.ld "${target}"/nanoCLR/*.ld "${target}"/safetymonitor/*.ld; do
    [[ "${script}" == *.orig ]] && continue
    for included in $(sed -n 's/^[[:space:]]*INCLUDE[[:space:]]\+\([^[:space:]]*\).*/\1/p' "${script}"); do
        case "${included}" in rules*.ld) continue ;; esac
        [[ -f "${target}/safetymonitor/${included}" || -f "$(dirname "${script}")/${included}" ]] \
            || fail "$(basename "${script}") includes ${included}, which is not installed"
    done
done
for file in safetymonitor.cmake safetymonitor_nf_target.cmake safetymonitor_clr_thread.c safetymonitor_clr_thread.h fault_record.h fault.c fault.h cortex_m_regs.h; do
    [[ -f "${target}/safetymonitor/${file}" ]] || fail "safetymonitor/${file} not installed"
done
echo "PASS: scripts replaced (originals kept once), $(ls "${target}/safetymonitor" | wc -l) files in safetymonitor/"
