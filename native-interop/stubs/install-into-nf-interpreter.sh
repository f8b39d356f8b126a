#!/usr/bin/env bash
# Copies SafetyMonitor's native side into an nf-interpreter checkout, where the
# nanoCLR build picks it up once NF_INTEROP_ASSEMBLIES names SafetyMonitor.Native:
#   InteropAssemblies/SafetyMonitor.Native/   every stub of SafetyMonitor.Native/ (the metadata
#                                             processor's interop layout: the assembly's .h and
#                                             .cpp, the class's .h, _mshl.cpp and .cpp), and
#                                             core/, drivers/soft/, ports/chibios/, ports/common/
#   CMake/Modules/FindINTEROP-SafetyMonitor.Native.cmake
#
#   native-interop/stubs/install-into-nf-interpreter.sh <path to nf-interpreter>
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
interop="$(cd "${here}/.." && pwd)"
if (($# != 1)); then
    echo "usage: $0 <path to nf-interpreter>" >&2
    exit 2
fi
target="$1"
if [[ ! -d "${target}/src/CLR" || ! -d "${target}/CMake/Modules" ]]; then
    echo "$0: ${target} does not look like an nf-interpreter checkout (no src/CLR or CMake/Modules)" >&2
    exit 2
fi

destination="${target}/InteropAssemblies/SafetyMonitor.Native"
mkdir -p "${destination}/core" "${destination}/drivers/soft" "${destination}/ports/chibios" "${destination}/ports/common"
cp "${here}/SafetyMonitor.Native/"*.h "${here}/SafetyMonitor.Native/"*.cpp "${destination}/"
cp "${interop}/core/stack_check.h" "${interop}/core/stack_check_status.h" "${interop}/core/stack_check.c" \
   "${interop}/core/stack_check_port.h" "${interop}/core/rng_continuous_test.h" \
   "${interop}/core/fault_record.h" "${interop}/core/fault_record.c" "${interop}/core/stack_high_water.c" \
   "${destination}/core/"
cp "${interop}/drivers/soft/crc32_stm32_soft.h" "${interop}/drivers/soft/crc32_stm32_soft.c" \
   "${destination}/drivers/soft/"
cp "${interop}/ports/chibios/stack_check_port_layout.h" "${interop}/ports/chibios/stack_check_port_chibios.c" \
   "${destination}/ports/chibios/"
cp "${interop}/ports/common/stack_check_port_linker_area.h" "${interop}/ports/common/stack_check_port_paint.h" \
   "${destination}/ports/common/"
cp "${here}/SafetyMonitor.Native/FindINTEROP-SafetyMonitor.Native.cmake" "${target}/CMake/Modules/"

echo "installed SafetyMonitor.Native into ${destination}"
echo "and FindINTEROP-SafetyMonitor.Native.cmake into ${target}/CMake/Modules"
echo "next: add SafetyMonitor.Native to NF_INTEROP_ASSEMBLIES in your target's CMake preset"
