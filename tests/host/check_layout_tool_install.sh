#!/usr/bin/env bash
# `safetymon` installs as a .NET tool: pack managed/tools/SafetyMonitor.Layout,
# install the package into a private tool path, and run the installed command
# (--help on the tool and on `layout`, and --version: exit 0; a usage error:
# exit 2; a missing image: exit 2 with a message, no stack trace).
set -euo pipefail
project="$1"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Pack a copy of the sources, so that this never races a build of the tree.
mkdir -p "${work}/source"
tar -C "$(dirname "${project}")" --exclude=./bin --exclude=./obj -cf - . | tar -C "${work}/source" -xf -
dotnet pack "${work}/source/$(basename "${project}")" -c Release -o "${work}/packages" \
    >"${work}/pack.log" 2>&1 || { cat "${work}/pack.log"; fail "dotnet pack"; }
dotnet tool install SafetyMonitor.Layout --tool-path "${work}/tools" --add-source "${work}/packages" \
    --ignore-failed-sources >"${work}/install.log" 2>&1 || { cat "${work}/install.log"; fail "dotnet tool install"; }
help=$("${work}/tools/safetymon" --help) || fail "safetymon --help did not exit 0"
grep -q "safetymon \[command\] \[options\]" <<<"${help}" || fail "safetymon --help printed no usage: ${help}"
help=$("${work}/tools/safetymon" layout --help) || fail "safetymon layout --help did not exit 0"
grep -q "safetymon layout <firmware.elf> \[options\]" <<<"${help}" || fail "the installed safetymon printed no usage: ${help}"
"${work}/tools/safetymon" layout --version >/dev/null || fail "safetymon layout --version did not exit 0"
set +e
"${work}/tools/safetymon" layout --frobnicate >/dev/null 2>&1
status=$?
set -e
((status == 2)) || fail "an unknown option gave exit ${status}, not 2"
set +e
message=$("${work}/tools/safetymon" layout "${work}/no-such-image.elf" 2>&1)
status=$?
set -e
((status == 2)) || fail "a missing image gave exit ${status}, not 2"
grep -q "cannot read" <<<"${message}" || fail "a missing image gave no clear message: ${message}"
grep -q "   at " <<<"${message}" && fail "a missing image printed a stack trace"
echo "PASS: packed, installed as a .NET tool, and ran: ${message}"
