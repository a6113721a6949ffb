// rv_core: RV32IMA + Zicsr + Zifencei hart with machine and user modes, PMP,
// CLINT and ATS-INTC local interrupts, and a retirement trace port.
//
// Pipeline (docs/core.md has the diagram):
//   F  rv_fetch issues the instruction request (pc from a redirect, the D-stage
//      prediction or the sequential pc).
//   D  the instruction word as it arrives (or from the 2-entry fetch buffer) is
//      decoded, its registers are read (synchronous block-RAM register file),
//      JAL is predicted taken, a branch as rv_bpred says (2-bit counters over
//      the static rule: backward taken), a JALR with immediate 0 to the last
//      target of its rv_bpred entry; the fetch PMP check runs on its pc (or,
//      with PMP_SHARED, on its page, cached).
//   E  operands (register file or forwarded from M, W and the last write),
//      ALU, address generation, branch resolution, CSR access, MRET, the
//      interrupt decision, the exceptions known here, the iterative divider and
//      the multiplier's product. CSR writes and MRET act only when M and W
//      are empty. Redirects leave from a register (next cycle).
//   M  alignment and PMP check of the registered data address, the data
//      request (when W retires cleanly, held until granted), the MULH
//      correction.
//   W  load/AMO data, register write, trap entry (mepc, mcause, mtval, mtvec
//      redirect), WFI wait, retirement and the trace.
//
// Timing: 1 instruction per cycle when nothing stalls; a branch or JALR
// predicted correctly 0 bubbles, mispredicted 2 bubbles; an instruction using a
// load or AMO result 1 bubble right after it, a MUL result 1 bubble; DIV 34
// cycles; traps and interrupts redirect from W. Data accesses are issued only
// by instructions that can no longer be squashed, and are never replayed, so
// destructive MMIO loads are safe. Bus ports allow one outstanding request
// each; the slave may hold gnt low and answer rvalid one or more cycles after
// the grant; err raises a precise access fault.
module rv_core #(
  parameter logic [31:0] HART_ID     = 32'd0,
  parameter int unsigned PMP_ENTRIES = 8,       // 1..16
  parameter int unsigned PMP_GRAN    = 2,       // log2 bytes of the PMP granule (2..)
  parameter logic [31:0] RESET_PC    = 32'h8000_0000,
  parameter bit          RVFI        = 1'b1,    // drive the trace port (0: tied off)
  // One PMP checker shared by fetch and data, the fetch page's X permission
  // cached (default for granules of 4 KiB and up, where a page is large);
  // else one checker each.
  parameter bit          PMP_SHARED  = (PMP_GRAN >= 12),
  // Dynamic prediction (rv_bpred): branch counters and JALR targets; 0 = none
  // (static: backward branches taken; every JALR 2 bubbles).
  parameter int unsigned BHT_ENTRIES = 512,
  parameter int unsigned JTB_ENTRIES = 256
) (
  input  logic        clk_i,
  input  logic        rst_ni,          // synchronous, active low

  // Instruction port.
  output logic        instr_req_o,
  input  logic        instr_gnt_i,
  output logic [31:0] instr_addr_o,
  input  logic        instr_rvalid_i,
  input  logic [31:0] instr_rdata_i,
  input  logic        instr_err_i,

  // Data port. addr is the byte address; be selects lanes of the word.
  // atop: 0 plain access, else {1'b1, funct5} of LR/SC/AMO (the RAM performs
  // it; SC returns 0 on success, 1 on failure, AMOs return the old value).
  output logic        data_req_o,
  input  logic        data_gnt_i,
  output logic [31:0] data_addr_o,
  output logic        data_we_o,
  output logic [3:0]  data_be_o,
  output logic [31:0] data_wdata_o,
  output logic [5:0]  data_atop_o,
  input  logic        data_rvalid_i,
  input  logic [31:0] data_rdata_i,
  input  logic        data_err_i,

  // Interrupts (levels).
  input  logic        irq_software_i,  // mip.MSIP (CLINT msip)
  input  logic        irq_timer_i,     // mip.MTIP (CLINT mtimecmp)
  input  logic        irq_external_i,  // mip.MEIP (PLIC)
  input  logic [1:0]  irq_local_i,     // ATS-INTC: [0] work -> mip[16], [1] preempt -> mip[17]

  output logic        core_sleep_o,    // WFI waiting for an interrupt

  // Retirement trace (one record per retired instruction or trap).
  output logic        rvfi_valid_o,
  output logic [31:0] rvfi_pc_o,
  output logic [31:0] rvfi_insn_o,      // 0 for interrupts and fetch faults
  output logic        rvfi_trap_o,
  output logic [31:0] rvfi_cause_o,     // mcause of the trap
  output logic [4:0]  rvfi_rd_addr_o,   // 0 when no register is written
  output logic [31:0] rvfi_rd_wdata_o,
  output logic [31:0] rvfi_mem_addr_o,
  output logic [3:0]  rvfi_mem_rmask_o,
  output logic [3:0]  rvfi_mem_wmask_o,
  output logic [31:0] rvfi_mem_rdata_o,
  output logic [31:0] rvfi_mem_wdata_o,
  output logic [31:0] rvfi_mip_o,       // interrupt lines the instruction was decided with
  output logic [1:0]  rvfi_mode_o       // privilege the instruction ran in (3 M, 0 U)
);

  // ------------------------------------------------------------------ wires
  logic        redirect;
  logic [31:0] redirect_pc;
  logic        pred;
  logic        head_valid, head_err, head_pop;
  logic [31:0] head_instr, head_pc, head_pc_next;

  rv_core_pkg::ctrl_t d_ctrl;
  logic [31:0] d_target;       // predicted target: pc + imm, or a JALR's from rv_bpred
  logic        d_pred_taken;
  logic        d_br_taken, d_jr_known, d_jr_pred;
  logic [1:0]  d_br_cnt, e_br_cnt_q;
  logic [31:0] d_jr_target;
  logic        d_pred_done_q;
  logic        d_pmp_ok;      // X permission of the head's pc
  logic        d_fx_hit;      // ... is known (always with separate checkers)

  logic        m_mode, data_m_mode, tw;
  logic [8*PMP_ENTRIES-1:0]  pmp_cfg;
  logic [32*PMP_ENTRIES-1:0] pmp_addr;
  logic [31:0] irq_lines;
  logic        irq_take, irq_wake;
  logic [4:0]  irq_code;

  // E stage.
  logic        e_valid_q;
  logic        e_redir;        // E redirected the fetch last cycle (from registers)
  logic        e_redir_jump_q; // ... to the target of the jump/branch now in M (m_addr_q)
  logic [31:0] e_redir_pc_q;   // ... else to this pc
  logic        w_trap_now;     // W takes a trap (exception or interrupt) now
  logic [31:0] e_pc_q, e_insn_q, e_target_q;
  rv_core_pkg::ctrl_t e_ctrl_q;
  logic        e_fetch_fault_q, e_pred_q, e_first_q;
  logic [31:0] e_rs1_q, e_rs2_q;

  // M stage.
  logic        m_valid_q, m_trap_q, m_intr_q, m_rd_we_q, m_late_q, m_mem_q, m_wfi_q;
  logic        m_load_q, m_mul_q, m_mul_hi_q, m_read_q, m_write_q, m_misaligned_q;
  logic        m_inhibit_q, m_m_mode_q;
  logic [4:0]  m_cause_q, m_rd_q;
  logic [31:0] m_pc_q, m_insn_q, m_result_q, m_mcorr_q, m_wdata_q, m_mip_q;
  logic [31:0] m_addr_q;       // data address, or mtval of a trap from E
  logic [3:0]  m_be_q;
  logic [5:0]  m_atop_q;
  logic [2:0]  m_funct3_q;

  // W stage.
  logic        w_valid_q, w_trap_q, w_intr_q, w_rd_we_q, w_late_q, w_mem_q, w_wfi_q;
  logic        w_load_q, w_mem_store_fault_q, w_inhibit_q;
  logic        w_m_mode_q;
  logic [4:0]  w_cause_q, w_rd_q;
  logic [31:0] w_pc_q, w_insn_q, w_tval_q, w_result_q;
  logic [31:0] w_mem_wdata_q, w_mip_q;
  logic [3:0]  w_rmask_q, w_wmask_q;
  logic [2:0]  w_funct3_q;

  // Last register write (bypass for the synchronous register file).
  logic [4:0]  wbl_rd_q;
  logic [31:0] wbl_val_q;

  assign irq_lines = {14'b0, irq_local_i, 4'b0, irq_external_i, 3'b0, irq_timer_i, 3'b0,
                      irq_software_i, 3'b0};

  // ------------------------------------------------------------------ fetch
  rv_fetch #(.RESET_PC(RESET_PC)) u_fetch (
    .clk_i, .rst_ni,
    .instr_req_o, .instr_gnt_i, .instr_addr_o, .instr_rvalid_i, .instr_rdata_i, .instr_err_i,
    .redirect_i     (redirect),
    .redirect_pc_i  (redirect_pc),
    .pred_i         (pred),
    .pred_pc_i      (d_target),
    .head_valid_o   (head_valid),
    .head_instr_o   (head_instr),
    .head_pc_o      (head_pc),
    .head_pc_next_o (head_pc_next),
    .head_err_o     (head_err),
    .head_pred_i    (d_pred_taken),
    .head_pop_i     (head_pop)
  );

  // ------------------------------------------------------------------ D
  logic [31:0] d_imm_bj;
  rv_decoder u_decoder (.instr_i(head_instr), .ctrl_o(d_ctrl), .imm_bj_o(d_imm_bj));

  // Prediction (rv_bpred below). A JALR is predicted only with immediate 0,
  // so E checks the guess on rs1 (jr_mis) rather than behind the adder.
  assign d_jr_pred = d_ctrl.jalr && d_jr_known && head_instr[31:20] == 12'd0;
  // The target adder takes the J/B immediate picked by an opcode bit, not
  // the decoder's full immediate multiplexer: d_target matters for JAL,
  // branches and predicted JALRs only (e_target_q's users check the kind).
  assign d_target = d_jr_pred ? d_jr_target : head_pc + d_imm_bj;
  assign d_pred_taken = (d_ctrl.jal || (d_ctrl.branch && d_br_taken) || d_jr_pred) &&
                        !d_target[1] && !head_err;
  assign pred = head_valid && d_pred_taken && !d_pred_done_q;

  logic [32*PMP_ENTRIES-1:0] pmp_care;
  rv_pmp_care #(.ENTRIES(PMP_ENTRIES), .GRAN(PMP_GRAN)) u_pmp_care (
    .addr_cfg_i(pmp_addr),
    .care_o    (pmp_care)
  );


  // Register file: read the head's sources every cycle; E uses the data in
  // its first cycle and keeps forwarded copies afterwards.
  logic [31:0] rf_a, rf_b;
  logic        rf_we;
  logic [31:0] w_wdata;
  rv_regfile u_regfile (
    .clk_i,
    .raddr_a_i(head_instr[19:15]),
    .raddr_b_i(head_instr[24:20]),
    .rdata_a_o(rf_a),
    .rdata_b_o(rf_b),
    .we_i     (rf_we),
    .waddr_i  (w_rd_q),
    .wdata_i  (w_wdata)
  );

  // ------------------------------------------------------------------ E
  logic [4:0]  e_rs1, e_rs2, e_rd;
  logic [2:0]  e_funct3;
  logic        m_fwd_ok, w_fwd_ok;
  logic [31:0] op_a, op_b;
  logic        haz;

  assign e_rs1 = e_insn_q[19:15];
  assign e_rs2 = e_insn_q[24:20];
  assign e_rd = e_insn_q[11:7];
  assign e_funct3 = e_insn_q[14:12];
  assign m_fwd_ok = m_valid_q && m_rd_we_q && !m_late_q;
  // W forwards its register write data (for a load/AMO/SC, the bus read data
  // in the cycle it arrives).
  assign w_fwd_ok = w_valid_q && w_rd_we_q;

  // Register-number compares, precomputed one cycle early (below, next to
  // the last-write register): [0] for rs1, [1] for rs2, each "is not x0 and
  // equals M's / W's / the last write's rd". The operand multiplexers then
  // have only flip-flops in their selects.
  logic [1:0]  f_nz_q, f_m_q, f_w_q, f_l_q;

  always_comb begin
    if (m_fwd_ok && f_m_q[0]) op_a = m_result_q;
    else if (w_fwd_ok && f_w_q[0]) op_a = w_wdata;
    else if (f_l_q[0]) op_a = wbl_val_q;
    else if (!f_nz_q[0]) op_a = 32'd0;
    else if (e_first_q) op_a = rf_a;
    else op_a = e_rs1_q;
    if (m_fwd_ok && f_m_q[1]) op_b = m_result_q;
    else if (w_fwd_ok && f_w_q[1]) op_b = w_wdata;
    else if (f_l_q[1]) op_b = wbl_val_q;
    else if (!f_nz_q[1]) op_b = 32'd0;
    else if (e_first_q) op_b = rf_b;
    else op_b = e_rs2_q;
  end

  // A load/AMO result exists only when its data arrives in W, a MUL result
  // after M (a written rd is never x0, so the compares may include "not x0").
  assign haz = (m_valid_q && m_rd_we_q && m_late_q &&
                ((e_ctrl_q.use_rs1 && f_m_q[0]) || (e_ctrl_q.use_rs2 && f_m_q[1]))) ||
               (w_valid_q && w_rd_we_q && w_late_q && !data_rvalid_i &&
                ((e_ctrl_q.use_rs1 && f_w_q[0]) || (e_ctrl_q.use_rs2 && f_w_q[1])));

  // ALU, branch unit.
  logic [31:0] alu_out, agu, pc4, jump_target;
  logic        br_cond, br_mis, jump_misaligned, alu_lt;

  rv_alu u_alu (
    .op_i    (e_ctrl_q.alu_op),
    .a_i     (e_ctrl_q.alu_a_pc ? e_pc_q : op_a),
    .b_i     (e_ctrl_q.alu_b_imm ? e_ctrl_q.imm : op_b),
    .result_o(alu_out),
    .sum_o   (agu),
    .lt_o    (alu_lt)
  );

  // agu: loads, stores, AMOs and JALR add rs1 + imm in the ALU's adder.
  assign pc4 = e_pc_q + 32'd4;
  // M's result is the adder's sum (ADD, ADDI, SUB, AUIPC; MUL/DIV/CSR/JAL/
  // JALR also carry alu_op ADD, hence e_res_other) or its compare (SLT/SLTU).
  logic e_res_other, e_res_sum, e_res_slt;
  assign e_res_other = e_ctrl_q.mul || e_ctrl_q.div || e_ctrl_q.csr || e_ctrl_q.jal ||
                       e_ctrl_q.jalr;
  assign e_res_sum = !e_res_other && (e_ctrl_q.alu_op == rv_core_pkg::ALU_ADD ||
                                      e_ctrl_q.alu_op == rv_core_pkg::ALU_SUB);
  assign e_res_slt = !e_res_other && (e_ctrl_q.alu_op == rv_core_pkg::ALU_SLT ||
                                      e_ctrl_q.alu_op == rv_core_pkg::ALU_SLTU);

  // Branch comparator on the forwarded operands (not through the ALU's input
  // multiplexers): its own subtractor's borrow gives a < b, unsigned, or
  // signed with both sign bits flipped. The selects come from registered
  // funct3 bits, so the compare is only one LUT away from the outcome.
  logic        cmp_signed, cmp_lt, cmp_eq;
  logic [32:0] cmp_diff;
  assign cmp_signed = !e_funct3[1];
  assign cmp_diff = {1'b0, op_a[31] ^ cmp_signed, op_a[30:0]} -
                    {1'b0, op_b[31] ^ cmp_signed, op_b[30:0]};
  assign cmp_lt = cmp_diff[32];
  logic unused_cmp;
  assign unused_cmp = ^cmp_diff[31:0];
  assign cmp_eq = op_a == op_b;
  assign br_cond = (e_funct3[2] ? cmp_lt : cmp_eq) ^ e_funct3[0];

  // The misaligned-target exception does not wait for the branch compare: a
  // JAL's target is known from D, a JALR's bit 1 comes from the adder's low
  // bits, and a branch with a misaligned target (never predicted taken) stays
  // one cycle more in E (e_br_slow) and takes its outcome from br_cond_q. So
  // the compare reaches only registers: br_cond_q and br_mis_q (mispredicted,
  // one LUT after the compare; see the redirect registers below).
  logic e_br_slow, e_cmp_q, br_cond_q;
  assign e_br_slow = e_ctrl_q.branch && e_target_q[1];
  assign br_mis = br_cond != e_pred_q;
  // A JALR went where D predicted (immediate 0, so the target is rs1 with
  // bit 0 cleared; bit 1 set traps as misaligned).
  logic jr_mis;
  assign jr_mis = !e_pred_q || op_a[31:2] != e_target_q[31:2];
  assign jump_target = e_ctrl_q.jalr ? {agu[31:1], 1'b0} : e_target_q;
  assign jump_misaligned = (e_ctrl_q.jal && e_target_q[1]) || (e_ctrl_q.jalr && agu[1]) ||
                           (e_br_slow && br_cond_q);

  // Memory access: E computes the address, byte enables and store data; M
  // checks and issues the request.
  logic        is_mem, is_lr, is_sc, mem_write, mem_read, misaligned;
  logic [1:0]  mem_size;
  logic [3:0]  mem_be;
  logic [31:0] mem_wdata;

  assign is_mem = e_ctrl_q.load || e_ctrl_q.store || e_ctrl_q.amo;
  assign is_lr = e_ctrl_q.amo && e_insn_q[31:27] == 5'b00010;
  assign is_sc = e_ctrl_q.amo && e_insn_q[31:27] == 5'b00011;
  assign mem_write = e_ctrl_q.store || (e_ctrl_q.amo && !is_lr);
  assign mem_read = e_ctrl_q.load || (e_ctrl_q.amo && !is_sc);
  assign mem_size = e_ctrl_q.amo ? 2'b10 : e_funct3[1:0];
  assign misaligned = (mem_size == 2'b01 && agu[0]) || (mem_size == 2'b10 && agu[1:0] != 2'b00);

  always_comb begin
    unique case (mem_size)
      2'b00:   begin mem_be = 4'b0001 << agu[1:0]; mem_wdata = {4{op_b[7:0]}}; end
      2'b01:   begin mem_be = 4'b0011 << agu[1:0]; mem_wdata = {2{op_b[15:0]}}; end
      default: begin mem_be = 4'b1111; mem_wdata = op_b; end
    endcase
  end

  // PMP. Separate checkers: fetch (X) on the head's pc in D, data (R/W) on
  // the address in M. Shared checker (PMP_SHARED): it serves the data access
  // whenever M holds a memory instruction, else the page of the head
  // instruction, whose X permission is kept in fx_*. The head enters E only
  // when its page is the checked one (d_fx_hit), so a new fetch page costs
  // one or two bubbles. Every granule is either inside or outside each PMP
  // region, so the page's permission holds for every word in it. The result
  // is dropped when the privilege or the PMP registers can change: a trap
  // from U-mode, MRET or a PMP CSR instruction in E.
  logic m_pmp_ok;
  if (PMP_SHARED) begin : g_pmp_shared
    localparam logic [29:0] PAGE_MASK = ~((30'd1 << (PMP_GRAN - 2)) - 30'd1);
    logic        use_data, chk_ok, fx_valid_q, fx_ok_q, fx_inval;
    logic [29:0] head_page, fx_page_q;
    assign use_data = m_valid_q && m_mem_q;
    assign head_page = head_pc[31:2] & PAGE_MASK;
    rv_pmp #(.ENTRIES(PMP_ENTRIES), .GRAN(PMP_GRAN)) u_pmp (
      .addr_i    (use_data ? m_addr_q[31:2] : head_page),
      .m_mode_i  (use_data ? data_m_mode : m_mode),
      .need_i    (use_data ? {1'b0, m_write_q, m_read_q} : 3'b100),
      .cfg_i     (pmp_cfg),
      .addr_cfg_i(pmp_addr),
      .care_i    (pmp_care),
      .allow_o   (chk_ok)
    );
    assign m_pmp_ok = chk_ok;
    assign fx_inval = (w_trap_now && !m_mode) ||
                      (e_valid_q && (e_ctrl_q.mret ||
                                     (e_ctrl_q.csr && e_insn_q[31:25] == 7'b0011101)));
    always_ff @(posedge clk_i) begin
      if (!rst_ni || fx_inval) begin
        fx_valid_q <= 1'b0;
      end else if (!use_data && head_valid) begin
        fx_valid_q <= 1'b1;
      end
      if (!use_data) begin
        fx_page_q <= head_page;
        fx_ok_q <= chk_ok;
      end
    end
    assign d_fx_hit = fx_valid_q && fx_page_q == head_page;
    assign d_pmp_ok = fx_ok_q;
  end else begin : g_pmp_split
    rv_pmp #(.ENTRIES(PMP_ENTRIES), .GRAN(PMP_GRAN)) u_pmp_fetch (
      .addr_i    (head_pc[31:2]),
      .m_mode_i  (m_mode),
      .need_i    (3'b100),
      .cfg_i     (pmp_cfg),
      .addr_cfg_i(pmp_addr),
      .care_i    (pmp_care),
      .allow_o   (d_pmp_ok)
    );
    rv_pmp #(.ENTRIES(PMP_ENTRIES), .GRAN(PMP_GRAN)) u_pmp_data (
      .addr_i    (m_addr_q[31:2]),
      .m_mode_i  (data_m_mode),
      .need_i    ({1'b0, m_write_q, m_read_q}),
      .cfg_i     (pmp_cfg),
      .addr_cfg_i(pmp_addr),
      .care_i    (pmp_care),
      .allow_o   (m_pmp_ok)
    );
    assign d_fx_hit = 1'b1;
  end

  // CSR access.
  logic        csr_writes, d_csr_illegal;
  logic [31:0] csr_rdata, csr_src, csr_wdata, mepc, trap_vector;

  // A CSR instruction writes unless it is CSRRS/CSRRC with rs1 = x0 (or the
  // immediate forms with uimm = 0): the same rule for E and for D's checks.
  function automatic logic csr_insn_writes(input logic [1:0] funct3_lo, input logic [4:0] rs1);
    csr_insn_writes = funct3_lo == 2'b01 || rs1 != 5'd0;
  endfunction

  assign csr_writes = csr_insn_writes(e_funct3[1:0], e_rs1);
  assign csr_src = e_funct3[2] ? {27'b0, e_rs1} : op_a;
  always_comb begin
    unique case (e_funct3[1:0])
      2'b01:   csr_wdata = csr_src;
      2'b10:   csr_wdata = csr_rdata | csr_src;
      default: csr_wdata = csr_rdata & ~csr_src;
    endcase
  end

  // Exceptions found in E, in priority order (the data address checks follow
  // in M).
  logic        exc;
  logic [4:0]  exc_code;
  logic [31:0] exc_tval;
  logic        illegal, e_priv_illegal_q;

  // The CSR and privilege checks are made in D and registered (e_priv_illegal_q):
  // the privilege, mcounteren and mstatus.TW change only by a trap, MRET or
  // CSR write, each followed by a redirect that squashes what is in E.
  assign illegal = e_ctrl_q.illegal || e_priv_illegal_q;
  always_comb begin
    exc = 1'b1;
    exc_code = rv_core_pkg::EXC_FETCH_ACCESS;
    exc_tval = 32'd0;
    if (e_fetch_fault_q) begin
      exc_tval = e_pc_q;
    end else if (illegal) begin
      exc_code = rv_core_pkg::EXC_ILLEGAL;
      exc_tval = e_insn_q;
    end else if (e_ctrl_q.ecall) begin
      exc_code = m_mode ? rv_core_pkg::EXC_ECALL_M : rv_core_pkg::EXC_ECALL_U;
    end else if (e_ctrl_q.ebreak) begin
      exc_code = rv_core_pkg::EXC_BREAKPOINT;
    end else if (jump_misaligned) begin
      exc_code = rv_core_pkg::EXC_FETCH_MISALIGNED;
      exc_tval = jump_target;
    end else begin
      exc = 1'b0;
    end
  end

  // Multiply / divide.
  logic [63:0] product;
  logic [31:0] mcorr, div_result;
  logic        div_busy, div_done, div_start, div_kill;
  assign product = {32'b0, op_a} * {32'b0, op_b};
  assign mcorr = ((e_funct3[1:0] == 2'b01 || e_funct3[1:0] == 2'b10) && op_a[31] ? op_b : 32'd0) +
                 ((e_funct3[1:0] == 2'b01) && op_b[31] ? op_a : 32'd0);

  rv_div u_div (
    .clk_i, .rst_ni,
    .start_i (div_start),
    .kill_i  (div_kill),
    .op_i    (e_funct3[1:0]),
    .a_i     (op_a),
    .b_i     (op_b),
    .busy_o  (div_busy),
    .done_o  (div_done),
    .result_o(div_result)
  );

  // E control. An instruction leaves E into M when M is free. CSR
  // instructions, MRET and FENCE.I (e_sync) act in E and wait until M and W
  // are empty, so nothing older can still trap, minstret already counts every
  // older instruction (its read needs no same-cycle increment), and their
  // commit does not depend on W's completion (bus response, WFI wake-up).
  // Other instructions have
  // no side effect in E except redirecting the fetch, which a trap of an older
  // instruction overrides. Interrupts are taken on the instruction in E.
  logic w_done, w_retire, w_bus_err, w_free, w_ok;
  logic e_sync, e_sync_ok, e_go, e_irq, e_ready, exc_static, e_fire, e_advance;
  logic e_exec, e_redir_other, e_redir_br, e_redir_jr;
  logic e_free, e_commit;
  logic m_go, m_req, m_advance, m_free, m_fault;
  logic [31:0] e_redirect_pc;

  assign w_ok = !w_valid_q || (w_done && !w_trap_now);
  assign w_free = !w_valid_q || w_done;
  assign e_sync = e_ctrl_q.csr || e_ctrl_q.mret || e_ctrl_q.fence_i;
  assign e_sync_ok = e_valid_q && !e_redir && !m_valid_q && !w_valid_q;
  assign e_go = e_valid_q && !e_redir && !w_trap_now && (!e_br_slow || e_cmp_q) &&
                (e_sync ? (!m_valid_q && !w_valid_q) : m_free);
  assign e_irq = e_go && irq_take;
  assign e_ready = e_go && !e_irq && !haz;
  assign exc_static = e_fetch_fault_q || illegal || e_ctrl_q.ecall || e_ctrl_q.ebreak;
  // Leaves E this cycle (as an instruction or as a trap).
  assign e_advance = e_irq || (e_ready && (exc_static || !e_ctrl_q.div || div_done));
  // Leaves E and executes.
  assign e_fire = e_advance && !e_irq && !exc;
  assign e_free = !e_valid_q || e_advance;
  // CSR write / MRET commit (e_ready of an e_sync instruction, written so
  // that M's advance is not in its logic cone; with M and W empty there is
  // no hazard).
  assign e_commit = e_sync_ok && !irq_take && !exc_static;

  assign div_start = e_valid_q && e_ctrl_q.div && !haz && !div_busy && !e_redir;
  assign div_kill = e_advance || w_trap_now;

  // E redirects (next cycle, see below) for a mispredicted branch (without
  // a misaligned target; never predicted taken then) or JALR, a JAL not
  // predicted (only with a fetch fault, so never), a CSR write, FENCE.I and
  // MRET. The branch and JALR outcomes are kept apart (br_mis, jr_mis).
  assign e_exec = e_ready && !exc_static && !jump_misaligned && (!e_ctrl_q.div || div_done);
  assign e_redir_other = e_exec &&
                         ((e_ctrl_q.jal && !e_pred_q && !e_target_q[1]) ||
                          (e_ctrl_q.csr && csr_writes) || e_ctrl_q.fence_i || e_ctrl_q.mret);
  assign e_redir_br = e_exec && e_ctrl_q.branch && !e_target_q[1];
  assign e_redir_jr = e_exec && e_ctrl_q.jalr;  // jump_misaligned excludes agu[1]
  // A mispredicted jump's target is in M's address register the next cycle;
  // the other redirects go to pc + 4 or mepc (no branch outcome needed).
  assign e_redirect_pc = e_ctrl_q.mret ? mepc : pc4;

  // M control. A memory instruction whose address passes the checks requests
  // when W retires cleanly (or is empty), and holds the request until granted
  // (W is empty then, and nothing can squash M). One that fails enters W as
  // its trap. Every other instruction passes through in one cycle. E may
  // move into M (m_free) when M is empty or leaves without a pending
  // request; m_free ignores the address checks (PMP), so they reach only M's
  // and W's registers and the request: a memory instruction whose check
  // fails while the grant is low leaves M empty behind it.
  assign m_go = m_valid_q && w_ok;
  assign m_fault = m_mem_q && (m_misaligned_q || !m_pmp_ok);
  assign m_req = m_go && m_mem_q && !m_fault;
  assign m_advance = m_go && (!m_req || data_gnt_i);
  assign m_free = !m_valid_q || (m_go && (!m_mem_q || data_gnt_i));

  assign data_req_o = m_req;
  assign data_addr_o = m_addr_q;
  assign data_we_o = m_write_q;
  assign data_be_o = m_be_q;
  assign data_wdata_o = m_wdata_q;
  assign data_atop_o = m_atop_q;

  // Redirects: W traps first, then E's, one cycle late from registers (the
  // branch compare does not reach the fetch address; it reaches only
  // br_mis_q). The instruction that entered E meanwhile is squashed (e_go is
  // low, so it does nothing). A redirecting branch was mispredicted, so it
  // goes to its target exactly when it was not predicted taken.
  logic e_redir_other_q, e_redir_br_q, br_mis_q, e_redir_jr_q, jr_mis_q;
  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      e_redir_other_q <= 1'b0;
      e_redir_br_q <= 1'b0;
      e_redir_jr_q <= 1'b0;
    end else begin
      e_redir_other_q <= e_redir_other;
      e_redir_br_q <= e_redir_br;
      e_redir_jr_q <= e_redir_jr;
    end
    br_mis_q <= br_mis;
    jr_mis_q <= jr_mis;
    e_redir_jump_q <= e_ctrl_q.jal || e_ctrl_q.jalr || (e_ctrl_q.branch && !e_pred_q);
    e_redir_pc_q <= e_redirect_pc;
  end
  assign e_redir = e_redir_other_q || (e_redir_br_q && br_mis_q) || (e_redir_jr_q && jr_mis_q);
  assign redirect = w_trap_now || e_redir;
  assign redirect_pc = w_trap_now ? trap_vector : (e_redir_jump_q ? m_addr_q : e_redir_pc_q);
  assign head_pop = head_valid && d_fx_hit && e_free && !redirect;

  // The predictor learns from the branch or JALR that executed in E last
  // cycle and is now in M (its pc in m_pc_q, a JALR's target in m_addr_q):
  // the branch's counter as it was read, and whether it was mispredicted.
  logic [1:0]  bp_cnt_q;
  always_ff @(posedge clk_i) bp_cnt_q <= e_br_cnt_q;

  rv_bpred #(.BHT_ENTRIES(BHT_ENTRIES), .JTB_ENTRIES(JTB_ENTRIES)) u_bpred (
    .clk_i,
    .pc_next_i    (head_pc_next),
    .backward_i   (head_instr[31]),  // a branch's immediate sign
    .br_taken_o   (d_br_taken),
    .br_cnt_o     (d_br_cnt),
    .jr_valid_o   (d_jr_known),
    .jr_target_o  (d_jr_target),
    .upd_pc_i     (m_pc_q),
    .br_upd_i     (e_redir_br_q),
    .br_cnt_i     (bp_cnt_q),
    .br_mis_i     (br_mis_q),
    .jr_upd_i     (e_redir_jr_q),
    .jr_target_i  (m_addr_q)
  );

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      d_pred_done_q <= 1'b0;
    end else if (head_pop || redirect) begin
      d_pred_done_q <= 1'b0;
    end else if (pred) begin
      d_pred_done_q <= 1'b1;
    end
  end

  // br_cond_q: the compare of the instruction in E, once its operands were
  // complete (no hazard) in an earlier cycle (e_cmp_q).
  always_ff @(posedge clk_i) begin
    if (!rst_ni || head_pop) begin
      e_cmp_q <= 1'b0;
    end else if (e_valid_q && !haz) begin
      e_cmp_q <= 1'b1;
    end
    if (!haz) br_cond_q <= br_cond;
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      e_valid_q <= 1'b0;
      e_first_q <= 1'b0;
    end else begin
      if (head_pop) begin
        e_valid_q <= 1'b1;
        e_first_q <= 1'b1;
      end else begin
        e_first_q <= 1'b0;
        if (e_advance || w_trap_now || e_redir) e_valid_q <= 1'b0;
      end
    end
  end

  // E data registers load whenever E is free (the valid bit says whether the
  // loaded instruction counts), so their enable does not wait for redirects.
  always_ff @(posedge clk_i) begin
    if (e_free) begin
      e_pc_q <= head_pc;
      e_insn_q <= head_instr;
      e_ctrl_q <= d_ctrl;
      e_target_q <= d_target;
      e_pred_q <= d_pred_taken;
      e_br_cnt_q <= d_br_cnt;
      e_fetch_fault_q <= head_err || !d_pmp_ok;
      e_priv_illegal_q <= (d_ctrl.csr && d_csr_illegal) || (d_ctrl.mret && !m_mode) ||
                          (d_ctrl.wfi && !m_mode && tw);
    end
    e_rs1_q <= op_a;
    e_rs2_q <= op_b;
  end

  // ------------------------------------------------------------------ M
  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      m_valid_q <= 1'b0;
    end else if (w_trap_now) begin
      m_valid_q <= 1'b0;
    end else if (m_free) begin
      m_valid_q <= e_advance;
    end else if (m_advance) begin
      m_valid_q <= 1'b0;
    end
  end

  // Control bits follow the advance decision; data registers load whenever M
  // is free.
  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      m_trap_q <= 1'b0;
      m_rd_we_q <= 1'b0;
      m_late_q <= 1'b0;
      m_mem_q <= 1'b0;
      m_wfi_q <= 1'b0;
    end else if (m_free) begin
      m_trap_q <= e_irq || (e_advance && exc);
      m_rd_we_q <= e_fire && e_ctrl_q.rd_we && e_rd != 5'd0;
      m_late_q <= e_fire && (e_ctrl_q.load || e_ctrl_q.amo || e_ctrl_q.mul);
      m_mem_q <= e_fire && is_mem;
      m_wfi_q <= e_fire && e_ctrl_q.wfi;
    end
  end

  always_ff @(posedge clk_i) begin
    if (m_free) begin
      m_pc_q <= e_pc_q;
      m_insn_q <= (e_irq || e_fetch_fault_q) ? 32'd0 : e_insn_q;
      m_intr_q <= e_irq;
      m_cause_q <= e_irq ? irq_code : exc_code;
      m_rd_q <= e_rd;
      m_load_q <= e_ctrl_q.load || e_ctrl_q.amo;
      m_mul_q <= e_ctrl_q.mul;
      m_mul_hi_q <= e_funct3[1:0] != 2'b00;
      m_mcorr_q <= mcorr;
      m_funct3_q <= e_ctrl_q.amo ? 3'b010 : e_funct3;
      m_read_q <= mem_read;
      m_write_q <= mem_write;
      m_misaligned_q <= misaligned;
      m_inhibit_q <= e_ctrl_q.csr && csr_writes &&
                     (e_insn_q[31:20] == 12'hb02 || e_insn_q[31:20] == 12'hb82);
      // mtval of E's exceptions shares the address register: selected
      // without the branch outcome (it matters only when the jump traps).
      if (e_irq) m_addr_q <= 32'd0;
      else if (exc_static) m_addr_q <= exc_tval;
      else if (e_ctrl_q.branch || e_ctrl_q.jal) m_addr_q <= e_target_q;
      else if (e_ctrl_q.jalr) m_addr_q <= {agu[31:1], 1'b0};
      else m_addr_q <= agu;
      m_be_q <= mem_be;
      m_wdata_q <= mem_wdata;
      m_atop_q <= e_ctrl_q.amo ? {1'b1, e_insn_q[31:27]} : 6'b0;
      m_mip_q <= irq_lines;
      m_m_mode_q <= m_mode;
      // The adder's results (late: end of the carry chain) are selected last.
      if (e_res_sum) m_result_q <= agu;
      else if (e_res_slt) m_result_q <= {31'b0, alu_lt};
      else if (e_ctrl_q.mul) m_result_q <= (e_funct3[1:0] == 2'b00) ? product[31:0]
                                                                   : product[63:32];
      else if (e_ctrl_q.div) m_result_q <= div_result;
      else if (e_ctrl_q.csr) m_result_q <= csr_rdata;
      else if (e_ctrl_q.jal || e_ctrl_q.jalr) m_result_q <= pc4;
      else m_result_q <= alu_out;
    end
  end

  // ------------------------------------------------------------------ W
  logic [15:0] load_shifted;
  logic [31:0] load_value;

  assign w_bus_err = w_mem_q && data_rvalid_i && data_err_i;
  assign w_done = w_valid_q && !(w_mem_q && !data_rvalid_i) && !(w_wfi_q && !irq_wake);
  assign w_trap_now = w_valid_q && (w_trap_q || w_bus_err);
  assign w_retire = w_done && !w_trap_now;

  always_comb begin
    unique case (w_tval_q[1:0])
      2'b00:   load_shifted = data_rdata_i[15:0];
      2'b01:   load_shifted = data_rdata_i[23:8];
      2'b10:   load_shifted = data_rdata_i[31:16];
      default: load_shifted = {8'b0, data_rdata_i[31:24]};
    endcase
  end
  always_comb begin
    unique case (w_funct3_q)
      3'b000:  load_value = {{24{load_shifted[7]}}, load_shifted[7:0]};
      3'b001:  load_value = {{16{load_shifted[15]}}, load_shifted[15:0]};
      3'b100:  load_value = {24'b0, load_shifted[7:0]};
      3'b101:  load_value = {16'b0, load_shifted[15:0]};
      default: load_value = data_rdata_i;
    endcase
  end
  assign w_wdata = w_load_q ? load_value : w_result_q;
  assign rf_we = w_retire && w_rd_we_q;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      wbl_rd_q <= 5'd0;
      wbl_val_q <= 32'd0;
    end else if (rf_we) begin
      wbl_rd_q <= w_rd_q;
      wbl_val_q <= w_wdata;
    end
  end

  // Forwarding compares for the next cycle: the register numbers E, M, W and
  // the last write will hold then (each loads with the enable of the register
  // it mirrors: e_free, m_free, w_free, rf_we and reset), so the registered
  // compares always equal the compares of the current numbers.
  logic [4:0] n_rs1, n_rs2, n_m_rd, n_w_rd, n_l_rd;
  assign n_rs1 = e_free ? head_instr[19:15] : e_rs1;
  assign n_rs2 = e_free ? head_instr[24:20] : e_rs2;
  assign n_m_rd = m_free ? e_rd : m_rd_q;
  assign n_w_rd = w_free ? m_rd_q : w_rd_q;
  assign n_l_rd = rf_we ? w_rd_q : wbl_rd_q;
  always_ff @(posedge clk_i) begin
    f_nz_q <= {n_rs2 != 5'd0, n_rs1 != 5'd0};
    f_m_q <= {n_rs2 != 5'd0 && n_rs2 == n_m_rd, n_rs1 != 5'd0 && n_rs1 == n_m_rd};
    f_w_q <= {n_rs2 != 5'd0 && n_rs2 == n_w_rd, n_rs1 != 5'd0 && n_rs1 == n_w_rd};
    f_l_q <= {rst_ni && n_rs2 != 5'd0 && n_rs2 == n_l_rd, rst_ni && n_rs1 != 5'd0 && n_rs1 == n_l_rd};
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      w_valid_q <= 1'b0;
    end else if (m_advance) begin
      w_valid_q <= 1'b1;
    end else if (w_done || w_trap_now) begin
      w_valid_q <= 1'b0;
    end
  end

  // W: control bits follow M's advance; data registers load whenever W is
  // free. A memory instruction whose address check failed enters W as its
  // trap (mtval the address; the cause differs from the misaligned one in
  // bit 0 only).
  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      w_trap_q <= 1'b0;
      w_rd_we_q <= 1'b0;
      w_late_q <= 1'b0;
      w_mem_q <= 1'b0;
      w_wfi_q <= 1'b0;
    end else if (w_free) begin
      w_trap_q <= m_advance && (m_trap_q || m_fault);
      w_rd_we_q <= m_advance && !m_fault && m_rd_we_q;
      w_late_q <= m_advance && m_load_q;
      w_mem_q <= m_advance && m_mem_q && !m_fault;
      w_wfi_q <= m_advance && m_wfi_q;
    end
  end

  always_ff @(posedge clk_i) begin
    if (w_free) begin
      w_pc_q <= m_pc_q;
      w_insn_q <= m_insn_q;
      w_intr_q <= m_intr_q && !m_fault;
      if (m_fault) begin
        w_cause_q <= ((m_read_q && !m_write_q) ? rv_core_pkg::EXC_LOAD_MISALIGNED
                                               : rv_core_pkg::EXC_STORE_MISALIGNED) |
                     {4'b0, !m_misaligned_q};
      end else begin
        w_cause_q <= m_cause_q;
      end
      w_tval_q <= m_addr_q;  // also the data address of a memory instruction
      w_rd_q <= m_rd_q;
      w_load_q <= m_load_q;
      w_funct3_q <= m_funct3_q;
      w_mem_store_fault_q <= m_write_q;
      w_inhibit_q <= m_inhibit_q;
      w_mem_wdata_q <= m_write_q ? m_wdata_q : 32'd0;
      w_rmask_q <= m_read_q ? m_be_q : 4'b0;
      w_wmask_q <= m_write_q ? m_be_q : 4'b0;
      w_mip_q <= m_mip_q;
      w_m_mode_q <= m_m_mode_q;
      // MULH*: high product minus the signed correction.
      w_result_q <= m_result_q - ((m_mul_q && m_mul_hi_q) ? m_mcorr_q : 32'd0);
    end
  end

  // ------------------------------------------------------------------ CSRs
  rv_csr #(.HART_ID(HART_ID), .PMP_ENTRIES(PMP_ENTRIES), .PMP_GRAN(PMP_GRAN)) u_csr (
    .clk_i, .rst_ni,
    .d_csr_addr_i (head_instr[31:20]),
    .d_csr_write_i(csr_insn_writes(head_instr[13:12], head_instr[19:15])),
    .d_csr_illegal_o(d_csr_illegal),
    .csr_addr_i   (e_insn_q[31:20]),
    .csr_rdata_o  (csr_rdata),
    .csr_we_i     (e_commit && e_ctrl_q.csr && csr_writes),
    .csr_wdata_i  (csr_wdata),
    .mret_i       (e_commit && e_ctrl_q.mret),
    .mepc_o       (mepc),
    .trap_i       (w_trap_now),
    .trap_pc_i    (w_pc_q[31:2]),
    .trap_intr_i  (w_intr_q && !w_bus_err),
    .trap_code_i  (w_bus_err ? (w_mem_store_fault_q ? rv_core_pkg::EXC_STORE_ACCESS
                                                    : rv_core_pkg::EXC_LOAD_ACCESS) : w_cause_q),
    .trap_tval_i  (w_tval_q),
    .trap_vector_o(trap_vector),
    .irq_lines_i  (irq_lines),
    .irq_take_o   (irq_take),
    .irq_code_o   (irq_code),
    .irq_wake_o   (irq_wake),
    .instret_i    (w_retire && !w_inhibit_q),
    .m_mode_o     (m_mode),
    .data_m_mode_o(data_m_mode),
    .tw_o         (tw),
    .pmp_cfg_o    (pmp_cfg),
    .pmp_addr_o   (pmp_addr)
  );

  assign core_sleep_o = w_valid_q && w_wfi_q && !irq_wake;

  // ------------------------------------------------------------------ trace
  if (RVFI) begin : g_rvfi
    assign rvfi_valid_o = w_done;
    assign rvfi_pc_o = w_pc_q;
    assign rvfi_insn_o = w_insn_q;
    assign rvfi_trap_o = w_trap_now;
    assign rvfi_cause_o = w_bus_err ? {27'b0, w_mem_store_fault_q ? rv_core_pkg::EXC_STORE_ACCESS
                                                                  : rv_core_pkg::EXC_LOAD_ACCESS}
                                    : {w_intr_q, 26'b0, w_cause_q};
    assign rvfi_rd_addr_o = rf_we ? w_rd_q : 5'd0;
    assign rvfi_rd_wdata_o = rf_we ? w_wdata : 32'd0;
    assign rvfi_mem_addr_o = w_mem_q ? w_tval_q : 32'd0;
    assign rvfi_mem_rmask_o = w_mem_q ? w_rmask_q : 4'b0;
    assign rvfi_mem_wmask_o = w_mem_q ? w_wmask_q : 4'b0;
    assign rvfi_mem_rdata_o = (w_mem_q && w_load_q) ? data_rdata_i : 32'd0;
    assign rvfi_mem_wdata_o = w_mem_q ? w_mem_wdata_q : 32'd0;
    assign rvfi_mip_o = w_mip_q;
    assign rvfi_mode_o = {w_m_mode_q, w_m_mode_q};
  end else begin : g_no_rvfi
    logic unused_trace;
    assign unused_trace = ^{w_m_mode_q, w_pc_q[1:0], w_insn_q, w_mem_wdata_q,
                            w_rmask_q, w_wmask_q, w_mip_q};
    assign rvfi_valid_o = 1'b0;
    assign rvfi_pc_o = '0;
    assign rvfi_insn_o = '0;
    assign rvfi_trap_o = 1'b0;
    assign rvfi_cause_o = '0;
    assign rvfi_rd_addr_o = '0;
    assign rvfi_rd_wdata_o = '0;
    assign rvfi_mem_addr_o = '0;
    assign rvfi_mem_rmask_o = '0;
    assign rvfi_mem_wmask_o = '0;
    assign rvfi_mem_rdata_o = '0;
    assign rvfi_mem_wdata_o = '0;
    assign rvfi_mip_o = '0;
    assign rvfi_mode_o = '0;
  end

endmodule
