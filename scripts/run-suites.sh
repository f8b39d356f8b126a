#!/usr/bin/env bash
# Runs every test suite: for each CMake preset, configure, build and CTest.
# Prints each suite's results and ends with one line "N passed, N failed"
# over all suites. A suite that does not configure or build counts as one
# failure. Exit status 0 only when nothing failed.
set -uo pipefail
cd "$(dirname "$0")/.."

suites=(host qemu-netduinoplus2 st-stm32f429i-discovery st-stm32f769i-discovery)
total_passed=0
total_failed=0

for suite in "${suites[@]}"; do
    echo "=== suite ${suite}: configure, build, test"
    log="build/${suite}.log"
    mkdir -p build
    if ! cmake --preset "${suite}" >"${log}" 2>&1; then
        tail -n 30 "${log}"
        echo "=== suite ${suite}: configure FAILED (log: ${log})"
        total_failed=$((total_failed + 1))
        continue
    fi
    if ! cmake --build --preset "${suite}" >>"${log}" 2>&1; then
        grep -E "error|FAILED" "${log}" | head -n 30
        echo "=== suite ${suite}: build FAILED (log: ${log})"
        total_failed=$((total_failed + 1))
        continue
    fi
    junit="${PWD}/build/${suite}/results.xml"
    rm -f "${junit}"
    ctest --preset "${suite}" --output-junit "${junit}" | grep -vE "^ +Start |^Test project"
    if [[ ! -f "${junit}" ]]; then
        echo "=== suite ${suite}: CTest wrote no results"
        total_failed=$((total_failed + 1))
        continue
    fi
    # The counts are attributes of the <testsuite> element, which comes first.
    attribute() { grep -m1 -oE "[[:space:]]$1=\"[0-9]+\"" "${junit}" | grep -oE '[0-9]+'; }
    tests=$(attribute tests)
    failures=$(attribute failures)
    skipped=$(attribute skipped)
    disabled=$(attribute disabled)
    passed=$((tests - failures - skipped - disabled))
    echo "=== suite ${suite}: ${passed} passed, ${failures} failed, ${skipped} skipped"
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failures))
done

echo "${total_passed} passed, ${total_failed} failed"
((total_failed == 0))
