// Port declarations of the two iCE40 PLL primitives ice40_clock uses, so that
// the lint (scripts/lint_rtl.sh) can check the FPGA tops. Yosys
// knows the real cells (Lattice iCE40 Technology Library, SB_PLL40_2F_PAD /
// SB_PLL40_2F_CORE); this file is never synthesized. The outputs are tied to
// the reference clock, which is all a lint needs.
/* verilator lint_off UNUSEDPARAM */
/* verilator lint_off UNUSEDSIGNAL */
module SB_PLL40_2F_PAD #(
  parameter FEEDBACK_PATH = "SIMPLE",
  parameter bit [3:0] DIVR = 4'd0,
  parameter bit [6:0] DIVF = 7'd0,
  parameter bit [2:0] DIVQ = 3'd0,
  parameter bit [2:0] FILTER_RANGE = 3'd0,
  parameter PLLOUT_SELECT_PORTA = "GENCLK",
  parameter PLLOUT_SELECT_PORTB = "GENCLK"
) (
  input  logic PACKAGEPIN,
  output logic PLLOUTGLOBALA,
  output logic PLLOUTGLOBALB,
  output logic PLLOUTCOREA,
  output logic PLLOUTCOREB,
  output logic LOCK,
  input  logic RESETB,
  input  logic BYPASS
);
  assign {PLLOUTGLOBALA, PLLOUTGLOBALB, PLLOUTCOREA, PLLOUTCOREB} = {4{PACKAGEPIN}};
  assign LOCK = RESETB;
endmodule

module SB_PLL40_2F_CORE #(
  parameter FEEDBACK_PATH = "SIMPLE",
  parameter bit [3:0] DIVR = 4'd0,
  parameter bit [6:0] DIVF = 7'd0,
  parameter bit [2:0] DIVQ = 3'd0,
  parameter bit [2:0] FILTER_RANGE = 3'd0,
  parameter PLLOUT_SELECT_PORTA = "GENCLK",
  parameter PLLOUT_SELECT_PORTB = "GENCLK"
) (
  input  logic REFERENCECLK,
  output logic PLLOUTGLOBALA,
  output logic PLLOUTGLOBALB,
  output logic PLLOUTCOREA,
  output logic PLLOUTCOREB,
  output logic LOCK,
  input  logic RESETB,
  input  logic BYPASS
);
  assign {PLLOUTGLOBALA, PLLOUTGLOBALB, PLLOUTCOREA, PLLOUTCOREB} = {4{REFERENCECLK}};
  assign LOCK = RESETB;
endmodule
/* verilator lint_on UNUSEDSIGNAL */
/* verilator lint_on UNUSEDPARAM */
