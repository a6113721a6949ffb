// soc_bootrom: 4 KiB read-only memory, contents from a $readmemh file.
//
// Bus (OBI-like slave): gnt_o is always 1. A request accepted at edge k is
// answered in cycle k (rvalid_o, rdata_o, err_o for one cycle; all 0 outside
// a response). Loads return the addressed word (sub-word loads get the whole
// word; the master picks its bytes). Stores are answered with err_o = 1 and
// change nothing. Throughput: one access per cycle.
// Memory: a synchronous-read array with initial contents, which synth_ice40
// maps to EBR (8 x SB_RAM40_4K) with the file as their init. INIT_FILE holds
// 32-bit words, one per line ($readmemh); an empty INIT_FILE gives a ROM of 0s.
module soc_bootrom #(
  parameter INIT_FILE = ""
) (
  input  logic        clk_i,
  input  logic        rst_ni,  // synchronous, active low
  input  logic        req_i,
  input  logic        we_i,
  input  logic [3:0]  be_i,
  input  logic [31:0] addr_i,
  input  logic [31:0] wdata_i,
  output logic        gnt_o,
  output logic        rvalid_o,
  output logic [31:0] rdata_o,
  output logic        err_o
);

  localparam int unsigned WORDS = 1024;
  localparam int unsigned AW    = $clog2(WORDS);

  // Public so the simulator can load a boot image (soc_sim --rom) without a
  // rebuild, the same way it loads programs into soc_ram's mem.
  logic [31:0] rom [WORDS] /* verilator public_flat_rw */;

  if (INIT_FILE != "") begin : g_init_file
    initial $readmemh(INIT_FILE, rom);
  end else begin : g_init_zero
    initial begin
      for (int i = 0; i < WORDS; i++) rom[i] = 32'h0;
    end
  end

  logic        acc;
  logic        rvalid_q, err_q;
  logic [31:0] rom_q;

  assign gnt_o = 1'b1;
  assign acc   = req_i;

  always_ff @(posedge clk_i) begin
    if (acc && !we_i) rom_q <= rom[addr_i[AW+1:2]];
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      rvalid_q <= 1'b0;
      err_q    <= 1'b0;
    end else begin
      rvalid_q <= acc;
      err_q    <= acc && we_i;
    end
  end

  assign rvalid_o = rvalid_q;
  assign err_o    = err_q;
  assign rdata_o  = (rvalid_q && !err_q) ? rom_q : 32'h0;

  logic unused_in;
  assign unused_in = ^{be_i, wdata_i, addr_i[31:AW+2], addr_i[1:0]};

endmodule
