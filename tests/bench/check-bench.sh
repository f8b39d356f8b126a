#!/usr/bin/env bash
# Checks a benchmark table (run-bench.sh's Markdown) on its own terms:
#
#   tests/bench/check-bench.sh targets <table.md>
#       every row of "### Targets" says "met", with a measured number;
#       a missed target fails, naming it and what was measured
#   tests/bench/check-bench.sh calibration <table.md>
#       every calibration line "... (must be N): V" has V == N
#       (the trap correction makes a trapped load cost one RAM load)
#   tests/bench/check-bench.sh matches <table.md> <BENCHMARKS.md>
#       BENCHMARKS.md's generated section equals the table (make bench writes it)
#
# Exit 0 on success, 1 on a failed check (one "FAIL: ..." line per problem),
# 2 on bad usage or an unreadable table.
set -euo pipefail
mode="${1:-}"

# require_lines <count> <minimum> <what>: a section too short to judge fails.
require_lines() {
    if (($1 < $2)); then
        echo "FAIL: $3: ${1} lines, expected at least $2 (the section is missing or broken)"
        exit 1
    fi
}
table="${2:-}"
[[ -n "${mode}" && -f "${table}" ]] || { echo "usage: $0 targets|calibration|matches <table.md> [BENCHMARKS.md]" >&2; exit 2; }

case "${mode}" in
targets)
    # Rows between "### Targets" and the end: | target | measured | verdict |
    rows=$(awk '/^### Targets/ { on = 1; next } /^### / { on = 0 } on && /^\| / && !/^\| target \|/ && !/^\| --- \|/' "${table}")
    count=$(grep -c . <<<"${rows}" || true)
    require_lines "${count}" 4 "target rows"
    failed=0
    while IFS='|' read -r _ target measured verdict _; do
        target=$(sed 's/^ *//; s/ *$//' <<<"${target}")
        measured=$(sed 's/^ *//; s/ *$//' <<<"${measured}")
        verdict=$(sed 's/^ *//; s/ *$//' <<<"${verdict}")
        if ! grep -qE '[0-9]' <<<"${measured}"; then
            echo "FAIL: target \"${target}\": no measured number (\"${measured}\")"
            failed=1
        elif [[ "${verdict}" != "met" ]]; then
            echo "FAIL: target missed: ${target}: measured ${measured}"
            failed=1
        fi
    done <<<"${rows}"
    ((failed == 0)) || exit 1
    echo "PASS: all ${count} targets met"
    ;;
calibration)
    lines=$(grep -E '^- .*\(must be -?[0-9]+\): ' "${table}" || true)
    count=$(grep -c . <<<"${lines}" || true)
    require_lines "${count}" 4 "calibration lines with an expected value"
    failed=0
    while read -r line; do
        expected=$(sed -E 's/.*\(must be (-?[0-9]+)\): .*/\1/' <<<"${line}")
        value=$(sed -E 's/.*\(must be -?[0-9]+\): *//' <<<"${line}")
        if [[ "${value}" != "${expected}" ]]; then
            echo "FAIL: calibration drifted: ${line#- } (measured ${value}, must be ${expected}): the trap correction no longer makes a trapped load cost one RAM load"
            failed=1
        fi
    done <<<"${lines}"
    ((failed == 0)) || exit 1
    echo "PASS: all ${count} calibration lines hold"
    ;;
matches)
    recorded_file="${3:-}"
    [[ -f "${recorded_file}" ]] || { echo "usage: $0 matches <table.md> <BENCHMARKS.md>" >&2; exit 2; }
    recorded=$(sed -n '/<!-- bench:begin -->/,/<!-- bench:end -->/p' "${recorded_file}" | sed '1d;$d')
    if [[ "${recorded}" == "$(cat "${table}")" ]]; then
        echo "PASS: ${recorded_file} holds this build's table"
        exit 0
    fi
    echo "FAIL: ${recorded_file} differs from this build's table (make bench writes it):"
    diff <(echo "${recorded}") "${table}" || true
    exit 1
    ;;
*)
    echo "usage: $0 targets|calibration|matches <table.md> [BENCHMARKS.md]" >&2
    exit 2
    ;;
esac
