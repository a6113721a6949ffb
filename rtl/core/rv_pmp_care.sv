// rv_pmp_care: NAPOT compare masks of all PMP entries (combinational, from the
// stored pmpaddr values only), computed once for the PMP checker(s). Bit k of an
// entry's mask is set when the address bit k must equal pmpaddr bit k: once
// pmpaddr (with the G-1 lowest bits reading as ones) has a zero below bit k.
/* verilator lint_off UNUSEDSIGNAL */
module rv_pmp_care #(
  parameter int unsigned ENTRIES = 8,
  parameter int unsigned GRAN    = 2
) (
  input  logic [32*ENTRIES-1:0] addr_cfg_i,  // bit 31 of each entry is not needed
  output logic [32*ENTRIES-1:0] care_o
);

  localparam int unsigned G = GRAN - 2;

  for (genvar i = 0; i < ENTRIES; i++) begin : g_entry
    logic [30:0] napot;  // bit 31 only affects bits above the word
    logic [31:0] zero_below;
    if (G >= 1) begin : g_coarse
      assign napot = addr_cfg_i[32*i +: 31] | ((31'd1 << (G - 1)) - 31'd1);
    end else begin : g_fine
      assign napot = addr_cfg_i[32*i +: 31];
    end
    // Bit k: napot[k-1] is zero. The mask is its prefix OR (bit k set when any
    // bit j <= k is), built in log2(32) = 5 shift-or steps: the same function
    // as a bit-serial chain, which Verilator evaluates bit by bit every cycle.
    assign zero_below = {~napot, 1'b0};
    logic [31:0] or2, or4, or8, or16;  // OR of each bit and the 1, 3, 7, 15 below it
    assign or2  = zero_below | (zero_below << 1);
    assign or4  = or2 | (or2 << 2);
    assign or8  = or4 | (or4 << 4);
    assign or16 = or8 | (or8 << 8);
    assign care_o[32*i +: 32] = or16 | (or16 << 16);
  end

endmodule
/* verilator lint_on UNUSEDSIGNAL */
