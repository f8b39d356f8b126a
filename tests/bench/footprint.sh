#!/usr/bin/env bash
# Flash and RAM footprint of the monitor's C code, per function and in total,
# for Cortex-M4F and Cortex-M7 at -Os and -O2, from the compiled objects
# (arm-none-eabi-gcc and arm-none-eabi-nm; the same flags as the firmware
# builds). Prints Markdown.
#
#   tests/bench/footprint.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
interop="${root}/native-interop"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT

# The stack check itself (what a safety cycle runs, and its initialisation),
# the high-water mark, the evidence kept across resets, the status names.
# With --gc-sections a firmware carries only the parts it calls.
check_sources="core/stack_check.c ports/common/stack_check_port_stm32_periph.c drivers/stm32/stm32_crc.c drivers/stm32/stm32_rng.c"
evidence_sources="core/fault_record.c core/error_memory.c core/retained_boot.c drivers/soft/crc32_stm32_soft.c"
names_sources="core/stack_check_status.c"
size_sources="core/stack_size.c"
high_water_sources="core/stack_high_water.c"
includes=(-I"${interop}/core" -I"${interop}/ports/stm32" -I"${interop}/ports/common" -I"${interop}/drivers/stm32"
          -I"${interop}/drivers/soft" -I"${root}/boards/ST_STM32F429I_DISCOVERY")
declare -A cpu_flags=(
    ["Cortex-M4F"]="-mcpu=cortex-m4 -mthumb -mfpu=fpv4-sp-d16 -mfloat-abi=hard"
    ["Cortex-M7"]="-mcpu=cortex-m7 -mthumb -mfpu=fpv5-d16 -mfloat-abi=hard")

# size_of <kind: flash|ram> <objects...>: bytes of code and read-only data, or
# of data and zero-initialised data (the retained .noinit record apart).
sizes() {
    arm-none-eabi-size -A "$@" | awk '
        $1 ~ /^\.text/ || $1 ~ /^\.rodata/ { flash += $2 }
        ($1 ~ /^\.data/ || $1 ~ /^\.bss/) { ram += $2 }
        $1 ~ /^\.noinit/ { noinit += $2 }
        END { printf "%d %d %d\n", flash, ram, noinit }'
}

echo "### Footprint (bytes), from the compiled objects"
echo
echo "| part | CPU | -O | flash (code + read-only data) | RAM (.data + .bss) | RAM kept across resets (.noinit) |"
echo "| --- | --- | --- | ---: | ---: | ---: |"
for cpu in "Cortex-M4F" "Cortex-M7"; do
    for opt in -Os -O2; do
        dir="${work}/${cpu}${opt}"
        mkdir -p "${dir}"
        for source in ${check_sources} ${evidence_sources} ${names_sources} ${high_water_sources} ${size_sources}; do
            # shellcheck disable=SC2086
            arm-none-eabi-gcc ${cpu_flags[$cpu]} ${opt} -std=c11 -ffreestanding -ffunction-sections -fdata-sections \
                "${includes[@]}" -c "${interop}/${source}" -o "${dir}/$(basename "${source}" .c).o"
        done
        objects() { for s in "$@"; do echo "${dir}/$(basename "${s}" .c).o"; done; }
        for part in check high_water evidence names size; do
            case "${part}" in
                check) list=${check_sources}; label="stack check (get_free, init, check; port, RNG and CRC drivers)" ;;
                high_water) list=${high_water_sources}; label="high-water mark (paint, get_min_free)" ;;
                evidence) list=${evidence_sources}; label="evidence (fault record, error memory, software CRC)" ;;
                names) list=${names_sources}; label="status names (stack_check_status_name)" ;;
                size) list=${size_sources}; label="stack size (stack_check_get_size)" ;;
            esac
            # shellcheck disable=SC2086
            read -r flash ram noinit < <(sizes $(objects ${list}))
            echo "| ${label} | ${cpu} | ${opt} | ${flash} | ${ram} | ${noinit} |"
        done
    done
done
echo
echo "### Per function, Cortex-M4F, -Os (bytes of code)"
echo
echo "| function | bytes |"
echo "| --- | ---: |"
dir="${work}/Cortex-M4F-Os"
for source in ${check_sources} ${high_water_sources} ${evidence_sources}; do
    arm-none-eabi-nm -S --size-sort -t d "${dir}/$(basename "${source}" .c).o"
done | awk '$3 ~ /^[tT]$/ { printf "| %s | %d |\n", $4, $2 + 0 }' | sort -t'|' -k3 -n -r
