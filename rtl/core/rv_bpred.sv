// rv_bpred: dynamic branch and JALR target prediction for the core's D stage.
//
// * Conditional branches: BHT_ENTRIES 2-bit counters indexed by pc[..:2]
//   that say whether to agree with the static prediction (backward taken,
//   forward not taken): 0 and 1 agree, 2 and 3 disagree. The table starts
//   cleared, so an untrained entry predicts exactly as the static rule does,
//   and a branch must go against it twice before the prediction flips.
// * JALR: JTB_ENTRIES targets indexed by pc[..:2], each with a valid bit;
//   an entry holds the target the last JALR with that index jumped to. The
//   core uses it only for a JALR whose immediate is 0 (calls and returns
//   through a register, GCC's `jr a5`, `ret`), so E can check the guess on
//   rs1 itself, without the adder.
//
// Both tables are synchronous-read memories (block RAM on an FPGA: with the
// defaults one iCE40 EBR holds the counters, two the targets). They are read
// with the pc the head of the fetch buffer will have in the next cycle
// (pc_next_i, the D input of the fetch unit's head-pc register), so the
// entry for the instruction in D is there when it is decoded.
//
// No tags: an entry can be trained by another instruction with the same
// index. A prediction is only a guess; E checks every one, so a wrong guess
// costs the usual 2 bubbles and never an architectural effect. The tables
// are not reset (a block RAM cannot be); they start cleared.
//
// Updates come from E one cycle late (registered in the core): every
// executed branch with the counter value it was predicted with (carried down
// the pipeline, so no read-modify-write port is needed) and whether that
// prediction was wrong; the outcome went against the static rule exactly
// when the counter's verdict (its high bit) and the miss differ. And
// the target of every executed JALR. A read of the entry written in the same
// cycle returns the old value (in simulation; a block RAM may return either,
// which changes only a guess).
//
// BHT_ENTRIES = 0 gives the static rule alone; JTB_ENTRIES = 0 no JALR
// prediction (every JALR then costs 2 bubbles). Both are powers of two.
module rv_bpred #(
  parameter int unsigned BHT_ENTRIES = 512,
  parameter int unsigned JTB_ENTRIES = 256
) (
  input  logic        clk_i,

  // Query: the pc of the instruction D will see next cycle; the results are
  // for it, in that cycle.
  input  logic [31:0] pc_next_i,
  input  logic        backward_i,    // the branch in D: its offset is negative
  output logic        br_taken_o,    // the branch in D: predict taken
  output logic [1:0]  br_cnt_o,      // ... its counter (give back with the update)
  output logic        jr_valid_o,    // the JALR in D: a target is known
  output logic [31:0] jr_target_o,

  // Update: the pc of the executed instruction, and if it is a branch
  // (br_upd_i) its counter as read and whether it was mispredicted, or if
  // it is a JALR (jr_upd_i) its target.
  input  logic [31:0] upd_pc_i,
  input  logic        br_upd_i,
  input  logic [1:0]  br_cnt_i,
  input  logic        br_mis_i,
  input  logic        jr_upd_i,
  input  logic [31:0] jr_target_i
);

  if (BHT_ENTRIES == 0) begin : g_static
    assign br_taken_o = backward_i;
    assign br_cnt_o = 2'b00;
    logic unused_br;
    assign unused_br = ^{clk_i, br_upd_i, br_cnt_i, br_mis_i};
  end else begin : g_bht
    localparam int unsigned IW = (BHT_ENTRIES > 1) ? $clog2(BHT_ENTRIES) : 1;
    logic [1:0] bht [BHT_ENTRIES];
    logic [1:0] rd_q, cnt_new;
    logic       disagree;

    initial begin
      for (int i = 0; i < BHT_ENTRIES; i++) bht[i] = 2'b00;
    end

    always_ff @(posedge clk_i) begin
      rd_q <= bht[IW'(pc_next_i[31:2])];
      if (br_upd_i) bht[IW'(upd_pc_i[31:2])] <= cnt_new;
    end

    assign br_taken_o = backward_i ^ rd_q[1];
    assign br_cnt_o = rd_q;
    // Saturating: towards 3 when the outcome went against the static rule.
    assign disagree = br_cnt_i[1] ^ br_mis_i;
    always_comb begin
      cnt_new = br_cnt_i;
      if (disagree && br_cnt_i != 2'b11) cnt_new = br_cnt_i + 2'b01;
      else if (!disagree && br_cnt_i != 2'b00) cnt_new = br_cnt_i - 2'b01;
    end

  end

  if (JTB_ENTRIES == 0) begin : g_no_jtb
    assign jr_valid_o = 1'b0;
    assign jr_target_o = 32'd0;
    logic unused_jr;
    assign unused_jr = ^{jr_upd_i, jr_target_i};
  end else begin : g_jtb
    localparam int unsigned JW = (JTB_ENTRIES > 1) ? $clog2(JTB_ENTRIES) : 1;
    logic [31:0] jtb [JTB_ENTRIES];  // {valid, 1'b0, target[31:2]}
    logic [31:0] rd_q;

    initial begin
      for (int i = 0; i < JTB_ENTRIES; i++) jtb[i] = 32'd0;
    end

    always_ff @(posedge clk_i) begin
      rd_q <= jtb[JW'(pc_next_i[31:2])];
      // A misaligned target traps and is not written (the core updates only
      // for a JALR that jumped).
      if (jr_upd_i) jtb[JW'(upd_pc_i[31:2])] <= {2'b10, jr_target_i[31:2]};
    end

    assign jr_valid_o = rd_q[31];
    assign jr_target_o = {rd_q[29:0], 2'b00};

    logic unused_jtb;
    assign unused_jtb = ^{jr_target_i[1:0], rd_q[30]};
  end

  // The tables use pc[IW+1:2] / pc[JW+1:2] of both pcs, at most 2 + 9 bits.
  logic unused_pc;
  assign unused_pc = ^{pc_next_i, upd_pc_i};

endmodule
