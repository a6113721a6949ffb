// Formal properties of ats_intc, included inside the module under `ifdef FORMAL
// (yosys -formal; see tests/formal/run_formal.sh). Meant for small builds
// (NUM_ENTRIES = 4..8): every list is walked combinationally every cycle, with
// one-hot bit vectors so the walk is plain gates.
//
// Ghost state mirrors the NEXT, WORD and tail RAMs from their write ports and
// records which process allocated each entry. With it the properties check, at every
// edge after reset:
//  P1 entries are conserved: free-list length + never-used entries + the entry a
//     cancel walk has unlinked but not yet freed + the entries on all lists = N,
//     and HELD[p] counts exactly the entries on p's lists (+ its unlinked entry);
//  P2 no entry is on two lists (ready, wait or free), every list reaches its
//     tail, no never-used entry is on a list;
//  P3 every entry on R[p][*] was allocated by p, every entry on W[s] by the
//     owner of s; a DEQ on p's page returns the word of an entry p allocated;
//  P4 a rejected bus access changes no queue, no RAM and no HELD count; only an
//     accepted ENQ or WAIT allocates.

  localparam int FN = NUM_ENTRIES;

  logic past_valid_q = 1'b0;
  initial assume (!rst_ni);
  always_ff @(posedge clk_i) past_valid_q <= 1'b1;

  logic [FN*AW-1:0] sh_next_q;
  logic [FN*32-1:0] sh_word_q;
  logic [FN*PW-1:0] sh_proc_q;
  logic [NL*AW-1:0] sh_tail_q;
  always_ff @(posedge clk_i) begin
    if (next_we) sh_next_q[next_wa*AW +: AW] <= next_wd;
    if (tl_we)   sh_tail_q[tl_wa*AW +: AW] <= tl_wd;
    if (word_we) begin
      sh_word_q[word_wa*32 +: 32] <= word_wd;
      sh_proc_q[word_wa*PW +: PW] <= b_p;
    end
  end

  // succ_oh[e] = one-hot of NEXT[e]; f_next(cur) follows one step.
  logic [FN*FN-1:0] succ_oh;
  for (genvar e = 0; e < FN; e++) begin : g_succ
    assign succ_oh[e*FN +: FN] = FN'(1) << sh_next_q[e*AW +: AW];
  end

  function automatic logic [FN-1:0] f_next(logic [FN-1:0] cur, logic [FN*FN-1:0] succ);
    f_next = '0;
    for (int e = 0; e < FN; e++) begin
      if (cur[e]) f_next = f_next | succ[e*FN +: FN];
    end
  endfunction

  function automatic logic [CW-1:0] f_popcount(logic [FN-1:0] v);
    f_popcount = '0;
    for (int e = 0; e < FN; e++) f_popcount = f_popcount + CW'(v[e]);
  endfunction

  // Per list: members, whether the walk reached the tail, length, owner check.
  logic [NL*FN-1:0] f_member;
  logic [NL-1:0]    f_reaches_tail, f_owner_bad;
  logic [NL*CW-1:0] f_len;
  logic [NL*PW-1:0] f_list_proc;
  for (genvar l = 0; l < NL; l++) begin : g_walk
    logic [(FN+1)*FN-1:0] cur;
    logic [FN:0]          act;
    logic [FN-1:0]        at_tail;
    logic [FN-1:0]        tail_oh;
    logic [FN*FN-1:0]     seen;
    logic [AW-1:0]        head;
    if (l < NR) begin : g_rhead
      assign head = head_r_q[l];
    end else begin : g_whead
      assign head = head_w_q[l - NR][AW-1:0];
    end
    assign tail_oh = FN'(1) << sh_tail_q[l*AW +: AW];
    assign cur[0 +: FN] = ne_q[l] ? (FN'(1) << head) : '0;
    assign act[0] = ne_q[l];
    for (genvar s = 0; s < FN; s++) begin : g_step
      assign at_tail[s] = act[s] && (cur[s*FN +: FN] == tail_oh);
      assign act[s+1] = act[s] && !at_tail[s];
      assign cur[(s+1)*FN +: FN] = f_next(cur[s*FN +: FN], succ_oh);
      if (s == 0) begin : g_first
        assign seen[0 +: FN] = act[0] ? cur[0 +: FN] : '0;
      end else begin : g_rest
        assign seen[s*FN +: FN] = seen[(s-1)*FN +: FN] | (act[s] ? cur[s*FN +: FN] : '0);
      end
    end
    assign f_member[l*FN +: FN] = seen[(FN-1)*FN +: FN];
    assign f_reaches_tail[l] = !ne_q[l] || (at_tail != '0);
    assign f_len[l*CW +: CW] = f_popcount(f_member[l*FN +: FN]);
    if (l < NR) begin : g_rproc
      assign f_list_proc[l*PW +: PW] = PW'(l / NUM_PRIOS);
    end else begin : g_wproc
      assign f_list_proc[l*PW +: PW] = owner_q[(l - NR)*PW +: PW];
    end
    always_comb begin : p_owner
      f_owner_bad[l] = 1'b0;
      for (int e = 0; e < FN; e++) begin
        if (f_member[l*FN + e] && sh_proc_q[e*PW +: PW] != f_list_proc[l*PW +: PW]) begin
          f_owner_bad[l] = 1'b1;
        end
      end
    end
  end

  // The free list: exactly fl_len_q steps from fl_head_q.
  logic [(FN+1)*FN-1:0] fl_cur;
  logic [(FN+1)*FN-1:0] fl_seen;
  logic [FN-1:0]        fl_dup;
  assign fl_cur[0 +: FN] = FN'(1) << fl_head_q;
  assign fl_seen[0 +: FN] = '0;
  for (genvar s = 0; s < FN; s++) begin : g_free
    logic on;
    assign on = (CW'(s) < fl_len_q);
    assign fl_dup[s] = on && ((fl_seen[s*FN +: FN] & fl_cur[s*FN +: FN]) != '0);
    assign fl_seen[(s+1)*FN +: FN] = fl_seen[s*FN +: FN] | (on ? fl_cur[s*FN +: FN] : '0);
    assign fl_cur[(s+1)*FN +: FN] = f_next(fl_cur[s*FN +: FN], succ_oh);
  end

  // Membership over all lists: an entry seen twice is on two lists.
  logic [(NL+1)*FN-1:0] acc_seen, acc_dup;
  assign acc_seen[0 +: FN] = fl_seen[FN*FN +: FN];
  assign acc_dup[0 +: FN] = '0;
  for (genvar l = 0; l < NL; l++) begin : g_acc
    assign acc_dup[(l+1)*FN +: FN] = acc_dup[l*FN +: FN] |
                                     (acc_seen[l*FN +: FN] & f_member[l*FN +: FN]);
    assign acc_seen[(l+1)*FN +: FN] = acc_seen[l*FN +: FN] | f_member[l*FN +: FN];
  end

  logic [CW+LW:0] f_list_total;
  logic [NUM_PROCS*(CW+LW+1)-1:0] f_held_of;
  always_comb begin : p_sums
    f_list_total = '0;
    f_held_of = '0;
    for (int l = 0; l < NL; l++) begin
      f_list_total = f_list_total + (CW+LW+1)'(f_len[l*CW +: CW]);
    end
    for (int p = 0; p < NUM_PROCS; p++) begin
      for (int l = 0; l < NL; l++) begin
        if (f_list_proc[l*PW +: PW] == PW'(p)) begin
          f_held_of[p*(CW+LW+1) +: (CW+LW+1)] = f_held_of[p*(CW+LW+1) +: (CW+LW+1)] +
                                                (CW+LW+1)'(f_len[l*CW +: CW]);
        end
      end
    end
  end

  logic [FN-1:0] f_used;  // entries below the bump pointer
  for (genvar e = 0; e < FN; e++) begin : g_used
    assign f_used[e] = (CW'(e) < bump_q);
  end

  always_ff @(posedge clk_i) begin
    if (past_valid_q && rst_ni && $past(rst_ni)) begin
      // P1
      assert ((CW+LW+1)'(f_list_total) + (CW+LW+1)'(fl_len_q) +
              (CW+LW+1)'(NENT - bump_q) + (CW+LW+1)'(cx_free_q) == (CW+LW+1)'(NENT));
      for (int p = 0; p < NUM_PROCS; p++) begin
        assert ((CW+LW+1)'(held_q[p*CW +: CW]) ==
                f_held_of[p*(CW+LW+1) +: (CW+LW+1)] +
                (CW+LW+1)'(cx_free_q && cx_proc_q == PW'(p)));
      end
      // P2
      assert (acc_dup[NL*FN +: FN] == '0);
      assert (fl_dup == '0);
      assert (f_reaches_tail == {NL{1'b1}});
      assert ((acc_seen[NL*FN +: FN] & ~f_used) == '0);
      if (cx_free_q) assert (acc_seen[NL*FN + cx_cur_q] == 1'b0);
      // P3
      assert (f_owner_bad == '0);
    end
  end

  // P3 (dequeue) and P4 (rejected access), on the operation in stage B.
  always_ff @(posedge clk_i) begin
    if (past_valid_q && rst_ni && $past(rst_ni)) begin
      if (op_bus_q && b_proc && p_deq && !rq_we_q && !rejected && rdata_d != '0) begin
        assert (sh_proc_q[e_q*PW +: PW] == b_p);
        if (preg_q.deq_frame) assert (rdata_d == {sh_word_q[e_q*32 + PFW +: 32 - PFW], PFW'(0)});
        else                  assert (rdata_d == sh_word_q[e_q*32 +: 32]);
      end
      if (op_bus_q && rejected) begin
        assert (!hd_we_pop && !hd_we_app && !tl_we && ne_d == ne_q);
        assert (fl_head_d == fl_head_q && fl_len_d == fl_len_q && bump_d == bump_q);
        assert (held_d == held_q);
        assert (!word_we && !next_we);
      end
      if (word_we) assert (op_bus_q && b_proc && (p_enq || p_wait) && !rejected);
    end
  end
