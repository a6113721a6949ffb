// ats_intc_axil: AXI4-Lite slave wrapper around ats_intc, for SoCs without the
// native OBI-like port.
//
// Address space: the 64 KiB controller window, awaddr/araddr are byte offsets
// inside it (16 bits). AWPROT/ARPROT carry nothing here and are not ports; the
// requesting hart comes in on the hart_i sideband, sampled together with the
// address (like an AxUSER signal). wstrb drives the native byte enables, so a
// store with wstrb != 4'b1111 is an ALIGN error; reads use all four bytes.
// BRESP/RRESP are SLVERR (2'b10) when the controller answers with err_o
// (the page's BUS_ERR_EN is set and the access was rejected), else OKAY.
//
// Timing (one outstanding transaction, no combinational path from the AXI
// inputs to the controller):
//  * Idle, the slave accepts a write when AWVALID and WVALID are both high
//    (AWREADY = WREADY = 1 in that cycle) or else a read when ARVALID is high
//    (ARREADY = 1). When a write and a read arrive together, the kind not
//    served last goes first, so neither starves. READY depends on VALID only.
//  * The cycle after the handshake the native request is presented; it is
//    accepted at the first edge with gnt_o high (the controller holds gnt_o low
//    while it has internal work); the native response shows in the cycle after
//    that edge and is registered here.
//  * BVALID/RVALID rise the cycle after that and stay high until BREADY/RREADY.
//  So a transaction handshaked at edge t is accepted by the controller at edge
//  t+1 at the earliest (+ any cycles gnt_o is low) and answers in cycle t+3;
//  the slave is idle again the cycle after the response is taken: at best one
//  transaction every four cycles.
// work_o, preempt_o and err_irq_o are the controller's lines, unchanged.
module ats_intc_axil #(
  parameter int NUM_PROCS    = 4,
  parameter int NUM_PRIOS    = 8,
  parameter int NUM_ENTRIES  = 256,
  parameter int NUM_IRQS     = 8,
  parameter int NUM_CHANNELS = 8,
  parameter int NUM_HARTS    = 1,
  // See ats_intc: a -GCOUNTERS override arrives as a 32-bit integer.
  /* verilator lint_off WIDTH */
  parameter bit COUNTERS     = 1'b1
  /* verilator lint_on WIDTH */
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,     // synchronous, active low
  // AXI4-Lite slave: write address, write data, write response
  input  logic [15:0]          awaddr_i,
  input  logic                 awvalid_i,
  output logic                 awready_o,
  input  logic [31:0]          wdata_i,
  input  logic [3:0]           wstrb_i,
  input  logic                 wvalid_i,
  output logic                 wready_o,
  output logic [1:0]           bresp_o,
  output logic                 bvalid_o,
  input  logic                 bready_i,
  // AXI4-Lite slave: read address, read data
  input  logic [15:0]          araddr_i,
  input  logic                 arvalid_i,
  output logic                 arready_o,
  output logic [31:0]          rdata_o,
  output logic [1:0]           rresp_o,
  output logic                 rvalid_o,
  input  logic                 rready_i,
  // sideband: the hart issuing the transaction
  input  logic [1:0]           hart_i,
  // events and hart lines
  input  logic [NUM_IRQS-1:0]  irq_i,
  output logic [NUM_HARTS-1:0] work_o,
  output logic [NUM_HARTS-1:0] preempt_o,
  output logic                 err_irq_o
);

  localparam logic [1:0] RESP_OKAY   = 2'b00;
  localparam logic [1:0] RESP_SLVERR = 2'b10;

  typedef enum logic [1:0] {
    StIdle = 2'd0,   // waiting for AW+W or AR
    StReq  = 2'd1,   // native request presented until granted
    StWait = 2'd2,   // accepted; waiting for the native response
    StResp = 2'd3    // B or R channel valid until taken
  } state_e;

  state_e      st_q, st_d;
  logic        we_q, we_d;
  logic        rd_last_q, rd_last_d;  // the last transaction served was a read
  logic [15:0] addr_q, addr_d;
  logic [31:0] wdata_q, wdata_d, rdata_q, rdata_d;
  logic [3:0]  be_q, be_d;
  logic [1:0]  hart_q, hart_d;
  logic        err_q, err_d;

  logic        take_wr, take_rd;
  logic        gnt, rvalid, err;
  logic [31:0] rdata;

  always_comb begin : p_fsm
    st_d      = st_q;
    we_d      = we_q;
    rd_last_d = rd_last_q;
    addr_d    = addr_q;
    wdata_d   = wdata_q;
    be_d      = be_q;
    hart_d    = hart_q;
    rdata_d   = rdata_q;
    err_d     = err_q;
    take_wr   = 1'b0;
    take_rd   = 1'b0;

    unique case (st_q)
      StIdle: begin
        // Alternate when both kinds are waiting.
        take_wr = awvalid_i && wvalid_i && (!arvalid_i || rd_last_q);
        take_rd = arvalid_i && !take_wr;
        if (take_wr) begin
          st_d      = StReq;
          we_d      = 1'b1;
          rd_last_d = 1'b0;
          addr_d    = awaddr_i;
          wdata_d   = wdata_i;
          be_d      = wstrb_i;
          hart_d    = hart_i;
        end else if (take_rd) begin
          st_d      = StReq;
          we_d      = 1'b0;
          rd_last_d = 1'b1;
          addr_d    = araddr_i;
          wdata_d   = '0;
          be_d      = 4'hF;
          hart_d    = hart_i;
        end
      end
      StReq: begin
        if (gnt) st_d = StWait;
      end
      StWait: begin
        // The controller answers in the cycle after the accepting edge.
        if (rvalid) begin
          st_d    = StResp;
          rdata_d = rdata;
          err_d   = err;
        end
      end
      StResp: begin
        if ((we_q && bready_i) || (!we_q && rready_i)) st_d = StIdle;
      end
      default: st_d = StIdle;
    endcase
  end

  always_ff @(posedge clk_i) begin : p_regs
    if (!rst_ni) begin
      st_q      <= StIdle;
      we_q      <= 1'b0;
      rd_last_q <= 1'b0;
      addr_q    <= '0;
      wdata_q   <= '0;
      be_q      <= '0;
      hart_q    <= '0;
      rdata_q   <= '0;
      err_q     <= 1'b0;
    end else begin
      st_q      <= st_d;
      we_q      <= we_d;
      rd_last_q <= rd_last_d;
      addr_q    <= addr_d;
      wdata_q   <= wdata_d;
      be_q      <= be_d;
      hart_q    <= hart_d;
      rdata_q   <= rdata_d;
      err_q     <= err_d;
    end
  end

  assign awready_o = take_wr;
  assign wready_o  = take_wr;
  assign arready_o = take_rd;
  assign bvalid_o  = (st_q == StResp) && we_q;
  assign bresp_o   = err_q ? RESP_SLVERR : RESP_OKAY;
  assign rvalid_o  = (st_q == StResp) && !we_q;
  assign rresp_o   = err_q ? RESP_SLVERR : RESP_OKAY;
  assign rdata_o   = rvalid_o ? rdata_q : '0;

  ats_intc #(
    .NUM_PROCS    (NUM_PROCS),
    .NUM_PRIOS    (NUM_PRIOS),
    .NUM_ENTRIES  (NUM_ENTRIES),
    .NUM_IRQS     (NUM_IRQS),
    .NUM_CHANNELS (NUM_CHANNELS),
    .NUM_HARTS    (NUM_HARTS),
    .COUNTERS     (COUNTERS)
  ) u_intc (
    .clk_i     (clk_i),
    .rst_ni    (rst_ni),
    .req_i     (st_q == StReq),
    .we_i      (we_q),
    .be_i      (be_q),
    .addr_i    (addr_q),
    .wdata_i   (wdata_q),
    .hart_i    (hart_q),
    .gnt_o     (gnt),
    .rvalid_o  (rvalid),
    .rdata_o   (rdata),
    .err_o     (err),
    .irq_i     (irq_i),
    .work_o    (work_o),
    .preempt_o (preempt_o),
    .err_irq_o (err_irq_o)
  );

endmodule
