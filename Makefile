# SafetyMonitor: the two commands. CMake presets (CMakePresets.json) underneath.
#
#   make demo   build the emulated board's firmware and run the stack-monitor
#               demo on qemu-system-arm (exit 0 only if all scenarios are caught),
#               then check its layout and draw its memory map (build/demo-memory-map.svg)
#   make test   every test suite: host unit tests, QEMU target tests, cross
#               builds and link checks for each board; ends with "N passed, N failed"
#   make maps   link the reference boards' flipped nanoCLR layouts and redraw the
#               pictures the README and docs/ show (boards/<BOARD>/nanoframework/memory-map.svg)
#   make bench  instruction counts on the emulated board against hand-written
#               references and beside the anchors, the footprint, the targets;
#               writes the table into BENCHMARKS.md and fails on a missed target
#   make campaign  the fault-injection campaign in full: on the host (tests/campaign:
#               every class, the GF(2) burst proof), then 100,000 clean cycles on
#               the emulated board with a timer interrupt checking concurrently
#   make bench-layout  times `safetymon layout` on images of 1,000-16,000 chained
#               RAM sections (the table in docs/safetymon-layout.md)
#   make bench-controller  the managed controller's cycle on .NET with the heap
#               check off and on (the table in BENCHMARKS.md)
#
# demo, test, maps and bench first check the Debian packages they need
# (scripts/ensure-deps.sh) and the .NET 10 SDK (the managed tests, the layout tool).
SHELL := /bin/bash
.DEFAULT_GOAL := help
.PHONY: help demo test maps bench bench-layout bench-controller campaign clean

help:
	@sed -n '3,/^#$$/p' Makefile | sed '$$d; s/^# \{0,1\}//'

demo:
	@scripts/ensure-deps.sh
	@echo "demo: configuring and building the QEMU_NETDUINOPLUS2 firmware"
	@mkdir -p build
	@cmake --preset qemu-netduinoplus2 > build/demo-configure.log 2>&1 || { cat build/demo-configure.log; exit 1; }
	@cmake --build --preset qemu-netduinoplus2 --target run-demo
	@echo "demo: checking the demo firmware's layout and drawing its memory map"
	@dotnet run --project managed/tools/SafetyMonitor.Layout -c Release -- layout \
		build/qemu-netduinoplus2/boards/QEMU_NETDUINOPLUS2/demo.elf --svg build/demo-memory-map.svg

test:
	@scripts/ensure-deps.sh
	@scripts/run-suites.sh

maps:
	@scripts/ensure-deps.sh
	@mkdir -p build
	@for board in ST_STM32F429I_DISCOVERY ST_STM32F769I_DISCOVERY; do \
		preset=$$(tr 'A-Z_' 'a-z-' <<<"$${board}"); \
		echo "maps: linking $${board}'s nanoCLR layout (preset $${preset})"; \
		cmake --preset "$${preset}" > "build/maps-$${preset}.log" 2>&1 \
			&& cmake --build --preset "$${preset}" --target nanoCLR >> "build/maps-$${preset}.log" 2>&1 \
			|| { tail -n 30 "build/maps-$${preset}.log"; exit 1; }; \
		dotnet run --project managed/tools/SafetyMonitor.Layout -c Release -- layout \
			"build/$${preset}/tests/cross/nanoframework/nanoCLR.elf" \
			--svg "boards/$${board}/nanoframework/memory-map.svg" || exit 1; \
	done

bench:
	@scripts/ensure-deps.sh
	@mkdir -p build
	@echo "bench: building the benchmark firmware (qemu-netduinoplus2 preset)"
	@cmake --preset qemu-netduinoplus2 > build/bench-configure.log 2>&1 \
		&& cmake --build --preset qemu-netduinoplus2 --target bench_firmware >> build/bench-configure.log 2>&1 \
		|| { tail -n 30 build/bench-configure.log; exit 1; }
	@tests/bench/run-bench.sh build/qemu-netduinoplus2 > build/bench-table.md
	@cat build/bench-table.md
	@awk -v table=build/bench-table.md '/<!-- bench:begin -->/ { print; while ((getline line < table) > 0) print line; skip = 1; next } \
		/<!-- bench:end -->/ { skip = 0 } !skip' BENCHMARKS.md > build/BENCHMARKS.md && mv build/BENCHMARKS.md BENCHMARKS.md
	@echo "bench: the table is in BENCHMARKS.md; checking it"
	@tests/bench/check-bench.sh targets build/bench-table.md && tests/bench/check-bench.sh calibration build/bench-table.md

bench-layout:
	@dotnet run --project managed/tools/SafetyMonitor.Layout.Bench -c Release

bench-controller:
	@mkdir -p build
	@cmake --preset host > build/bench-controller.log 2>&1 \
		&& cmake --build --preset host --target safetymon_native >> build/bench-controller.log 2>&1 \
		|| { tail -n 30 build/bench-controller.log; exit 1; }
	@dotnet run --project managed/tools/SafetyMonitor.Controller.Bench -c Release

# The host half needs only the host preset's campaign binary (optimised, no
# sanitizers); the QEMU half is the 100,000-cycle concurrency firmware.
campaign:
	@mkdir -p build
	@echo "campaign: configuring the host preset and building host_campaign_full"
	@cmake --preset host > build/campaign-host.log 2>&1 \
		&& cmake --build --preset host --target host_campaign_full >> build/campaign-host.log 2>&1 \
		|| { tail -n 30 build/campaign-host.log; exit 1; }
	@build/host/tests/campaign/host_campaign_full --full
	@echo "campaign: building the QEMU_NETDUINOPLUS2 concurrency firmware"
	@cmake --preset qemu-netduinoplus2 > build/campaign-qemu.log 2>&1 \
		&& cmake --build --preset qemu-netduinoplus2 --target campaign_concurrency_full >> build/campaign-qemu.log 2>&1 \
		|| { tail -n 30 build/campaign-qemu.log; exit 1; }
	@cmake --build --preset qemu-netduinoplus2 --target run-campaign-concurrency

clean:
	rm -rf build
