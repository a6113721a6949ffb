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

  // ---------------------------------------------------------------------------
  // State. Priorities are kept as PRIO_W bit planes (plane b holds bit b of
  // every source's priority), so the candidate search below works on whole
  // source vectors.
  // ---------------------------------------------------------------------------
  logic [PRIO_W*NUM_SRC-1:0]    prio_q, prio_d;     // bit b of source s at b*NUM_SRC + s-1
  logic [NUM_SRC:1]             pending_q, pending_d;
  logic [NUM_SRC:1]             inflight_q, inflight_d;
  logic [NUM_HARTS*NUM_SRC-1:0] en_q, en_d;         // ctx c, source s: c*NUM_SRC + s-1
  logic [NUM_HARTS*PRIO_W-1:0]  thr_q, thr_d;

  // ---------------------------------------------------------------------------
  // Candidate per context: the pending & enabled sources of maximum priority,
  // found bit plane by bit plane from the most significant (keep the sources
  // with the bit set, if any), then the lowest id among them. Same result as a
  // max tree with ties to the lower id, in a few vector operations.
  // ---------------------------------------------------------------------------
  // Lowest set bit of v as a source id (bit s-1 is source s), 0 if none: the
  // first non-empty group of 8, then the first bit in it.
  localparam int unsigned NG = (NUM_SRC + 7) / 8;

  function automatic logic [IW-1:0] lowest_id(input logic [NG*8-1:0] v);
    logic [7:0] grp;
    int         g;
    lowest_id = '0;
    g = NG - 1;
    for (int k = NG - 1; k >= 0; k--) begin
      if (v[k*8 +: 8] != 8'd0) g = k;
    end
    grp = v[g*8 +: 8];
    for (int i = 7; i >= 0; i--) begin
      if (grp[i]) lowest_id = IW'(g*8 + i + 1);
    end
  endfunction

  logic [NUM_HARTS*IW-1:0] best_id;

  always_comb begin : p_best
    logic [NUM_SRC-1:0] cand, keep;
    logic [PRIO_W-1:0]  maxp;
    best_id = '0;
    for (int c = 0; c < NUM_HARTS; c++) begin
      cand = pending_q & en_q[c*NUM_SRC +: NUM_SRC];
      keep = '0;
      maxp = '0;
      if (cand != '0) begin
        for (int b = PRIO_W - 1; b >= 0; b--) begin
          keep = cand & prio_q[b*NUM_SRC +: NUM_SRC];
          if (keep != '0) begin
            cand    = keep;
            maxp[b] = 1'b1;
          end
        end
        if (maxp > thr_q[c*PRIO_W +: PRIO_W]) best_id[c*IW +: IW] = lowest_id((NG*8)'(cand));
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

  // Next state: the gateways, then the access (a claim or complete after the
  // gateways). The per-source loops sit under the access that needs them, so
  // a simulator runs them only for that access; the logic is the same.
  always_comb begin : p_next
    logic [NUM_SRC:1] set;
    prio_d     = prio_q;
    en_d       = en_q;
    thr_d      = thr_q;
    rdata_d    = '0;

    // Gateways: a high line that is not in flight becomes pending.
    set        = irq_i & ~inflight_q;
    pending_d  = pending_q | set;
    inflight_d = inflight_q | set;

    if (acc) begin
      // Priorities.
      if (in_prio) begin
        for (int s = 1; s <= NUM_SRC; s++) begin
          if (src_idx == 10'(s)) begin
            for (int b = 0; b < PRIO_W; b++) begin
              rdata_d[b] = prio_q[b*NUM_SRC + s - 1];
              if (wr && bmask[b]) prio_d[b*NUM_SRC + s - 1] = wdata_i[b];
            end
          end
        end
      end

      // Pending bits (read only).
      if (in_pend) begin
        for (int s = 1; s <= NUM_SRC; s++) begin
          if (word_idx == 5'(s / 32)) rdata_d[s % 32] = pending_q[s];
        end
      end

      // Enables.
      if (in_en) begin
        for (int c = 0; c < NUM_HARTS; c++) begin
          if (en_ctx == 14'(c)) begin
            for (int s = 1; s <= NUM_SRC; s++) begin
              if (word_idx == 5'(s / 32)) begin
                rdata_d[s % 32] = en_q[c*NUM_SRC + s - 1];
                if (wr && bmask[s % 32]) en_d[c*NUM_SRC + s - 1] = wdata_i[s % 32];
              end
            end
          end
        end
      end

      // Threshold, claim, complete.
      if (in_ctx) begin
        for (int c = 0; c < NUM_HARTS; c++) begin
          if (ctx == 14'(c)) begin
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
