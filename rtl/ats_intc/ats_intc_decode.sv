// ats_intc_decode: decodes one native-port request of the ATS-INTC into the
// register it addresses (one-hot per register kind) and the checks of
// docs/ats_intc.md 4.1 that depend on the request alone: ALIGN, ABSENT,
// BAD_OFF, BAD_SRC, BAD_WORD and BAD_VALUE. The state-dependent checks
// (DISABLED, PERM, QUOTA, FULL, OWNER_BUSY) are made by ats_intc when the
// operation executes; the error flags here are therefore independent, and the
// caller applies the contract's order.
//
// Purely combinational. ats_intc decodes the request in the cycle it is
// presented and registers the result with the accepted request, so the
// execution stage starts from flip-flops. It enables the decoder (en_i) only
// for a request it accepts; the outputs are 0 otherwise, which lets a
// simulator skip the decoder on idle cycles. Offsets come from the register
// package; every per-source array is MAX_SOURCES words on a 256-byte aligned
// offset, so the source id is addr[2 +: log2(MAX_SOURCES)].
module ats_intc_decode #(
  parameter int NUM_PROCS    = 4,
  parameter int NUM_PRIOS    = 8,
  parameter int NUM_IRQS     = 8,
  parameter int NUM_CHANNELS = 8,
  parameter int NUM_HARTS    = 1
) (
  input  logic                      en_i,     // decode (else every output is 0)
  input  logic                      we_i,
  input  logic [3:0]                be_i,
  input  logic [15:0]               addr_i,
  input  logic [31:0]               wdata_i,
  output logic                      proc_o,   // page of an existing process slot
  output ats_intc_pkg::kreg_t       kreg_o,   // kernel register kind (kernel page only)
  output ats_intc_pkg::preg_t       preg_o,   // process register kind (process page only)
  output ats_intc_pkg::req_err_t    err_o
);

  localparam int SIDW = $clog2(ats_intc_reg_pkg::MAX_SOURCES);
  localparam int PIXW = $clog2(ats_intc_reg_pkg::MAX_PROCS + 1);
  localparam int HIXW = $clog2(ats_intc_reg_pkg::MAX_HARTS);
  localparam int PFW  = $clog2(ats_intc_reg_pkg::MAX_PRIOS);
  localparam int FCH  = ats_intc_reg_pkg::FIRST_CHANNEL;
  localparam int OWNW = ats_intc_reg_pkg::K_SRC_CFG_OWNER_W;
  localparam int HPW  = ats_intc_reg_pkg::K_HART_PROC_PROC_W;
  localparam int RPFW = ats_intc_reg_pkg::K_RUN_PRIO_PRIO_W;
  localparam int IPW  = ats_intc_reg_pkg::K_ITER_CTRL_PROC_W;

  // Range checks are bit lookups in constant masks (bit v: value v in range).
  localparam logic [15:0] PROC_OK    = 16'((32'd1 << NUM_PROCS) - 32'd1);
  localparam logic [15:0] PROC_PAGES = 16'(((32'd1 << (NUM_PROCS + 1)) - 32'd1) & ~32'd1);
  localparam logic [3:0]  HART_OK    = 4'((32'd1 << NUM_HARTS) - 32'd1);
  localparam logic [31:0] PRIO_OK    = 32'((64'd1 << NUM_PRIOS) - 64'd1);
  localparam logic [63:0] RPRIO_OK   = 64'((128'd1 << (NUM_PRIOS + 1)) - 128'd1);
  localparam logic [HPW-1:0] HNONE   = HPW'(ats_intc_reg_pkg::HART_NONE);

  // Word offset w is in the register array at word offset base with count
  // entries, its span rounded up to a power of two: matched by the offset bits
  // above the span. An index past the count of a per-process or per-hart array
  // is also past NUM_PROCS / NUM_HARTS, so BAD_OFF either way.
  function automatic logic in_arr(input logic [9:0] w, input logic [9:0] base, input int count);
    int span;
    span = 0;
    for (int i = 0; i < 10; i++) begin
      if ((1 << i) < count) span = i + 1;
    end
    in_arr = ((w ^ base) >> span) == '0;
  endfunction

  function automatic logic [31:0] get(input logic [31:0] v, input int lsb, input int w);
    get = (v >> lsb) & ((32'd1 << w) - 32'd1);
  endfunction

  logic [3:0]           page;
  logic                 kern;
  logic [11:0]          off;
  logic [9:0]           wix;
  logic [SIDW-1:0]      sid;
  logic                 sok;
  logic [PIXW-1:0]      pix;
  logic [HIXW-1:0]      hix;
  ats_intc_pkg::kreg_t  k;
  ats_intc_pkg::preg_t  p;
  logic                 k_ro, k_wo, k_src, p_ro, p_wo, p_src;
  logic [OWNW-1:0]      f_owner;
  logic [HPW-1:0]       f_hproc;
  logic [RPFW-1:0]      f_rprio;
  logic [IPW-1:0]       f_iproc;
  logic [ats_intc_reg_pkg::MAX_SOURCES-1:0] src_ok;

  for (genvar s = 0; s < ats_intc_reg_pkg::MAX_SOURCES; s++) begin : g_src_ok
    assign src_ok[s] = (s >= FCH) ? ((s - FCH) < NUM_CHANNELS) : (s < NUM_IRQS);
  end

  assign f_owner = OWNW'(get(wdata_i, ats_intc_reg_pkg::K_SRC_CFG_OWNER_LSB, OWNW));
  assign f_hproc = HPW'(get(wdata_i, ats_intc_reg_pkg::K_HART_PROC_PROC_LSB, HPW));
  assign f_rprio = RPFW'(get(wdata_i, ats_intc_reg_pkg::K_RUN_PRIO_PRIO_LSB, RPFW));
  assign f_iproc = IPW'(get(wdata_i, ats_intc_reg_pkg::K_ITER_CTRL_PROC_LSB, IPW));

  always_comb begin : p_decode
    page    = '0;
    off     = '0;
    wix     = '0;
    sid     = '0;
    sok     = 1'b0;
    pix     = '0;
    hix     = '0;
    k       = '0;
    p       = '0;
    kern    = 1'b0;
    k_ro    = 1'b0;
    k_wo    = 1'b0;
    k_src   = 1'b0;
    p_ro    = 1'b0;
    p_wo    = 1'b0;
    p_src   = 1'b0;
    proc_o  = 1'b0;
    kreg_o  = '0;
    preg_o  = '0;
    err_o   = '0;
    if (en_i) begin
      page = addr_i[15:12];
      off  = addr_i[11:0];
      wix  = off[11:2];
      sid  = addr_i[2 +: SIDW];
      sok  = src_ok[sid];
      pix  = wix[PIXW-1:0];
      hix  = wix[HIXW-1:0];

      k.id         = (off == ats_intc_reg_pkg::K_ID);
      k.version    = (off == ats_intc_reg_pkg::K_VERSION);
      k.cfg0       = (off == ats_intc_reg_pkg::K_CFG0);
      k.cfg1       = (off == ats_intc_reg_pkg::K_CFG1);
      k.global_err = (off == ats_intc_reg_pkg::K_GLOBAL_ERR);
      k.ctrl       = (off == ats_intc_reg_pkg::K_CTRL);
      k.free       = (off == ats_intc_reg_pkg::K_FREE);
      k.best       = (off == ats_intc_reg_pkg::K_BEST);
      k.iter_ctrl  = (off == ats_intc_reg_pkg::K_ITER_CTRL);
      k.iter_next  = (off == ats_intc_reg_pkg::K_ITER_NEXT);
      k.iter_where = (off == ats_intc_reg_pkg::K_ITER_WHERE);
      k.err_procs  = (off == ats_intc_reg_pkg::K_ERR_PROCS);
      k.cnt_enq    = (off == ats_intc_reg_pkg::K_CNT_ENQ);
      k.cnt_deq    = (off == ats_intc_reg_pkg::K_CNT_DEQ);
      k.cnt_wake   = (off == ats_intc_reg_pkg::K_CNT_WAKE);
      k.cnt_ovf    = (off == ats_intc_reg_pkg::K_CNT_OVF);
      k.cnt_err    = (off == ats_intc_reg_pkg::K_CNT_ERR);
      k.max_occ    = (off == ats_intc_reg_pkg::K_MAX_OCC);
      k.proc_ctrl  = in_arr(wix, ats_intc_reg_pkg::K_PROC_CTRL[11:2],
                            ats_intc_reg_pkg::K_PROC_CTRL_COUNT);
      k.quota      = in_arr(wix, ats_intc_reg_pkg::K_QUOTA[11:2],
                            ats_intc_reg_pkg::K_QUOTA_COUNT);
      k.held       = in_arr(wix, ats_intc_reg_pkg::K_HELD[11:2],
                            ats_intc_reg_pkg::K_HELD_COUNT);
      k.affinity   = in_arr(wix, ats_intc_reg_pkg::K_AFFINITY[11:2],
                            ats_intc_reg_pkg::K_AFFINITY_COUNT);
      k.hart_proc  = in_arr(wix, ats_intc_reg_pkg::K_HART_PROC[11:2],
                            ats_intc_reg_pkg::K_HART_PROC_COUNT);
      k.run_prio   = in_arr(wix, ats_intc_reg_pkg::K_RUN_PRIO[11:2],
                            ats_intc_reg_pkg::K_RUN_PRIO_COUNT);
      k.src_cfg    = in_arr(wix, ats_intc_reg_pkg::K_SRC_CFG[11:2],
                            ats_intc_reg_pkg::K_SRC_CFG_COUNT);
      k.fire       = in_arr(wix, ats_intc_reg_pkg::K_FIRE[11:2],
                            ats_intc_reg_pkg::K_FIRE_COUNT);
      k.src_stat   = in_arr(wix, ats_intc_reg_pkg::K_SRC_STAT[11:2],
                            ats_intc_reg_pkg::K_SRC_STAT_COUNT);

      p.enq        = (off == ats_intc_reg_pkg::P_ENQ);
      p.deq_frame  = (off == ats_intc_reg_pkg::P_DEQ_FRAME);
      p.deq        = (off == ats_intc_reg_pkg::P_DEQ) || p.deq_frame;
      p.err        = (off == ats_intc_reg_pkg::P_ERR);
      p.cancel_st  = (off == ats_intc_reg_pkg::P_CANCEL_ST);
      p.held       = (off == ats_intc_reg_pkg::P_HELD);
      p.wait_on    = in_arr(wix, ats_intc_reg_pkg::P_WAIT[11:2],
                            ats_intc_reg_pkg::P_WAIT_COUNT);
      p.send       = in_arr(wix, ats_intc_reg_pkg::P_SEND[11:2],
                            ats_intc_reg_pkg::P_SEND_COUNT);
      p.cancel     = in_arr(wix, ats_intc_reg_pkg::P_CANCEL[11:2],
                            ats_intc_reg_pkg::P_CANCEL_COUNT);
      p.pending    = in_arr(wix, ats_intc_reg_pkg::P_PENDING[11:2],
                            ats_intc_reg_pkg::P_PENDING_COUNT);

      kern   = (page == 4'd0);
      proc_o = PROC_PAGES[page];
      kreg_o = kern ? k : '0;
      preg_o = proc_o ? p : '0;

      k_ro  = k.id | k.version | k.cfg0 | k.cfg1 | k.free | k.best | k.iter_next |
              k.iter_where | k.err_procs | k.held;
      k_wo  = k.iter_ctrl | k.fire;
      k_src = k.src_cfg | k.fire | k.src_stat;
      p_ro  = p.deq | p.cancel_st | p.held | p.pending;
      p_wo  = p.enq | p.wait_on | p.send | p.cancel;
      p_src = p.wait_on | p.send | p.cancel | p.pending;

      err_o.align  = (be_i != 4'hF) || (addr_i[1:0] != 2'b00);
      err_o.absent = !kern && !proc_o;
      if (kern) begin
        err_o.bad_off   = (k == '0) || (we_i && k_ro) || (!we_i && k_wo) ||
                          ((k.proc_ctrl | k.quota | k.held | k.affinity) && !PROC_OK[pix]) ||
                          ((k.hart_proc | k.run_prio) && !HART_OK[hix]);
        err_o.bad_src   = k_src && !sok;
        err_o.bad_word  = 1'b0;
        err_o.bad_value = we_i && ((k.src_cfg && !PROC_OK[f_owner]) ||
                                   (k.hart_proc && !PROC_OK[f_hproc] && f_hproc != HNONE) ||
                                   (k.run_prio && !RPRIO_OK[f_rprio]) ||
                                   (k.iter_ctrl && !PROC_OK[f_iproc]));
      end else begin
        err_o.bad_off   = (p == '0) || (we_i && p_ro) || (!we_i && p_wo);
        err_o.bad_src   = (p_src && !sok) || (p.send && !sid[SIDW-1]);
        err_o.bad_word  = (p.enq | p.wait_on) &&
                          ((wdata_i[31:PFW] == '0) || !PRIO_OK[wdata_i[PFW-1:0]]);
        err_o.bad_value = 1'b0;
      end
    end
  end

endmodule
