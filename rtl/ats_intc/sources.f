rtl/ats_intc/ats_intc_reg_pkg.sv
