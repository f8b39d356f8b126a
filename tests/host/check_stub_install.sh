#!/usr/bin/env bash
# The installer puts every file the CMake module lists where the module looks,
# and every stub of native-interop/stubs/SafetyMonitor.Native (the metadata
# processor's interop layout) unchanged into InteropAssemblies/SafetyMonitor.Native,
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
stubs="$(cd "$(dirname "${installer}")/SafetyMonitor.Native" && pwd)"
cmp -s "${stubs}/FindINTEROP-SafetyMonitor.Native.cmake" "${module}" || { echo "FAIL: the installed module differs from ${stubs}"; exit 1; }
# The stub folder's file set, installed as it is: nothing missing, nothing changed, nothing else.
expected=$(cd "${stubs}" && ls | grep -v '\.cmake$' | sort)
installed=$(cd "${base}" && find . -maxdepth 1 -type f | sed 's|^\./||' | sort)
[[ "${expected}" == "${installed}" ]] || { echo "FAIL: installed stubs [${installed//$'\n'/ }], the folder has [${expected//$'\n'/ }]"; exit 1; }
for stub in ${expected}; do
    cmp -s "${stubs}/${stub}" "${base}/${stub}" || { echo "FAIL: ${stub} installed changed"; exit 1; }
done
# Every source the module lists, and every header the sources include, is there.
sources=$(grep -oE "^[[:space:]]+[A-Za-z0-9_./]+\.(c|cpp)$" "${module}" | tr -d " ")
for source in ${sources}; do
    [[ -f "${base}/${source}" ]] || { echo "FAIL: ${source} listed but not installed"; exit 1; }
done
for header in $(grep -ho '#include "[^"]*"' "${base}"/*.cpp "${base}"/*.h "${base}"/core/*.c "${base}"/ports/*/*.c "${base}"/ports/*/*.h "${base}"/core/*.h | sed 's/#include "\(.*\)"/\1/' | sort -u); do
    case "${header}" in ch.h|hal.h|hal_nf_community.h) continue ;; esac  # ChibiOS / nanoFramework's own
    found=$(find "${base}" -name "${header}" | head -n 1)
    [[ -n "${found}" ]] || { echo "FAIL: ${header} is included but not installed"; exit 1; }
done
echo "PASS: $(echo ${expected} | wc -w) stubs, $(echo ${sources} | wc -w) listed sources and their headers installed"
