// soc_plic: RISC-V platform-level interrupt controller, standard layout (as
// SiFive / QEMU virt), one M-mode context per hart (context c = hart c). The
// project's *baseline* controller: ATS-INTC is measured against it.
//
//   0x000000 + 4*s            priority[s], s = 1..NUM_SRC (PRIO_W bits; 0 = never)
//   0x001000 + 4*w            pending bits 32w..32w+31 (read only)
//   0x002000 + 0x80*c + 4*w   enable bits of context c
//   0x200000 + 0x1000*c       threshold of context c
//   0x200004 + 0x1000*c       claim (read) / complete (write) of context c
// Everything else (source 0, absent sources/contexts, other offsets) reads 0
// and ignores writes; err_o is never set. Stores honour be_i.
//
// Gateways (level-triggered): while irq_i[s] is high and s is not in flight,
// s becomes pending and in flight. A claim clears the pending bit; s stays in
// flight (so it cannot become pending again) until a complete with id s is
// written to a context that has s enabled (others are ignored, per the spec).
// Then, if irq_i[s] is still high, s is pending again in the next cycle.
//
// Notification and claim: for context c the candidate is the pending, enabled
// source of highest priority (ties: lowest id); it counts only if its
// priority > threshold[c]. meip_o[c] = a candidate exists (a register: the
// state of the previous cycle). A claim read returns the candidate's id (0 if
// none) and clears its pending bit at the accepting edge.
//
// Timing: an irq_i level seen at edge k sets pending at edge k; meip_o rises
// in cycle k+1. Bus (OBI-like slave): gnt_o is always 1; a request accepted
// at edge k is answered in cycle k.
module soc_plic #(
  parameter int unsigned NUM_SRC   = 31,  // sources 1..NUM_SRC (<= 1023)
  parameter int unsigned NUM_HARTS = 1,   // contexts (<= 15872)
  parameter int unsigned PRIO_W    = 3    // priority bits (1..8)
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
  input  logic [NUM_SRC:1]     irq_i,   // level, synchronous to clk_i
  output logic [NUM_HARTS-1:0] meip_o
);

  localparam int unsigned IW  = $clog2(NUM_SRC + 1);  // id width
  localparam int unsigned LVL = IW;                   // tree levels
  localparam int unsigned NP  = 1 << LVL;             // leaves (ids 0..NP-1)

  // ---------------------------------------------------------------------------
  // State.
  // ---------------------------------------------------------------------------
  logic [NUM_SRC*PRIO_W-1:0]    prio_q, prio_d;     // source s at (s-1)*PRIO_W
  logic [NUM_SRC:1]             pending_q, pending_d;
  logic [NUM_SRC:1]             inflight_q, inflight_d;
  logic [NUM_HARTS*NUM_SRC-1:0] en_q, en_d;         // ctx c, source s: c*NUM_SRC + s-1
  logic [NUM_HARTS*PRIO_W-1:0]  thr_q, thr_d;

  // ---------------------------------------------------------------------------
  // Candidate per context: max-priority tree over the pending & enabled sources.
  // ---------------------------------------------------------------------------
  logic [NUM_HARTS*IW-1:0] best_id;

  always_comb begin
    logic [2*NP-1:0]        nv;
    logic [2*NP*PRIO_W-1:0] np;
    logic [2*NP*IW-1:0]     nid;
    best_id = '0;
    for (int c = 0; c < NUM_HARTS; c++) begin
      nv  = '0;
      np  = '0;
      nid = '0;
      for (int i = 1; i <= NUM_SRC; i++) begin
        nv[NP + i]                  = pending_q[i] && en_q[c*NUM_SRC + i - 1];
        np[(NP + i)*PRIO_W +: PRIO_W] = prio_q[(i - 1)*PRIO_W +: PRIO_W];
        nid[(NP + i)*IW +: IW]      = IW'(i);
      end
      for (int n = NP - 1; n >= 1; n--) begin
        if (nv[2*n] &&
            (!nv[2*n + 1] || np[2*n*PRIO_W +: PRIO_W] >= np[(2*n + 1)*PRIO_W +: PRIO_W])) begin
          nv[n]                   = 1'b1;
          np[n*PRIO_W +: PRIO_W] = np[2*n*PRIO_W +: PRIO_W];
          nid[n*IW +: IW]         = nid[2*n*IW +: IW];
        end else begin
          nv[n]                   = nv[2*n + 1];
          np[n*PRIO_W +: PRIO_W] = np[(2*n + 1)*PRIO_W +: PRIO_W];
          nid[n*IW +: IW]         = nid[(2*n + 1)*IW +: IW];
        end
      end
      if (nv[1] && np[PRIO_W +: PRIO_W] > thr_q[c*PRIO_W +: PRIO_W]) begin
        best_id[c*IW +: IW] = nid[IW +: IW];
      end
    end
  end

  // ---------------------------------------------------------------------------
  // Bus decode.
  // ---------------------------------------------------------------------------
  logic        acc, wr, rd;
  logic [25:0] off;
  logic [31:0] bmask, wmasked;

  assign gnt_o   = 1'b1;
  assign acc     = req_i;
  assign wr      = acc && we_i;
  assign rd      = acc && !we_i;
  assign off     = addr_i[25:0];
  assign bmask   = {{8{be_i[3]}}, {8{be_i[2]}}, {8{be_i[1]}}, {8{be_i[0]}}};
  assign wmasked = wdata_i & bmask;

  logic in_prio, in_pend, in_en, in_ctx;

  assign in_prio = off[25:12] == 14'h0;
  assign in_pend = off[25:7] == 19'h20;  // 0x1000..0x107F
  assign in_en   = off >= soc_pkg::PLIC_ENABLE && off < soc_pkg::PLIC_CONTEXT;
  assign in_ctx  = off >= soc_pkg::PLIC_CONTEXT;

  logic [9:0]  src_idx;   // priority register's source
  logic [4:0]  word_idx;  // pending / enable word
  logic [13:0] en_ctx;    // enable block's context
  logic [13:0] ctx;       // context page
  logic [31:0] rdata_d;

  assign src_idx  = off[11:2];
  assign word_idx = off[6:2];
  assign en_ctx   = off[20:7] - 14'h40;
  assign ctx      = off[25:12] - 14'h200;

  always_comb begin
    prio_d    = prio_q;
    pending_d = pending_q;
    inflight_d = inflight_q;
    en_d      = en_q;
    thr_d     = thr_q;
    rdata_d   = '0;

    // Priorities.
    for (int s = 1; s <= NUM_SRC; s++) begin
      if (in_prio && src_idx == 10'(s)) begin
        rdata_d = 32'(prio_q[(s - 1)*PRIO_W +: PRIO_W]);
        if (wr) prio_d[(s - 1)*PRIO_W +: PRIO_W] = wmasked[PRIO_W-1:0] |
            (prio_q[(s - 1)*PRIO_W +: PRIO_W] & ~bmask[PRIO_W-1:0]);
      end
    end

    // Pending bits (read only).
    if (in_pend) begin
      for (int s = 1; s <= NUM_SRC; s++) begin
        if (word_idx == 5'(s / 32)) rdata_d[s % 32] = pending_q[s];
      end
    end

    // Enables.
    for (int c = 0; c < NUM_HARTS; c++) begin
      if (in_en && en_ctx == 14'(c)) begin
        for (int s = 1; s <= NUM_SRC; s++) begin
          if (word_idx == 5'(s / 32)) begin
            rdata_d[s % 32] = en_q[c*NUM_SRC + s - 1];
            if (wr && bmask[s % 32]) en_d[c*NUM_SRC + s - 1] = wdata_i[s % 32];
          end
        end
      end
    end

    // Gateways: a high line that is not in flight becomes pending.
    for (int s = 1; s <= NUM_SRC; s++) begin
      if (irq_i[s] && !inflight_q[s]) begin
        pending_d[s]  = 1'b1;
        inflight_d[s] = 1'b1;
      end
    end

    // Threshold, claim, complete.
    for (int c = 0; c < NUM_HARTS; c++) begin
      if (in_ctx && ctx == 14'(c)) begin
        if (off[11:0] == soc_pkg::PLIC_THRESHOLD) begin
          rdata_d = 32'(thr_q[c*PRIO_W +: PRIO_W]);
          if (wr) thr_d[c*PRIO_W +: PRIO_W] = wmasked[PRIO_W-1:0] |
              (thr_q[c*PRIO_W +: PRIO_W] & ~bmask[PRIO_W-1:0]);
        end
        if (off[11:0] == soc_pkg::PLIC_CLAIM) begin
          rdata_d = 32'(best_id[c*IW +: IW]);
          for (int s = 1; s <= NUM_SRC; s++) begin
            if (rd && best_id[c*IW +: IW] == IW'(s)) pending_d[s] = 1'b0;
            if (wr && wmasked == 32'(s) && en_q[c*NUM_SRC + s - 1]) inflight_d[s] = 1'b0;
          end
        end
      end
    end

    if (!rd) rdata_d = '0;
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      prio_q     <= '0;
      pending_q  <= '0;
      inflight_q <= '0;
      en_q       <= '0;
      thr_q      <= '0;
    end else begin
      prio_q     <= prio_d;
      pending_q  <= pending_d;
      inflight_q <= inflight_d;
      en_q       <= en_d;
      thr_q      <= thr_d;
    end
  end

  // ---------------------------------------------------------------------------
  // Lines and response.
  // ---------------------------------------------------------------------------
  logic [NUM_HARTS-1:0] meip_q;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      meip_q <= '0;
    end else begin
      for (int c = 0; c < NUM_HARTS; c++) meip_q[c] <= best_id[c*IW +: IW] != '0;
    end
  end

  assign meip_o = meip_q;

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

  logic unused_in;
  assign unused_in = ^{addr_i[31:26], addr_i[1:0]};

endmodule
