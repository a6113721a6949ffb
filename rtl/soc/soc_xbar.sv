// soc_xbar: NUM_MASTERS masters x the SoC's slaves (soc_pkg::SLV_*), decoded
// by address per the memory map (ARCHITECTURE.md §4, soc_pkg).
//
// Timing: no added latency. The request path is combinational (master req ->
// decode -> per-slave round-robin arbiter -> slave req; slave gnt -> master gnt
// in the same cycle), and so is the response path (slave rvalid/rdata/err ->
// the master that issued the request). Throughput: one request per slave per
// cycle, every slave can serve a different master in the same cycle.
//
// Ordering: a slave answers in the order it accepted; the xbar keeps a FIFO of
// master ids per slave (MAX_OUTSTANDING deep) to route the answers. A master
// may have up to MAX_OUTSTANDING requests in flight, all to one slave; a
// request to another slave waits until the earlier ones have been answered (it
// can be granted in the cycle the last answer arrives). So each master gets its
// responses in request order, exactly one per accepted request.
//
// RAM fetch port: a master in FETCH_MST (the harts' instruction ports) reaches
// the RAM window through slave SLV_RAM_I, the RAM's read-only fetch port, when
// that slave is present (SLAVE_EN); every other master, and every master when
// it is absent, through SLV_RAM.
//
// Errors: an address no present slave decodes (SLAVE_EN clear, or past
// RAM_BYTES), any atomic access (atop != 0) to anything but RAM, and any
// access by a MEM_ONLY master to anything but ROM and RAM, goes to an internal
// error slave: granted at once, answered the next cycle with err = 1,
// rdata = 0. Nothing ever hangs on a bad address. MEM_ONLY is meant for the
// harts' instruction ports (fetches are speculative and must never reach a
// device with read side effects, such as an ATS-INTC DEQ) and may be used for
// DMA masters.
//
// Arbitration: per slave, round robin among the masters that request it and
// may issue (ordering and FIFO space); the pointer moves past the winner when
// the slave grants.
//
// Assumes: every slave answers each accepted request once, in order, no
// earlier than the cycle after acceptance; slave gnt and rvalid do not depend
// combinationally on slave req (all SoC slaves register them). Masters keep req
// and the request fields stable until gnt (OBI). The xbar itself may withdraw
// a slave req that was not granted (the winner can change), which every SoC
// slave tolerates: they act on req && gnt only.
module soc_xbar #(
  parameter int unsigned NUM_MASTERS     = 3,
  parameter logic [31:0] RAM_BYTES       = 32'h0100_0000,  // power of two
  parameter logic [soc_pkg::NUM_SLAVES-1:0] SLAVE_EN = {soc_pkg::NUM_SLAVES{1'b1}},  // bit s: present (not '1: Yosys 0.23 reads that as 1)
  parameter logic [31:0] MEM_ONLY        = 32'h0,  // bit m: master m reaches ROM/RAM only
  parameter logic [31:0] FETCH_MST       = 32'h0,  // bit m: master m reads RAM through SLV_RAM_I
  parameter int unsigned MAX_OUTSTANDING = 2  // power of two, >= 2
) (
  input  logic                                   clk_i,
  input  logic                                   rst_ni,  // synchronous, active low

  // Masters, flattened: master m uses bits [m*W +: W] of each vector.
  input  logic [NUM_MASTERS-1:0]                 mst_req_i,
  input  logic [NUM_MASTERS-1:0]                 mst_we_i,
  input  logic [NUM_MASTERS*4-1:0]               mst_be_i,
  input  logic [NUM_MASTERS*32-1:0]              mst_addr_i,
  input  logic [NUM_MASTERS*32-1:0]              mst_wdata_i,
  input  logic [NUM_MASTERS*soc_pkg::ATOP_W-1:0] mst_atop_i,
  input  logic [NUM_MASTERS*soc_pkg::HART_W-1:0] mst_hart_i,
  output logic [NUM_MASTERS-1:0]                 mst_gnt_o,
  output logic [NUM_MASTERS-1:0]                 mst_rvalid_o,
  output logic [NUM_MASTERS*32-1:0]              mst_rdata_o,
  output logic [NUM_MASTERS-1:0]                 mst_err_o,

  // Slaves, flattened the same way, in soc_pkg::SLV_* order. addr is the full
  // 32-bit address; each slave uses the offset bits it needs.
  output logic [soc_pkg::NUM_SLAVES-1:0]                 slv_req_o,
  output logic [soc_pkg::NUM_SLAVES-1:0]                 slv_we_o,
  output logic [soc_pkg::NUM_SLAVES*4-1:0]               slv_be_o,
  output logic [soc_pkg::NUM_SLAVES*32-1:0]              slv_addr_o,
  output logic [soc_pkg::NUM_SLAVES*32-1:0]              slv_wdata_o,
  output logic [soc_pkg::NUM_SLAVES*soc_pkg::ATOP_W-1:0] slv_atop_o,
  output logic [soc_pkg::NUM_SLAVES*soc_pkg::HART_W-1:0] slv_hart_o,
  input  logic [soc_pkg::NUM_SLAVES-1:0]                 slv_gnt_i,
  input  logic [soc_pkg::NUM_SLAVES-1:0]                 slv_rvalid_i,
  input  logic [soc_pkg::NUM_SLAVES*32-1:0]              slv_rdata_i,
  input  logic [soc_pkg::NUM_SLAVES-1:0]                 slv_err_i
);

  localparam int unsigned NS    = soc_pkg::NUM_SLAVES;
  localparam int unsigned NT    = NS + 1;  // targets: the slaves + the error slave
  localparam int unsigned T_ERR = NS;
  localparam int unsigned TW    = $clog2(NT);
  localparam int unsigned MW    = (NUM_MASTERS > 1) ? $clog2(NUM_MASTERS) : 1;
  localparam int unsigned DEPTH = MAX_OUTSTANDING;
  localparam int unsigned PW    = $clog2(DEPTH);
  localparam int unsigned CW    = $clog2(DEPTH + 1);
  localparam int unsigned AW    = soc_pkg::ATOP_W;
  localparam int unsigned HW    = soc_pkg::HART_W;

  localparam bit RAM_I = SLAVE_EN[soc_pkg::SLV_RAM_I];

  // Static reachability: a master reaches a present slave unless it is
  // MEM_ONLY and the slave is neither ROM nor RAM; the RAM is reached through
  // exactly one of its ports (see above); everyone reaches the error slave.
  // Bit t*NUM_MASTERS + m. The decode sends a request for an unreachable
  // slave to the error slave, so logic for such (master, target) pairs is
  // left out: a slave that only one master can reach (a device behind a
  // hart's data port while the instruction ports are MEM_ONLY) has no
  // arbiter, no request multiplexer and no id FIFO. This changes no
  // behaviour; it saves area and simulation work.
  // Yosys 0.23 note: a constant function that indexes a module parameter with
  // a loop variable reads wrong bits; the tables take the parameters as
  // arguments, which it evaluates correctly.
  function automatic logic [NT*NUM_MASTERS-1:0] reach_tab(
      input logic [NS-1:0] en, input logic [31:0] mem_only, input logic [31:0] fetch);
    for (int t = 0; t < NT; t++) begin
      for (int m = 0; m < NUM_MASTERS; m++) begin
        if (t == T_ERR)
          reach_tab[t*NUM_MASTERS + m] = 1'b1;
        else if (t == soc_pkg::SLV_RAM_I)
          reach_tab[t*NUM_MASTERS + m] = en[t] && fetch[m];
        else if (t == soc_pkg::SLV_RAM)
          reach_tab[t*NUM_MASTERS + m] = en[t] && !(en[soc_pkg::SLV_RAM_I] && fetch[m]);
        else
          reach_tab[t*NUM_MASTERS + m] = en[t] && (!mem_only[m] || t == soc_pkg::SLV_ROM);
      end
    end
  endfunction

  // Per target: set when exactly one master reaches it (bit t), and that
  // master (field t).
  function automatic logic [NT-1:0] single_tab(input logic [NT*NUM_MASTERS-1:0] r);
    int n;
    for (int t = 0; t < NT; t++) begin
      n = 0;
      for (int m = 0; m < NUM_MASTERS; m++) if (r[t*NUM_MASTERS + m]) n = n + 1;
      single_tab[t] = (n == 1);
    end
  endfunction

  function automatic logic [NT*MW-1:0] single_mst_tab(input logic [NT*NUM_MASTERS-1:0] r);
    single_mst_tab = '0;
    for (int t = 0; t < NT; t++) begin
      for (int m = 0; m < NUM_MASTERS; m++) begin
        if (r[t*NUM_MASTERS + m]) single_mst_tab[t*MW +: MW] = MW'(m);
      end
    end
  endfunction

  localparam logic [NT*NUM_MASTERS-1:0] REACH      = reach_tab(SLAVE_EN, MEM_ONLY, FETCH_MST);
  localparam logic [NT-1:0]             SINGLE     = single_tab(REACH);
  localparam logic [NT*MW-1:0]          SINGLE_MST = single_mst_tab(REACH);

  function automatic logic in_win(input logic [31:0] a, input logic [31:0] base,
                                  input logic [31:0] size);
    in_win = ((a ^ base) & ~(size - 32'd1)) == 32'd0;
  endfunction

  // ---------------------------------------------------------------------------
  // Address decode: target of each master's current request.
  // ---------------------------------------------------------------------------
  logic [NUM_MASTERS*TW-1:0] tgt;

  // Every use of tgt[m] is qualified by mst_req_i[m] (elig), so the decode is
  // evaluated only for a requesting master: a simulator skips idle masters.
  always_comb begin : p_decode
    tgt = '0;
    for (int m = 0; m < NUM_MASTERS; m++) begin
      logic [31:0] a;
      int          t;
      a = mst_addr_i[m*32 +: 32];
      t = T_ERR;
      if (mst_req_i[m]) begin
        if (in_win(a, soc_pkg::ROM_BASE, soc_pkg::ROM_SIZE))               t = soc_pkg::SLV_ROM;
        else if (in_win(a, soc_pkg::CLINT_BASE, soc_pkg::CLINT_SIZE))     t = soc_pkg::SLV_CLINT;
        else if (in_win(a, soc_pkg::PLIC_BASE, soc_pkg::PLIC_SIZE))       t = soc_pkg::SLV_PLIC;
        else if (in_win(a, soc_pkg::UART_BASE, soc_pkg::UART_SIZE))       t = soc_pkg::SLV_UART;
        else if (in_win(a, soc_pkg::SIMCTRL_BASE, soc_pkg::SIMCTRL_SIZE)) t = soc_pkg::SLV_SIMCTRL;
        else if (in_win(a, soc_pkg::PKTDEV_BASE, soc_pkg::PKTDEV_SIZE))   t = soc_pkg::SLV_PKTDEV;
        else if (in_win(a, soc_pkg::INTC_BASE, soc_pkg::INTC_SIZE))       t = soc_pkg::SLV_INTC;
        else if (in_win(a, soc_pkg::RAM_BASE, RAM_BYTES))
          t = (RAM_I && FETCH_MST[m]) ? soc_pkg::SLV_RAM_I : soc_pkg::SLV_RAM;
        // Absent slaves and MEM_ONLY violations: the reachability table.
        if (!REACH[t*NUM_MASTERS + m]) t = T_ERR;
        // Atomics exist only in RAM (its data port); anything else faults them.
        if (mst_atop_i[m*AW +: AW] != soc_pkg::ATOP_NONE && t != soc_pkg::SLV_RAM) t = T_ERR;
        // The fetch port only reads.
        if (mst_we_i[m] && t == soc_pkg::SLV_RAM_I) t = T_ERR;
        tgt[m*TW +: TW] = TW'(t);
      end
    end
  end

  // ---------------------------------------------------------------------------
  // State: per-target id FIFOs and round-robin pointers, per-master counters.
  // ---------------------------------------------------------------------------
  logic [NT*DEPTH*MW-1:0]    fifo_q, fifo_d;
  logic [NT*PW-1:0]          wptr_q, wptr_d, rptr_q, rptr_d;
  logic [NT*CW-1:0]          fcnt_q, fcnt_d;
  logic [NT*MW-1:0]          rr_q, rr_d;
  logic [NUM_MASTERS*CW-1:0] ocnt_q, ocnt_d;   // requests in flight per master
  logic [NUM_MASTERS*TW-1:0] cur_q, cur_d;     // target of those requests
  logic                      err_rvalid_q;     // the error slave's response

  // ---------------------------------------------------------------------------
  // Response routing.
  // ---------------------------------------------------------------------------
  logic [NT-1:0] t_rvalid, t_pop;

  // Whole-vector operations where the targets do not differ: a simulator
  // then computes them in one step, not one bit at a time.
  logic [NT-1:0] t_nz, t_full;  // requests in flight; as many as the FIFO holds

  always_comb begin : p_pop
    for (int t = 0; t < NT; t++) begin
      t_nz[t]   = fcnt_q[t*CW +: CW] != '0;
      t_full[t] = fcnt_q[t*CW +: CW] == CW'(DEPTH);
    end
    t_rvalid = {err_rvalid_q, slv_rvalid_i};
    t_pop    = t_rvalid & t_nz;
  end

  // AND-OR: at most one target answers a given master in a cycle (ordering).
  // A target contributes only when it pops (an answer to a request in flight),
  // so the work sits under t_pop[t]: a simulator skips silent targets.
  always_comb begin : p_route
    logic [MW-1:0] head;   // the master of a target's oldest request in flight
    head         = '0;
    mst_rvalid_o = '0;
    mst_rdata_o  = '0;
    mst_err_o    = '0;
    for (int t = 0; t < NT; t++) begin
      if (t_pop[t]) begin
        if (SINGLE[t]) head = SINGLE_MST[t*MW +: MW];
        else           head = fifo_q[(t*DEPTH + 32'(rptr_q[t*PW +: PW]))*MW +: MW];
        for (int m = 0; m < NUM_MASTERS; m++) begin
          if (REACH[t*NUM_MASTERS + m] && head == MW'(m)) begin
            mst_rvalid_o[m] = 1'b1;
            if (t < NS) begin
              mst_rdata_o[m*32 +: 32] = mst_rdata_o[m*32 +: 32] | slv_rdata_i[t*32 +: 32];
              mst_err_o[m]            = mst_err_o[m] | slv_err_i[t];
            end else begin
              mst_err_o[m]            = 1'b1;   // the error slave: rdata 0, err 1
            end
          end
        end
      end
    end
  end

  // ---------------------------------------------------------------------------
  // Request path: eligibility (ordering), arbitration, grants.
  // ---------------------------------------------------------------------------
  logic [NUM_MASTERS-1:0] elig;
  logic [NT-1:0]          t_any, t_fifo_ok, t_req, t_gnt, t_acc;
  logic [NT*MW-1:0]       t_win;

  always_comb begin
    for (int m = 0; m < NUM_MASTERS; m++) begin
      logic [CW-1:0] left;  // in flight after this cycle's answer
      left    = ocnt_q[m*CW +: CW] - CW'(mst_rvalid_o[m]);
      elig[m] = mst_req_i[m] &&
                (left == '0 ||
                 (cur_q[m*TW +: TW] == tgt[m*TW +: TW] && left < CW'(DEPTH)));
    end
  end

  // The targets some eligible master wants; the round robin runs only for
  // those (t_any is 0 for the others either way).
  logic [NT-1:0] t_want;

  always_comb begin : p_want
    t_want = '0;
    for (int m = 0; m < NUM_MASTERS; m++) begin
      t_want = t_want | (NT'(elig[m]) << tgt[m*TW +: TW]);
    end
  end

  always_comb begin : p_arb
    logic [MW-1:0] w;
    int unsigned   idx;
    idx   = 0;
    t_win = '0;
    for (int t = 0; t < NT; t++) begin
      w        = '0;
      t_any[t] = 1'b0;
      if (SINGLE[t]) begin
        // No arbitration: the only master that can reach t.
        w        = SINGLE_MST[t*MW +: MW];
        t_any[t] = elig[w] && tgt[w*TW +: TW] == TW'(t);
      end else if (t_want[t]) begin
        for (int i = 0; i < NUM_MASTERS; i++) begin
          idx = 32'(rr_q[t*MW +: MW]) + i;
          if (idx >= NUM_MASTERS) idx = idx - NUM_MASTERS;
          if (!t_any[t] && REACH[t*NUM_MASTERS + idx] && elig[idx] &&
              tgt[idx*TW +: TW] == TW'(t)) begin
            t_any[t] = 1'b1;
            w        = MW'(idx);
          end
        end
      end
      t_win[t*MW +: MW] = w;
    end
    t_fifo_ok = ~t_full | t_pop;
    t_req     = t_any & t_fifo_ok;
    t_gnt     = {1'b1, slv_gnt_i};  // the error slave always grants
    t_acc     = t_req & t_gnt;
  end

  always_comb begin
    for (int m = 0; m < NUM_MASTERS; m++) begin
      logic [TW-1:0] t;
      t            = tgt[m*TW +: TW];
      mst_gnt_o[m] = elig[m] && t_acc[t] && t_win[t*MW +: MW] == MW'(m);
    end
  end

  // Slave request fields come from each slave's arbitration winner.
  always_comb begin
    slv_we_o    = '0;
    slv_be_o    = '0;
    slv_addr_o  = '0;
    slv_wdata_o = '0;
    slv_atop_o  = '0;
    slv_hart_o  = '0;
    for (int s = 0; s < NS; s++) begin
      // An unsigned index of the winner's width, not an int: the word selects
      // below then compile to plain word reads in a simulator.
      logic [MW-1:0] w;
      w                      = t_win[s*MW +: MW];
      slv_req_o[s]           = t_req[s];
      slv_we_o[s]            = mst_we_i[w];
      slv_be_o[s*4 +: 4]     = mst_be_i[w*4 +: 4];
      slv_addr_o[s*32 +: 32] = mst_addr_i[w*32 +: 32];
      slv_wdata_o[s*32 +: 32] = mst_wdata_i[w*32 +: 32];
      slv_atop_o[s*AW +: AW] = mst_atop_i[w*AW +: AW];
      slv_hart_o[s*HW +: HW] = mst_hart_i[w*HW +: HW];
    end
  end

  // ---------------------------------------------------------------------------
  // Next state.
  // ---------------------------------------------------------------------------
  always_comb begin
    fifo_d = fifo_q;
    wptr_d = wptr_q;
    rptr_d = rptr_q;
    fcnt_d = fcnt_q;
    rr_d   = rr_q;
    for (int t = 0; t < NT; t++) begin
      if (t_acc[t]) begin
        fifo_d[(t*DEPTH + 32'(wptr_q[t*PW +: PW]))*MW +: MW] = t_win[t*MW +: MW];
        wptr_d[t*PW +: PW] = wptr_q[t*PW +: PW] + PW'(1);
        if (32'(t_win[t*MW +: MW]) == NUM_MASTERS - 1) rr_d[t*MW +: MW] = '0;
        else rr_d[t*MW +: MW] = t_win[t*MW +: MW] + MW'(1);
      end
      if (t_pop[t]) rptr_d[t*PW +: PW] = rptr_q[t*PW +: PW] + PW'(1);
      fcnt_d[t*CW +: CW] = fcnt_q[t*CW +: CW] + CW'(t_acc[t]) - CW'(t_pop[t]);
    end
  end

  always_comb begin
    ocnt_d = ocnt_q;
    cur_d  = cur_q;
    for (int m = 0; m < NUM_MASTERS; m++) begin
      ocnt_d[m*CW +: CW] = ocnt_q[m*CW +: CW] + CW'(mst_gnt_o[m]) - CW'(mst_rvalid_o[m]);
      if (mst_gnt_o[m]) cur_d[m*TW +: TW] = tgt[m*TW +: TW];
    end
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      fifo_q <= '0;
      wptr_q <= '0;
      rptr_q <= '0;
      fcnt_q <= '0;
      rr_q   <= '0;
    end else begin
      fifo_q <= fifo_d;
      wptr_q <= wptr_d;
      rptr_q <= rptr_d;
      fcnt_q <= fcnt_d;
      rr_q   <= rr_d;
    end
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      ocnt_q <= '0;
      cur_q  <= '0;
    end else begin
      ocnt_q <= ocnt_d;
      cur_q  <= cur_d;
    end
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) err_rvalid_q <= 1'b0;
    else         err_rvalid_q <= t_acc[T_ERR];
  end

`ifdef FORMAL
  // The error slave answers the cycle after it accepts, so it never has more
  // than one request in flight.
  always_ff @(posedge clk_i) begin
    if (rst_ni) assert (fcnt_q[T_ERR*CW +: CW] <= CW'(1));
  end
`endif

endmodule
