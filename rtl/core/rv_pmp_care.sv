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
    logic [31:0] care /*verilator split_var*/;
    if (G >= 1) begin : g_coarse
      assign napot = addr_cfg_i[32*i +: 31] | ((31'd1 << (G - 1)) - 31'd1);
    end else begin : g_fine
      assign napot = addr_cfg_i[32*i +: 31];
    end
    assign care[0] = 1'b0;
    for (genvar k = 1; k < 32; k++) begin : g_bit
      assign care[k] = care[k-1] | !napot[k-1];
    end
    assign care_o[32*i +: 32] = care;
  end

endmodule
/* verilator lint_on UNUSEDSIGNAL */
