// Synthesis-only harness: ATS-INTC behind a scan chain, so an IP with ~100
// ports can be placed and timed on an FPGA package with few pins (UP5K sg48).
//
// Every IP input comes from a shift register loaded through sin_i and applied
// in parallel on apply_i; every IP output is captured into a shift register on
// apply_i and shifted out on sout_o. The chain costs about one logic cell per
// bit (IN_W + OUT_W); scripts/synth_ice40.sh reports it next to the total.
module ats_intc_scan_top #(
  parameter int NUM_PROCS    = 4,
  parameter int NUM_PRIOS    = 8,
  parameter int NUM_ENTRIES  = 256,
  parameter int NUM_IRQS     = 8,
  parameter int NUM_CHANNELS = 8,
  parameter int NUM_HARTS    = 1,
  parameter bit COUNTERS     = 1'b1
) (
  input  logic clk_i,
  input  logic rst_ni,
  input  logic sin_i,
  input  logic apply_i,
  output logic sout_o
);
  localparam int IN_W  = 1 + 1 + 4 + 16 + 32 + 2 + NUM_IRQS;
  localparam int OUT_W = 1 + 1 + 32 + 1 + NUM_HARTS + NUM_HARTS + 1;

  logic [IN_W-1:0]  in_q;
  logic [OUT_W-1:0] out_q;
  logic [OUT_W-1:0] ip_out;

  logic                 gnt, rvalid, err, err_irq;
  logic [31:0]          rdata;
  logic [NUM_HARTS-1:0] work, preempt;

  always_ff @(posedge clk_i) begin
    in_q <= {in_q[IN_W-2:0], sin_i};
  end

  always_ff @(posedge clk_i) begin
    if (apply_i) out_q <= ip_out;
    else         out_q <= {out_q[OUT_W-2:0], 1'b0};
  end

  assign ip_out = {gnt, rvalid, rdata, err, work, preempt, err_irq};
  assign sout_o = out_q[OUT_W-1];

  ats_intc #(
    .NUM_PROCS(NUM_PROCS), .NUM_PRIOS(NUM_PRIOS), .NUM_ENTRIES(NUM_ENTRIES),
    .NUM_IRQS(NUM_IRQS), .NUM_CHANNELS(NUM_CHANNELS), .NUM_HARTS(NUM_HARTS),
    .COUNTERS(COUNTERS)
  ) u_intc (
    .clk_i,
    .rst_ni,
    .req_i     (in_q[IN_W-1] & apply_i),
    .we_i      (in_q[IN_W-2]),
    .be_i      (in_q[IN_W-3 -: 4]),
    .addr_i    (in_q[IN_W-7 -: 16]),
    .wdata_i   (in_q[IN_W-23 -: 32]),
    .hart_i    (in_q[IN_W-55 -: 2]),
    .irq_i     (in_q[NUM_IRQS-1:0]),
    .gnt_o     (gnt),
    .rvalid_o  (rvalid),
    .rdata_o   (rdata),
    .err_o     (err),
    .work_o    (work),
    .preempt_o (preempt),
    .err_irq_o (err_irq)
  );
endmodule
