#!/usr/bin/env bash
# The board installer (boards/common/nanoframework/install-into-nf-target.sh):
# refuses what is not an nf-interpreter ChibiOS target or not a board with a
# flipped layout; installs into stand-in targets of both flash-layout eras
# (tests/standin/nf-trees: nf-interpreter 5269a236 and 51c42210e) keeping each
# build's flash regions as the tree has them (only the 5269a236 F429 release
# nanoCLR's flash0 ends where its CODE blocks end), keeps the tree's scripts
# as .orig and re-reads them on a second run; installs everything the scripts
# INCLUDE; and refuses, with one message and nothing changed, every tree whose
# layout it cannot read or whose scripts and block-storage map disagree.
# (tests/cross/nanoframework links the installed scripts and checks the
# images' addresses.)
set -euo pipefail
installer="$1"
standin="$(cd "$(dirname "$0")/../standin/nf-trees" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

board=ST_STM32F429I_DISCOVERY
target="${work}/empty/targets/ChibiOS/${board}"
"${installer}" "${work}/empty" "${board}" >/dev/null 2>&1 && fail "accepted a folder without the target"
mkdir -p "${target}/nanoCLR" "${target}/nanoBooter"
touch "${target}/CMakeLists.txt"
"${installer}" "${work}/empty" NO_SUCH_BOARD >/dev/null 2>&1 && fail "accepted a board without a flipped layout"

# A fresh copy of a stand-in tree: stand_in <era> <board> <name>; sets tree, t.
stand_in() {
    tree="${work}/$3"
    t="${tree}/targets/ChibiOS/$2"
    rm -rf "${tree}"
    mkdir -p "${tree}/targets/ChibiOS"
    cp -r "${standin}/$1/targets/ChibiOS/$2" "${tree}/targets/ChibiOS/"
}
fingerprint() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 md5sum); }
# flash_line <script> <region>: "org len" as installed.
flash_line() {
    sed -n "s/^ *$2 *([a-z]*) *: *org = \(0x[0-9A-F]*\), len = \(0x[0-9A-F]*\).*/\1 \2/p" "$1"
}

# --- Both eras, both boards: the tree's flash regions, build by build ---------
# <era> <board> <script> <region> <org> <len>: facts from nf-interpreter's scripts.
expected=(
    "5269a236 ST_STM32F429I_DISCOVERY nanoBooter/STM32F429xI_booter.ld flash0 0x08000000 0x00004000"
    "5269a236 ST_STM32F429I_DISCOVERY nanoBooter/STM32F429xI_booter-DEBUG.ld flash0 0x08000000 0x00008000"
    "5269a236 ST_STM32F429I_DISCOVERY nanoCLR/STM32F429xI_CLR.ld flash0 0x08004000 0x0003C000"
    "5269a236 ST_STM32F429I_DISCOVERY nanoCLR/STM32F429xI_CLR.ld flash1 0x00000000 0x00000000"
    "5269a236 ST_STM32F429I_DISCOVERY nanoCLR/STM32F429xI_CLR.ld deployment 0x08040000 0x001A0000"
    "5269a236 ST_STM32F429I_DISCOVERY nanoCLR/STM32F429xI_CLR-DEBUG.ld flash0 0x08008000 0x00098000"
    "5269a236 ST_STM32F429I_DISCOVERY nanoCLR/STM32F429xI_CLR-DEBUG.ld deployment 0x080A0000 0x00160000"
    "51c42210e ST_STM32F429I_DISCOVERY nanoBooter/STM32F429xI_booter.ld flash0 0x08000000 0x00008000"
    "51c42210e ST_STM32F429I_DISCOVERY nanoCLR/STM32F429xI_CLR.ld flash0 0x08008000 0x00098000"
    "51c42210e ST_STM32F429I_DISCOVERY nanoCLR/STM32F429xI_CLR.ld deployment 0x080A0000 0x00160000"
    "51c42210e ST_STM32F429I_DISCOVERY nanoCLR/STM32F429xI_CLR-DEBUG.ld flash0 0x08008000 0x00098000"
    "5269a236 ST_STM32F769I_DISCOVERY nanoBooter/STM32F76xx_booter.ld config 0x08008000 0x00008000"
    "5269a236 ST_STM32F769I_DISCOVERY nanoCLR/STM32F76xx_CLR.ld flash0 0x08010000 0x000B0000"
    "5269a236 ST_STM32F769I_DISCOVERY nanoCLR/STM32F76xx_CLR.ld flash1 0x00210000 0x000B0000"
    "5269a236 ST_STM32F769I_DISCOVERY nanoCLR/STM32F76xx_CLR.ld deployment 0x080C0000 0x00140000"
    "5269a236 ST_STM32F769I_DISCOVERY nanoCLR/STM32F76xx_CLR-DEBUG.ld flash0 0x08010000 0x000F0000"
    "5269a236 ST_STM32F769I_DISCOVERY nanoCLR/STM32F76xx_CLR-DEBUG.ld deployment 0x08100000 0x00100000"
    "51c42210e ST_STM32F769I_DISCOVERY nanoCLR/STM32F76xx_CLR.ld config 0x08008000 0x00008000"
    "51c42210e ST_STM32F769I_DISCOVERY nanoCLR/STM32F76xx_CLR-DEBUG.ld deployment 0x08100000 0x00100000"
)
for era in 5269a236 51c42210e; do
    for b in ST_STM32F429I_DISCOVERY ST_STM32F769I_DISCOVERY; do
        stand_in "${era}" "${b}" "${era}-${b}"
        out="$("${installer}" "${tree}" "${b}" 2>&1)" || fail "${era} ${b}: refused: ${out}"
        if [[ "${era} ${b}" != "5269a236 ST_STM32F429I_DISCOVERY" ]] && grep -q "runs on" <<<"${out}"; then
            fail "${era} ${b}: a flash0 cut reported where the tree's fits its CODE blocks: ${out}"
        fi
        for fact in "${expected[@]}"; do
            read -r f_era f_board script region org len <<<"${fact}"
            [[ "${f_era}" == "${era}" && "${f_board}" == "${b}" ]] || continue
            got="$(flash_line "${t}/${script}" "${region}")"
            [[ "${got}" == "${org} ${len}" ]] || fail "${era} ${b} ${script}: ${region} installed as '${got}', the tree has ${org} ${len}"
        done
        for script in "${t}"/nanoBooter/*.ld "${t}"/nanoCLR/*.ld; do
            grep -q "flipped for SafetyMonitor" "${script}" || fail "${era} ${b}: ${script} was not replaced"
            grep -q "^MEMORY" "${script}.orig" || fail "${era} ${b}: the tree's ${script} was not kept as .orig"
            [[ "$(grep -c '^MEMORY' "${script}")" == 1 ]] || fail "${era} ${b}: ${script} has not one MEMORY block (the flash; RAM is in safetymonitor_ram.ld)"
        done
        # A second run re-reads the tree's scripts from .orig: the same result.
        before="$(fingerprint "${t}")"
        "${installer}" "${tree}" "${b}" >/dev/null 2>&1 || fail "${era} ${b}: a second run was refused"
        [[ "$(fingerprint "${t}")" == "${before}" ]] || fail "${era} ${b}: a second run changed the installed files"
    done
done
# The one cut: 5269a236's F429 release nanoCLR script gives flash0 368k from
# 0x08004000 (to 0x08060000), its DEPLOYMENT blocks start at 0x08040000.
stand_in 5269a236 ST_STM32F429I_DISCOVERY cut
out="$("${installer}" "${tree}" ST_STM32F429I_DISCOVERY)"
grep -q "release nanoCLR: the tree's flash0 (0x08004000-0x08060000) runs on into the blocks after its CODE blocks; installed ending at 0x08040000" <<<"${out}" \
    || fail "the cut of 5269a236's release nanoCLR flash0 was not reported"
# CODE blocks with a gap (a FILESYSTEM block between them): flash0 ends at the gap.
stand_in 51c42210e ST_STM32F429I_DISCOVERY gap
sed -i 's/{BlockRange_BLOCKTYPE_CODE, 0, 3}, {BlockRange_BLOCKTYPE_DEPLOYMENT, 4, 6}/{BlockRange_BLOCKTYPE_CODE, 0, 1}, {BlockRange_BLOCKTYPE_FILESYSTEM, 2, 2}, {BlockRange_BLOCKTYPE_CODE, 3, 3}, {BlockRange_BLOCKTYPE_DEPLOYMENT, 4, 6}/' \
    "${t}/common/Device_BlockStorage.c"
"${installer}" "${tree}" ST_STM32F429I_DISCOVERY >/dev/null
[[ "$(flash_line "${t}/nanoCLR/STM32F429xI_CLR.ld" flash0)" == "0x08008000 0x00058000" ]] \
    || fail "flash0 not cut where the CODE blocks stop (0x08060000): $(flash_line "${t}/nanoCLR/STM32F429xI_CLR.ld" flash0)"
# A tree updated after an install (its scripts checked out again): the new
# scripts are read, and kept as .orig.
stand_in 5269a236 ST_STM32F429I_DISCOVERY updated
"${installer}" "${tree}" ST_STM32F429I_DISCOVERY >/dev/null
for script in nanoBooter/STM32F429xI_booter.ld nanoBooter/STM32F429xI_booter-DEBUG.ld nanoCLR/STM32F429xI_CLR.ld nanoCLR/STM32F429xI_CLR-DEBUG.ld \
              common/Device_BlockStorage.c common/Device_BlockStorage-DEBUG.c; do
    cp "${standin}/51c42210e/targets/ChibiOS/ST_STM32F429I_DISCOVERY/${script}" "${t}/${script}"
done
"${installer}" "${tree}" ST_STM32F429I_DISCOVERY >/dev/null
[[ "$(flash_line "${t}/nanoCLR/STM32F429xI_CLR.ld" flash0)" == "0x08008000 0x00098000" ]] || fail "an updated tree's scripts were not read"
cmp -s "${t}/nanoCLR/STM32F429xI_CLR.ld.orig" "${standin}/51c42210e/targets/ChibiOS/ST_STM32F429I_DISCOVERY/nanoCLR/STM32F429xI_CLR.ld" \
    || fail "an updated tree's script was not kept as .orig"

# Every script our scripts INCLUDE, except nanoFramework's rules, is installed
# where the link-map string points ld (safetymonitor/).
stand_in 51c42210e "${board}" includes
"${installer}" "${tree}" "${board}" >/dev/null
for script in "${t}"/nanoBooter/*.ld "${t}"/nanoCLR/*.ld "${t}"/safetymonitor/*.ld; do
    for included in $(sed -n 's/^[[:space:]]*INCLUDE[[:space:]]\+\([^[:space:]]*\).*/\1/p' "${script}"); do
        case "${included}" in rules*.ld) continue ;; esac
        [[ -f "${t}/safetymonitor/${included}" ]] || fail "$(basename "${script}") includes ${included}, which is not installed"
    done
done
for file in safetymonitor.cmake safetymonitor_nf_target.cmake safetymonitor_clr_thread.c safetymonitor_clr_thread.h fault_record.h fault.c fault.h cortex_m_regs.h; do
    [[ -f "${t}/safetymonitor/${file}" ]] || fail "safetymonitor/${file} not installed"
done

# --- Controls: refused with one message, nothing changed -------------------------
# refused <case> <board> <regex>: the tree prepared in ${tree} is refused.
refused() {
    local name="$1" b="$2" pattern="$3" before status=0 err
    before="$(fingerprint "${tree}")"
    "${installer}" "${tree}" "${b}" >"${work}/out" 2>"${work}/err" || status=$?
    err="$(cat "${work}/err")"
    [[ "${status}" == 3 ]] || fail "${name}: exit status ${status}, not 3 (refused): ${err}"
    [[ "$(wc -l <"${work}/err")" == 1 ]] || fail "${name}: not one message: ${err}"
    [[ "${err}" =~ refused\ .*${pattern}.*\ Nothing\ was\ changed\.\ Restore\ the\ target\'s\ own ]] \
        || fail "${name}: the message does not say '${pattern}', that nothing changed and what to do: ${err}"
    [[ ! -s "${work}/out" ]] || fail "${name}: printed more than the message: $(cat "${work}/out")"
    [[ "$(fingerprint "${tree}")" == "${before}" ]] || fail "${name}: the tree was changed"
    refusals=$((refusals + 1))
}
refusals=0
s429=51c42210e/targets/ChibiOS/ST_STM32F429I_DISCOVERY

stand_in 51c42210e "${board}" unreadable-length
sed -i 's/len = 2M - 32k - 1408k/len = LENGTH(ram0)/' "${t}/nanoCLR/STM32F429xI_CLR-DEBUG.ld"
refused "a length ld must compute" "${board}" "nanoCLR/STM32F429xI_CLR-DEBUG.ld: cannot read flash0's length 'LENGTH\(ram0\)'"

stand_in 51c42210e "${board}" unreadable-line
sed -i 's/^\( *deployment *\)(rx) : org/\1(rx) : start/' "${t}/nanoCLR/STM32F429xI_CLR.ld"
refused "a MEMORY line it cannot read" "${board}" "cannot read the MEMORY line 'deployment"

stand_in 51c42210e "${board}" no-memory
echo "INCLUDE somewhere_else.ld" >"${t}/nanoBooter/STM32F429xI_booter.ld"
refused "a script without MEMORY" "${board}" "nanoBooter/STM32F429xI_booter.ld: it has no MEMORY block"

stand_in 51c42210e "${board}" no-deployment
sed -i '/^ *deployment/d' "${t}/nanoCLR/STM32F429xI_CLR.ld"
refused "a script without deployment" "${board}" "its MEMORY block has no deployment region"

stand_in 51c42210e "${board}" no-map
rm "${t}/common/Device_BlockStorage-DEBUG.c"
refused "no block-storage map" "${board}" "no block-storage map common/Device_BlockStorage-DEBUG.c, which the Debug/RelWithDebInfo build compiles"

stand_in 51c42210e "${board}" unreadable-map
sed -i 's/ARRAYSIZE_CONST_EXPR(sector64k)/2/' "${t}/common/Device_BlockStorage.c"
refused "a map it cannot read" "${board}" "common/Device_BlockStorage.c: cannot read its BlockRegions"

stand_in 51c42210e "${board}" ours-without-orig
"${installer}" "${tree}" "${board}" >/dev/null
rm "${t}/nanoCLR/STM32F429xI_CLR.ld.orig"
refused "an installed script whose .orig is gone" "${board}" "nanoCLR/STM32F429xI_CLR.ld is SafetyMonitor's and the tree's own script"

# The issue's case: the 2026 nanoCLR scripts in a tree whose nanoBooter and
# block-storage map are 5269a236's (nanoCLR at 0x08004000, deployment from
# 0x08040000): that nanoCLR would lie over the deployment blocks.
stand_in 5269a236 "${board}" mixed-eras
cp "${standin}/${s429}/nanoCLR/STM32F429xI_CLR.ld" "${t}/nanoCLR/STM32F429xI_CLR.ld"
refused "the nanoBooter launching elsewhere" "${board}" "the nanoBooter launches the nanoCLR at 0x08004000 \(the end of its flash0\), but the nanoCLR's flash0 starts at 0x08008000\. The tree's layout: release: nanoBooter flash0 0x08000000-0x08004000 .* DEPLOYMENT 0x08040000-0x08200000"

stand_in 5269a236 "${board}" booter-past-bootstrap
cp "${standin}/${s429}/nanoBooter/STM32F429xI_booter.ld" "${t}/nanoBooter/STM32F429xI_booter.ld"
cp "${standin}/${s429}/nanoCLR/STM32F429xI_CLR.ld" "${t}/nanoCLR/STM32F429xI_CLR.ld"
refused "a nanoBooter larger than its BOOTSTRAP blocks" "${board}" "the nanoBooter's flash0 is not within BOOTSTRAP blocks\. The tree's layout: release: nanoBooter flash0 0x08000000-0x08008000 .*BOOTSTRAP 0x08000000-0x08004000 "

stand_in 51c42210e "${board}" code-elsewhere
sed -i 's/{BlockRange_BLOCKTYPE_CODE, 2, 3}/{BlockRange_BLOCKTYPE_CODE, 3, 3}/' "${t}/common/Device_BlockStorage.c"
refused "CODE blocks elsewhere" "${board}" "the nanoCLR's flash0 starts at 0x08008000, the CODE blocks at 0x0800C000"

stand_in 51c42210e "${board}" deployment-elsewhere
sed -i 's/deployment (rx) : org = 0x080A0000/deployment (rx) : org = 0x08040000/' "${t}/nanoCLR/STM32F429xI_CLR-DEBUG.ld"
refused "a deployment region apart from the map's" "${board}" "the nanoCLR's deployment region starts at 0x08040000, the DEPLOYMENT blocks at 0x080A0000"

stand_in 51c42210e "${board}" overlapping-ranges
sed -i 's/{BlockRange_BLOCKTYPE_DEPLOYMENT, 4, 6}/{BlockRange_BLOCKTYPE_DEPLOYMENT, 3, 6}/' "${t}/common/Device_BlockStorage.c"
refused "overlapping block ranges" "${board}" "two block ranges of common/Device_BlockStorage.c overlap at 0x08080000"

stand_in 51c42210e "${board}" range-past-region
sed -i 's/{BlockRange_BLOCKTYPE_DEPLOYMENT, 0, 6}/{BlockRange_BLOCKTYPE_DEPLOYMENT, 0, 7}/' "${t}/common/Device_BlockStorage-DEBUG.c"
refused "a range past its region's blocks" "${board}" "bank2_128k's DEPLOYMENT range 0..7 is not within its region's 7 blocks at 0x08120000"

stand_in 51c42210e "${board}" no-code
sed -i 's/BLOCKTYPE_CODE/BLOCKTYPE_FILESYSTEM/g' "${t}/common/Device_BlockStorage.c"
refused "a map without CODE blocks" "${board}" "common/Device_BlockStorage.c has no CODE blocks"

f769=ST_STM32F769I_DISCOVERY
stand_in 51c42210e "${f769}" config-apart
sed -i 's/config     (rw) : org = 0x08008000, len = 32k/config     (rw) : org = 0x08008000, len = 16k/' "${t}/nanoCLR/STM32F76xx_CLR.ld"
refused "config regions that differ" "${f769}" "the nanoBooter's and the nanoCLR's config regions differ"

stand_in 51c42210e "${f769}" config-not-block
sed -i 's/{BlockRange_BLOCKTYPE_CONFIG, 1, 1}/{BlockRange_BLOCKTYPE_BOOTSTRAP, 1, 1}/' "${t}/common/Device_BlockStorage.c"
refused "a config region that is not the CONFIG block" "${f769}" "the config region is not the CONFIG block"

stand_in 51c42210e "${f769}" config-without-region
sed -i 's/config     (rw) : org = 0x08008000, len = 32k/config     (rw) : org = 0x00000000, len = 0/' \
    "${t}/nanoCLR/STM32F76xx_CLR.ld" "${t}/nanoBooter/STM32F76xx_booter.ld"
sed -i 's/flash0     (rx) : org = 0x08000000, len = 32k/flash0     (rx) : org = 0x08000000, len = 64k/' "${t}/nanoBooter/STM32F76xx_booter.ld"
sed -i 's/{BlockRange_BLOCKTYPE_BOOTSTRAP, 0, 0}/{BlockRange_BLOCKTYPE_BOOTSTRAP, 0, 1}/; s/{BlockRange_BLOCKTYPE_CONFIG, 1, 1}, //' "${t}/common/Device_BlockStorage.c"
# (now consistent but for a CONFIG block nobody has: add it back apart)
sed -i 's/{BlockRange_BLOCKTYPE_CODE, 0, 0}}/{BlockRange_BLOCKTYPE_CONFIG, 0, 0}}/' "${t}/common/Device_BlockStorage.c"
refused "a CONFIG block without a config region" "${f769}" "common/Device_BlockStorage.c has a CONFIG block, the nanoCLR script no config region"

# Deployment blocks before the nanoCLR, and a deployment region that runs on
# over it: a nanoBooter with a config region launching after it.
stand_in 51c42210e "${board}" deployment-over-clr
sed -i 's/config     (rw) : org = 0x00000000, len = 0/config     (rw) : org = 0x08008000, len = 16k/' \
    "${t}/nanoBooter/STM32F429xI_booter.ld" "${t}/nanoCLR/STM32F429xI_CLR.ld"
sed -i 's/flash0     (rx) : org = 0x08000000, len = 32k/flash0     (rx) : org = 0x08000000, len = 16k/' "${t}/nanoBooter/STM32F429xI_booter.ld"
sed -i 's/flash0     (rx) : org = 0x08008000/flash0     (rx) : org = 0x0800C000/; s/deployment (rx) : org = 0x080A0000, len = 1408k/deployment (rx) : org = 0x08004000, len = 1408k/' \
    "${t}/nanoCLR/STM32F429xI_CLR.ld"
sed -i 's/{{BlockRange_BLOCKTYPE_BOOTSTRAP, 0, 1}, {BlockRange_BLOCKTYPE_CODE, 2, 3}}/{{BlockRange_BLOCKTYPE_BOOTSTRAP, 0, 0}, {BlockRange_BLOCKTYPE_DEPLOYMENT, 1, 1}, {BlockRange_BLOCKTYPE_CONFIG, 2, 2}, {BlockRange_BLOCKTYPE_CODE, 3, 3}}/; s/{BlockRange_BLOCKTYPE_DEPLOYMENT, 4, 6}/{BlockRange_BLOCKTYPE_FILESYSTEM, 4, 6}/; s/BLOCKTYPE_DEPLOYMENT, 0, \([036]\)}/BLOCKTYPE_FILESYSTEM, 0, \1}/g' \
    "${t}/common/Device_BlockStorage.c"
refused "a deployment region over the nanoCLR" "${board}" "the nanoCLR's deployment region 0x08004000-0x08164000 overlaps its CODE blocks"

echo "PASS: both eras installed with the tree's flash regions (F429 and F769, release and -DEBUG), originals kept and re-read; ${refusals} layouts refused with one message, nothing changed"
