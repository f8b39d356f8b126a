#!/usr/bin/env bash
# The installer's `posix` step on a stand-in of nf-interpreter's POSIX target
# (tests/standin/nf-posix: the files it edits, written from the facts of main
# a3e8139a): one interop-table entry, the start-up hook right before
# ClrStartup(), the module at the end of the target's CMakeLists.txt; a second
# run changes nothing; a tree without its anchors is refused untouched. Then
# the stand-in library is built and its harness run on the main thread: the
# natives, found through the table, see the fault record validated (0, not
# -7) and the stack painted (a mark, not -7). Controls: without the hook both
# answer -7; without the installer the assembly is not in the table.
#   check_posix_install.sh <installer> <repository root>
set -euo pipefail
installer="$1"
root="$2"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

make_tree() {
    mkdir -p "$1/src/CLR/Include" "$1/CMake/Modules"
    cp -r "${root}/tests/standin/nf-posix/targets" "$1/"
    cp "${root}/tests/standin/nanoclr/"*.h "$1/src/CLR/Include/"
}
run_harness() {  # <tree> <build dir>: the harness's line, in <build dir>.out
    cmake -S "$1/targets/posix" -B "$2" > "$2.log" 2>&1 || { cat "$2.log"; fail "configure"; }
    cmake --build "$2" > "$2.build.log" 2>&1 || { cat "$2.build.log"; fail "build"; }
    (ulimit -s 8192; "$2/nanoCLR/nanoFramework.nanoCLR.test") > "$2.out" || fail "the harness failed"
}
posix="targets/posix/nanoCLR"

# Refused, untouched: a table under another name.
make_tree "${work}/odd"
sed -i 's/g_CLR_InteropAssembliesNativeData\[\]/g_InteropTable[]/' "${work}/odd/${posix}/posix_stubs.cpp"
cp -r "${work}/odd" "${work}/odd.before"
if "${installer}" "${work}/odd" posix > "${work}/odd.log" 2>&1; then fail "a tree without the interop table was accepted"; fi
grep -q "no single g_CLR_InteropAssembliesNativeData table" "${work}/odd.log" || fail "refusal does not name the table: $(cat "${work}/odd.log")"
diff -r "${work}/odd.before/targets" "${work}/odd/targets" > /dev/null || fail "a refused tree was changed"
[[ ! -e "${work}/odd/InteropAssemblies" ]] || fail "a refused tree got the sources"

# Control: the stand-in as nf-interpreter ships it: the assembly is not in the table.
make_tree "${work}/plain"
run_harness "${work}/plain" "${work}/plain-build"
read -r found _ < "${work}/plain-build.out"
[[ "${found}" == 0 ]] || fail "control: SafetyMonitor.Native found in an uninstalled tree"

# Installed.
make_tree "${work}/nf"
"${installer}" "${work}/nf" posix > /dev/null
stubs="${work}/nf/${posix}/posix_stubs.cpp"
[[ $(grep -c '^extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_SafetyMonitor_Native;' "${stubs}") == 1 ]] ||
    fail "the assembly is not declared once in posix_stubs.cpp"
entry=$(awk '/^const CLR_RT_NativeAssemblyData \*g_CLR_InteropAssembliesNativeData\[\]/ { t = 1; next }
             t && /nullptr/ { print prev; exit } t { prev = $0 }' "${stubs}")
[[ "${entry}" == "    &g_CLR_AssemblyNative_SafetyMonitor_Native, // SafetyMonitor.Native" ]] ||
    fail "the table's last entry before nullptr is '${entry}'"
[[ $(grep -c 'g_CLR_AssemblyNative_SafetyMonitor_Native,' "${stubs}") == 1 ]] || fail "the table lists the assembly more than once"
native="${work}/nf/${posix}/nanoCLR_native_posix.cpp"
before=$(grep -B1 -E '^[[:space:]]*ClrStartup\(clrSettings\);' "${native}" | head -n 1)
[[ "${before}" =~ ^[[:space:]]*safetymonitor_posix_clr_start\(\)\;$ ]] || fail "ClrStartup() is preceded by '${before}', not the hook"
[[ $(grep -c '^extern "C" int safetymonitor_posix_clr_start(void);' "${native}") == 1 ]] || fail "the hook is not declared once"
lists="${work}/nf/${posix}/CMakeLists.txt"
[[ "$(tail -n 1 "${lists}")" == 'safetymonitor_native_add(nanoFramework.nanoCLR ${REPO_ROOT})' ]] ||
    fail "the module is not added at the end of the target's CMakeLists.txt"
for file in core/stack_high_water.c ports/posix/posix_nanoclr_start.c ports/posix/posix_stack.c ports/chibios/stack_check_port_chibios.c; do
    [[ -f "${work}/nf/InteropAssemblies/SafetyMonitor.Native/${file}" ]] || fail "${file} not installed"
done
cp -r "${work}/nf/targets" "${work}/once"
"${installer}" "${work}/nf" posix > /dev/null
diff -r "${work}/once" "${work}/nf/targets" > /dev/null || fail "a second run changed the target again"

run_harness "${work}/nf" "${work}/nf-build"
read -r found checksum status free size min_free < "${work}/nf-build.out"
grep -q "SafetyMonitor.Native: posix port" "${work}/nf-build.log" || fail "the module did not pick the posix port"
[[ "${found}" == 1 && "${checksum}" == 0xB65EEE28 ]] || fail "SafetyMonitor.Native not in the table (found ${found}, checksum ${checksum})"
[[ "${status}" == 0 ]] || fail "GetFaultStatus() ${status}: the fault record was not validated at start"
((free > 0 && size >= free)) || fail "GetFree() ${free}, GetSize() ${size}"
((min_free >= 0 && min_free <= free)) || fail "GetMinFree() ${min_free}: not painted, or shallower than the deepest frame (free ${free})"
((size > 262144)) || fail "the harness's main thread has ${size} bytes of stack: not a stack over the 65535-word window"

# Control: the same tree without the hook: nothing validated, nothing painted.
sed -i '/^[[:space:]]*safetymonitor_posix_clr_start();$/d' "${native}"
run_harness "${work}/nf" "${work}/nf-build"
read -r found _ status _ _ min_free < "${work}/nf-build.out"
[[ "${found}" == 1 && "${status}" == -7 && "${min_free}" == -7 ]] ||
    fail "control without the hook: found ${found}, GetFaultStatus ${status}, GetMinFree ${min_free} (expected 1, -7, -7)"
echo "PASS: table entry, hook and module installed once, port posix; the natives saw the record validated and the stack painted; without the hook -7 and -7"
