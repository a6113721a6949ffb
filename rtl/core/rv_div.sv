// rv_div: iterative radix-2 divider for DIV, DIVU, REM, REMU.
// Timing: start_i in cycle t (operands sampled), done_o from t+33 until kill_i;
// kill_i (the instruction left E or was squashed) returns it to idle at once.
// Division by zero and signed overflow give the results the ISA defines.
module rv_div (
  input  logic        clk_i,
  input  logic        rst_ni,
  input  logic        start_i,
  input  logic        kill_i,
  input  logic [1:0]  op_i,      // funct3[1:0]: 00 DIV, 01 DIVU, 10 REM, 11 REMU
  input  logic [31:0] a_i,
  input  logic [31:0] b_i,
  output logic        busy_o,    // started and not killed (running or done)
  output logic        done_o,
  output logic [31:0] result_o
);

  logic        busy_q;
  logic [5:0]  count_q;
  logic [31:0] quot_q;
  logic [31:0] rem_q;
  logic [31:0] divisor_q;
  logic        neg_quot_q;
  logic        neg_rem_q;
  logic        want_rem_q;
  logic [32:0] trial;
  logic        is_signed;
  logic [31:0] abs_a;
  logic [31:0] abs_b;
  logic [31:0] raw;

  assign is_signed = !op_i[0];
  assign abs_a = (is_signed && a_i[31]) ? -a_i : a_i;
  assign abs_b = (is_signed && b_i[31]) ? -b_i : b_i;
  assign trial = {rem_q, quot_q[31]} - {1'b0, divisor_q};

  always_ff @(posedge clk_i) begin
    if (!rst_ni || kill_i) begin
      busy_q <= 1'b0;
      count_q <= '0;
    end else if (start_i && !busy_q) begin
      busy_q <= 1'b1;
      count_q <= 6'd0;
      quot_q <= abs_a;
      rem_q <= '0;
      divisor_q <= abs_b;
      neg_quot_q <= is_signed && (a_i[31] ^ b_i[31]) && (b_i != 32'd0);
      neg_rem_q <= is_signed && a_i[31];
      want_rem_q <= op_i[1];
    end else if (busy_q && !count_q[5]) begin
      count_q <= count_q + 6'd1;
      if (!trial[32]) begin
        rem_q <= trial[31:0];
        quot_q <= {quot_q[30:0], 1'b1};
      end else begin
        rem_q <= {rem_q[30:0], quot_q[31]};
        quot_q <= {quot_q[30:0], 1'b0};
      end
    end
  end

  assign busy_o = busy_q;
  assign done_o = busy_q && count_q[5];
  assign raw = want_rem_q ? rem_q : quot_q;
  assign result_o = (want_rem_q ? neg_rem_q : neg_quot_q) ? -raw : raw;

endmodule
