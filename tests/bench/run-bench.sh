#!/usr/bin/env bash
# Runs the benchmark firmware (tests/bench, built by the qemu-netduinoplus2
# preset) under qemu-system-arm with -icount shift=0,sleep=off and prints the results
# as Markdown: instruction counts against their floors, the high-water mark's
# cost per stack size, the footprint (footprint.sh) and the targets.
#
#   tests/bench/run-bench.sh <build dir of the qemu-netduinoplus2 preset>
#   tests/bench/run-bench.sh <build dir> --write <table.md>
#       (the table into a file; make test then checks it with check-bench.sh:
#       targets met, calibration holding, BENCHMARKS.md equal to it)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$1"
write_file=""
if [[ "${2:-}" == "--write" ]]; then
    write_file="${3:?run-bench.sh: --write needs a file}"
    rm -f "${write_file}"
fi
areas=(32 64 128 256 512 1024 2048 4096)
stacks=(1024 4096 16384 65536)

run() {
    local elf="${build}/tests/bench/$1.elf"
    [[ -f "${elf}" ]] || { echo "run-bench.sh: ${elf} is missing: build the qemu-netduinoplus2 preset" >&2; exit 2; }
    local output
    output=$(timeout 60 qemu-system-arm -M netduinoplus2 -display none -monitor none -serial null \
        -chardev stdio,id=sh -semihosting-config enable=on,target=native,chardev=sh \
        -icount shift=0,sleep=off -no-reboot -kernel "${elf}")
    grep -q "^BENCH DONE" <<<"${output}" || { echo "run-bench.sh: $1 did not finish:" >&2; echo "${output}" >&2; exit 1; }
    echo "${output}"
}

ratio() { awk -v n="$1" -v f="$2" 'BEGIN { if (f > 0) printf "%.2f", n / f; else printf "-" }'; }

generate() {
    local results=""
    for area in "${areas[@]}"; do
        results+=$(run "bench_area_${area}")$'\n'
    done
    local stack_results=""
    for stack in "${stacks[@]}"; do
        stack_results+=$(run "bench_stack_${stack}")$'\n'
    done

    echo "### Instruction counts (QEMU_NETDUINOPLUS2, Cortex-M4F, -Os, qemu-system-arm -icount shift=0,sleep=off)"
    echo
    echo "| function | area bytes | instructions | floor | ratio |"
    echo "| --- | ---: | ---: | ---: | ---: |"
    awk -F'|' '$1 == "BENCH" && $2 == "get_free" && $4 == 128 { printf "| %s | - | %d | %d | %.2f |\n", $3, $5, $6, $5 / $6 }' <<<"${results}"
    for key in check_unit check_soft init; do
        awk -F'|' -v key="${key}" '$1 == "BENCH" && $2 == key { printf "| %s | %d | %d | %d | %.2f |\n", $3, $4, $5, $6, $5 / $6 }' <<<"${results}"
    done
    echo
    echo "### The high-water mark's cost per call, by stack size"
    echo
    echo "| function | stack bytes | instructions per call (largest of 64 calls) |"
    echo "| --- | ---: | ---: |"
    awk -F'|' '$1 == "BENCH" && $2 == "min_free" { printf "| %s | %d | %d |\n", $3, $4, $5 }' <<<"${stack_results}"
    echo
    echo "### Calibration (every run)"
    echo
    awk -F'|' '$1 == "CAL" && !seen[$2]++ { printf "- %s: %s\n", $2, $3 }' <<<"${results}"
    echo
    local footprint
    footprint=$("${here}/footprint.sh")
    echo "${footprint}"
    echo
    # The targets of issue 6.
    local check128 floor128 get_free flash ram
    check128=$(awk -F'|' '$2 == "check_unit" && $4 == 128 { print $5 }' <<<"${results}")
    floor128=$(awk -F'|' '$2 == "check_unit" && $4 == 128 { print $6 }' <<<"${results}")
    get_free=$(awk -F'|' '$2 == "get_free" && $4 == 128 { print $5 }' <<<"${results}")
    flash=$(awk -F'|' '$2 ~ /^ stack check/ && $3 ~ /Cortex-M4F/ && $4 ~ /-Os/ { gsub(/ /, "", $5); print $5 }' <<<"${footprint}")
    ram=$(awk -F'|' '$2 ~ /^ stack check/ && $3 ~ /Cortex-M4F/ && $4 ~ /-Os/ { gsub(/ /, "", $6); print $6 }' <<<"${footprint}")
    verdict() { if [[ "$1" == 1 ]]; then echo "met"; else echo "**missed**"; fi; }
    echo "### Targets"
    echo
    echo "| target | measured | |"
    echo "| --- | --- | --- |"
    echo "| 128-byte check through the CRC unit within 1.5x of the floor | ${check128} / ${floor128} = $(ratio "${check128}" "${floor128}")x | $(verdict "$(awk -v a="${check128}" -v b="${floor128}" 'BEGIN { print (a <= 1.5 * b) }')") |"
    echo "| stack_check_get_free() at most 10 instructions | ${get_free} | $(verdict "$((get_free <= 10))") |"
    echo "| the stack check at most 1 KiB of flash (Cortex-M4F, -Os) | ${flash} bytes | $(verdict "$((flash <= 1024))") |"
    echo "| RAM beyond the area at most 16 bytes | ${ram} bytes | $(verdict "$((ram <= 16))") |"
}

table=$(generate)
if [[ -z "${write_file}" ]]; then
    echo "${table}"
    exit 0
fi
echo "${table}" > "${write_file}"
echo "PASS: the benchmark firmware ran; table in ${write_file}"
