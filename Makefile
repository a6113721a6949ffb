# ATS-INTC SoC: one entry point for building, testing and measuring.
#
#   make deps       install the toolchain (Debian packages, idempotent)
#   make run        the main demo
#   make test       the test suite (CTest, < 25 min on 2 cores)
#   make test-long  longer regressions (many more random seeds)
#   make lint       verilator --lint-only -Wall on every RTL top
#   make regs       regenerate the register package, header and docs page
#   make formal     bounded model checks (Yosys + ABC bmc3; ENGINE=smtbmc for yosys-smtbmc)
#   make synth      iCE40 synthesis figures (LCs, RAM blocks, Fmax)
#   make bitstream  BOARD=icebreaker|hx8k: the SoC's bitstream (docs/fpga.md)
#   make bench      measure and write docs/evaluation.md + docs/evaluation.json
#   make waves      waveform regressions: each tests/waves scenario vs its golden
#   make waves-update  rewrite the goldens (and docs/waves/*.svg) after an intentional change

SHELL      := /bin/bash
BUILD      ?= build
JOBS       ?= $(shell nproc)
PYTHON     ?= python3
CMAKE_ARGS ?=

DEB_PACKAGES := verilator libsystemc-dev libboost-dev libboost-program-options-dev \
  yosys nextpnr-ice40 fpga-icestorm gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf \
  iverilog qemu-system-misc gtkwave cmake make g++ googletest libgtest-dev gnuplot-nox z3 cvc5 clang \
  python3 zlib1g-dev

BOARD      ?= icebreaker

.PHONY: all deps build run test test-long lint regs formal synth bitstream bench clean
.PHONY: waves waves-update

all: build

deps:
	@missing=$$(for p in $(DEB_PACKAGES); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "deps: installing$$(echo $$missing | sed 's/^/ /')"; \
	  SUDO=$$( [ $$(id -u) -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	else echo "deps: all $(words $(DEB_PACKAGES)) packages present"; fi

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_ARGS)

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -LE long

test-long: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -L long

# The main demo (scripts/run_demo.sh): the echo server with a background task
# under Poisson traffic, once per executor (hw, sw, sw-preempt, poll), ending
# with the latency table; ARGS adds simulator options.
run: build
	@bash scripts/run_demo.sh $(BUILD) $(ARGS)

lint:
	@bash scripts/lint_rtl.sh

regs:
	$(PYTHON) rtl/ats_intc/gen_regs.py

formal:
	@bash tests/formal/run_formal.sh $(BUILD)/formal

synth:
	@bash scripts/synth_ice40.sh $(BUILD)/synth

# yosys -> nextpnr-ice40 -> icepack for BOARD, with the UART loader in the boot
# ROM; fails when the design does not fit or misses the board's clock.
bitstream: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS) --target bootrom
	@BUILD=$(BUILD) bash scripts/bitstream.sh $(BOARD)

bench: build
	@bash scripts/bench.sh $(BUILD)

# Waveform regressions (docs/waves.md): build only what they need, then the
# `waves` label; waves-update regenerates every golden and its SVG and lists
# which changed (review with git diff before committing).
WAVES_RUN = $(PYTHON) tests/waves/run_waves.py --soc-sim $(BUILD)/sim/soc_sim/soc_sim \
  --wavediff $(BUILD)/host_sw/wavediff/wavediff --firmware-dir $(BUILD)/firmware \
  --work $(BUILD)/tests/waves/work

waves: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS) --target waves_tools
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -L waves

waves-update: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS) --target waves_tools
	$(WAVES_RUN) update --all

clean:
	rm -rf $(BUILD)
