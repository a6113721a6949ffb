// soc_clint: core-local interruptor, SiFive layout (as QEMU virt and Spike).
//
//   0x0000 + 4*h  msip[h]      bit 0 = machine software interrupt of hart h
//   0x4000 + 8*h  mtimecmp[h]  64-bit, low word first; reset: all ones
//   0xBFF8        mtime        64-bit, low word at 0xBFF8, high at 0xBFFC
// Other offsets read 0 and ignore writes. Stores honour be_i.
//
// mtime counts up by one every PRESCALE clock cycles (PRESCALE = 1: every
// cycle). A store to one half of mtime replaces that half; the other half
// keeps counting.
// Lines: msip_o[h] = msip[h]; mtip_o[h] = (mtime >= mtimecmp[h]). Both are
// registers: they show the state of the previous cycle (a store accepted at
// edge k is reflected from cycle k+1 on).
//
// Bus (OBI-like slave): gnt_o is always 1; a request accepted at edge k is
// answered in cycle k (rvalid_o, rdata_o for one cycle; err_o is always 0).
module soc_clint #(
  parameter int unsigned NUM_HARTS = 1,  // 1..4
  parameter int unsigned PRESCALE  = 1   // >= 1
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,  // synchronous, active low
  input  logic                 req_i,
  input  logic                 we_i,
  input  logic [3:0]           be_i,
  input  logic [31:0]          addr_i,
  input  logic [31:0]          wdata_i,
  output logic                 gnt_o,
  output logic                 rvalid_o,
  output logic [31:0]          rdata_o,
  output logic                 err_o,
  output logic [NUM_HARTS-1:0] msip_o,
  output logic [NUM_HARTS-1:0] mtip_o
);

  localparam int unsigned PW = (PRESCALE > 1) ? $clog2(PRESCALE) : 1;

  logic [15:0] off;
  logic        acc, wr;
  logic [31:0] bmask;

  assign gnt_o = 1'b1;
  assign acc   = req_i;
  assign wr    = acc && we_i;
  assign off   = addr_i[15:0];
  assign bmask = {{8{be_i[3]}}, {8{be_i[2]}}, {8{be_i[1]}}, {8{be_i[0]}}};

  function automatic logic [31:0] merge(input logic [31:0] old, input logic [31:0] new_v,
                                        input logic [31:0] mask);
    merge = (old & ~mask) | (new_v & mask);
  endfunction

  logic [NUM_HARTS-1:0]    msip_q, msip_d;
  logic [NUM_HARTS*64-1:0] cmp_q, cmp_d;
  logic [63:0]             mtime_q, mtime_d;
  logic [PW-1:0]           pre_q, pre_d;
  logic [31:0]             rdata_d;

  always_comb begin
    logic tick;
    tick    = (PRESCALE <= 1) || (pre_q == PW'(PRESCALE - 1));
    pre_d   = tick ? '0 : pre_q + PW'(1);
    mtime_d = mtime_q + 64'(tick);
    msip_d  = msip_q;
    cmp_d   = cmp_q;
    rdata_d = '0;
    for (int h = 0; h < NUM_HARTS; h++) begin
      if (off == soc_pkg::CLINT_MSIP + 16'(4 * h)) begin
        rdata_d = {31'b0, msip_q[h]};
        if (wr && be_i[0]) msip_d[h] = wdata_i[0];
      end
      if (off == soc_pkg::CLINT_MTIMECMP + 16'(8 * h)) begin
        rdata_d = cmp_q[h*64 +: 32];
        if (wr) cmp_d[h*64 +: 32] = merge(cmp_q[h*64 +: 32], wdata_i, bmask);
      end
      if (off == soc_pkg::CLINT_MTIMECMP + 16'(8 * h + 4)) begin
        rdata_d = cmp_q[h*64 + 32 +: 32];
        if (wr) cmp_d[h*64 + 32 +: 32] = merge(cmp_q[h*64 + 32 +: 32], wdata_i, bmask);
      end
    end
    if (off == soc_pkg::CLINT_MTIME) begin
      rdata_d = mtime_q[31:0];
      if (wr) mtime_d[31:0] = merge(mtime_q[31:0], wdata_i, bmask);
    end
    if (off == soc_pkg::CLINT_MTIME + 16'd4) begin
      rdata_d = mtime_q[63:32];
      if (wr) mtime_d[63:32] = merge(mtime_q[63:32], wdata_i, bmask);
    end
    if (!acc || we_i) rdata_d = '0;
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      msip_q  <= '0;
      cmp_q   <= {(NUM_HARTS * 64){1'b1}};
      mtime_q <= '0;
      pre_q   <= '0;
    end else begin
      msip_q  <= msip_d;
      cmp_q   <= cmp_d;
      mtime_q <= mtime_d;
      pre_q   <= pre_d;
    end
  end

  // Interrupt lines.
  logic [NUM_HARTS-1:0] mtip_q;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      mtip_q <= '0;
    end else begin
      for (int h = 0; h < NUM_HARTS; h++) mtip_q[h] <= mtime_q >= cmp_q[h*64 +: 64];
    end
  end

  assign msip_o = msip_q;
  assign mtip_o = mtip_q;

  // Response.
  logic        rvalid_q;
  logic [31:0] rdata_q;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      rvalid_q <= 1'b0;
      rdata_q  <= '0;
    end else begin
      rvalid_q <= acc;
      rdata_q  <= rdata_d;
    end
  end

  assign rvalid_o = rvalid_q;
  assign rdata_o  = rdata_q;
  assign err_o    = 1'b0;

  logic unused_addr;
  assign unused_addr = ^addr_i[31:16];

endmodule
