#!/usr/bin/env bash
# Runs the benchmark firmware (tests/bench, built by the qemu-netduinoplus2
# preset) under qemu-system-arm with -icount shift=0,sleep=off and prints the results
# as Markdown: instruction counts against the hand-written references
# (reference_check.S), the high-water mark's cost per stack size beside a
# full-stack scan, the anchors with the same faults injected (anchors.c), the
# calibration, the footprint (footprint.sh) and the targets.
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
    echo "| function | area bytes | instructions | reference | ratio |"
    echo "| --- | ---: | ---: | ---: | ---: |"
    awk -F'|' '$1 == "BENCH" && $2 == "get_free" && $4 == 128 { printf "| %s, against its floor | - | %d | %d | %.2f |\n", $3, $5, $6, $5 / $6 }' <<<"${results}"
    for key in check_128 check_unit check_plain_c init; do
        awk -F'|' -v key="${key}" '$1 == "BENCH" && $2 == key { printf "| %s | %d | %d | %d | %.2f |\n", $3, $4, $5, $6, $5 / $6 }' <<<"${results}"
    done
    echo
    echo "### The hand-written reference loops (tests/bench/reference_check.S)"
    echo
    echo "| area bytes | reference_check_loop (16 words a pass) | reference_check_loop8 (8 words a pass) | loop floor |"
    echo "| ---: | ---: | ---: | ---: |"
    awk -F'|' '$1 == "REF" && $2 ~ /^reference_check_loop \(/ { a[$3] = $4 } $1 == "REF" && $2 ~ /^reference_check_loop8/ { b[$3] = $4; order[++n] = $3 }
        END { for (i = 1; i <= n; i++) { k = order[i]; f = a[k] < b[k] ? a[k] : b[k]; printf "| %d | %d | %d | %d |\n", k, a[k], b[k], f } }' <<<"${results}"
    echo
    echo "### The high-water mark's cost per call, by stack size, beside a full-stack scan"
    echo
    local min_free_label
    min_free_label=$(awk -F'|' '$1 == "BENCH" && $2 == "min_free" { print $3; exit }' <<<"${stack_results}")
    echo "| stack bytes | ${min_free_label} (largest of 64 calls) | full-stack high-water scan (anchor) |"
    echo "| ---: | ---: | ---: |"
    awk -F'|' '$1 == "BENCH" && $2 == "min_free" { m[$4] = $5; order[++n] = $4 } $1 == "BENCH" && $2 == "scan" { s[$4] = $5 }
        END { for (i = 1; i <= n; i++) { k = order[i]; printf "| %d | %d | %d |\n", k, m[k], s[k] } }' <<<"${stack_results}"
    echo
    echo "### Beside the anchors (128-byte region, the same bracket, the same faults)"
    echo
    echo "| check | instructions | single-bit flips detected (of 1,024) | a word overwritten with 0 (of 32) | a word overwritten with 0xA5A5A5A5 (of 32) |"
    echo "| --- | ---: | ---: | ---: | ---: |"
    awk -F'|' '$1 == "DETECT" { printf "| %s | %d | %d | %d | %d |\n", $2, $3, $4, $5, $6 }' <<<"${results}"
    echo
    echo "### Calibration (every run)"
    echo
    awk -F'|' '$1 == "CAL" && !seen[$2]++ { printf "- %s: %s\n", $2, $3 }' <<<"${results}"
    echo
    local footprint
    footprint=$("${here}/footprint.sh")
    echo "${footprint}"
    echo
    # The targets of issue 12.
    local check128 ref128 get_free flash ram worst_ratio worst_area min_free_max min_free_min detect
    check128=$(awk -F'|' '$2 == "check_128" { print $5 }' <<<"${results}")
    ref128=$(awk -F'|' '$2 == "check_128" { print $6 }' <<<"${results}")
    get_free=$(awk -F'|' '$2 == "get_free" && $4 == 128 { print $5 }' <<<"${results}")
    read -r worst_ratio worst_area < <(awk -F'|' '$2 == "check_unit" { r = $5 / $6; if (r > w) { w = r; a = $4 } } END { printf "%.2f %d\n", w, a }' <<<"${results}")
    read -r min_free_max min_free_min < <(awk -F'|' '$2 == "min_free" { if ($5 > mx) mx = $5; if (mn == "" || $5 < mn) mn = $5 } END { print mx, mn }' <<<"${stack_results}")
    detect=$(awk -F'|' '$1 == "DETECT" && $2 ~ /^SafetyMonitor/ { print $4 "/" $5 "/" $6 }' <<<"${results}")
    flash=$(awk -F'|' '$2 ~ /^ stack check/ && $3 ~ /Cortex-M4F/ && $4 ~ /-Os/ { gsub(/ /, "", $5); print $5 }' <<<"${footprint}")
    ram=$(awk -F'|' '$2 ~ /^ stack check/ && $3 ~ /Cortex-M4F/ && $4 ~ /-Os/ { gsub(/ /, "", $6); print $6 }' <<<"${footprint}")
    verdict() { if [[ "$1" == 1 ]]; then echo "met"; else echo "**missed**"; fi; }
    echo "### Targets"
    echo
    echo "| target | measured | |"
    echo "| --- | --- | --- |"
    echo "| 128-byte check at most 1.2x reference_check_128 and at most 64 instructions | ${check128} / ${ref128} = $(ratio "${check128}" "${ref128}")x | $(verdict "$(awk -v a="${check128}" -v b="${ref128}" 'BEGIN { print (a <= 1.2 * b && a <= 64) }')") |"
    echo "| every area size, 32 bytes to 4 KiB, at most 1.3x the loop floor | at most ${worst_ratio}x (${worst_area} bytes) | $(verdict "$(awk -v r="${worst_ratio}" 'BEGIN { print (r <= 1.3 && r >= 1.0) }')") |"
    echo "| stack_check_get_free() at most 9 instructions | ${get_free} | $(verdict "$((get_free <= 9))") |"
    echo "| stack_check_get_min_free() at most 200 per call, flat from 1 to 64 KiB | ${min_free_min} to ${min_free_max} | $(verdict "$((min_free_max <= 200 && min_free_max == min_free_min))") |"
    echo "| the stack check at most 600 bytes of flash (Cortex-M4F, -Os) | ${flash} bytes | $(verdict "$((flash <= 600))") |"
    echo "| its RAM beyond the area at most 12 bytes | ${ram} bytes | $(verdict "$((ram <= 12))") |"
    echo "| the check detects every injected fault (flips/zero words/fill words) | ${detect} of 1024/32/32 | $(verdict "$([[ "${detect}" == "1024/32/32" ]] && echo 1 || echo 0)") |"
}

table=$(generate)
if [[ -z "${write_file}" ]]; then
    echo "${table}"
    exit 0
fi
echo "${table}" > "${write_file}"
echo "PASS: the benchmark firmware ran; table in ${write_file}"
