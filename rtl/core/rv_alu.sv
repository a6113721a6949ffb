// rv_alu: the integer ALU of the E stage (combinational). One adder serves
// ADD/SUB/SLT/SLTU and load/store/JALR address generation (branches have
// their own comparator in rv_core, on the operands before this ALU's input
// multiplexers). The adder's outputs (sum, lt) leave separately from the
// other operations' result, so that the core selects them last (they come at
// the end of the carry chain).
module rv_alu (
  input  logic [3:0]  op_i,
  input  logic [31:0] a_i,
  input  logic [31:0] b_i,
  output logic [31:0] result_o,  // the other operations (0 for ADD/SUB/SLT/SLTU)
  output logic [31:0] sum_o,     // the adder (ADD, SUB, address generation)
  output logic        lt_o       // a < b: signed for SLT, unsigned for SLTU
);

  logic        sub, flip;
  logic [31:0] a, b;
  logic [32:0] sum;
  logic [31:0] shift_in;
  logic [31:0] shr;

  assign sub = op_i == rv_core_pkg::ALU_SUB || op_i == rv_core_pkg::ALU_SLT ||
               op_i == rv_core_pkg::ALU_SLTU;
  // SLT flips both sign bits: the difference's bits stay the same and the
  // borrow out of the carry chain is the signed compare (no LUT after it).
  assign flip = op_i == rv_core_pkg::ALU_SLT;
  assign a = {a_i[31] ^ flip, a_i[30:0]};
  assign b = {b_i[31] ^ flip, b_i[30:0]};
  assign sum = {1'b0, a} + {1'b0, sub ? ~b : b} + {32'b0, sub};
  assign sum_o = sum[31:0];
  assign lt_o = !sum[32];

  // One right shifter for SRL, SRA and (with bit reversal) SLL.
  function automatic logic [31:0] reverse(input logic [31:0] v);
    for (int i = 0; i < 32; i++) reverse[i] = v[31 - i];
  endfunction
  assign shift_in = (op_i == rv_core_pkg::ALU_SLL) ? reverse(a_i) : a_i;
  assign shr = 32'($signed({op_i == rv_core_pkg::ALU_SRA && a_i[31], shift_in}) >>> b_i[4:0]);

  always_comb begin
    unique case (op_i)
      rv_core_pkg::ALU_ADD,
      rv_core_pkg::ALU_SUB,
      rv_core_pkg::ALU_SLT,
      rv_core_pkg::ALU_SLTU:  result_o = 32'd0;
      rv_core_pkg::ALU_SLL:   result_o = reverse(shr);
      rv_core_pkg::ALU_XOR:   result_o = a_i ^ b_i;
      rv_core_pkg::ALU_SRL,
      rv_core_pkg::ALU_SRA:   result_o = shr;
      rv_core_pkg::ALU_OR:    result_o = a_i | b_i;
      rv_core_pkg::ALU_AND:   result_o = a_i & b_i;
      default:                result_o = b_i;
    endcase
  end

endmodule
