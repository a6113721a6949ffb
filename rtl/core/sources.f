# RV32IMA core, dependency order (package first). Paths relative to the repo root.
rtl/core/rv_core_pkg.sv
rtl/core/rv_decoder.sv
rtl/core/rv_alu.sv
rtl/core/rv_regfile.sv
rtl/core/rv_pmp_care.sv
rtl/core/rv_pmp.sv
rtl/core/rv_div.sv
rtl/core/rv_csr.sv
rtl/core/rv_bpred.sv
rtl/core/rv_fetch.sv
rtl/core/rv_core.sv
