# SoC peripheral and interconnect RTL, in dependency order (paths from the repo root).
rtl/soc/soc_pkg.sv
rtl/soc/soc_xbar.sv
rtl/soc/soc_ram.sv
rtl/soc/soc_bootrom.sv
rtl/soc/soc_uart.sv
rtl/soc/soc_clint.sv
rtl/soc/soc_plic.sv
rtl/soc/soc_simctrl.sv
rtl/soc/soc_pktdev.sv
