# SafetyMonitor: the two commands. CMake presets (CMakePresets.json) underneath.
#
#   make demo   build the emulated board's firmware and run the stack-monitor
#               demo on qemu-system-arm (exit 0 only if all scenarios are caught)
#   make test   every test suite: host unit tests, QEMU target tests, cross
#               builds and link checks for each board; ends with "N passed, N failed"
#
# Both first check the Debian packages they need (scripts/ensure-deps.sh);
# `make test` also needs the .NET 10 SDK for the managed tests.
SHELL := /bin/bash
.DEFAULT_GOAL := help
.PHONY: help demo test clean

help:
	@sed -n '3,7p' Makefile | sed 's/^# \{0,1\}//'

demo:
	@scripts/ensure-deps.sh demo
	@echo "demo: configuring and building the QEMU_NETDUINOPLUS2 firmware"
	@mkdir -p build
	@cmake --preset qemu-netduinoplus2 > build/demo-configure.log 2>&1 || { cat build/demo-configure.log; exit 1; }
	@cmake --build --preset qemu-netduinoplus2 --target run-demo

test:
	@scripts/ensure-deps.sh test
	@scripts/run-suites.sh

clean:
	rm -rf build
