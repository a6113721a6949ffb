// rv_core_ooc: out-of-context synthesis harness for rv_core (not part of the
// design; used by synth_core.sh only). The core has ~190 port bits, more than
// the UP5K has pins, so its inputs come from a shift chain loaded through one
// pin and its outputs are folded into a second chain read through one pin.
// Every core port then starts or ends at a flip-flop, as inside an SoC.
// The harness itself costs IN_BITS + OUT_BITS logic cells (one flip-flop each,
// the output chain's XOR packs into the same cell), subtracted in the report.
module rv_core_ooc #(
  parameter int unsigned PMP_ENTRIES = 8,
  parameter int unsigned PMP_GRAN    = 12,
  parameter int unsigned BHT_ENTRIES = 0,   // the FPGA configuration: static prediction
  parameter int unsigned JTB_ENTRIES = 0
) (
  input  logic clk_i,
  input  logic rst_ni,
  input  logic scan_i,
  output logic scan_o
);

  localparam int unsigned IN_BITS  = 75;
  localparam int unsigned OUT_BITS = 110;

  logic [IN_BITS-1:0]  in_q;
  logic [OUT_BITS-1:0] out_q;
  logic [OUT_BITS-1:0] outs;

  always_ff @(posedge clk_i) begin
    in_q <= {in_q[IN_BITS-2:0], scan_i};
    out_q <= {out_q[OUT_BITS-2:0], 1'b0} ^ outs;
  end
  assign scan_o = out_q[OUT_BITS-1];

  logic        instr_req, data_req, data_we, sleep;
  logic [31:0] instr_addr, data_addr, data_wdata;
  logic [3:0]  data_be;
  logic [5:0]  data_atop;
  logic        rvfi_valid, rvfi_trap;
  logic [31:0] rvfi_pc, rvfi_insn, rvfi_cause, rvfi_rd_wdata, rvfi_mem_addr;
  logic [31:0] rvfi_mem_rdata, rvfi_mem_wdata, rvfi_mip;
  logic [4:0]  rvfi_rd_addr;
  logic [3:0]  rvfi_rmask, rvfi_wmask;
  logic [1:0]  rvfi_mode;

  rv_core #(
    .PMP_ENTRIES(PMP_ENTRIES),
    .PMP_GRAN   (PMP_GRAN),
    .BHT_ENTRIES(BHT_ENTRIES),
    .JTB_ENTRIES(JTB_ENTRIES),
    .RVFI       (1'b0)
  ) u_core (
    .clk_i,
    .rst_ni,
    .instr_req_o     (instr_req),
    .instr_gnt_i     (in_q[0]),
    .instr_addr_o    (instr_addr),
    .instr_rvalid_i  (in_q[1]),
    .instr_rdata_i   (in_q[33:2]),
    .instr_err_i     (in_q[34]),
    .data_req_o      (data_req),
    .data_gnt_i      (in_q[35]),
    .data_addr_o     (data_addr),
    .data_we_o       (data_we),
    .data_be_o       (data_be),
    .data_wdata_o    (data_wdata),
    .data_atop_o     (data_atop),
    .data_rvalid_i   (in_q[36]),
    .data_rdata_i    (in_q[68:37]),
    .data_err_i      (in_q[69]),
    .irq_software_i  (in_q[70]),
    .irq_timer_i     (in_q[71]),
    .irq_external_i  (in_q[72]),
    .irq_local_i     (in_q[74:73]),
    .core_sleep_o    (sleep),
    .rvfi_valid_o    (rvfi_valid),
    .rvfi_pc_o       (rvfi_pc),
    .rvfi_insn_o     (rvfi_insn),
    .rvfi_trap_o     (rvfi_trap),
    .rvfi_cause_o    (rvfi_cause),
    .rvfi_rd_addr_o  (rvfi_rd_addr),
    .rvfi_rd_wdata_o (rvfi_rd_wdata),
    .rvfi_mem_addr_o (rvfi_mem_addr),
    .rvfi_mem_rmask_o(rvfi_rmask),
    .rvfi_mem_wmask_o(rvfi_wmask),
    .rvfi_mem_rdata_o(rvfi_mem_rdata),
    .rvfi_mem_wdata_o(rvfi_mem_wdata),
    .rvfi_mip_o      (rvfi_mip),
    .rvfi_mode_o     (rvfi_mode)
  );

  assign outs = {instr_req, instr_addr, data_req, data_addr, data_we, data_be, data_wdata,
                 data_atop, sleep};

  // The trace port is tied off (RVFI = 0).
  logic unused_trace;
  assign unused_trace = ^{rvfi_valid, rvfi_trap, rvfi_pc, rvfi_insn, rvfi_cause, rvfi_rd_wdata,
                          rvfi_mem_addr, rvfi_mem_rdata, rvfi_mem_wdata, rvfi_mip, rvfi_rd_addr,
                          rvfi_rmask, rvfi_wmask, rvfi_mode};

endmodule
