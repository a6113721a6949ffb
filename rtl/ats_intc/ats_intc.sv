// ats_intc: the ATS-INTC interrupt controller that schedules coroutines.
//
// Implements docs/ats_intc.md (the contract) cycle for cycle at its ports:
// per-process FIFO ready queues by priority, per-source wait queues woken by
// irq_i rising edges, SEND and FIRE, pending counters, cancel and process-reset
// walks, the iterator, the kernel registers, work/preempt lines per hart.
//
// Micro-architecture: a two-stage pipeline, one operation per cycle.
//  * Stage A (cycle k-1, combinational) chooses the operation of edge k: the
//    bus request when req_i && gnt_o, else the most urgent internal step
//    (cancel walk, deferred cancel start, reset walk, wake). It decodes the
//    request (ats_intc_decode) and makes all access checks of 4.1 on the state
//    the request will meet, finds the op's list (DEQ: the process's most
//    urgent level; reset and iterator: the shared list encoder; wake and
//    cancel: the source's wait list), and drives the read address of the entry
//    RAMs (WORD, NEXT). It sees the lists through a bypass of the op in stage
//    B (head, tail, nonempty of the touched lists), not through the full next
//    state, which keeps the read-address logic short. Choice, decoded request,
//    error code, list, entry and "entry is the tail" are registered at edge k.
//  * Stage B (cycle k, combinational) executes that operation on the `*_q`
//    state with the RAM read data, then applies the irq_i rising edges sampled
//    at edge k+1 (op first, then edges, each saturating, each overflow
//    counted). The result is committed at edge k+1, together with the response.
//  Because stage A sees stage B's op and the RAMs bypass a write to the address
//  read at the same edge, back-to-back operations see each other with no
//  stall. So after edge k+1 the registers hold what the reference machine holds
//  after edge k plus (a) of edge k+1; every output is registered from the next
//  state: gnt_o = !internal_work, work_o, preempt_o, err_irq_o; rvalid_o,
//  rdata_o and err_o answer the request accepted one edge earlier.
// Storage: the pool lives in two block RAMs, WORD[N]x32 and NEXT[N]x(log2(N)
// + log2(NUM_PRIOS)) (ats_intc_ram; NEXT[e] also keeps the priority of the
// word after e, for wait lists). Lists are numbered R[p][prio] =
// p*NUM_PRIOS + prio, then W[j] = NUM_PROCS*NUM_PRIOS + j with j the compact
// index of an existing source (IRQs, then channels). The heads must be read
// combinationally in stage A (they drive the RAM read address), so they are
// register arrays, one per list kind with one write port each (head_r_q,
// head_w_q; head_w_q also keeps the priority of the head's word, so stage A
// knows which ready list a wake appends to). The tails are only needed in
// stage B, so they live in block RAM: two copies (one read port each: the
// list the op inspects, the list it appends to) read in stage A like WORD and
// NEXT, with a write-first bypass. Heads and tails are not reset (read only
// while the list's nonempty flag is set); the nonempty flags are a vector.
// The free list is linked through NEXT with a length counter; never-used
// entries come from a bump pointer. COUNTERS=0 removes the statistics
// registers (generate).
// Simulation speed: this block dominates the SoC's Verilator model, so the
// next-state logic is written to cost little per simulated cycle without
// changing the hardware: an op writes the one or two list ends, counters and
// flags it touches (indexed writes, one-hot masks; no loop over every list);
// work that is rarely needed sits under the condition that needs it (a
// simulator skips it, synthesis sees the same function): the list encoder
// (reset walk, ITER_*), the decoder and access checks (accepted request), the
// DEQ level, the IRQ-edge loop, the reset-walk test, BEST/work/preempt
// (lines_dirty); and blocks that depend on an input (irq_i, the request) are
// kept apart from those that do not, because a simulator re-evaluates
// input-dependent logic on every evaluation, not once per clock edge.
// Yosys note: a variable part-select write (x[i*W +: W] = v) synthesizes to a
// shifter; write per element under a decoded enable (a loop with i == k) or
// through a register-array port instead. Yosys 0.23 maps a comparison (even
// with a constant) to a carry chain: where it can be, it is a bit test or a
// shift (is_wl, lists_after).
// Assumes: rst_ni is synchronous; irq_i is synchronous to clk_i.
module ats_intc #(
  parameter int NUM_PROCS    = 4,    // 1..15
  parameter int NUM_PRIOS    = 8,    // 8..32
  parameter int NUM_ENTRIES  = 256,  // 4..1024, power of two
  parameter int NUM_IRQS     = 8,    // 8..32
  parameter int NUM_CHANNELS = 8,    // 8..32
  parameter int NUM_HARTS    = 1,    // 1..4
  // The builds override COUNTERS with -GCOUNTERS=0/1, which the Verilator
  // front end passes as a 32-bit integer. The port list is fixed by the
  // contract, so the width warning on that override is waived here only.
  /* verilator lint_off WIDTH */
  parameter bit COUNTERS     = 1'b1
  /* verilator lint_on WIDTH */
) (
  input  logic                 clk_i,
  input  logic                 rst_ni,     // synchronous, active low
  // native port (OBI-like)
  input  logic                 req_i,
  input  logic                 we_i,
  input  logic [3:0]           be_i,
  input  logic [15:0]          addr_i,     // byte offset inside the 64 KiB window
  input  logic [31:0]          wdata_i,
  input  logic [1:0]           hart_i,
  output logic                 gnt_o,
  output logic                 rvalid_o,
  output logic [31:0]          rdata_o,
  output logic                 err_o,
  // events and hart lines
  input  logic [NUM_IRQS-1:0]  irq_i,
  output logic [NUM_HARTS-1:0] work_o,
  output logic [NUM_HARTS-1:0] preempt_o,
  output logic                 err_irq_o
);

  // ---------------------------------------------------------------------------
  // Sizes
  // ---------------------------------------------------------------------------
  localparam int AW  = $clog2(NUM_ENTRIES);              // entry index
  localparam int CW  = AW + 1;                           // entry count 0..NUM_ENTRIES
  localparam int NP  = NUM_PRIOS;
  localparam int NR  = NUM_PROCS * NUM_PRIOS;            // ready lists
  localparam int NS  = NUM_IRQS + NUM_CHANNELS;          // existing sources
  localparam int NL  = NR + NS;                          // all lists
  localparam int LW  = $clog2(NL);
  localparam int NRW = $clog2(NR);                       // ready list index
  localparam int SW  = $clog2(NS);
  localparam int PW  = (NUM_PROCS > 1) ? $clog2(NUM_PROCS) : 1;
  localparam int PRW = $clog2(NUM_PRIOS);
  localparam int RPW = $clog2(NUM_PRIOS + 1);            // RUN_PRIO 0..NUM_PRIOS
  localparam int HW  = (NUM_HARTS > 1) ? $clog2(NUM_HARTS) : 1;
  localparam int NH  = NUM_HARTS;
  localparam int EW  = ats_intc_reg_pkg::ERR_W;
  // Limits of the register map (same in every build).
  localparam int SIDW = $clog2(ats_intc_reg_pkg::MAX_SOURCES);   // source id
  localparam int PIXW = $clog2(ats_intc_reg_pkg::MAX_PROCS + 1); // process index
  localparam int HIXW = $clog2(ats_intc_reg_pkg::MAX_HARTS);     // hart index
  localparam int PFW  = $clog2(ats_intc_reg_pkg::MAX_PRIOS);     // priority field of a word
  localparam int FCH  = ats_intc_reg_pkg::FIRST_CHANNEL;
  // Register fields used with a width cast.
  localparam int OWNW = ats_intc_reg_pkg::K_SRC_CFG_OWNER_W;
  localparam int HPW  = ats_intc_reg_pkg::K_HART_PROC_PROC_W;
  localparam int RPFW = ats_intc_reg_pkg::K_RUN_PRIO_PRIO_W;
  localparam int IPW  = ats_intc_reg_pkg::K_ITER_CTRL_PROC_W;
  localparam int QW   = ats_intc_reg_pkg::K_QUOTA_LIMIT_W;

  localparam logic [CW-1:0]   NENT     = CW'(NUM_ENTRIES);
  // List numbering: R[p][prio] = p*NUM_PRIOS + prio, W[j] = NR + j. When the
  // factors are powers of two these are bit concatenations, not adders.
  localparam bit NP_POW2    = (NUM_PRIOS == (1 << PRW));
  localparam bit NR_ALIGNED = ((NR % (1 << SW)) == 0);


  // Value v placed in / taken from the field at bit lsb, w bits wide (w < 32).
  function automatic logic [31:0] put(input logic [31:0] v, input int lsb, input int w);
    put = (v & ((32'd1 << w) - 32'd1)) << lsb;
  endfunction

  function automatic logic [31:0] get(input logic [31:0] v, input int lsb, input int w);
    get = (v >> lsb) & ((32'd1 << w) - 32'd1);
  endfunction

  localparam logic [31:0] CFG0_VAL =
      put(32'(NUM_PROCS), ats_intc_reg_pkg::K_CFG0_NUM_PROCS_LSB,
          ats_intc_reg_pkg::K_CFG0_NUM_PROCS_W) |
      put(32'(NUM_PRIOS), ats_intc_reg_pkg::K_CFG0_NUM_PRIOS_LSB,
          ats_intc_reg_pkg::K_CFG0_NUM_PRIOS_W) |
      put(32'(NUM_HARTS), ats_intc_reg_pkg::K_CFG0_NUM_HARTS_LSB,
          ats_intc_reg_pkg::K_CFG0_NUM_HARTS_W) |
      put(32'(COUNTERS), ats_intc_reg_pkg::K_CFG0_COUNTERS_LSB,
          ats_intc_reg_pkg::K_CFG0_COUNTERS_W);
  localparam logic [31:0] CFG1_VAL =
      put(32'(NUM_ENTRIES), ats_intc_reg_pkg::K_CFG1_NUM_ENTRIES_LSB,
          ats_intc_reg_pkg::K_CFG1_NUM_ENTRIES_W) |
      put(32'(NUM_IRQS), ats_intc_reg_pkg::K_CFG1_NUM_IRQS_LSB,
          ats_intc_reg_pkg::K_CFG1_NUM_IRQS_W) |
      put(32'(NUM_CHANNELS), ats_intc_reg_pkg::K_CFG1_NUM_CHANNELS_LSB,
          ats_intc_reg_pkg::K_CFG1_NUM_CHANNELS_W);

  // ---------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------
  function automatic logic [LW-1:0] rlist(input logic [PW-1:0] p, input logic [PRW-1:0] prio);
    if (NP_POW2) rlist = LW'({p, prio});
    else         rlist = LW'(p) * LW'(NUM_PRIOS) + LW'(prio);
  endfunction

  function automatic logic [LW-1:0] wlist(input logic [SW-1:0] j);
    if (NR_ALIGNED) wlist = LW'(NR) | LW'(j);
    else            wlist = LW'(NR) + LW'(j);
  endfunction

  // List l is a wait list (l >= NR: a bit test when NR is a power of two).
  function automatic logic is_wl(input logic [LW-1:0] l);
    if (NR == (1 << NRW)) is_wl = (l >> NRW) != '0;
    else                  is_wl = (l >= LW'(NR));
  endfunction

  // The source index of wait list l (the inverse of wlist).
  function automatic logic [SW-1:0] wj(input logic [LW-1:0] l);
    if (NR_ALIGNED) wj = SW'(l);
    else            wj = SW'(l - LW'(NR));
  endfunction

  // The lists after list l0 (bit l set when l > l0), as a shift of ones
  // rather than NL comparators (Yosys maps those to carry chains). Called
  // only in the branches that load the iterator, so a simulator evaluates it
  // on ITER_CTRL / ITER_NEXT only, not every cycle.
  function automatic logic [NL-1:0] lists_after(input logic [LW-1:0] l0);
    lists_after = NL'({NL{1'b1}} << l0) << 1;   // a shift: no comparator per list
  endfunction

  // Source tables, constant: the compact index of each source id (0 when the
  // source does not exist) and the source id of each compact index.
  logic [ats_intc_reg_pkg::MAX_SOURCES*SW-1:0] src_idx_tab;
  logic [NS*SIDW-1:0]                          src_id_tab;

  for (genvar s = 0; s < ats_intc_reg_pkg::MAX_SOURCES; s++) begin : g_src_tab
    localparam bit IsCh = (s >= FCH);
    localparam bit Ok   = IsCh ? ((s - FCH) < NUM_CHANNELS) : (s < NUM_IRQS);
    assign src_idx_tab[s*SW +: SW] = Ok ? SW'(IsCh ? (NUM_IRQS + s - FCH) : s) : '0;
  end
  for (genvar j = 0; j < NS; j++) begin : g_src_id_tab
    assign src_id_tab[j*SIDW +: SIDW] = SIDW'((j < NUM_IRQS) ? j : (j - NUM_IRQS + FCH));
  end

  // ---------------------------------------------------------------------------
  // State
  // ---------------------------------------------------------------------------
  // Lists: head, tail, nonempty. ne_a is ne_d without a wake step's append,
  // all that stage A may need (see p_lists).
  // The heads are two register arrays, one per list kind, each written
  // through one port (p_lists): an op writes at most one head of each kind
  // (a wake pops W[s] and appends to R[o][*]). head_w_q[j] also holds the
  // priority of the word at the head of W[j], so stage A knows where a wake
  // appends. The tails live in block RAM (two copies, u_tail_x and u_tail_a).
  logic [AW-1:0]     head_r_q [NR];
  logic [PRW+AW-1:0] head_w_q [NS];   // {priority of the head's word, head}
  logic [NL-1:0]    ne_q, ne_d, ne_a;
  // Pool: free list head and length, bump pointer.
  logic [AW-1:0]    fl_head_q, fl_head_d;
  logic [CW-1:0]    fl_len_q, fl_len_d, bump_q, bump_d;
  // Sources (compact index).
  logic [NS*8-1:0]         pend_q, pend_d;
  logic [NS-1:0]           ovf_q, ovf_d, bcast_q, bcast_d;
  logic [NS*PW-1:0]        owner_q, owner_d;
  logic [NS*NUM_PROCS-1:0] snd_q, snd_d;
  // Processes.
  logic [NUM_PROCS-1:0]    en_q, en_d, berr_q, berr_d, cst_q, cst_d, rstp_q, rstp_d;
  logic [NUM_PROCS*QW-1:0] quota_q, quota_d;
  logic [NUM_PROCS*CW-1:0] held_q, held_d;
  logic [NUM_PROCS*NH-1:0] aff_q, aff_d;
  logic [NUM_PROCS*EW-1:0] perr_q, perr_d;
  // Flags of the next state for the checks of the next op (stage A).
  logic [NUM_PROCS-1:0]    quota_hit_d;
  logic                    pool_full_d;
  // Harts.
  logic [NH*HPW-1:0] hproc_q, hproc_d;
  logic [NH*RPW-1:0] rprio_q, rprio_d;
  // Global.
  logic [EW-1:0] gerr_q, gerr_d;
  logic [1:0]    ctrl_q, ctrl_d;
  // Cancel walk. A CANCEL accepted while a walk is outstanding is deferred
  // (dc_val_q); its page, source and word stay in the rq_* registers, because
  // no other request can be accepted until the deferred CANCEL has started.
  logic          cx_act_q, cx_act_d, cx_free_q, cx_free_d, cx_first_q, cx_first_d;
  logic [AW-1:0] cx_cur_q, cx_cur_d, cx_prev_q, cx_prev_d;
  logic [SW-1:0] cx_src_q, cx_src_d;
  logic [PW-1:0] cx_proc_q, cx_proc_d;
  logic [31:0]   cx_word_q, cx_word_d;
  logic          dc_val_q, dc_val_d;
  // Iterator: it_cur_q is the entry ITER_NEXT returns next (valid when
  // it_valid_q), in list it_list_q.
  logic            it_start_q, it_start_d, it_stale_q, it_stale_d, it_valid_q, it_valid_d;
  logic [PW-1:0]   it_proc_q, it_proc_d;
  logic [AW-1:0]   it_cur_q, it_cur_d;
  logic [LW-1:0]   it_list_q, it_list_d;
  logic [NL-1:0]   it_after_q, it_after_d;   // the lists after it_list_q
  logic            wh_wait_q, wh_wait_d;
  logic [SIDW-1:0] wh_idx_q, wh_idx_d;
  // IRQ edge detection.
  logic [NUM_IRQS-1:0] irq_prev_q;
  // BEST, registered from the next state (so best_q always matches the state).
  logic           best_val_q, best_val_d;
  logic [PW-1:0]  best_proc_q, best_proc_d;
  logic [PRW-1:0] best_prio_q, best_prio_d;

  // Pipeline registers between stage A and stage B.
  logic                   op_bus_q, op_cxs_q, op_cxd_q, op_rst_q, op_wk_q;
  logic                   rq_we_q;
  logic [3:0]             rq_page_q;    // addr[15:12]
  logic [SIDW-1:0]        rq_idx_q;     // addr[2 +: SIDW]: array index of the register
  logic [31:0]            rq_wdata_q;   // loaded by accepted writes only
  logic [1:0]             rq_hart_q;
  logic                   rq_proc_q;
  ats_intc_pkg::kreg_t    kreg_q;       // decoded request (ats_intc_decode)
  ats_intc_pkg::preg_t    preg_q;
  logic [EW-1:0]          rej_q;        // the error of the request (0: accepted)
  logic                   ok_q;         // rej_q == 0
  logic                   consume_q;    // a WAIT finds a pending event
  logic [LW-1:0]          app_l_q;      // the list an ENQ, WAIT or wake appends to
  logic [AW-1:0]          e_q;          // the entry read from the RAMs for this op
  logic [LW-1:0]          x_l_q;        // the list this op pops, searches or inspects
  logic                   x_tail;       // e_q is the tail of list x_l_q (from u_tail_x)
  logic [AW-1:0]          tx_rd, ta_rd; // tails of x_l_q and app_l_q after the edge
  logic [SW-1:0]          src_q;        // the source this op addresses
  logic                   deq_hit_q;    // a DEQ finds a task (x_l_q is its list)
  logic                   sel_found_q;  // list encoder of stage A: found, list, head
  logic [LW-1:0]          sel_l_q;
  logic [AW-1:0]          sel_head_q;   // head of the list stage A looked up
  logic [PW-1:0]          rs_p_q;

  // Registered outputs.
  logic          gnt_q, rvalid_q, rerr_resp_q, err_irq_q;
  logic [31:0]   rdata_q;
  logic [NH-1:0] work_q, preempt_q;
  logic          gnt_d, rvalid_d, rerr_resp_d, err_irq_d;
  logic [31:0]   rdata_d;
  logic [NH-1:0] work_d, preempt_d;

  // Entry RAMs. WORD is only written by an allocation (ENQ, WAIT) with the
  // request's data, which stays in rq_wdata_q until the next accepted write:
  // a read of that entry at the same edge is bypassed from there.
  logic          word_we, next_we, word_we_q;
  logic [AW-1:0] word_wa_q;
  logic [AW-1:0] word_wa, next_wa, next_wd, ra;
  logic [31:0]   word_wd, word_ram_rd, word_rd;
  logic [AW-1:0] next_rd;
  // NEXT[e] also holds the priority of the word of the entry after e (valid on
  // wait lists), so a pop of W[j] knows its new head's priority.
  logic [PRW-1:0] next_wp, next_rp;

  ats_intc_ram #(
    .DEPTH  (NUM_ENTRIES),
    .WIDTH  (32),
    .BYPASS (1'b0)
  ) u_word_ram (
    .clk_i   (clk_i),
    .we_i    (word_we),
    .waddr_i (word_wa),
    .wdata_i (word_wd),
    .raddr_i (ra),
    .rdata_o (word_ram_rd)
  );

  ats_intc_ram #(
    .DEPTH  (NUM_ENTRIES),
    .WIDTH  (AW + PRW),
    .BYPASS (1'b1)
  ) u_next_ram (
    .clk_i   (clk_i),
    .we_i    (next_we),
    .waddr_i (next_wa),
    .wdata_i ({next_wp, next_wd}),
    .raddr_i (ra),
    .rdata_o ({next_rp, next_rd})
  );

  always_ff @(posedge clk_i) begin : p_word_byp_q
    word_we_q <= word_we;
    word_wa_q <= word_wa;
  end
  // e_q is the address read at the edge that wrote word_wa_q.
  assign word_rd = (word_we_q && (word_wa_q == e_q)) ? rq_wdata_q : word_ram_rd;

  // ---------------------------------------------------------------------------
  // Stage B: the registered request
  // ---------------------------------------------------------------------------
  logic [PW-1:0]   b_p;     // process slot of the page (when rq_proc_q)
  logic [PW-1:0]   b_pi;    // process index of a kernel per-process register
  logic [HW-1:0]   b_hi;    // hart index of a kernel per-hart register
  logic [SW-1:0]   b_j;     // compact source index of the request
  logic [CW-1:0]   occ_q, free_q;
  logic [31:0]     wd;
  // Written fields (their ranges were checked in stage A).
  logic [PW-1:0]   f_owner;
  logic [HPW-1:0]  f_hproc;
  logic [RPW-1:0]  f_rprio;
  logic [PW-1:0]   f_iproc;
  // State of the op's source (src_q) and of its inspected list (x_l_q).
  logic [7:0]           s_pend;
  logic                 s_ovf, s_bcast;
  logic [PW-1:0]        s_owner;
  logic [NUM_PROCS-1:0] s_snd;
  logic                 x_ne;
  // Process slot of the page.
  logic                 p_berr;
  logic [CW-1:0]        p_heldv;
  logic [EW-1:0]        p_errv;
  assign wd      = rq_wdata_q;
  assign occ_q   = bump_q - fl_len_q;
  assign free_q  = NENT - occ_q;
  assign f_owner = PW'(get(wd, ats_intc_reg_pkg::K_SRC_CFG_OWNER_LSB, OWNW));
  assign f_hproc = HPW'(get(wd, ats_intc_reg_pkg::K_HART_PROC_PROC_LSB, HPW));
  assign f_rprio = RPW'(get(wd, ats_intc_reg_pkg::K_RUN_PRIO_PRIO_LSB, RPFW));
  assign f_iproc = PW'(get(wd, ats_intc_reg_pkg::K_ITER_CTRL_PROC_LSB, IPW));

  assign b_p  = PW'(rq_page_q - 4'd1);
  assign b_pi = PW'(rq_idx_q[PIXW-1:0]);
  assign b_hi = HW'(rq_idx_q[HIXW-1:0]);
  assign b_j  = src_idx_tab[rq_idx_q*SW +: SW];

  assign s_pend  = pend_q[src_q*8 +: 8];
  assign s_ovf   = ovf_q[src_q];
  assign s_bcast = bcast_q[src_q];
  assign s_owner = owner_q[src_q*PW +: PW];
  assign s_snd   = snd_q[src_q*NUM_PROCS +: NUM_PROCS];
  assign x_ne    = ne_q[x_l_q];

  assign p_berr  = berr_q[b_p];
  assign p_heldv = held_q[b_p*CW +: CW];
  assign p_errv  = perr_q[b_p*EW +: EW];

  // ---------------------------------------------------------------------------
  // Stage B: execution
  // ---------------------------------------------------------------------------
  // Counters (used by g_counters only when COUNTERS).
  logic          inc_enq, inc_deq, inc_wake, inc_err, occ_alloc;
  logic [5:0]    clr_cnt;          // enq, deq, wake, ovf, err, max_occ
  logic [5:0]    n_ovf;            // overflows this cycle (op + IRQ edges)
  logic [31:0]   cnt_enq, cnt_deq, cnt_wake, cnt_ovf, cnt_err;
  logic [CW-1:0] max_occ;

  // List, pool, count and event "ports" of the operation.
  logic          app_en, pop_en, tfix_en, al_en, fr_en, link_en, hd_en, hd_inc;
  logic          pe_en, pe_inc, pclr_en, oclr_en, chg_en, cs_en;
  logic [LW-1:0] app_l;
  logic [AW-1:0] app_e, al_e, app_tail;
  logic          app_ne, app_a_en, app_a_ne, pop_a_en;
  logic [AW-1:0] fl_head_a;
  logic [PW-1:0] hd_p, chg_p, cs_p;
  logic [31:0]   cs_w, rd_val, src_stat;
  logic [NUM_PROCS-1:0] rst_set, rst_kill;
  logic [CW-1:0] held_new;
  logic [7:0]    pend_new;
  logic          ovf_op;
  logic [NS-1:0] pclr;             // sources cleared by a process reset
  logic [NUM_IRQS-1:0] rise, irq_ovf;
  logic [SW-1:0] it_j;
  logic          pctl_reset;

  assign rise       = irq_i & ~irq_prev_q;
  assign it_j       = NR_ALIGNED ? SW'(it_list_q) : SW'(it_list_q - LW'(NR));
  assign pctl_reset = get(wd, ats_intc_reg_pkg::K_PROC_CTRL_RESET_LSB,
                          ats_intc_reg_pkg::K_PROC_CTRL_RESET_W) != '0;
  assign src_stat =
      put(32'(s_pend), ats_intc_reg_pkg::K_SRC_STAT_PENDING_LSB,
          ats_intc_reg_pkg::K_SRC_STAT_PENDING_W) |
      put(32'(s_ovf), ats_intc_reg_pkg::K_SRC_STAT_OVERFLOW_LSB,
          ats_intc_reg_pkg::K_SRC_STAT_OVERFLOW_W) |
      put(32'(x_ne), ats_intc_reg_pkg::K_SRC_STAT_WAITING_LSB,
          ats_intc_reg_pkg::K_SRC_STAT_WAITING_W);

  // Register reads (4.7): the value of the addressed register.
  always_comb begin : p_read
    rd_val = '0;
    if (rq_proc_q) begin
      if (preg_q.deq && deq_hit_q) rd_val = preg_q.deq_frame ? {word_rd[31:PFW], PFW'(0)} : word_rd;
      if (preg_q.err)              rd_val = 32'(p_errv);
      if (preg_q.cancel_st) begin
        rd_val = put(32'(cst_q[b_p]), ats_intc_reg_pkg::P_CANCEL_ST_REMOVED_LSB,
                     ats_intc_reg_pkg::P_CANCEL_ST_REMOVED_W);
      end
      if (preg_q.held)             rd_val = 32'(p_heldv);
      if (preg_q.pending)          rd_val = src_stat;
    end else begin
      if (kreg_q.id)         rd_val = ats_intc_reg_pkg::IP_ID;
      if (kreg_q.version)    rd_val = ats_intc_reg_pkg::IP_VERSION;
      if (kreg_q.cfg0)       rd_val = CFG0_VAL;
      if (kreg_q.cfg1)       rd_val = CFG1_VAL;
      if (kreg_q.global_err) rd_val = 32'(gerr_q);
      if (kreg_q.ctrl)       rd_val = 32'(ctrl_q);
      if (kreg_q.free)       rd_val = 32'(free_q);
      if (kreg_q.best) begin
        rd_val = put(32'(best_val_q), ats_intc_reg_pkg::K_BEST_VALID_LSB,
                     ats_intc_reg_pkg::K_BEST_VALID_W) |
                 put(32'(best_proc_q), ats_intc_reg_pkg::K_BEST_PROC_LSB,
                     ats_intc_reg_pkg::K_BEST_PROC_W) |
                 put(32'(best_prio_q), ats_intc_reg_pkg::K_BEST_PRIO_LSB,
                     ats_intc_reg_pkg::K_BEST_PRIO_W);
      end
      if (kreg_q.iter_next && it_valid_q && !it_stale_q) rd_val = word_rd;
      if (kreg_q.iter_where) begin
        rd_val = put(32'(it_stale_q), ats_intc_reg_pkg::K_ITER_WHERE_STALE_LSB,
                     ats_intc_reg_pkg::K_ITER_WHERE_STALE_W) |
                 put(32'(wh_wait_q), ats_intc_reg_pkg::K_ITER_WHERE_WAITING_LSB,
                     ats_intc_reg_pkg::K_ITER_WHERE_WAITING_W) |
                 put(32'(wh_idx_q), ats_intc_reg_pkg::K_ITER_WHERE_INDEX_LSB,
                     ats_intc_reg_pkg::K_ITER_WHERE_INDEX_W);
      end
      if (kreg_q.err_procs) begin
        for (int p = 0; p < NUM_PROCS; p++) begin
          rd_val[p] = (perr_q[p*EW +: EW] != '0);
        end
      end
      if (kreg_q.proc_ctrl) begin
        rd_val = put(32'(en_q[b_pi]), ats_intc_reg_pkg::K_PROC_CTRL_ENABLE_LSB,
                     ats_intc_reg_pkg::K_PROC_CTRL_ENABLE_W) |
                 put(32'(berr_q[b_pi]), ats_intc_reg_pkg::K_PROC_CTRL_BUS_ERR_EN_LSB,
                     ats_intc_reg_pkg::K_PROC_CTRL_BUS_ERR_EN_W);
      end
      if (kreg_q.quota) begin
        rd_val = put(32'(quota_q[b_pi*QW +: QW]), ats_intc_reg_pkg::K_QUOTA_LIMIT_LSB, QW);
      end
      if (kreg_q.held)       rd_val = 32'(held_q[b_pi*CW +: CW]);
      if (kreg_q.affinity) begin
        rd_val = put(32'(aff_q[b_pi*NH +: NH]), ats_intc_reg_pkg::K_AFFINITY_HARTS_LSB,
                     ats_intc_reg_pkg::K_AFFINITY_HARTS_W);
      end
      if (kreg_q.hart_proc) begin
        rd_val = put(32'(hproc_q[b_hi*HPW +: HPW]), ats_intc_reg_pkg::K_HART_PROC_PROC_LSB,
                     HPW);
      end
      if (kreg_q.run_prio) begin
        rd_val = put(32'(rprio_q[b_hi*RPW +: RPW]), ats_intc_reg_pkg::K_RUN_PRIO_PRIO_LSB,
                     RPFW);
      end
      if (kreg_q.src_cfg) begin
        rd_val = put(32'(s_owner), ats_intc_reg_pkg::K_SRC_CFG_OWNER_LSB, OWNW) |
                 put(32'(s_bcast), ats_intc_reg_pkg::K_SRC_CFG_BROADCAST_LSB,
                     ats_intc_reg_pkg::K_SRC_CFG_BROADCAST_W) |
                 put(32'(s_snd), ats_intc_reg_pkg::K_SRC_CFG_SENDERS_LSB,
                     ats_intc_reg_pkg::K_SRC_CFG_SENDERS_W);
      end
      if (kreg_q.src_stat)   rd_val = src_stat;
      if (kreg_q.cnt_enq)    rd_val = cnt_enq;
      if (kreg_q.cnt_deq)    rd_val = cnt_deq;
      if (kreg_q.cnt_wake)   rd_val = cnt_wake;
      if (kreg_q.cnt_ovf)    rd_val = cnt_ovf;
      if (kreg_q.cnt_err)    rd_val = cnt_err;
      if (kreg_q.max_occ)    rd_val = 32'(max_occ);
    end
  end

  always_comb begin : p_exec
    bcast_d     = bcast_q;
    owner_d     = owner_q;
    snd_d       = snd_q;
    en_d        = en_q;
    berr_d      = berr_q;
    cst_d       = cst_q;
    quota_d     = quota_q;
    aff_d       = aff_q;
    perr_d      = perr_q;
    hproc_d     = hproc_q;
    rprio_d     = rprio_q;
    gerr_d      = gerr_q;
    ctrl_d      = ctrl_q;
    cx_act_d    = cx_act_q;
    cx_free_d   = cx_free_q;
    cx_first_d  = cx_first_q;
    cx_cur_d    = cx_cur_q;
    cx_prev_d   = cx_prev_q;
    cx_src_d    = cx_src_q;
    cx_proc_d   = cx_proc_q;
    cx_word_d   = cx_word_q;
    dc_val_d    = dc_val_q;
    it_start_d  = it_start_q;
    it_stale_d  = it_stale_q;
    it_valid_d  = it_valid_q;
    it_proc_d   = it_proc_q;
    it_cur_d    = it_cur_q;
    it_list_d   = it_list_q;
    it_after_d  = it_after_q;
    wh_wait_d   = wh_wait_q;
    wh_idx_d    = wh_idx_q;

    app_en  = 1'b0; app_l = '0; app_e = '0;
    pop_en  = 1'b0;
    tfix_en = 1'b0;
    al_en   = 1'b0;
    fr_en   = 1'b0;
    link_en = 1'b0;
    hd_en   = 1'b0; hd_inc = 1'b0; hd_p = '0;
    pe_en   = 1'b0; pe_inc = 1'b0;
    pclr_en = 1'b0;
    oclr_en = 1'b0;
    chg_en  = 1'b0; chg_p = '0;
    cs_en   = 1'b0; cs_p = '0; cs_w = '0;
    rst_set  = '0;
    rst_kill = '0;
    inc_enq = 1'b0; inc_deq = 1'b0; inc_wake = 1'b0;
    inc_err = op_bus_q && !ok_q;
    clr_cnt = '0;
    al_e    = (fl_len_q != '0) ? fl_head_q : bump_q[AW-1:0];

    if (op_bus_q && !ok_q) begin
      // ---------------- rejected access: sticky error bit only ----------------
      if (rq_proc_q) begin
        for (int p = 0; p < NUM_PROCS; p++) begin
          if (b_p == PW'(p)) perr_d[p*EW +: EW] = p_errv | rej_q;
        end
      end else begin
        gerr_d = gerr_q | rej_q;
      end
    end else if (op_bus_q && rq_proc_q) begin
      // ---------------- process page p = b_p (4.2, 4.3, 4.4) ----------------
      if (preg_q.enq) begin
        al_en   = 1'b1;
        app_en  = 1'b1;
        app_l   = app_l_q;
        app_e   = al_e;
        hd_en   = 1'b1; hd_inc = 1'b1; hd_p = b_p;
        inc_enq = 1'b1;
        chg_en  = 1'b1; chg_p = b_p;
      end
      if (preg_q.deq) begin
        if (deq_hit_q) begin
          pop_en  = 1'b1;
          fr_en   = 1'b1;
          hd_en   = 1'b1; hd_p = b_p;
          inc_deq = 1'b1;
          chg_en  = 1'b1; chg_p = b_p;
        end
        for (int h = 0; h < NH; h++) begin
          if (rq_hart_q == HIXW'(h) && hproc_q[h*HPW +: HPW] == HPW'(b_p)) begin
            rprio_d[h*RPW +: RPW] = deq_hit_q ? RPW'(word_rd[PFW-1:0]) : RPW'(NUM_PRIOS);
          end
        end
      end
      if (preg_q.err && rq_we_q) begin
        for (int p = 0; p < NUM_PROCS; p++) begin
          if (b_p == PW'(p)) perr_d[p*EW +: EW] = p_errv & ~wd[EW-1:0];
        end
      end
      if (preg_q.wait_on) begin
        al_en  = 1'b1;
        app_en = 1'b1;
        app_e  = al_e;
        hd_en  = 1'b1; hd_inc = 1'b1; hd_p = b_p;
        chg_en = 1'b1; chg_p = b_p;
        app_l = app_l_q;
        if (consume_q) begin
          pe_en    = 1'b1;
          inc_wake = 1'b1;
        end
      end
      if (preg_q.send) begin
        pe_en = 1'b1; pe_inc = 1'b1;
      end
      if (preg_q.cancel) begin
        if (cx_act_q) begin
          dc_val_d = 1'b1;   // deferred behind the outstanding walk (docs §6)
        end else begin
          cs_en = 1'b1; cs_p = b_p; cs_w = wd;
        end
      end
    end else if (op_bus_q && rq_we_q) begin
      // ---------------- kernel page writes (4.5, 4.6, 4.7) ----------------
      if (kreg_q.global_err) gerr_d = gerr_q & ~wd[EW-1:0];
      if (kreg_q.ctrl) begin
        ctrl_d = {get(wd, ats_intc_reg_pkg::K_CTRL_ERR_IRQ_EN_LSB,
                      ats_intc_reg_pkg::K_CTRL_ERR_IRQ_EN_W) != '0,
                  get(wd, ats_intc_reg_pkg::K_CTRL_BUS_ERR_EN_LSB,
                      ats_intc_reg_pkg::K_CTRL_BUS_ERR_EN_W) != '0};
      end
      if (kreg_q.iter_ctrl) begin
        it_start_d = 1'b1;
        it_stale_d = 1'b0;
        it_proc_d  = f_iproc;
        it_valid_d = sel_found_q;
        it_cur_d   = sel_head_q;
        it_list_d  = sel_l_q;
        it_after_d = lists_after(sel_l_q);
        wh_wait_d  = 1'b0;
        wh_idx_d   = '0;
      end
      for (int p = 0; p < NUM_PROCS; p++) begin
        if (b_pi == PW'(p)) begin
          if (kreg_q.proc_ctrl) begin
            en_d[p]   = get(wd, ats_intc_reg_pkg::K_PROC_CTRL_ENABLE_LSB,
                            ats_intc_reg_pkg::K_PROC_CTRL_ENABLE_W) != '0;
            berr_d[p] = get(wd, ats_intc_reg_pkg::K_PROC_CTRL_BUS_ERR_EN_LSB,
                            ats_intc_reg_pkg::K_PROC_CTRL_BUS_ERR_EN_W) != '0;
            if (pctl_reset) begin
              perr_d[p*EW +: EW] = '0;
              cst_d[p]   = 1'b0;
              rst_set[p] = 1'b1;
            end
          end
          if (kreg_q.quota) begin
            quota_d[p*QW +: QW] = QW'(get(wd, ats_intc_reg_pkg::K_QUOTA_LIMIT_LSB, QW));
          end
          if (kreg_q.affinity) aff_d[p*NH +: NH] = wd[ats_intc_reg_pkg::K_AFFINITY_HARTS_LSB +: NH];
        end
      end
      pclr_en = kreg_q.proc_ctrl && pctl_reset;
      for (int h = 0; h < NH; h++) begin
        if (b_hi == HW'(h)) begin
          if (kreg_q.hart_proc) hproc_d[h*HPW +: HPW] = f_hproc;
          if (kreg_q.run_prio)  rprio_d[h*RPW +: RPW] = f_rprio;
        end
      end
      for (int j = 0; j < NS; j++) begin
        if (kreg_q.src_cfg && src_q == SW'(j)) begin
          owner_d[j*PW +: PW] = f_owner;
          bcast_d[j] = get(wd, ats_intc_reg_pkg::K_SRC_CFG_BROADCAST_LSB,
                           ats_intc_reg_pkg::K_SRC_CFG_BROADCAST_W) != '0;
          snd_d[j*NUM_PROCS +: NUM_PROCS] =
              wd[ats_intc_reg_pkg::K_SRC_CFG_SENDERS_LSB +: NUM_PROCS];
        end
      end
      if (kreg_q.fire) begin
        pe_en = 1'b1; pe_inc = 1'b1;
      end
      oclr_en = kreg_q.src_stat && get(wd, ats_intc_reg_pkg::K_SRC_STAT_OVERFLOW_LSB,
                                       ats_intc_reg_pkg::K_SRC_STAT_OVERFLOW_W) != '0;
      clr_cnt = {kreg_q.max_occ, kreg_q.cnt_err, kreg_q.cnt_ovf, kreg_q.cnt_wake,
                 kreg_q.cnt_deq, kreg_q.cnt_enq};
    end else if (op_bus_q) begin
      // ---------------- kernel page reads with a side effect ----------------
      if (kreg_q.iter_next && it_valid_q && !it_stale_q) begin
        // 4.6: the word read now was at it_cur_q; stage A pointed x_l at the
        // current list and looked up the next non-empty list (sel_*).
        if (is_wl(it_list_q)) begin
          wh_wait_d = 1'b1;
          wh_idx_d  = src_id_tab[it_j*SIDW +: SIDW];
        end else begin
          wh_wait_d = 1'b0;
          wh_idx_d  = NP_POW2 ? SIDW'(it_list_q[PRW-1:0])
                              : SIDW'(it_list_q - LW'(it_proc_q) * LW'(NUM_PRIOS));
        end
        if (x_tail) begin
          it_valid_d = sel_found_q;
          it_cur_d   = sel_head_q;
          it_list_d  = sel_l_q;
          it_after_d = lists_after(sel_l_q);
        end else begin
          it_cur_d   = next_rd;
        end
      end
    end else if (op_cxs_q) begin
      // ---------------- cancel walk step (4.4) ----------------
      if (cx_free_q) begin
        fr_en  = 1'b1;
        hd_en  = 1'b1; hd_p = cx_proc_q;
        cx_free_d = 1'b0;
        for (int p = 0; p < NUM_PROCS; p++) begin
          if (cx_proc_q == PW'(p)) cst_d[p] = 1'b1;
        end
        cx_act_d = 1'b0;
        chg_en = 1'b1; chg_p = cx_proc_q;
      end else if (word_rd == cx_word_q) begin
        // Unlink e: at the head it is a pop, else NEXT[prev] = NEXT[e].
        pop_en    = cx_first_q;
        link_en   = !cx_first_q;
        tfix_en   = !cx_first_q && x_tail;
        cx_free_d = 1'b1;
        chg_en = 1'b1; chg_p = cx_proc_q;
      end else if (x_tail) begin
        for (int p = 0; p < NUM_PROCS; p++) begin
          if (cx_proc_q == PW'(p)) cst_d[p] = 1'b0;
        end
        cx_act_d = 1'b0;
      end else begin
        cx_prev_d  = e_q;
        cx_cur_d   = next_rd;
        cx_first_d = 1'b0;
      end
    end else if (op_cxd_q) begin
      // ---------------- the deferred CANCEL starts now ----------------
      dc_val_d = 1'b0;
      cs_en = 1'b1; cs_p = b_p; cs_w = wd;
    end else if (op_rst_q) begin
      // ---------------- process reset step (4.5) ----------------
      if (sel_found_q) begin
        pop_en = 1'b1;
        fr_en  = 1'b1;
        hd_en  = 1'b1; hd_p = rs_p_q;
        chg_en = 1'b1; chg_p = rs_p_q;
      end else begin
        // HELD and the lists disagree: cannot happen; stop the walk.
        for (int p = 0; p < NUM_PROCS; p++) begin
          if (rs_p_q == PW'(p)) rst_kill[p] = 1'b1;
        end
      end
    end else if (op_wk_q) begin
      // ---------------- wake step (4.3) ----------------
      pop_en   = 1'b1;
      app_en   = 1'b1;
      app_l    = app_l_q;   // rlist(s_owner, prio of word_rd), found by stage A
      app_e    = e_q;
      inc_wake = 1'b1;
      pe_en    = !s_bcast || x_tail;
      chg_en   = 1'b1; chg_p = s_owner;
    end

    // ---------------- cancel start (the effect of a CANCEL store) ----------------
    // x_l is W[s] and sel_head_q its head (stage A).
    if (cs_en) begin
      if (!x_ne) begin
        for (int p = 0; p < NUM_PROCS; p++) begin
          if (cs_p == PW'(p)) cst_d[p] = 1'b0;
        end
      end else begin
        cx_act_d   = 1'b1;
        cx_free_d  = 1'b0;
        cx_first_d = 1'b1;
        cx_cur_d   = sel_head_q;
        cx_src_d   = src_q;
        cx_proc_d  = cs_p;
        cx_word_d  = cs_w;
      end
    end

    // ---------------- iterator staleness ----------------
    if (chg_en && it_start_q && chg_p == it_proc_q) it_stale_d = 1'b1;

    // ---------------- response ----------------
    rvalid_d    = op_bus_q;
    rdata_d     = (op_bus_q && ok_q && !rq_we_q) ? rd_val : '0;
    rerr_resp_d = op_bus_q && !ok_q && (rq_proc_q ? p_berr : ctrl_q[0]);
  end

  // ---------------------------------------------------------------------------
  // Stage B: lists, pool, HELD, pending (the op's ports, then the IRQ edges)
  // ---------------------------------------------------------------------------
  assign app_tail = ta_rd;
  assign app_ne   = ne_q[app_l];
  assign app_a_ne = ne_q[app_l_q];
  // What stage A sees of this op (the bypass) leaves out what the next op
  // cannot need, which keeps long paths out of the read-address logic:
  //  * a wake step's append: after a wake the next op is a wake or nothing
  //    (gnt_o was low, and cancel and reset work would have gone first), and a
  //    wake only looks at W lists;
  //  * a cancel step's unlink (pop or tail fix): the next op is its free step;
  //  * frees by internal steps on the free list head: no request can be
  //    accepted right after an internal step (gnt_o was low), and only ENQ and
  //    WAIT read the free list head.
  // (Written out per op kind: synthesis does not see that they exclude each other.)
  assign app_a_en = op_bus_q && ok_q && rq_proc_q && (preg_q.enq || preg_q.wait_on);
  assign pop_a_en = (op_bus_q && ok_q && rq_proc_q && preg_q.deq && deq_hit_q) ||
                    (op_rst_q && sel_found_q) || op_wk_q;

  // An op touches at most two lists (a wake pops W[s] and appends to R[o][*]),
  // so the next state is written at those indices only, not by a loop over
  // every list (which a simulator would run every cycle). The nonempty flags
  // change by one-hot masks: a pop of the tail clears, an append sets.
  logic [NL-1:0] x_oh, app_oh, app_a_oh;

  assign x_oh     = NL'(1) << x_l_q;
  assign app_oh   = NL'(1) << app_l;
  assign app_a_oh = NL'(1) << app_l_q;
  assign ne_d = (ne_q & ~((pop_en && x_tail) ? x_oh : '0)) |
                ((app_en && !app_ne) ? app_oh : '0);
  assign ne_a = (ne_q & ~((pop_a_en && x_tail) ? x_oh : '0)) | (app_a_en ? app_a_oh : '0);


  // Write ports of the head and tail arrays: a pop moves the head of x_l_q
  // (unless it took the tail), an append sets the tail of app_l (and its head
  // when it was empty), a cancel unlink of the tail moves the tail back. Only
  // a wake both pops (W[s]) and appends (R[o][*]), so each head array needs
  // one port: the pop's when it pops a list of that kind, else the append's.
  // Only WAIT appends to a wait list, with its own word (wd).
  logic              hd_we_pop, hd_we_app, tl_we, x_is_w, app_is_w;
  logic              hr_we, hw_we;
  logic [NRW-1:0]    hr_wa;
  logic [SW-1:0]     hw_wa;
  logic [AW-1:0]     hr_wd;
  logic [PRW+AW-1:0] hw_wd;
  logic [LW-1:0]     tl_wa;
  logic [AW-1:0]     tl_wd;

  always_comb begin : p_lists
    hd_we_pop = pop_en && !x_tail;
    hd_we_app = app_en && !app_ne;
    x_is_w    = is_wl(x_l_q);
    app_is_w  = is_wl(app_l);
    hr_we     = (hd_we_pop && !x_is_w) || (hd_we_app && !app_is_w);
    hr_wa     = (hd_we_pop && !x_is_w) ? NRW'(x_l_q) : NRW'(app_l);
    hr_wd     = (hd_we_pop && !x_is_w) ? next_rd : app_e;
    hw_we     = (hd_we_pop && x_is_w) || (hd_we_app && app_is_w);
    hw_wa     = (hd_we_pop && x_is_w) ? wj(x_l_q) : wj(app_l);
    hw_wd     = (hd_we_pop && x_is_w) ? {next_rp, next_rd} : {wd[PRW-1:0], app_e};
    tl_we     = app_en || tfix_en;
    tl_wa     = app_en ? app_l : x_l_q;
    tl_wd     = app_en ? app_e : cx_prev_q;
  end

  always_comb begin : p_pool
    fl_head_d = fl_head_q;
    fl_len_d  = fl_len_q;
    bump_d    = bump_q;
    if (al_en) begin
      if (fl_len_q != '0) begin
        fl_head_d = next_rd;
        fl_len_d  = fl_len_q - CW'(1);
      end else begin
        bump_d = bump_q + CW'(1);
      end
    end
    if (fr_en) begin
      fl_head_d = e_q;
      fl_len_d  = fl_len_q + CW'(1);
    end
    fl_head_a = fl_head_q;
    if (app_a_en && fl_len_q != '0)                                   fl_head_a = next_rd;
    if (op_bus_q && ok_q && rq_proc_q && preg_q.deq && deq_hit_q)     fl_head_a = e_q;
    occ_alloc   = al_en;
    pool_full_d = (fl_len_d == '0) && (bump_d == NENT);

    // RAM writes: WORD on allocation; NEXT for a link, a free or an unlink.
    word_we = al_en;
    word_wa = al_e;
    word_wd = wd;
    next_we = 1'b0;
    next_wa = app_tail;
    next_wd = app_e;
    next_wp = wd[PRW-1:0];   // only WAIT links W lists, with its own word
    if (app_en && app_ne) begin
      next_we = 1'b1;
    end
    if (fr_en) begin
      next_we = 1'b1; next_wa = e_q; next_wd = fl_head_q;
    end
    if (link_en) begin
      next_we = 1'b1; next_wa = cx_prev_q; next_wd = next_rd; next_wp = next_rp;
    end
  end

  // HELD and the reset walks. A process whose count reaches zero stops
  // resetting; the zero test uses the current count, not the adder. The
  // loops run (in a simulator) only when a count changes or a walk is on.
  logic [NUM_PROCS-1:0] held_zero_d;

  always_comb begin : p_held_cnt
    held_new = held_q[hd_p*CW +: CW] + (hd_inc ? CW'(1) : {CW{1'b1}});
    held_d   = held_q;
    if (hd_en) begin
      for (int p = 0; p < NUM_PROCS; p++) begin
        if (hd_p == PW'(p)) held_d[p*CW +: CW] = held_new;
      end
    end
    for (int p = 0; p < NUM_PROCS; p++) begin
      quota_hit_d[p] = (quota_d[p*QW +: QW] != '0) &&
                       (QW'(held_d[p*CW +: CW]) >= quota_d[p*QW +: QW]);
    end
    held_zero_d = '0;
    rstp_d      = '0;
    if ((rstp_q | rst_set) != '0) begin
      for (int p = 0; p < NUM_PROCS; p++) begin
        if (hd_en && hd_p == PW'(p)) held_zero_d[p] = !hd_inc && (held_q[p*CW +: CW] == CW'(1));
        else                         held_zero_d[p] = (held_q[p*CW +: CW] == '0);
        rstp_d[p] = (rstp_q[p] | rst_set[p]) & ~rst_kill[p] & ~held_zero_d[p];
      end
    end
  end

  // Pending counters. pnz_q mirrors (pend_q != 0), so pend_nz_d (which
  // counters are non-zero next: the wake selector, a WAIT's consume) comes
  // from one-hot masks, without a comparator or an adder per source. The op's
  // effect (p_pend_op) and the IRQ edges (p_pend_irq) are separate blocks:
  // only the second depends on an input, and a simulator re-evaluates
  // input-dependent logic whenever an input may have changed.
  logic [NS-1:0]   pend_nz_d, pnz_q, pnz_o, ovf_o, src_oh;
  logic [NS*8-1:0] pend_o;           // after the op, before the IRQ edges

  always_comb begin : p_pend_op
    // The op's event (SEND, FIRE) or consume (WAIT, wake) on src_q; a consume
    // never meets a zero counter (stage A checked pend_nz_d) ...
    ovf_op   = pe_en && pe_inc && (s_pend == 8'hFF);
    pend_new = pe_inc ? (ovf_op ? 8'hFF : s_pend + 8'd1) : s_pend - 8'd1;
    src_oh   = NS'(1) << src_q;
    pend_o   = pend_q;
    ovf_o    = ovf_q;
    pnz_o    = pnz_q;
    if (pe_en) begin
      for (int j = 0; j < NS; j++) begin
        if (src_oh[j]) begin
          pend_o[j*8 +: 8] = pend_new;
          pnz_o[j]         = pe_inc || (s_pend[7:1] != 7'd0);
        end
      end
      if (ovf_op) ovf_o = ovf_o | src_oh;
    end
    if (oclr_en) ovf_o = ovf_o & ~src_oh;
    // ... or a process reset clears the counters of every source p owns.
    pclr = '0;
    if (pclr_en) begin
      for (int j = 0; j < NS; j++) begin
        pclr[j] = (owner_q[j*PW +: PW] == b_pi);
        if (pclr[j]) pend_o[j*8 +: 8] = 8'd0;
      end
      ovf_o = ovf_o & ~pclr;
      pnz_o = pnz_o & ~pclr;
    end
  end

  always_comb begin : p_pend_irq
    // Then the IRQ rising edges sampled at the next edge ((a) of 3.1).
    pend_d    = pend_o;
    ovf_d     = ovf_o;
    pend_nz_d = pnz_o | NS'(rise);
    irq_ovf   = '0;
    n_ovf     = 6'(ovf_op);
    if (rise != '0) begin
      for (int i = 0; i < NUM_IRQS; i++) begin
        if (rise[i]) begin
          if (pend_o[i*8 +: 8] == 8'hFF) begin
            ovf_d[i]   = 1'b1;
            irq_ovf[i] = 1'b1;
          end else begin
            pend_d[i*8 +: 8] = pend_o[i*8 +: 8] + 8'd1;
          end
        end
      end
      for (int i = 0; i < NUM_IRQS; i++) begin
        n_ovf = n_ovf + 6'(irq_ovf[i]);
      end
    end
  end

  // ---------------------------------------------------------------------------
  // Derived lines from the next state: BEST, work, preempt, err_irq, gnt
  // ---------------------------------------------------------------------------
  // BEST, work_o and preempt_o depend on the ready lists' nonempty flags,
  // the enables, HART_PROC, RUN_PRIO and AFFINITY. They are recomputed only at
  // an edge that may change one of these (lines_dirty, a superset: an op that
  // empties or fills a list, a DEQ, a kernel access to one of those
  // registers) and hold otherwise, so a simulator skips them on most cycles.
  // After reset both the state and the registered lines are empty.
  logic                     lines_dirty;
  logic [NUM_PROCS-1:0]     rdy_d;
  logic [NUM_PROCS*PRW-1:0] top_d;
  logic [NS-1:0]            wrdy_d;

  // The most urgent non-empty level of a process (its lowest set bit).
  function automatic logic [PRW-1:0] top_level(input logic [NP-1:0] v);
    top_level = '0;
    for (int i = NP - 1; i >= 0; i--) begin
      if (v[i]) top_level = PRW'(i);
    end
  endfunction

  assign lines_dirty = (pop_en && x_tail) || (app_en && !app_ne) ||
                       (op_bus_q && (kreg_q.proc_ctrl || kreg_q.affinity || kreg_q.hart_proc ||
                                     kreg_q.run_prio || preg_q.deq));

  always_comb begin : p_best
    rdy_d       = '0;
    top_d       = '0;
    best_val_d  = best_val_q;
    best_proc_d = best_proc_q;
    best_prio_d = best_prio_q;
    if (lines_dirty) begin
      best_val_d  = 1'b0;
      best_proc_d = '0;
      best_prio_d = '0;
      for (int p = 0; p < NUM_PROCS; p++) begin
        rdy_d[p]             = (ne_d[p*NP +: NP] != '0);
        top_d[p*PRW +: PRW]  = top_level(ne_d[p*NP +: NP]);
        if (en_d[p] && rdy_d[p] && (!best_val_d || top_d[p*PRW +: PRW] < best_prio_d)) begin
          best_val_d  = 1'b1;
          best_proc_d = PW'(p);
          best_prio_d = top_d[p*PRW +: PRW];
        end
      end
    end
  end

  always_comb begin : p_harts
    work_d    = work_q;
    preempt_d = preempt_q;
    if (lines_dirty) begin
      for (int h = 0; h < NH; h++) begin
        work_d[h]    = 1'b0;
        preempt_d[h] = 1'b0;
        for (int p = 0; p < NUM_PROCS; p++) begin
          if (hproc_d[h*HPW +: HPW] == HPW'(p)) begin
            work_d[h] = en_d[p] & rdy_d[p];
          end else if (en_d[p] && rdy_d[p] && aff_d[p*NH + h] &&
                       RPW'(top_d[p*PRW +: PRW]) < rprio_d[h*RPW +: RPW]) begin
            preempt_d[h] = 1'b1;
          end
        end
      end
    end
  end

  assign err_irq_d = ctrl_d[1] && ((gerr_d != '0) || (perr_d != '0));
  assign wrdy_d    = pend_nz_d & ne_d[NR +: NS];
  // 3.2: internal work outstanding -> no grant for the next edge.
  assign gnt_d     = !(cx_act_d || dc_val_d || (rstp_d != '0) || (wrdy_d != '0));

  // ---------------------------------------------------------------------------
  // Stage A: decode the request, choose the operation of the next edge, find
  // its list and drive the RAM read address
  // ---------------------------------------------------------------------------
  logic                   a_proc;
  ats_intc_pkg::kreg_t    a_kreg;
  ats_intc_pkg::preg_t    a_preg;
  ats_intc_pkg::req_err_t a_err;
  logic            accept, go_cxs, go_cxd, go_rst, go_wk;
  logic [PW-1:0]   a_p, rs_p, enc_p;
  logic [SW-1:0]   a_j, wk_j, src_a;
  logic            rs_any, wk_any, dq_found;
  logic [PRW-1:0]  dq_lvl;
  logic            enc_all, enc_need;
  logic [NL-1:0]   enc_cand, enc_own;
  logic            enc_found;
  logic [LW-1:0]   enc_l, x_l, hd_l;
  logic [AW-1:0]   head_sel;
  logic [PRW-1:0]  wprio_sel;
  logic [LW-1:0]   app_l_n;
  // The checks of 4.1 on the state the request will meet (the next state).
  logic            a_dis, a_perm, a_quota, a_full, a_obusy, a_consume;
  logic [EW-1:0]   a_rej;
  logic [LW-1:0]   a_app_l;
  logic [NUM_PROCS-1:0] a_snd;

  ats_intc_decode #(
    .NUM_PROCS    (NUM_PROCS),
    .NUM_PRIOS    (NUM_PRIOS),
    .NUM_IRQS     (NUM_IRQS),
    .NUM_CHANNELS (NUM_CHANNELS),
    .NUM_HARTS    (NUM_HARTS)
  ) u_decode (
    .en_i    (accept),
    .we_i    (we_i),
    .be_i    (be_i),
    .addr_i  (addr_i),
    .wdata_i (wdata_i),
    .proc_o  (a_proc),
    .kreg_o  (a_kreg),
    .preg_o  (a_preg),
    .err_o   (a_err)
  );

  assign a_p = PW'(addr_i[15:12] - 4'd1);
  assign a_j = src_idx_tab[addr_i[2 +: SIDW]*SW +: SW];

  // Registered with an accepted request only (p_pipe_q); evaluated only then.
  always_comb begin : p_checks
    a_dis     = 1'b0;
    a_snd     = '0;
    a_perm    = 1'b0;
    a_quota   = 1'b0;
    a_full    = 1'b0;
    a_obusy   = 1'b0;
    a_rej     = '0;
    a_consume = 1'b0;
    a_app_l   = '0;
    if (accept) begin
      a_dis   = (a_preg.enq | a_preg.deq | a_preg.wait_on | a_preg.send | a_preg.cancel) &&
                !en_d[a_p];
      a_snd   = snd_d[a_j*NUM_PROCS +: NUM_PROCS];
      a_perm  = (a_preg.send && !a_snd[a_p]) ||
                ((a_preg.wait_on | a_preg.cancel | a_preg.pending) && owner_d[a_j*PW +: PW] != a_p);
      a_quota = (a_preg.enq | a_preg.wait_on) && quota_hit_d[a_p];
      a_full  = (a_preg.enq | a_preg.wait_on) && pool_full_d;
      a_obusy = we_i && a_kreg.src_cfg && ne_d[wlist(a_j)] &&
                (PW'(get(wdata_i, ats_intc_reg_pkg::K_SRC_CFG_OWNER_LSB, OWNW)) !=
                 owner_d[a_j*PW +: PW]);
      // The first failing check names the error.
      if (a_err.align)          a_rej[ats_intc_reg_pkg::ERR_ALIGN]      = 1'b1;
      else if (a_err.absent)    a_rej[ats_intc_reg_pkg::ERR_ABSENT]     = 1'b1;
      else if (a_err.bad_off)   a_rej[ats_intc_reg_pkg::ERR_BAD_OFF]    = 1'b1;
      else if (a_dis)           a_rej[ats_intc_reg_pkg::ERR_DISABLED]   = 1'b1;
      else if (a_err.bad_src)   a_rej[ats_intc_reg_pkg::ERR_BAD_SRC]    = 1'b1;
      else if (a_perm)          a_rej[ats_intc_reg_pkg::ERR_PERM]       = 1'b1;
      else if (a_err.bad_word)  a_rej[ats_intc_reg_pkg::ERR_BAD_WORD]   = 1'b1;
      else if (a_quota)         a_rej[ats_intc_reg_pkg::ERR_QUOTA]      = 1'b1;
      else if (a_full)          a_rej[ats_intc_reg_pkg::ERR_FULL]       = 1'b1;
      else if (a_err.bad_value) a_rej[ats_intc_reg_pkg::ERR_BAD_VALUE]  = 1'b1;
      else if (a_obusy)         a_rej[ats_intc_reg_pkg::ERR_OWNER_BUSY] = 1'b1;
      // Where an ENQ or WAIT appends (4.2, 4.3).
      a_consume = pend_nz_d[a_j];
      a_app_l   = (a_preg.wait_on && !a_consume) ? wlist(a_j)
                                                 : rlist(a_p, wdata_i[PRW-1:0]);
    end
  end

  ats_intc_ffs #(
    .WIDTH (NUM_PROCS)
  ) u_rst_sel (
    .in_i    (rstp_d),
    .found_o (rs_any),
    .idx_o   (rs_p)
  );

  ats_intc_ffs #(
    .WIDTH (NS)
  ) u_wake_sel (
    .in_i    (wrdy_d),
    .found_o (wk_any),
    .idx_o   (wk_j)
  );

  // DEQ: the most urgent non-empty level of the addressed process (looked at
  // for an accepted DEQ only: deq_hit_q is used with preg_q.deq only).
  logic [NP-1:0] dq_in;

  assign dq_in = a_preg.deq ? ne_a[a_p*NP +: NP] : '0;

  ats_intc_ffs #(
    .WIDTH (NUM_PRIOS)
  ) u_deq_sel (
    .in_i    (dq_in),
    .found_o (dq_found),
    .idx_o   (dq_lvl)
  );

  // First non-empty list of process enc_p at or after enc_start, in the order
  // of 4.5: R[p][0..NUM_PRIOS-1], then W[s] of the sources p owns by source id.
  ats_intc_ffs #(
    .WIDTH (NL)
  ) u_list_enc (
    .in_i    (enc_cand),
    .found_o (enc_found),
    .idx_o   (enc_l)
  );

  // 3.1 (b): a granted request goes first, then internal work in 3.2 order.
  // Only an accepted request is decoded (u_decode outputs 0 otherwise).
  assign accept = req_i && gnt_q;

  always_comb begin : p_select
    go_cxs = !accept && cx_act_d;
    go_cxd = !accept && !cx_act_d && dc_val_d;
    go_rst = !accept && !cx_act_d && !dc_val_d && rs_any;
    go_wk  = !accept && !cx_act_d && !dc_val_d && !rs_any && wk_any;

    if (!accept)               enc_p = rs_p;
    else if (a_kreg.iter_ctrl) enc_p = wdata_i[ats_intc_reg_pkg::K_ITER_CTRL_PROC_LSB +: PW];
    else                       enc_p = it_proc_d;
    // ITER_NEXT searches the lists after the current one only.
    enc_all = !(accept && a_kreg.iter_next);

    // Candidates: the non-empty lists of enc_p (its NUM_PRIOS ready lists as
    // one field, the wait lists of the sources it owns), masked to the lists
    // after the current one for ITER_NEXT. Only a reset step, ITER_CTRL and
    // ITER_NEXT use the encoder (sel_*_q); other ops leave it empty.
    // (A superset of the uses, from early signals: !accept && rs_any rather
    // than go_rst keeps the cancel flags off the read-address path.)
    enc_need = accept ? (a_kreg.iter_ctrl || a_kreg.iter_next) : rs_any;
    enc_own  = '0;
    enc_cand = '0;
    if (enc_need) begin
      for (int p = 0; p < NUM_PROCS; p++) begin
        enc_own[p*NP +: NP] = {NP{enc_p == PW'(p)}};
      end
      for (int j = 0; j < NS; j++) begin
        enc_own[NR + j] = (owner_d[j*PW +: PW] == enc_p);
      end
      enc_cand = ne_a & enc_own & (enc_all ? {NL{1'b1}} : it_after_d);
    end

    // The op's source.
    if (accept)      src_a = a_j;
    else if (go_cxs) src_a = cx_src_d;
    else if (go_cxd) src_a = b_j;
    else             src_a = wk_j;
  end

  always_comb begin : p_read_addr
    // The list the op pops, searches or inspects (x_l), and the list whose
    // head it needs (hd_l: the same, but the next list for ITER_NEXT).
    if (accept) begin
      if (a_preg.deq)                               x_l = rlist(a_p, dq_lvl);
      else if (a_kreg.iter_next)                    x_l = it_list_d;
      else if (a_kreg.iter_ctrl)                    x_l = enc_l;
      else                                          x_l = wlist(src_a);
    end else if (go_rst) begin
      x_l = enc_l;
    end else begin
      x_l = wlist(src_a);
    end
    hd_l = (accept && a_kreg.iter_next) ? enc_l : x_l;

    // Heads and tails as the op in stage B leaves them (the bypass).
    if (pop_a_en && !x_tail && hd_l == x_l_q) begin
      head_sel  = next_rd;
      wprio_sel = next_rp;
    end else if (app_a_en && !app_a_ne && hd_l == app_l_q) begin
      head_sel  = al_e;
      wprio_sel = wd[PRW-1:0];
    end else begin
      head_sel  = is_wl(hd_l) ? head_w_q[wj(hd_l)][AW-1:0] : head_r_q[NRW'(hd_l)];
      wprio_sel = head_w_q[wj(hd_l)][PRW+AW-1:AW];
    end
    // The list the op appends to: ENQ and WAIT (decoded), or a wake step,
    // which moves the head of W[src_a] to its owner's level of that word.
    app_l_n = accept ? a_app_l : rlist(owner_d[src_a*PW +: PW], wprio_sel);

    if (accept) begin
      if (a_preg.deq)             ra = head_sel;
      else if (a_kreg.iter_next)  ra = it_cur_d;
      else                        ra = fl_head_a;   // ENQ and WAIT pop the free list
    end else if (go_cxs) begin
      ra = cx_cur_d;
    end else begin
      ra = head_sel;
    end
  end

  // Tails: two block-RAM copies with the one write port of the tails, read at
  // the list stage A chose (x_l) and at the list the op appends to (app_l_n).
  // Their bypass makes a write and a read at one edge write-first, so stage B
  // sees the tails as they are after edge k: the same values the register
  // array had (stage A's old bypass left out only writes no next op can need).
  ats_intc_ram #(
    .DEPTH  (NL),
    .WIDTH  (AW),
    .BYPASS (1'b1)
  ) u_tail_x (
    .clk_i   (clk_i),
    .we_i    (tl_we),
    .waddr_i (tl_wa),
    .wdata_i (tl_wd),
    .raddr_i (x_l),
    .rdata_o (tx_rd)
  );

  ats_intc_ram #(
    .DEPTH  (NL),
    .WIDTH  (AW),
    .BYPASS (1'b1)
  ) u_tail_a (
    .clk_i   (clk_i),
    .we_i    (tl_we),
    .waddr_i (tl_wa),
    .wdata_i (tl_wd),
    .raddr_i (app_l_n),
    .rdata_o (ta_rd)
  );

  assign x_tail = (e_q == tx_rd);

  // ---------------------------------------------------------------------------
  // Registers
  // ---------------------------------------------------------------------------
  always_ff @(posedge clk_i) begin : p_lists_q
    if (!rst_ni) ne_q <= '0;
    else         ne_q <= ne_d;
  end

  // Heads and tails are not reset: their values matter only while the list's
  // nonempty flag is set, and an append to an empty list writes both.
  always_ff @(posedge clk_i) begin : p_ends_q
    if (rst_ni && hr_we) head_r_q[hr_wa] <= hr_wd;
    if (rst_ni && hw_we) head_w_q[hw_wa] <= hw_wd;
  end

  always_ff @(posedge clk_i) begin : p_pool_q
    if (!rst_ni) begin
      fl_head_q   <= '0;
      fl_len_q    <= '0;
      bump_q      <= '0;
    end else begin
      fl_head_q   <= fl_head_d;
      fl_len_q    <= fl_len_d;
      bump_q      <= bump_d;
    end
  end

  always_ff @(posedge clk_i) begin : p_sources_q
    if (!rst_ni) begin
      pend_q     <= '0;
      pnz_q      <= '0;
      ovf_q      <= '0;
      bcast_q    <= '0;
      owner_q    <= '0;
      snd_q      <= '0;
      irq_prev_q <= irq_i;
    end else begin
      pend_q     <= pend_d;
      pnz_q      <= pend_nz_d;
      ovf_q      <= ovf_d;
      bcast_q    <= bcast_d;
      owner_q    <= owner_d;
      snd_q      <= snd_d;
      irq_prev_q <= irq_i;
    end
  end

  always_ff @(posedge clk_i) begin : p_procs_q
    if (!rst_ni) begin
      en_q        <= NUM_PROCS'(1);   // slot 0 (the kernel) enabled
      berr_q      <= '0;
      cst_q       <= '0;
      rstp_q      <= '0;
      quota_q     <= '0;
      held_q      <= '0;
      aff_q       <= {(NUM_PROCS * NH){1'b1}};
      perr_q      <= '0;
    end else begin
      en_q        <= en_d;
      berr_q      <= berr_d;
      cst_q       <= cst_d;
      rstp_q      <= rstp_d;
      quota_q     <= quota_d;
      held_q      <= held_d;
      aff_q       <= aff_d;
      perr_q      <= perr_d;
    end
  end

  always_ff @(posedge clk_i) begin : p_harts_q
    if (!rst_ni) begin
      hproc_q <= '0;
      for (int h = 0; h < NH; h++) begin
        rprio_q[h*RPW +: RPW] <= RPW'(NUM_PRIOS);
      end
      gerr_q  <= '0;
      ctrl_q  <= '0;
    end else begin
      hproc_q <= hproc_d;
      rprio_q <= rprio_d;
      gerr_q  <= gerr_d;
      ctrl_q  <= ctrl_d;
    end
  end

  always_ff @(posedge clk_i) begin : p_cancel_q
    if (!rst_ni) begin
      cx_act_q   <= 1'b0;
      cx_free_q  <= 1'b0;
      cx_first_q <= 1'b0;
      cx_cur_q   <= '0;
      cx_prev_q  <= '0;
      cx_src_q   <= '0;
      cx_proc_q  <= '0;
      cx_word_q  <= '0;
      dc_val_q   <= 1'b0;
    end else begin
      cx_act_q   <= cx_act_d;
      cx_free_q  <= cx_free_d;
      cx_first_q <= cx_first_d;
      cx_cur_q   <= cx_cur_d;
      cx_prev_q  <= cx_prev_d;
      cx_src_q   <= cx_src_d;
      cx_proc_q  <= cx_proc_d;
      cx_word_q  <= cx_word_d;
      dc_val_q   <= dc_val_d;
    end
  end

  always_ff @(posedge clk_i) begin : p_iter_q
    if (!rst_ni) begin
      it_start_q <= 1'b0;
      it_stale_q <= 1'b0;
      it_valid_q <= 1'b0;
      it_proc_q  <= '0;
      it_cur_q   <= '0;
      it_list_q  <= '0;
      it_after_q <= '0;
      wh_wait_q  <= 1'b0;
      wh_idx_q   <= '0;
    end else begin
      it_start_q <= it_start_d;
      it_stale_q <= it_stale_d;
      it_valid_q <= it_valid_d;
      it_proc_q  <= it_proc_d;
      it_cur_q   <= it_cur_d;
      it_list_q  <= it_list_d;
      it_after_q <= it_after_d;
      wh_wait_q  <= wh_wait_d;
      wh_idx_q   <= wh_idx_d;
    end
  end

  always_ff @(posedge clk_i) begin : p_pipe_q
    if (!rst_ni) begin
      op_bus_q    <= 1'b0;
      op_cxs_q    <= 1'b0;
      op_cxd_q    <= 1'b0;
      op_rst_q    <= 1'b0;
      op_wk_q     <= 1'b0;
      rq_we_q     <= 1'b0;
      rq_page_q   <= '0;
      rq_idx_q    <= '0;
      rq_wdata_q  <= '0;
      rq_hart_q   <= '0;
      rq_proc_q   <= 1'b0;
      kreg_q      <= '0;
      preg_q      <= '0;
      rej_q       <= '0;
      ok_q        <= 1'b0;
      consume_q   <= 1'b0;
      app_l_q     <= '0;
      e_q         <= '0;
      x_l_q       <= '0;
      src_q       <= '0;
      deq_hit_q   <= 1'b0;
      sel_found_q <= 1'b0;
      sel_l_q     <= '0;
      sel_head_q  <= '0;
      rs_p_q      <= '0;
    end else begin
      op_bus_q    <= accept;
      op_cxs_q    <= go_cxs;
      op_cxd_q    <= go_cxd;
      op_rst_q    <= go_rst;
      op_wk_q     <= go_wk;
      if (accept) begin
        rq_we_q    <= we_i;
        rq_page_q  <= addr_i[15:12];
        rq_idx_q   <= addr_i[2 +: SIDW];
        rq_hart_q  <= hart_i;
        rq_proc_q  <= a_proc;
        kreg_q     <= a_kreg;
        preg_q     <= a_preg;
        rej_q      <= a_rej;
        ok_q       <= (a_rej == '0);
        consume_q  <= a_consume;
        if (we_i) rq_wdata_q <= wdata_i;
      end
      e_q         <= ra;
      x_l_q       <= x_l;
      app_l_q     <= app_l_n;
      src_q       <= src_a;
      deq_hit_q   <= dq_found;
      sel_found_q <= enc_found;
      sel_l_q     <= enc_l;
      sel_head_q  <= head_sel;
      rs_p_q      <= rs_p;
    end
  end

  always_ff @(posedge clk_i) begin : p_out_q
    if (!rst_ni) begin
      gnt_q       <= 1'b0;
      rvalid_q    <= 1'b0;
      rdata_q     <= '0;
      rerr_resp_q <= 1'b0;
      work_q      <= '0;
      preempt_q   <= '0;
      err_irq_q   <= 1'b0;
      best_val_q  <= 1'b0;
      best_proc_q <= '0;
      best_prio_q <= '0;
    end else begin
      gnt_q       <= gnt_d;
      rvalid_q    <= rvalid_d;
      rdata_q     <= rdata_d;
      rerr_resp_q <= rerr_resp_d;
      work_q      <= work_d;
      preempt_q   <= preempt_d;
      err_irq_q   <= err_irq_d;
      best_val_q  <= best_val_d;
      best_proc_q <= best_proc_d;
      best_prio_q <= best_prio_d;
    end
  end

  // ---------------------------------------------------------------------------
  // Statistics counters (4.7), only with COUNTERS
  // ---------------------------------------------------------------------------
  if (COUNTERS) begin : g_counters
    logic [31:0]   cnt_enq_q, cnt_deq_q, cnt_wake_q, cnt_ovf_q, cnt_err_q;
    logic [CW-1:0] max_occ_q;

    always_ff @(posedge clk_i) begin : p_cnt_q
      if (!rst_ni) begin
        cnt_enq_q  <= '0;
        cnt_deq_q  <= '0;
        cnt_wake_q <= '0;
        cnt_ovf_q  <= '0;
        cnt_err_q  <= '0;
        max_occ_q  <= '0;
      end else begin
        cnt_enq_q  <= clr_cnt[0] ? '0 : cnt_enq_q + 32'(inc_enq);
        cnt_deq_q  <= clr_cnt[1] ? '0 : cnt_deq_q + 32'(inc_deq);
        cnt_wake_q <= clr_cnt[2] ? '0 : cnt_wake_q + 32'(inc_wake);
        cnt_ovf_q  <= (clr_cnt[3] ? '0 : cnt_ovf_q) + 32'(n_ovf);
        cnt_err_q  <= clr_cnt[4] ? '0 : cnt_err_q + 32'(inc_err);
        if (clr_cnt[5]) begin
          max_occ_q <= occ_q;
        end else if (occ_alloc && (occ_q + CW'(1)) > max_occ_q) begin
          max_occ_q <= occ_q + CW'(1);
        end
      end
    end

    assign cnt_enq  = cnt_enq_q;
    assign cnt_deq  = cnt_deq_q;
    assign cnt_wake = cnt_wake_q;
    assign cnt_ovf  = cnt_ovf_q;
    assign cnt_err  = cnt_err_q;
    assign max_occ  = max_occ_q;
  end else begin : g_no_counters
    logic unused_counters;
    assign unused_counters = ^{inc_enq, inc_deq, inc_wake, inc_err, occ_alloc, clr_cnt, n_ovf};
    assign cnt_enq  = '0;
    assign cnt_deq  = '0;
    assign cnt_wake = '0;
    assign cnt_ovf  = '0;
    assign cnt_err  = '0;
    assign max_occ  = '0;
  end

  // ---------------------------------------------------------------------------
  // Outputs
  // ---------------------------------------------------------------------------
  assign gnt_o     = gnt_q;
  assign rvalid_o  = rvalid_q;
  assign rdata_o   = rdata_q;
  assign err_o     = rerr_resp_q;
  assign work_o    = work_q;
  assign preempt_o = preempt_q;
  assign err_irq_o = err_irq_q;

`ifdef FORMAL
  // Bounded model checks (tests/formal/run_formal.sh): the properties in
  // ats_intc_props.svh, with the names they use for the registered request.
  logic b_proc, p_enq, p_deq, p_wait, rejected;
  assign b_proc   = rq_proc_q;
  assign p_enq    = preg_q.enq;
  assign p_deq    = preg_q.deq;
  assign p_wait   = preg_q.wait_on;
  assign rejected = !ok_q;
  `include "ats_intc_props.svh"
`endif

endmodule
