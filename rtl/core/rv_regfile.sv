// rv_regfile: 32 x 32-bit register file with two synchronous read ports and
// one write port, shaped so Yosys maps it onto iCE40 block RAM (two copies,
// one per read port). A read presented in cycle t returns data in cycle t+1;
// a write in the same cycle as a read of the same register is NOT visible to
// that read (the core bypasses it). x0 is never written.
module rv_regfile (
  input  logic        clk_i,
  input  logic [4:0]  raddr_a_i,
  input  logic [4:0]  raddr_b_i,
  output logic [31:0] rdata_a_o,
  output logic [31:0] rdata_b_o,
  input  logic        we_i,
  input  logic [4:0]  waddr_i,
  input  logic [31:0] wdata_i
);

  (* no_rw_check *) logic [31:0] mem [32];

  // Zero contents at configuration (block RAM init), so programs that read a
  // register before writing it see 0 in simulation and on the FPGA alike.
  initial begin
    for (int i = 0; i < 32; i++) mem[i] = 32'd0;
  end

  always_ff @(posedge clk_i) begin
    if (we_i) mem[waddr_i] <= wdata_i;
    rdata_a_o <= mem[raddr_a_i];
    rdata_b_o <= mem[raddr_b_i];
  end

endmodule
