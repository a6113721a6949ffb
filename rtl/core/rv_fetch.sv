// rv_fetch: instruction fetch for the RV32IMA core.
//
// Issues one OBI-like request per cycle with at most one response outstanding,
// and buffers up to two fetched instructions. The D stage sees the oldest
// instruction ("head"): the instruction read data itself in the cycle it
// arrives (no extra stage), or a buffered copy when D was busy.
//
// Redirects: redirect_i (trap, MRET, mispredict, pipeline flush) discards
// everything fetched and requests redirect_pc_i in the same cycle; pred_i
// (D-stage static prediction) keeps the head and discards what was fetched
// after it. A request the bus has not granted yet is held with its address
// (OBI rule) and its response dropped.
//
// Whether to issue depends on registered state only (plus the redirects), so
// the grant of the data port never reaches the instruction port.
module rv_fetch #(
  parameter logic [31:0] RESET_PC = 32'h8000_0000
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  output logic        instr_req_o,
  input  logic        instr_gnt_i,
  output logic [31:0] instr_addr_o,
  input  logic        instr_rvalid_i,
  input  logic [31:0] instr_rdata_i,
  input  logic        instr_err_i,
  input  logic        redirect_i,
  input  logic [31:0] redirect_pc_i,
  input  logic        pred_i,
  input  logic [31:0] pred_pc_i,
  output logic        head_valid_o,
  output logic [31:0] head_instr_o,
  output logic [31:0] head_pc_o,
  output logic [31:0] head_pc_next_o,  // head_pc_o of the next cycle (predictor read address)
  output logic        head_err_o,
  input  logic        head_pred_i,  // the head is a predicted-taken jump/branch (to pred_pc_i)
  input  logic        head_pop_i
);

  logic [31:0] last_q;        // last requested address (or a redirect target, see seq_q)
  logic        seq_q;         // 1: next sequential address is last_q + 4; 0: it is last_q
  logic [31:0] seq_addr;
  logic        pend_q;        // request asserted and not yet granted
  logic [31:0] pend_addr_q;
  logic        pend_kill_q;   // its response must be dropped
  logic        out_q;         // granted, response outstanding
  logic        out_kill_q;
  logic [1:0]  fq_valid_q;    // buffer: entry 0 is the oldest
  logic [31:0] fq0_instr_q, fq1_instr_q;
  logic [31:0] head_pc_q;     // pc of the head (or of the next instruction to arrive)
  logic        fq0_err_q, fq1_err_q;

  logic        resp;
  logic        resp_live;
  logic        flush_any;
  logic [31:0] new_addr;
  logic        space;
  logic        can_issue;
  logic        grant;
  logic        kill_req;

  assign resp = out_q && instr_rvalid_i;
  assign resp_live = resp && !out_kill_q;
  assign flush_any = redirect_i || pred_i;

  // Head.
  assign head_valid_o = fq_valid_q[0] || resp_live;
  assign head_instr_o = fq_valid_q[0] ? fq0_instr_q : instr_rdata_i;
  assign head_pc_o = head_pc_q;
  assign head_err_o = fq_valid_q[0] ? fq0_err_q : instr_err_i;

  // Request.
  assign seq_addr = seq_q ? last_q + 32'd4 : last_q;
  assign new_addr = redirect_i ? redirect_pc_i : (pred_i ? pred_pc_i : seq_addr);
  always_comb begin
    if (redirect_i) space = 1'b1;
    else if (pred_i) space = 1'b1;  // only the head stays
    else space = (32'(fq_valid_q[0]) + 32'(fq_valid_q[1]) + 32'(out_q && !out_kill_q)) < 32'd2;
  end
  assign can_issue = !out_q || instr_rvalid_i;
  // No request while in reset: a hart held in reset (fewer harts than built)
  // would otherwise fetch its reset PC every cycle and take RAM cycles from
  // the running harts.
  assign instr_req_o = rst_ni && (pend_q || (can_issue && space));
  assign instr_addr_o = pend_q ? pend_addr_q : new_addr;
  assign grant = instr_req_o && instr_gnt_i;
  assign kill_req = pend_q && (pend_kill_q || flush_any);

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      last_q <= RESET_PC;
      seq_q <= 1'b0;
      pend_q <= 1'b0;
      pend_addr_q <= RESET_PC;
      pend_kill_q <= 1'b0;
      out_q <= 1'b0;
      out_kill_q <= 1'b0;
    end else begin
      // Next sequential address: the adder sits at the start of the next
      // cycle, not behind the redirect multiplexer.
      if ((instr_req_o && !pend_q) || flush_any) last_q <= new_addr;
      if (instr_req_o && !pend_q) seq_q <= 1'b1;
      else if (flush_any) seq_q <= 1'b0;
      // Pending (ungranted) request.
      pend_q <= instr_req_o && !instr_gnt_i;
      if (instr_req_o && !pend_q) pend_addr_q <= new_addr;
      pend_kill_q <= instr_req_o && !instr_gnt_i && kill_req;
      // Outstanding response.
      if (grant) begin
        out_q <= 1'b1;
        out_kill_q <= kill_req;
      end else if (resp) begin
        out_q <= 1'b0;
        out_kill_q <= 1'b0;
      end else if (out_q && flush_any) begin
        out_kill_q <= 1'b1;
      end
    end
  end

  // The buffered instructions carry no pc: the stream after the head is
  // sequential, or starts at the head's predicted target (a prediction
  // discards what was fetched after the head), or at a redirect target.
  always_comb begin
    if (!rst_ni) head_pc_next_o = RESET_PC;
    else if (redirect_i) head_pc_next_o = redirect_pc_i;
    else if (head_pop_i) head_pc_next_o = head_pred_i ? pred_pc_i : head_pc_q + 32'd4;
    else head_pc_next_o = head_pc_q;
  end
  always_ff @(posedge clk_i) head_pc_q <= head_pc_next_o;

  // Buffer: list = [fq0, fq1, response], flushed, then popped.
  logic [2:0]  l_v;
  logic [31:0] l_i0, l_i1, l_i2;
  logic        l_e0, l_e1, l_e2;
  always_comb begin
    l_v[0] = fq_valid_q[0] || resp_live;
    l_i0 = head_instr_o;
    l_e0 = head_err_o;
    l_v[1] = fq_valid_q[1] || (fq_valid_q[0] && resp_live);
    l_i1 = fq_valid_q[1] ? fq1_instr_q : instr_rdata_i;
    l_e1 = fq_valid_q[1] ? fq1_err_q : instr_err_i;
    l_v[2] = fq_valid_q[1] && resp_live;
    l_i2 = instr_rdata_i;
    l_e2 = instr_err_i;
    if (redirect_i) begin
      l_v[0] = 1'b0;
      l_v[1] = 1'b0;
      l_v[2] = 1'b0;
    end else if (pred_i) begin
      l_v[1] = 1'b0;
      l_v[2] = 1'b0;
    end
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      fq_valid_q <= 2'b00;
    end else if (head_pop_i && !redirect_i) begin
      fq_valid_q <= {l_v[2], l_v[1]};
    end else begin
      fq_valid_q <= {l_v[1], l_v[0]};
    end
  end

  always_ff @(posedge clk_i) begin
    if (head_pop_i && !redirect_i) begin
      fq0_instr_q <= l_i1;
      fq0_err_q <= l_e1;
      fq1_instr_q <= l_i2;
      fq1_err_q <= l_e2;
    end else begin
      fq0_instr_q <= l_i0;
      fq0_err_q <= l_e0;
      fq1_instr_q <= l_i1;
      fq1_err_q <= l_e1;
    end
  end

`ifndef SYNTHESIS
  // The request policy guarantees the buffer never overflows.
  always_ff @(posedge clk_i) begin
    if (rst_ni && l_v[2] && !(head_pop_i && !redirect_i)) begin
      $error("rv_fetch: instruction buffer overflow");
    end
  end
`endif

endmodule
