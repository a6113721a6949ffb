// rv_alu: the integer ALU of the E stage (combinational). One adder serves
// ADD/SUB/SLT/SLTU, load/store/JALR address generation and the branch
// comparison (branches use ALU_SUB: eq/lt/ltu come out of the subtraction).
module rv_alu (
  input  logic [3:0]  op_i,
  input  logic [31:0] a_i,
  input  logic [31:0] b_i,
  output logic [31:0] result_o,
  output logic [31:0] sum_o,  // the adder alone (address generation)
  output logic        eq_o,   // a == b
  output logic        lt_o,   // a < b, signed   (valid for ALU_SUB/SLT/SLTU)
  output logic        ltu_o   // a < b, unsigned (valid for ALU_SUB/SLT/SLTU)
);

  logic        sub;
  logic [32:0] sum;
  logic [31:0] shift_in;
  logic [31:0] shr;

  assign sub = op_i == rv_core_pkg::ALU_SUB || op_i == rv_core_pkg::ALU_SLT ||
               op_i == rv_core_pkg::ALU_SLTU;
  assign sum = {1'b0, a_i} + {1'b0, sub ? ~b_i : b_i} + {32'b0, sub};
  assign sum_o = sum[31:0];
  assign ltu_o = !sum[32];
  assign lt_o = (a_i[31] != b_i[31]) ? a_i[31] : sum[31];
  assign eq_o = a_i == b_i;

  // One right shifter for SRL, SRA and (with bit reversal) SLL.
  function automatic logic [31:0] reverse(input logic [31:0] v);
    for (int i = 0; i < 32; i++) reverse[i] = v[31 - i];
  endfunction
  assign shift_in = (op_i == rv_core_pkg::ALU_SLL) ? reverse(a_i) : a_i;
  assign shr = 32'($signed({op_i == rv_core_pkg::ALU_SRA && a_i[31], shift_in}) >>> b_i[4:0]);

  always_comb begin
    unique case (op_i)
      rv_core_pkg::ALU_ADD,
      rv_core_pkg::ALU_SUB:   result_o = sum[31:0];
      rv_core_pkg::ALU_SLL:   result_o = reverse(shr);
      rv_core_pkg::ALU_SLT:   result_o = {31'b0, lt_o};
      rv_core_pkg::ALU_SLTU:  result_o = {31'b0, ltu_o};
      rv_core_pkg::ALU_XOR:   result_o = a_i ^ b_i;
      rv_core_pkg::ALU_SRL,
      rv_core_pkg::ALU_SRA:   result_o = shr;
      rv_core_pkg::ALU_OR:    result_o = a_i | b_i;
      rv_core_pkg::ALU_AND:   result_o = a_i & b_i;
      default:                result_o = b_i;
    endcase
  end

endmodule
