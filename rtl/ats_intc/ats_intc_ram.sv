// ats_intc_ram: one-write / one-synchronous-read RAM of the ATS-INTC entry pool
// (WORD and NEXT arrays).
//
// Timing: the read address presented in cycle k is sampled at edge k+1 and the
// data is valid in cycle k+1. A write presented in cycle k lands at edge k+1.
// The array is written in the iCE40 EBR inference pattern (one always_ff,
// `(* no_rw_check *)`), so it maps to SB_RAM40_4K without Yosys's own
// read-during-write logic, and the design never depends on what the array
// returns when one edge writes and reads the same address. With BYPASS the
// module makes that case write-first itself: the write (enable, address, data)
// and the read address are registered next to the array, compared after the
// edge, and the write data muxed after the array. Without BYPASS the
// caller handles the collision (ats_intc keeps the data of a WORD write in its
// request register and bypasses from there).
// The contents are not reset: the controller only reads entries it wrote.
module ats_intc_ram #(
  parameter int DEPTH  = 256,
  parameter int WIDTH  = 32,
  parameter bit BYPASS = 1'b1,
  localparam int AW = (DEPTH > 1) ? $clog2(DEPTH) : 1
) (
  input  logic             clk_i,
  input  logic             we_i,
  input  logic [AW-1:0]    waddr_i,
  input  logic [WIDTH-1:0] wdata_i,
  input  logic [AW-1:0]    raddr_i,
  output logic [WIDTH-1:0] rdata_o
);

  (* no_rw_check *)
  logic [WIDTH-1:0] mem [DEPTH];
  logic [WIDTH-1:0] ram_rdata_q;

  always_ff @(posedge clk_i) begin : p_mem
    if (we_i) begin
      mem[waddr_i] <= wdata_i;
    end
    ram_rdata_q <= mem[raddr_i];
  end

  if (BYPASS) begin : g_bypass
    // The write and the read address are registered and compared after the
    // edge, keeping the comparator off the read-address path.
    logic             we_q;
    logic [AW-1:0]    waddr_q, raddr_q;
    logic [WIDTH-1:0] wdata_q;

    always_ff @(posedge clk_i) begin : p_bypass
      we_q    <= we_i;
      waddr_q <= waddr_i;
      raddr_q <= raddr_i;
      wdata_q <= wdata_i;
    end

    assign rdata_o = (we_q && (waddr_q == raddr_q)) ? wdata_q : ram_rdata_q;
  end else begin : g_no_bypass
    assign rdata_o = ram_rdata_q;
  end

endmodule
