# The FPGA board tops, after rtl/soc/soc_top.f (dependency order). For
# verilator --lint-only add rtl/fpga/lint/ice40_pll_stubs.sv (yosys knows the
# PLL primitives itself).
rtl/fpga/ice40_clock.sv
rtl/fpga/soc_fpga.sv
rtl/fpga/icebreaker_top.sv
rtl/fpga/hx8k_top.sv
