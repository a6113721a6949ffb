rtl/ats_intc/ats_intc_reg_pkg.sv
rtl/ats_intc/ats_intc_pkg.sv
rtl/ats_intc/ats_intc_ffs.sv
rtl/ats_intc/ats_intc_ram.sv
rtl/ats_intc/ats_intc_decode.sv
rtl/ats_intc/ats_intc.sv
rtl/ats_intc/ats_intc_axil.sv
