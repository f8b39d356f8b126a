#!/usr/bin/env bash
# Makes sure this Debian 12 machine has what `make demo` and `make test` need.
#   scripts/ensure-deps.sh
# As root it installs the missing Debian packages; otherwise it prints the
# exact apt-get line and stops with exit status 1. Both commands also need the
# .NET SDK (managed tests, layout tool), which is not a Debian package: it is
# only checked.
set -euo pipefail

packages=(
    cmake                    # build system, CTest
    ninja-build              # generator of the CMake presets
    g++                      # host unit tests
    libgtest-dev             # GoogleTest
    gcc-arm-none-eabi        # Cortex-M4F/M7 cross compiler and binutils
    libnewlib-arm-none-eabi  # C library of the firmware images
    qemu-system-arm          # the emulated board (machine netduinoplus2)
    python3-kconfiglib       # reads Kconfig.safetymonitor as nf-interpreter's Kconfig step does
)

missing=()
for package in "${packages[@]}"; do
    if [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" != "install ok installed" ]]; then
        missing+=("$package")
    fi
done
if ! command -v dotnet >/dev/null 2>&1; then
    echo "SafetyMonitor needs the .NET 10 SDK (dotnet on PATH) for its managed tests and layout tool; it is not a Debian 12 package:" >&2
    echo "    see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
    exit 1
fi
((${#missing[@]} == 0)) && exit 0

install_line="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if ((EUID != 0)); then
    echo "SafetyMonitor needs Debian packages that are not installed: ${missing[*]}" >&2
    echo "Install them as root, then run make again:" >&2
    echo "    sudo sh -c '$install_line'" >&2
    exit 1
fi
echo "deps: installing ${missing[*]} (Debian packages; about a minute)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "deps: done"
