#!/usr/bin/env bash
# The board installer on a target of SafetyMonitor's own (QEMU_NETDUINOPLUS2,
# no nanoBooter): into an empty stand-in tree it installs and the layout
# checks pass; on copies of this repository's installer and board files with
# one fact broken it refuses in one message and writes nothing:
#   - the nanoCLR's flash0 not at the first block (the core boots there);
#   - a BOOTSTRAP block in the map of a target without a nanoBooter;
#   - the deployment region not where the DEPLOYMENT blocks start;
# and every C file it installs into emulation/ is one the nanoCLR compiles.
#   check_own_target_install.sh <repository root>
set -euo pipefail
root="$1"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
board=QEMU_NETDUINOPLUS2

# A copy of what the installer reads (the script finds the repository from its own path).
copy_repo() {
    local to="$1"
    mkdir -p "${to}"
    cp -r "${root}/boards" "${root}/linker" "${root}/native-interop" "${to}/"
}
tree() {
    local t="$1"
    mkdir -p "${t}/targets/ChibiOS"
    printf '{\n    "version": 4,\n    "include": [\n    ]\n}\n' > "${t}/targets/ChibiOS/CMakePresets.json"
}

# Control: the repository's own files install.
tree "${work}/ok"
bash "${root}/boards/common/nanoframework/install-into-nf-target.sh" "${work}/ok" "${board}" > "${work}/ok.log" 2>&1 ||
    fail "the repository's own target was refused: $(cat "${work}/ok.log")"
[[ -f "${work}/ok/targets/ChibiOS/${board}/nanoCLR/STM32F405xG_CLR-DEBUG.ld" ]] || fail "no -DEBUG script written"
# Every C file the installer puts into emulation/ is compiled into the nanoCLR
# (qemu_emulation.cmake's list): a model or trap source left out links only
# on the real tree, as undefined references (iwdg_clock.c once was).
emulation="${work}/ok/targets/ChibiOS/${board}/emulation"
for source in "${emulation}"/*.c; do
    grep -qE "\{qemu_emulation_dir\}/$(basename "${source}" | sed 's/\./\\./g')\)?$" "${emulation}/qemu_emulation.cmake" ||
        fail "emulation/$(basename "${source}") is installed but not in qemu_emulation.cmake's QEMU_EMULATION_CLR_SOURCE_FILES"
done

refused() {  # <name> <file relative to boards/QEMU_NETDUINOPLUS2/nanoframework> <sed script> <expected message>
    local name="$1" file="$2" edit="$3" expect="$4"
    copy_repo "${work}/${name}/repo"
    sed -i -e "${edit}" "${work}/${name}/repo/boards/${board}/nanoframework/${file}"
    cmp -s "${work}/${name}/repo/boards/${board}/nanoframework/${file}" "${root}/boards/${board}/nanoframework/${file}" &&
        fail "${name}: the edit changed nothing"
    tree "${work}/${name}/nf"
    local status=0
    bash "${work}/${name}/repo/boards/common/nanoframework/install-into-nf-target.sh" "${work}/${name}/nf" "${board}" \
        > "${work}/${name}.log" 2>&1 || status=$?
    [[ ${status} == 3 ]] || fail "${name}: exit ${status}, not 3: $(cat "${work}/${name}.log")"
    grep -q -- "restore boards/${board}/nanoframework" "${work}/${name}.log" || fail "${name}: the message does not say what to do: $(cat "${work}/${name}.log")"
    grep -q -- "${expect}" "${work}/${name}.log" || fail "${name}: no '${expect}' in: $(cat "${work}/${name}.log")"
    [[ $(wc -l < "${work}/${name}.log") == 1 ]] || fail "${name}: not one line: $(cat "${work}/${name}.log")"
    [[ ! -e "${work}/${name}/nf/targets/ChibiOS/${board}" ]] || fail "${name}: files were written"
}
refused flash0_off_the_first_block nanoCLR/STM32F405xG_CLR.ld.in \
    's/flash0     (rx) : org = 0x08000000, len = 512k/flash0     (rx) : org = 0x08004000, len = 496k/' \
    "there is no nanoBooter, so the nanoCLR's flash0 must start at the first block, 0x08000000"
refused bootstrap_block_without_nanobooter target/common/Device_BlockStorage.c \
    's/{BlockRange_BLOCKTYPE_CODE, 0, 3}, \/\/ 0x08000000 nanoCLR/{BlockRange_BLOCKTYPE_BOOTSTRAP, 0, 0}, {BlockRange_BLOCKTYPE_CODE, 1, 3},/' \
    "Device_BlockStorage.c has BOOTSTRAP blocks, but the target has no nanoBooter"
refused deployment_off_its_blocks nanoCLR/STM32F405xG_CLR.ld.in \
    's/deployment (rx) : org = 0x08080000, len = 512k/deployment (rx) : org = 0x080A0000, len = 384k/' \
    "the nanoCLR's deployment region starts at 0x080A0000, the DEPLOYMENT blocks at 0x08080000"
echo "PASS: the own target installs; 3 broken copies refused in one line each, nothing written"
