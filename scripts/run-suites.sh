#!/usr/bin/env bash
# Runs every test suite: for each CMake preset, configure, build and CTest;
# then the managed (.NET) tests, which bind to the host preset's C core.
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

# The managed suite: only the SDK-style projects (the .nfproj projects need
# nanoFramework's toolchain), through the solution filter.
echo "=== suite managed: dotnet test SafetyMonitor.Host.slnf"
results="${PWD}/build/managed"
rm -rf "${results}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# A test that hangs is stopped after 5 minutes and named (the longest test
# takes about 20 s); a test host that crashes or hangs runs fewer tests than
# it found, so a failed run whose reports count no failure counts as one.
managed_rc=0
dotnet test SafetyMonitor.Host.slnf --results-directory "${results}" --blame-hang-timeout 5min --blame-hang-dump-type none \
    --logger "trx;LogFilePrefix=managed" --logger "console;verbosity=minimal" >"build/managed.log" 2>&1 \
    || managed_rc=$?
if ((managed_rc == 0)) || ls "${results}"/*.trx >/dev/null 2>&1; then
    grep -E "^\s*(Failed|Passed!|Failed!|error)" "build/managed.log" | head -n 40
    passed=0
    failures=0
    for trx in "${results}"/*.trx; do
        counters=$(grep -m1 -o '<Counters [^>]*>' "${trx}")
        passed=$((passed + $(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"${counters}")))
        failures=$((failures + $(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"${counters}")))
    done
    if ((managed_rc != 0 && failures == 0)); then
        grep -E "aborted|crashed|hang|Blame" "build/managed.log" | head -n 10
        echo "dotnet test exited with ${managed_rc} but its reports count no failure: a test host crashed or hung (log: build/managed.log)"
        failures=1
    fi
    echo "=== suite managed: ${passed} passed, ${failures} failed"
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failures))
else
    tail -n 30 "build/managed.log"
    echo "=== suite managed: build FAILED (log: build/managed.log)"
    total_failed=$((total_failed + 1))
fi

echo "${total_passed} passed, ${total_failed} failed"
((total_failed == 0))
