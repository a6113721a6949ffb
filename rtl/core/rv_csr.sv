// rv_csr: machine-mode CSRs, privilege state, trap entry and MRET, counters,
// interrupt selection and the PMP registers of the RV32IMA core.
//
// Timing: reads are combinational (used in E); writes, MRET and trap entry
// take effect at the clock edge. A CSR instruction in E and a trap in W never
// happen in the same cycle (the core only lets E commit when M and W are empty).
// CSR instructions act only when nothing older is left in the pipeline, so a
// minstret read needs no same-cycle increment. Counters increment by
// enable (retire only enables the +1 of the registered count).
module rv_csr #(
  parameter logic [31:0] HART_ID     = 32'd0,
  parameter int unsigned PMP_ENTRIES = 8,
  parameter int unsigned PMP_GRAN    = 2
) (
  input  logic                      clk_i,
  input  logic                      rst_ni,
  // CSR instruction in D: the access checks (registered into E by the core).
  input  logic [11:0]               d_csr_addr_i,
  input  logic                      d_csr_write_i,  // the instruction writes
  output logic                      d_csr_illegal_o,
  // CSR instruction in E.
  input  logic [11:0]               csr_addr_i,
  output logic [31:0]               csr_rdata_o,
  input  logic                      csr_we_i,       // commit the write this cycle
  input  logic [31:0]               csr_wdata_i,
  // MRET in E.
  input  logic                      mret_i,         // commit this cycle
  output logic [31:0]               mepc_o,
  // Trap entry from W.
  input  logic                      trap_i,
  input  logic [31:2]               trap_pc_i,
  input  logic                      trap_intr_i,
  input  logic [4:0]                trap_code_i,
  input  logic [31:0]               trap_tval_i,
  output logic [31:0]               trap_vector_o,
  // Interrupts.
  input  logic [31:0]               irq_lines_i,    // mip format: bits 3, 7, 11, 16, 17
  output logic                      irq_take_o,     // enabled and globally enabled
  output logic [4:0]                irq_code_o,
  output logic                      irq_wake_o,     // mip & mie != 0 (ends WFI)
  // Retirement and state.
  input  logic                      instret_i,
  output logic                      m_mode_o,       // current privilege is M
  output logic                      data_m_mode_o,  // effective data privilege is M (MPRV)
  output logic                      tw_o,
  output logic [8*PMP_ENTRIES-1:0]  pmp_cfg_o,
  output logic [32*PMP_ENTRIES-1:0] pmp_addr_o
);

  localparam int unsigned G = PMP_GRAN - 2;
  localparam logic [31:0] MISA = 32'h4010_1101;  // RV32 I M A U
  localparam logic [31:0] MIP_MASK = 32'h0003_0888;
  // PMP address masks for a granule of 2^(G+2) bytes (G <= 30). Written
  // without size casts in the initializers, which Yosys 0.23 got wrong.
  localparam logic [31:0] LOW_G1 = (G >= 1) ? ((32'd1 << (G - 1)) - 32'd1) : 32'd0;
  localparam logic [31:0] PMPADDR_MASK = ~LOW_G1;
  localparam logic [31:0] NAPOT_ONES = LOW_G1;
  localparam logic [31:0] TOR_MASK = ~((32'd1 << G) - 32'd1);

  logic        m_mode_q;
  logic        mie_q, mpie_q, mpp_m_q, mprv_q, tw_q;
  logic [31:0] mie_en_q;
  logic [29:0] mtvec_base_q;
  logic        mtvec_mode_q;
  logic [31:0] mscratch_q;
  logic [29:0] mepc_q;
  logic        mcause_intr_q;
  logic [4:0]  mcause_code_q;
  logic [31:0] mtval_q;
  logic        cy_en_q, ir_en_q;
  logic [63:0] mcycle_q, minstret_q;
  logic [8*PMP_ENTRIES-1:0]  pmpcfg_q;
  logic [32*PMP_ENTRIES-1:0] pmpaddr_q;

  logic [31:0] mstatus;
  logic [31:0] pending;
  logic [31:0] rdata;

  assign mstatus = {10'b0, tw_q, 3'b0, mprv_q, 4'b0, mpp_m_q, mpp_m_q, 3'b0, mpie_q, 3'b0, mie_q,
                    3'b0};

  // ---------------------------------------------------------------- reads
  always_comb begin
    rdata = 32'd0;
    unique casez (csr_addr_i)
      12'h300: rdata = mstatus;
      12'h301: rdata = MISA;
      12'h304: rdata = mie_en_q;
      12'h305: rdata = {mtvec_base_q, 1'b0, mtvec_mode_q};
      12'h306: rdata = {29'b0, ir_en_q, 1'b0, cy_en_q};
      12'h310, 12'h30a, 12'h31a, 12'h320: rdata = 32'd0;
      12'h340: rdata = mscratch_q;
      12'h341: rdata = {mepc_q, 2'b00};
      12'h342: rdata = {mcause_intr_q, 26'b0, mcause_code_q};
      12'h343: rdata = mtval_q;
      12'h344: rdata = irq_lines_i & MIP_MASK;
      12'hb00, 12'hc00: rdata = mcycle_q[31:0];
      12'hb80, 12'hc80: rdata = mcycle_q[63:32];
      12'hb02, 12'hc02: rdata = minstret_q[31:0];
      12'hb82, 12'hc82: rdata = minstret_q[63:32];
      12'hf11, 12'hf12, 12'hf13, 12'hf15: rdata = 32'd0;
      12'hf14: rdata = HART_ID;
      12'h3a?: begin
        for (int k = 0; k < 4; k++) begin
          if (4 * csr_addr_i[1:0] + k < PMP_ENTRIES) begin
            rdata[8*k +: 8] = pmpcfg_q[8*(4*csr_addr_i[1:0] + k) +: 8];
          end
        end
      end
      12'h3b?: begin
        for (int i = 0; i < PMP_ENTRIES; i++) begin
          if (csr_addr_i[3:0] == 4'(i)) begin
            rdata = pmpcfg_q[8*i + 4] ? (pmpaddr_q[32*i +: 32] | NAPOT_ONES)
                                      : (pmpaddr_q[32*i +: 32] & TOR_MASK);
          end
        end
      end
      default: rdata = 32'd0;  // mhpmevent3..31, mhpmcounter3..31(h): read-only zero
    endcase
  end

  assign csr_rdata_o = rdata;

  // Which addresses exist (the read multiplexer above, plus the read-only
  // zero mhpmevent3..31 and mhpmcounter3..31(h)).
  function automatic logic csr_exists(input logic [11:0] a);
    casez (a)
      12'h300, 12'h301, 12'h304, 12'h305, 12'h306, 12'h310, 12'h30a, 12'h31a, 12'h320,
      12'h340, 12'h341, 12'h342, 12'h343, 12'h344,
      12'hb00, 12'hc00, 12'hb80, 12'hc80, 12'hb02, 12'hc02, 12'hb82, 12'hc82,
      12'hf11, 12'hf12, 12'hf13, 12'hf14, 12'hf15, 12'h3b?: csr_exists = 1'b1;
      12'h3a?: csr_exists = a[3:2] == 2'b00;
      default: csr_exists = (a[11:5] == 7'b0011001 && a[4:0] >= 5'd3) ||
                            (a[11:5] == 7'b1011000 && a[4:0] >= 5'd3) ||
                            (a[11:5] == 7'b1011100 && a[4:0] >= 5'd3);
    endcase
  endfunction

  // Access checks of the instruction in D. The privilege and mcounteren they
  // read change only by a trap, MRET or CSR write, after which the core
  // squashes E and refetches.
  always_comb begin
    d_csr_illegal_o = !csr_exists(d_csr_addr_i);
    if (d_csr_write_i && d_csr_addr_i[11:10] == 2'b11) d_csr_illegal_o = 1'b1;
    if (!m_mode_q) begin
      if (d_csr_addr_i[9:8] != 2'b00) d_csr_illegal_o = 1'b1;
      if ((d_csr_addr_i == 12'hc00 || d_csr_addr_i == 12'hc80) && !cy_en_q) d_csr_illegal_o = 1'b1;
      if ((d_csr_addr_i == 12'hc02 || d_csr_addr_i == 12'hc82) && !ir_en_q) d_csr_illegal_o = 1'b1;
    end
  end

  // ----------------------------------------------------------- interrupts
  assign pending = irq_lines_i & mie_en_q & MIP_MASK;
  assign irq_wake_o = pending != 32'd0;
  assign irq_take_o = irq_wake_o && (!m_mode_q || mie_q);
  always_comb begin
    if (pending[17])      irq_code_o = 5'd17;
    else if (pending[16]) irq_code_o = 5'd16;
    else if (pending[11]) irq_code_o = 5'd11;
    else if (pending[3])  irq_code_o = 5'd3;
    else                  irq_code_o = 5'd7;
  end

  // Vectored mode keeps BASE 128-byte aligned (WARL), so the vector is an OR.
  assign trap_vector_o = {mtvec_base_q, 2'b00} |
                         ((mtvec_mode_q && trap_intr_i) ? {25'b0, trap_code_i, 2'b00} : 32'd0);
  assign mepc_o = {mepc_q, 2'b00};
  assign m_mode_o = m_mode_q;
  assign data_m_mode_o = mprv_q ? mpp_m_q : m_mode_q;
  assign tw_o = tw_q;
  assign pmp_cfg_o = pmpcfg_q;
  assign pmp_addr_o = pmpaddr_q;

  // --------------------------------------------------------------- writes
  logic wr;
  assign wr = csr_we_i;

  // Privilege and mstatus.
  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      m_mode_q <= 1'b1;
      mie_q <= 1'b0;
      mpie_q <= 1'b0;
      mpp_m_q <= 1'b0;
      mprv_q <= 1'b0;
      tw_q <= 1'b0;
    end else if (trap_i) begin
      mpie_q <= mie_q;
      mie_q <= 1'b0;
      mpp_m_q <= m_mode_q;
      m_mode_q <= 1'b1;
    end else if (mret_i) begin
      m_mode_q <= mpp_m_q;
      mie_q <= mpie_q;
      mpie_q <= 1'b1;
      mpp_m_q <= 1'b0;
      if (!mpp_m_q) mprv_q <= 1'b0;
    end else if (wr && csr_addr_i == 12'h300) begin
      mie_q <= csr_wdata_i[3];
      mpie_q <= csr_wdata_i[7];
      if (csr_wdata_i[12:11] == 2'b11) mpp_m_q <= 1'b1;
      else if (csr_wdata_i[12:11] == 2'b00) mpp_m_q <= 1'b0;
      mprv_q <= csr_wdata_i[17];
      tw_q <= csr_wdata_i[21];
    end
  end

  // Trap CSRs.
  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      mepc_q <= '0;
      mcause_intr_q <= 1'b0;
      mcause_code_q <= '0;
      mtval_q <= '0;
    end else if (trap_i) begin
      mepc_q <= trap_pc_i;
      mcause_intr_q <= trap_intr_i;
      mcause_code_q <= trap_code_i;
      mtval_q <= trap_tval_i;
    end else if (wr) begin
      if (csr_addr_i == 12'h341) mepc_q <= csr_wdata_i[31:2];
      if (csr_addr_i == 12'h342) begin
        mcause_intr_q <= csr_wdata_i[31];
        mcause_code_q <= csr_wdata_i[4:0];
      end
      if (csr_addr_i == 12'h343) mtval_q <= csr_wdata_i;
    end
  end

  // Plain read/write CSRs.
  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      mie_en_q <= '0;
      mtvec_base_q <= '0;
      mtvec_mode_q <= 1'b0;
      mscratch_q <= '0;
      cy_en_q <= 1'b0;
      ir_en_q <= 1'b0;
    end else if (wr) begin
      if (csr_addr_i == 12'h304) mie_en_q <= csr_wdata_i & MIP_MASK;
      if (csr_addr_i == 12'h305) begin
        mtvec_base_q <= {csr_wdata_i[31:7], csr_wdata_i[0] ? 5'b0 : csr_wdata_i[6:2]};
        mtvec_mode_q <= csr_wdata_i[0];
      end
      if (csr_addr_i == 12'h340) mscratch_q <= csr_wdata_i;
      if (csr_addr_i == 12'h306) begin
        cy_en_q <= csr_wdata_i[0];
        ir_en_q <= csr_wdata_i[2];
      end
    end
  end

  // Counters: a write replaces the increment of that cycle.
  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      mcycle_q <= '0;
      minstret_q <= '0;
    end else begin
      // A CSR write commits only with W empty (instret_i low), so a write
      // of minstret never meets an increment.
      mcycle_q <= mcycle_q + 64'd1;
      if (instret_i) minstret_q <= minstret_q + 64'd1;
      if (wr && csr_addr_i == 12'hb00) mcycle_q[31:0] <= csr_wdata_i;
      if (wr && csr_addr_i == 12'hb80) mcycle_q[63:32] <= csr_wdata_i;
      if (wr && csr_addr_i == 12'hb02) minstret_q[31:0] <= csr_wdata_i;
      if (wr && csr_addr_i == 12'hb82) minstret_q[63:32] <= csr_wdata_i;
    end
  end

  // PMP registers.
  for (genvar i = 0; i < PMP_ENTRIES; i++) begin : g_pmp
    localparam logic [11:0] CFG_CSR = 12'h3a0 + 12'(i / 4);
    localparam logic [11:0] ADDR_CSR = 12'h3b0 + 12'(i);
    logic locked;
    logic addr_locked;
    logic [7:0] wcfg;
    assign locked = pmpcfg_q[8*i + 7];
    if (i + 1 < PMP_ENTRIES) begin : g_next
      assign addr_locked = locked || (pmpcfg_q[8*(i+1) + 7] && pmpcfg_q[8*(i+1) + 3 +: 2] == 2'b01);
    end else begin : g_last
      assign addr_locked = locked;
    end
    always_comb begin
      wcfg = csr_wdata_i[8*(i % 4) +: 8] & 8'h9f;
      if (wcfg[1:0] == 2'b10) wcfg[1:0] = 2'b00;
      if (G >= 1 && wcfg[4:3] == 2'b10) wcfg[4:3] = 2'b00;
    end
    always_ff @(posedge clk_i) begin
      if (!rst_ni) begin
        pmpcfg_q[8*i +: 8] <= '0;
        pmpaddr_q[32*i +: 32] <= '0;
      end else if (wr) begin
        if (csr_addr_i == CFG_CSR && !locked) pmpcfg_q[8*i +: 8] <= wcfg;
        if (csr_addr_i == ADDR_CSR && !addr_locked) begin
          pmpaddr_q[32*i +: 32] <= csr_wdata_i & PMPADDR_MASK;
        end
      end
    end
  end

endmodule
