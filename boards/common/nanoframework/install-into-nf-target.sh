#!/usr/bin/env bash
# Puts SafetyMonitor's flipped nanoBooter/nanoCLR layout into an nf-interpreter
# ChibiOS target (ST_STM32F429I_DISCOVERY or ST_STM32F769I_DISCOVERY), or
# installs a target of SafetyMonitor's own (QEMU_NETDUINOPLUS2: see "Own
# targets" below):
#   targets/ChibiOS/<BOARD>/nanoBooter/<name>.ld, <name>-DEBUG.ld   replaced
#   targets/ChibiOS/<BOARD>/nanoCLR/<name>.ld, <name>-DEBUG.ld      replaced
#   targets/ChibiOS/<BOARD>/safetymonitor/                          added: the
#       board's settings (safetymonitor.cmake) and RAM regions, our linker
#       fragments, the CLR thread's working area (safetymonitor_clr_thread.c)
#       and the fault record's header it calls (fault_record.h; the code is
#       in the interop module: native-interop/stubs/install-into-nf-interpreter.sh),
#       and the HardFault handler that writes it (fault.c, used when
#       SAFETYMONITOR_FAULT_HANDLER is ON)
#
# Only the RAM placement changes. The flash layout stays the tree's own: each
# replaced script is written from the board's template
# (boards/<BOARD>/nanoframework/nanoBooter|nanoCLR/<name>.ld.in) with the
# flash regions (flash0..flash7, config, deployment) of the script it
# replaces, read from the tree. nf-interpreter has changed that layout (the
# F429's nanoBooter was 16 KB with the nanoCLR at 0x08004000 until commit
# 06d29a489, 2026-03-19, and 32 KB with the nanoCLR at 0x08008000 since; its
# release and -DEBUG scripts differ in some trees), so nothing here assumes one.
# Before writing anything, each build's scripts (release: <name>.ld; Debug and
# RelWithDebInfo: <name>-DEBUG.ld) are checked against the block-storage map
# the same build compiles (common/Device_BlockStorage.c, -DEBUG.c), which is
# what a deployment erases by:
#   - the nanoBooter's flash0 lies in BOOTSTRAP blocks;
#   - the nanoBooter launches the nanoCLR at the end of its config region when
#     it has one, else at the end of its flash0 (the F769's and the F429's
#     nanoBooter/main.c: LaunchCLR(__nanoConfig_end__ / __nanoImage_end__)):
#     that must be the nanoCLR's flash0 origin;
#   - the nanoCLR's flash0 starts in CODE blocks, at the first one; its
#     deployment region starts where the DEPLOYMENT blocks start, its config
#     region is the CONFIG block (these three are what nanoFramework's own
#     AssertBlockStorage(), targets/ChibiOS/_nanoCLR/CLR_Startup_Thread.c,
#     asserts in debug builds, on the device);
#   - no two block ranges overlap, and none lies past its region's blocks.
# A nanoCLR flash0 that runs on past its CODE blocks (in nf-interpreter
# 5269a236, April 2025, the F429's release script gives 368k from 0x08004000,
# while the DEPLOYMENT blocks start at 0x08040000) is installed ending where
# the CODE blocks end: an image that does not fit then fails to link
# ("region `flash0' overflowed") instead of being erased by the first
# deployment. A tree whose layout cannot be read or does not agree is refused
# with one message (exit status 3) naming its layout and what to do; nothing
# is changed then.
#
# The tree's script is kept as <name>.ld.orig; a script that is already ours
# is re-read from its .orig. Two edits stay yours (the integration steps of
# docs/nanoframework-integration.md; printed at the end): the target's CMakeLists.txt and nanoCLR/main.c.
#
# Own targets: a board whose nanoframework/ folder has a target/ folder
# (QEMU_NETDUINOPLUS2) is a whole nf-interpreter ChibiOS target of
# SafetyMonitor's: target/ is copied to targets/ChibiOS/<BOARD> (created when
# missing; a file that differs is kept as <file>.orig), with its peripheral
# emulation in emulation/ (nanoframework/emulation, the bare-metal board's
# emulation/ and board.h, native-interop/models/stm32) and safetymonitor/ as
# above. It has no nanoBooter: its nanoCLR script template carries its own
# flash regions (no @SAFETYMONITOR_FLASH_REGIONS@ line) and is written as
# nanoCLR/<name>.ld and -DEBUG.ld, after the same checks against the
# target's own block-storage map (target/common/Device_BlockStorage.c, for
# both builds), with this one in place of the nanoBooter's: the nanoCLR's
# flash0 starts at the first block, where the core boots. Nothing to do by
# hand afterwards but NF_INTEROP_ASSEMBLIES (its preset sets it).
#
#   boards/common/nanoframework/install-into-nf-target.sh <path to nf-interpreter> <BOARD>
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "${here}/../../.." && pwd)"
me="$(basename "$0")"
if (($# != 2)); then
    echo "usage: $0 <path to nf-interpreter> <BOARD>" >&2
    echo "boards: $(cd "${root}/boards" && ls -d */nanoframework 2>/dev/null | cut -d/ -f1 | tr '\n' ' ')" >&2
    exit 2
fi
nf="$1"
board="$2"
source_dir="${root}/boards/${board}/nanoframework"
target="${nf}/targets/ChibiOS/${board}"
if [[ ! -d "${source_dir}" ]]; then
    echo "$0: no flipped nanoFramework layout for board ${board} (boards/${board}/nanoframework)" >&2
    exit 2
fi
own_target=false
[[ -d "${source_dir}/target" ]] && own_target=true
if ${own_target}; then
    if [[ ! -d "${nf}/targets/ChibiOS" ]]; then
        echo "$0: ${nf} is not an nf-interpreter checkout (no targets/ChibiOS)" >&2
        exit 2
    fi
elif [[ ! -d "${target}/nanoCLR" || ! -f "${target}/CMakeLists.txt" ]]; then
    echo "$0: ${target} is not an nf-interpreter ChibiOS target (no nanoCLR/ or CMakeLists.txt)" >&2
    exit 2
fi

# --- Reading the tree's flash layout --------------------------------------------
# What the scripts written here say of themselves; a script carrying it is ours.
ours_marker="flipped for SafetyMonitor"
todo="Restore the target's own nanoBooter/nanoCLR scripts and common/Device_BlockStorage*.c (git checkout -- targets/ChibiOS/${board}) or make them agree, then run this again; the nf-interpreter trees this was checked with are listed in SafetyMonitor's docs/nanoframework-integration.md (Supported nf-interpreter versions)."
if ${own_target}; then
    todo="The target is SafetyMonitor's own: restore boards/${board}/nanoframework (its nanoCLR/*_CLR.ld.in and target/common/Device_BlockStorage.c must agree) from SafetyMonitor's repository, then run this again."
fi
layout=""   # the tree's layout as read so far, for the message

# The one message of a refusal; nothing has been written yet.
refuse() {
    local read_so_far=""
    [[ -z "${layout}" ]] || read_so_far=" The tree's layout: ${layout}."
    echo "${me}: refused ${target}: ${1}${read_so_far} Nothing was changed. ${todo}" >&2
    exit 3
}

hex() { printf '0x%08X' "$1"; }

# Text without C and linker-script comments (/* */ across lines; // with $2 = c).
without_comments() {
    awk -v c_file="${2:-}" '
        { line = $0; out = ""
          while (length(line) > 0) {
              if (in_comment) {
                  i = index(line, "*/"); if (i == 0) { line = ""; break }
                  line = substr(line, i + 2); in_comment = 0
              } else {
                  i = index(line, "/*"); j = (c_file == "c") ? index(line, "//") : 0
                  if (j > 0 && (i == 0 || j < i)) { out = out substr(line, 1, j - 1); line = ""; break }
                  if (i == 0) { out = out line; line = ""; break }
                  out = out substr(line, 1, i - 1) " "; line = substr(line, i + 2); in_comment = 1
              }
          }
          print out }' "$1"
}

# The value of a MEMORY origin or length as nf-interpreter writes them: decimal
# or 0x numbers, each with an optional K or M (ld: times 1024, 1024 * 1024),
# joined by + and -. Anything else (a function, a symbol) is not read: returns 1.
ld_value() {
    local rest="${1//[[:space:]]/}" total=0 sign=1 number value
    [[ -n "${rest}" ]] || return 1
    while :; do
        [[ "${rest}" =~ ^(0[xX][0-9a-fA-F]+|[0-9]+)([kKmM]?)(([-+])(.+))?$ ]] || return 1
        number="${BASH_REMATCH[1]}"
        if [[ "${number}" == 0[xX]* ]]; then value=$((number)); else value=$((10#${number})); fi
        case "${BASH_REMATCH[2]}" in [kK]) value=$((value * 1024)) ;; [mM]) value=$((value * 1048576)) ;; esac
        total=$((total + sign * value))
        [[ -n "${BASH_REMATCH[3]}" ]] || break
        if [[ "${BASH_REMATCH[4]}" == "-" ]]; then sign=-1; else sign=1; fi
        rest="${BASH_REMATCH[5]}"
    done
    ((total >= 0 && total <= 0xFFFFFFFF)) || return 1
    echo "${total}"
}

# Reads the flash regions (flash0..flash7, config, deployment) of a script's
# MEMORY block into region_names (in order), region_attr[], region_org[],
# region_len[], region_expr[] (the length as written); refuses what it cannot read.
read_flash_regions() {
    local script="$1" label="$2" in_memory=0 seen_memory=0 line name org len
    # name [(attributes)] : ORIGIN|org|o = <value>, LENGTH|len|l = <value>
    local memory_line='^([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*([(][^)]*[)])?[[:space:]]*:[[:space:]]*(ORIGIN|org|o)[[:space:]]*=[[:space:]]*([^,]+),[[:space:]]*(LENGTH|len|l)[[:space:]]*=[[:space:]]*(.+)$'
    region_names=()
    region_attr=() region_org=() region_len=() region_expr=()
    while IFS= read -r line; do
        line="${line#"${line%%[![:space:]]*}"}"
        line="${line%"${line##*[![:space:]]}"}"
        if ((!in_memory)); then
            if [[ "${line}" =~ ^MEMORY[[:space:]]*(\{?)$ ]]; then
                in_memory=1 seen_memory=1
                [[ -n "${BASH_REMATCH[1]}" ]] && in_memory=2
            fi
            continue
        fi
        if ((in_memory == 1)); then
            [[ -z "${line}" ]] && continue
            [[ "${line}" == "{" ]] || refuse "${label}: its MEMORY block does not open with {."
            in_memory=2
            continue
        fi
        [[ -z "${line}" ]] && continue
        [[ "${line}" == "}" ]] && { in_memory=3; break; }
        if [[ ! "${line}" =~ ${memory_line} ]]; then
            refuse "${label}: cannot read the MEMORY line '${line}'."
        fi
        name="${BASH_REMATCH[1]}"
        case "${name}" in flash[0-7] | config | deployment) ;; *) continue ;; esac
        org="$(ld_value "${BASH_REMATCH[4]}")" || refuse "${label}: cannot read ${name}'s origin '${BASH_REMATCH[4]}' (only numbers with K or M, + and -)."
        len="$(ld_value "${BASH_REMATCH[6]}")" || refuse "${label}: cannot read ${name}'s length '${BASH_REMATCH[6]}' (only numbers with K or M, + and -)."
        [[ -z "${region_org[${name}]+set}" ]] || refuse "${label}: ${name} is declared twice."
        ((org + len <= 0x100000000)) || refuse "${label}: ${name} runs past 0xFFFFFFFF."
        region_names+=("${name}")
        region_attr[${name}]="${BASH_REMATCH[2]}"
        region_org[${name}]="${org}"
        region_len[${name}]="${len}"
        region_expr[${name}]="${BASH_REMATCH[6]}"
    done < <(without_comments "${script}")
    ((seen_memory)) || refuse "${label}: it has no MEMORY block."
    ((in_memory == 3)) || refuse "${label}: its MEMORY block does not end."
    for name in flash0 config deployment; do
        [[ -n "${region_org[${name}]+set}" ]] || refuse "${label}: its MEMORY block has no ${name} region."
    done
    ((region_len[flash0] > 0)) || refuse "${label}: its flash0 is empty."
}

# Reads a block-storage map (nanoFramework's BlockRange arrays and BlockRegions)
# into map_ranges: one "type start end" per range, addresses in bytes.
read_block_storage() {
    local file="$1" label="$2" text rest body entries name region
    local -A ranges_of=()
    text="$(without_comments "${file}" c | tr '\n\t' '  ')"
    map_ranges=()
    rest="${text}"
    while [[ "${rest}" =~ BlockRange[[:space:]]+([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*\[[[:space:]]*\][[:space:]]*=[[:space:]]*\{([^;]*)\}[[:space:]]*\;(.*)$ ]]; do
        name="${BASH_REMATCH[1]}" body="${BASH_REMATCH[2]}" rest="${BASH_REMATCH[3]}"
        entries=""
        while [[ "${body}" =~ ^[[:space:]]*,?[[:space:]]*\{[[:space:]]*BlockRange_BLOCKTYPE_([A-Z_0-9]+)[[:space:]]*,[[:space:]]*([0-9]+)[[:space:]]*,[[:space:]]*([0-9]+)[[:space:]]*\}(.*)$ ]]; do
            entries+="${BASH_REMATCH[1]} ${BASH_REMATCH[2]} ${BASH_REMATCH[3]};"
            body="${BASH_REMATCH[4]}"
        done
        [[ -n "${entries}" && "${body}" =~ ^[[:space:],]*$ ]] || refuse "${label}: cannot read the block ranges of ${name}."
        ranges_of[${name}]="${entries}"
    done
    ((${#ranges_of[@]} > 0)) || refuse "${label}: it has no BlockRange arrays."
    [[ "${text}" =~ BlockRegionInfo[[:space:]]+[A-Za-z_][A-Za-z0-9_]*[[:space:]]*\[[[:space:]]*\][[:space:]]*=[[:space:]]*\{([^;]*)\}[[:space:]]*\; ]] \
        || refuse "${label}: it has no BlockRegionInfo array."
    body="${BASH_REMATCH[1]}"
    local count=0 start blocks size type first last
    while [[ "${body}" =~ ^[[:space:]]*,?[[:space:]]*\{[^,{}]*,[[:space:]]*(0[xX][0-9a-fA-F]+|[0-9]+)[[:space:]]*,[[:space:]]*(0[xX][0-9a-fA-F]+|[0-9]+)[[:space:]]*,[[:space:]]*(0[xX][0-9a-fA-F]+|[0-9]+)[[:space:]]*,[[:space:]]*ARRAYSIZE_CONST_EXPR[[:space:]]*\([[:space:]]*([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*\)[[:space:]]*,[[:space:]]*\(?[[:space:]]*([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*\)?[[:space:]]*,?[[:space:]]*\}(.*)$ ]]; do
        start=$((BASH_REMATCH[1])) blocks=$((BASH_REMATCH[2])) size=$((BASH_REMATCH[3]))
        region="${BASH_REMATCH[5]}" body="${BASH_REMATCH[6]}"
        [[ "${BASH_REMATCH[4]}" == "${region}" ]] || refuse "${label}: a region counts ${BASH_REMATCH[4]} but lists ${region}."
        [[ -n "${ranges_of[${region}]+set}" ]] || refuse "${label}: a region lists ${region}, which it does not define."
        while read -r type first last; do
            [[ -n "${type}" ]] || continue
            ((first <= last && last < blocks)) \
                || refuse "${label}: ${region}'s ${type} range ${first}..${last} is not within its region's ${blocks} blocks at $(hex "${start}")."
            map_ranges+=("${type} $((start + first * size)) $((start + (last + 1) * size))")
        done < <(tr ';' '\n' <<<"${ranges_of[${region}]}")
        count=$((count + 1))
    done
    ((count > 0)) && [[ "${body}" =~ ^[[:space:],]*$ ]] || refuse "${label}: cannot read its BlockRegions."
}

# merge_map: the ranges of each type, merged where they touch, into
# merged_of[<type>] ("start end" per line, sorted) and map_sorted (every range's
# "start end", sorted), in one pass.
merge_map() {
    local type s e
    merged_of=()
    map_sorted="$(printf '%s\n' "${map_ranges[@]}" | sort -n -k2,2)"
    while read -r type s e; do
        merged_of[${type}]+="${s} ${e}"$'\n'
    done < <(awk '{ if ($1 in end && end[$1] == $2) { end[$1] = $3; next }
                    if ($1 in end) print $1, start[$1], end[$1]
                    start[$1] = $2; end[$1] = $3 }
              END { for (t in end) print t, start[t], end[t] }' <<<"${map_sorted}")
    local t
    for t in "${!merged_of[@]}"; do merged_of[${t}]="$(sort -n -k1,1 <<<"${merged_of[${t}]%$'\n'}")"; done
}
merged() { printf '%s' "${merged_of[$1]:-}"; }
spans() {  # merged ranges of a type as text, for the message
    local s e text=""
    while read -r s e; do [[ -n "${s}" ]] && text+="$(printf ' 0x%08X-0x%08X' "${s}" "${e}")"; done <<<"${merged_of[$1]:-}"
    printf '%s' "${text}"
}

# Checks one build's layout (release or DEBUG) and sets, for writing:
# booter_regions/clr_regions (the MEMORY lines) and notes.
check_build() {
    local suffix="$1" build="$2" booter_file="$3" clr_file="$4" map_file="$5"
    local booter_label="${booter_name}${suffix}.ld" clr_label="${clr_name}${suffix}.ld" map_label="${map_file#"${target}"/}"
    layout=""
    local b_org=0 b_end=0 b_cfg_org=0 b_cfg_len=0
    if [[ -n "${booter_file}" ]]; then
        read_flash_regions "${booter_file}" "nanoBooter/${booter_label}"
        b_org=${region_org[flash0]} b_end=$((region_org[flash0] + region_len[flash0]))
        b_cfg_org=${region_org[config]} b_cfg_len=${region_len[config]}
        booter_regions="$(memory_lines)"
    fi
    read_flash_regions "${clr_file}" "nanoCLR/${clr_label}"
    local c_org=${region_org[flash0]} c_len=${region_len[flash0]} c_end=$((region_org[flash0] + region_len[flash0]))
    local d_org=${region_org[deployment]} d_end=$((region_org[deployment] + region_len[deployment]))
    local cfg_org=${region_org[config]} cfg_len=${region_len[config]}
    layout="${build}: "
    [[ -n "${booter_file}" ]] && layout+="nanoBooter flash0 $(hex "${b_org}")-$(hex "${b_end}") (nanoBooter/${booter_label}), "
    layout+="nanoCLR flash0 $(hex "${c_org}")-$(hex "${c_end}"), deployment $(hex "${d_org}")-$(hex "${d_end}")"
    ((cfg_len > 0)) && layout+=", config $(hex "${cfg_org}")-$(hex $((cfg_org + cfg_len)))"
    layout+=" (nanoCLR/${clr_label})"
    [[ -f "${map_file}" ]] || refuse "no block-storage map ${map_label}, which the ${build} build compiles."
    read_block_storage "${map_file}" "${map_label}"
    merge_map
    local type
    layout+="; block storage (${map_label}):"
    for type in BOOTSTRAP CONFIG CODE DEPLOYMENT; do
        if [[ -n "$(merged "${type}")" ]]; then layout+=" ${type}$(spans "${type}")"; fi
    done

    # No two ranges overlap.
    local all s e prev_e=-1
    while read -r t s e; do
        ((s >= prev_e)) || refuse "two block ranges of ${map_label} overlap at $(hex "${s}")."
        prev_e=${e}
    done <<<"${map_sorted}"

    # covering <type> <start> <end>: the merged range of <type> that holds
    # <start>, as "start end"; empty when none does.
    covering() {
        local s e
        while read -r s e; do
            if [[ -n "${s}" ]] && ((s <= $2 && $2 < e)); then echo "${s} ${e}"; return; fi
        done <<<"${merged_of[$1]:-}"
    }
    local range r_s r_e
    if [[ -n "${booter_file}" ]]; then
        range="$(covering BOOTSTRAP "${b_org}")"
        read -r r_s r_e <<<"${range:-0 0}"
        [[ -n "${range}" ]] && ((b_end <= r_e)) || refuse "the nanoBooter's flash0 is not within BOOTSTRAP blocks."
        local launch=${b_end} launched_by="the end of its flash0"
        if ((b_cfg_len > 0)); then launch=$((b_cfg_org + b_cfg_len)) launched_by="the end of its config region"; fi
        ((launch == c_org)) || refuse "the nanoBooter launches the nanoCLR at $(hex "${launch}") (${launched_by}), but the nanoCLR's flash0 starts at $(hex "${c_org}")."
        if ((b_cfg_len > 0)); then
            ((b_cfg_org == cfg_org && b_cfg_len == cfg_len)) || refuse "the nanoBooter's and the nanoCLR's config regions differ."
        fi
    else
        # No nanoBooter: the core boots from the first block (the vector
        # table at the flash origin), so the nanoCLR must start there.
        local first_block
        first_block="${map_sorted%%$'\n'*}"; read -r _ first_block _ <<<"${first_block}"
        ((c_org == first_block)) || refuse "there is no nanoBooter, so the nanoCLR's flash0 must start at the first block, $(hex "${first_block}"), where the core boots; it starts at $(hex "${c_org}")."
        [[ -z "$(merged BOOTSTRAP)" ]] || refuse "${map_label} has BOOTSTRAP blocks, but the target has no nanoBooter."
    fi
    local code_base
    code_base="${merged_of[CODE]:-}"; code_base="${code_base%% *}"
    [[ -n "${code_base}" ]] || refuse "${map_label} has no CODE blocks."
    ((c_org == code_base)) || refuse "the nanoCLR's flash0 starts at $(hex "${c_org}"), the CODE blocks at $(hex "${code_base}")."
    range="$(covering CODE "${c_org}")"
    read -r r_s r_e <<<"${range}"
    local deploy_base
    deploy_base="${merged_of[DEPLOYMENT]:-}"; deploy_base="${deploy_base%% *}"
    [[ -n "${deploy_base}" ]] || refuse "${map_label} has no DEPLOYMENT blocks."
    ((d_org == deploy_base)) || refuse "the nanoCLR's deployment region starts at $(hex "${d_org}"), the DEPLOYMENT blocks at $(hex "${deploy_base}")."
    local config_span
    config_span="$(merged CONFIG)"
    if ((cfg_len > 0)); then
        [[ "${config_span}" == "${cfg_org} $((cfg_org + cfg_len))" ]] || refuse "the config region is not the CONFIG block."
    else
        [[ -z "${config_span}" ]] || refuse "${map_label} has a CONFIG block, the nanoCLR script no config region."
    fi

    # The nanoCLR's flash0 ends where its CODE blocks end, at the latest. A
    # flash region of the same length as flash0 (the F7's ITCM-bus alias of
    # it, flash1) is cut the same way.
    if ((c_end > r_e)); then
        local name cut=$((r_e - c_org))
        notes+=("  ${build} nanoCLR: the tree's flash0 ($(hex "${c_org}")-$(hex "${c_end}")) runs on into the blocks after its CODE blocks; installed ending at $(hex "${r_e}"), so an image that does not fit fails to link instead of being erased by a deployment")
        for name in "${region_names[@]}"; do
            [[ "${name}" == flash[0-7] && ${region_len[${name}]} -eq ${c_len} ]] && region_len[${name}]=${cut}
        done
    fi
    # Nothing overlaps: the nanoCLR's flash0 as installed and its deployment region.
    local installed_end=$((c_org + region_len[flash0]))
    ((d_org >= installed_end || d_end <= c_org)) \
        || refuse "the nanoCLR's deployment region $(hex "${d_org}")-$(hex "${d_end}") overlaps its CODE blocks."
    clr_regions="$(memory_lines)"
}

# The MEMORY lines of the regions read last, in the tree's order.
memory_lines() {
    local name
    for name in "${region_names[@]}"; do
        printf '    %-10s %-4s : org = 0x%08X, len = 0x%08X  /* 0x%08X-0x%08X; the tree: %s */\n' "${name}" "${region_attr[${name}]:-}" \
            "${region_org[${name}]}" "${region_len[${name}]}" "${region_org[${name}]}" \
            "$((region_org[${name}] + region_len[${name}]))" "${region_expr[${name}]}"
    done
}

# The tree's own script for <target script>: the script itself, or its .orig
# when the script is already ours.
tree_script() {
    local script="$1"
    if [[ -f "${script}" ]] && ! grep -q "${ours_marker}" "${script}"; then
        echo "${script}"
    elif [[ -f "${script}.orig" ]] && ! grep -q "${ours_marker}" "${script}.orig"; then
        echo "${script}.orig"
    elif [[ -f "${script}" ]]; then
        refuse "${script#"${target}"/} is SafetyMonitor's and the tree's own script (${script#"${target}"/}.orig) is gone."
    else
        refuse "there is no ${script#"${target}"/}."
    fi
}

# Writes <template> to <to> with its @SAFETYMONITOR_FLASH_REGIONS@ line
# replaced by the flash regions read from <from>.
write_script() {
    local template="$1" to="$2" from="$3" regions="$4"
    if [[ "${from}" == "${to}" ]]; then
        cp -p "${to}" "${to}.orig"
        echo "  kept ${to#"${nf}"/} as ${to#"${nf}"/}.orig"
    fi
    SAFETYMONITOR_REGIONS="${regions}" awk -v source="${to#"${target}"/}.orig" '
        $0 == "@SAFETYMONITOR_FLASH_REGIONS@" {
            print "/* Flash: the tree'"'"'s own regions, as its " source " has them (written"
            print " * by install-into-nf-target.sh, checked against the block-storage map). */"
            print "MEMORY"; print "{"; print ENVIRON["SAFETYMONITOR_REGIONS"]; print "}"; next }
        { print }' "${template}" > "${to}"
    echo "  ${to#"${nf}"/}"
}

booter_template=""
${own_target} || booter_template="$(ls "${source_dir}"/nanoBooter/*_booter.ld.in)"
clr_template="$(ls "${source_dir}"/nanoCLR/*_CLR.ld.in)"
booter_name=""
[[ -z "${booter_template}" ]] || booter_name="$(basename "${booter_template}" .ld.in)"
# A template for a tree's target has one @SAFETYMONITOR_FLASH_REGIONS@ line
# (the tree's flash regions go there); an own target's has its own regions.
placeholders=1
${own_target} && placeholders=0
for template in ${booter_template} "${clr_template}"; do
    if [[ "$(grep -c -x '@SAFETYMONITOR_FLASH_REGIONS@' "${template}")" != "${placeholders}" ]]; then
        echo "$0: ${template} must have ${placeholders} @SAFETYMONITOR_FLASH_REGIONS@ line(s)" >&2
        exit 2
    fi
done
clr_name="$(basename "${clr_template}" .ld.in)"
notes=()
declare -A region_attr region_org region_len region_expr
declare -A merged_of
declare -a region_names map_ranges
map_sorted=""
# What to write, once every build has checked out: template, script, tree's script, regions.
plan_template=() plan_to=() plan_from=() plan_regions=()
for suffix in "" "-DEBUG"; do
    build="release"; [[ -n "${suffix}" ]] && build="Debug/RelWithDebInfo"
    clr_script="${target}/nanoCLR/${clr_name}${suffix}.ld"
    if ${own_target}; then
        # The target's own files, read where they come from: nothing is
        # written before every check passed.
        check_build "${suffix}" "${build}" "" "${clr_template}" "${source_dir}/target/common/Device_BlockStorage.c"
        plan_template+=("${clr_template}") plan_to+=("${clr_script}") plan_from+=("${clr_template}") plan_regions+=("")
        continue
    fi
    booter_script="${target}/nanoBooter/${booter_name}${suffix}.ld"
    booter_from="$(tree_script "${booter_script}")"
    clr_from="$(tree_script "${clr_script}")"
    map_file="${target}/common/Device_BlockStorage${suffix}.c"
    check_build "${suffix}" "${build}" "${booter_from}" "${clr_from}" "${map_file}"
    plan_template+=("${booter_template}" "${clr_template}")
    plan_to+=("${booter_script}" "${clr_script}")
    plan_from+=("${booter_from}" "${clr_from}")
    plan_regions+=("${booter_regions}" "${clr_regions}")
done

# Copies a file, keeping the first version it replaces as <file>.orig.
install_file() {
    local from="$1" to="$2"
    if [[ -f "${to}" && ! -f "${to}.orig" ]] && ! cmp -s "${from}" "${to}"; then
        cp -p "${to}" "${to}.orig"
        echo "  kept ${to#"${nf}"/} as ${to#"${nf}"/}.orig"
    fi
    cp "${from}" "${to}"
    echo "  ${to#"${nf}"/}"
}

if ${own_target}; then
    echo "installing SafetyMonitor's target ${board} into ${target}"
    mkdir -p "${target}/emulation"
    while IFS= read -r -d '' file; do
        relative="${file#"${source_dir}/target/"}"
        mkdir -p "$(dirname "${target}/${relative}")"
        install_file "${file}" "${target}/${relative}"
    done < <(find "${source_dir}/target" -type f -print0 | sort -z)
    for file in "${source_dir}/emulation"/* \
                "${root}/boards/${board}/emulation"/* "${root}/boards/${board}/board.h" \
                "${root}/native-interop/models/stm32"/* "${root}/native-interop/drivers/stm32/stm32_regs.h" \
                "${root}/boards/common/cortex-m/semihosting.c" "${root}/boards/common/cortex-m/semihosting.h" \
                "${root}/boards/common/cortex-m/cortex_m_regs.h"; do
        install_file "${file}" "${target}/emulation/$(basename "${file}")"
    done
    # The one edit to nf-interpreter's own files: its ChibiOS presets list
    # every target's CMakePresets.json; ours joins the list (once).
    presets="${nf}/targets/ChibiOS/CMakePresets.json"
    entry="\"${board}/CMakePresets.json\""
    if [[ -f "${presets}" ]] && ! grep -qF "${entry}" "${presets}"; then
        awk -v entry="${entry}" '{ print } !done && /"include"[[:space:]]*:[[:space:]]*\[/ { print "        " entry ","; done = 1 }' \
            "${presets}" > "${presets}.safetymonitor.tmp" && mv "${presets}.safetymonitor.tmp" "${presets}"
        echo "  targets/ChibiOS/CMakePresets.json: includes ${board}/CMakePresets.json"
    fi
    for i in "${!plan_to[@]}"; do
        cp "${plan_template[i]}" "${plan_to[i]}"
        echo "  ${plan_to[i]#"${nf}"/}"
    done
else
    echo "installing SafetyMonitor's flipped layout into ${target} (the tree's flash layout kept)"
    for i in "${!plan_to[@]}"; do
        write_script "${plan_template[i]}" "${plan_to[i]}" "${plan_from[i]}" "${plan_regions[i]}"
    done
fi
for note in "${notes[@]}"; do echo "${note}"; done
mkdir -p "${target}/safetymonitor"
for file in "${source_dir}/safetymonitor"/* \
            "${here}/safetymonitor_nf_target.cmake" \
            "${here}/safetymonitor_clr_thread.h" "${here}/safetymonitor_clr_thread.c" \
            "${root}/linker/main_stack_at_origin.ld" "${root}/linker/main_stack_guarded.ld" "${root}/linker/clr_thread_flipped.ld" \
            "${root}/linker/stack_corruption_area.ld" "${root}/linker/retained_ram.ld" \
            "${root}/native-interop/core/fault_record.h" "${root}/native-interop/core/stack_check.h" \
            "${root}/native-interop/core/stack_check_status.h" \
            "${root}/boards/common/cortex-m/fault.c" "${root}/boards/common/cortex-m/fault.h" \
            "${root}/boards/common/cortex-m/cortex_m_regs.h"; do
    install_file "${file}" "${target}/safetymonitor/$(basename "${file}")"
done

if ${own_target}; then
    cat <<NEXT
next: native-interop/stubs/install-into-nf-interpreter.sh ${nf} (the interop module), then
  cmake --preset ${board} and cmake --build build (docs/nanoframework-on-qemu.md)
NEXT
    exit 0
fi
cat <<NEXT
next, by hand (docs/nanoframework-integration.md, "Flipped nanoCLR layout"):
  1. ${target#"${nf}"/}/CMakeLists.txt: include(\${CMAKE_CURRENT_SOURCE_DIR}/safetymonitor/safetymonitor.cmake)
     before nf_setup_target_build(); in that call add \${SAFETYMONITOR_CLR_SOURCE_FILES} to
     CLR_EXTRA_SOURCE_FILES and end BOOTER_/CLR_EXTRA_LINKMAP_PROPERTIES with
     \${SAFETYMONITOR_BOOTER_LINKMAP_PROPERTIES} / \${SAFETYMONITOR_CLR_LINKMAP_PROPERTIES}
     in place of their --defsym sizes.
  2. ${target#"${nf}"/}/nanoCLR/main.c: #include "../safetymonitor/safetymonitor_clr_thread.h" and
     replace osThreadCreate(osThread(CLRStartupThread), &clrSettings) with
     safetymonitor_start_clr_thread(CLRStartupThread, &clrSettings); drop its osThreadDef.
  3. the target's CMake preset: "NF_INTEROP_ASSEMBLIES": "SafetyMonitor.Native"
     (and native-interop/stubs/install-into-nf-interpreter.sh for the stubs).
NEXT
