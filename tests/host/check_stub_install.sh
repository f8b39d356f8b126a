#!/usr/bin/env bash
# The installer puts every file the CMake module lists where the module looks,
# and refuses a folder that is not an nf-interpreter checkout.
set -euo pipefail
installer="$1"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT

if "${installer}" "${work}" >/dev/null 2>&1; then
    echo "FAIL: the installer accepted a folder without src/CLR and CMake/Modules"
    exit 1
fi
mkdir -p "${work}/src/CLR" "${work}/CMake/Modules"
"${installer}" "${work}"
module="${work}/CMake/Modules/FindINTEROP-SafetyMonitor.Native.cmake"
[[ -f "${module}" ]] || { echo "FAIL: no ${module}"; exit 1; }
base="${work}/InteropAssemblies/SafetyMonitor.Native"
# Every source the module lists, and every header the sources include, is there.
sources=$(sed -n '/^set(SafetyMonitor.Native_SRCS/,/^)/p' "${module}" | grep -E '\.(c|cpp)$' | tr -d ' ')
for source in ${sources}; do
    [[ -f "${base}/${source}" ]] || { echo "FAIL: ${source} listed but not installed"; exit 1; }
done
for header in $(grep -ho '#include "[^"]*"' "${base}"/*.cpp "${base}"/core/*.c "${base}"/ports/*/*.c "${base}"/ports/*/*.h "${base}"/core/*.h | sed 's/#include "\(.*\)"/\1/' | sort -u); do
    case "${header}" in ch.h|hal.h|hal_nf_community.h) continue ;; esac  # ChibiOS / nanoFramework's own
    found=$(find "${base}" -name "${header}" | head -n 1)
    [[ -n "${found}" ]] || { echo "FAIL: ${header} is included but not installed"; exit 1; }
done
echo "PASS: $(echo ${sources} | wc -w) sources and their headers installed"
