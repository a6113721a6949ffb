// ice40_clock: the FPGA builds' clock and reset (docs/fpga.md §2).
//
// The board's 12 MHz oscillator feeds an iCE40 PLL whose port A gives half of
// the PLL's output (GENCLK_HALF): the PLL cannot go below 16 MHz, and the SoC
// runs near 9-15 MHz so that a 16x-oversampling UART divides its clock into
// 115200 baud (docs/soc.md §3.4). F_PLL = 12 MHz * (DIVF + 1) / (2^DIVQ *
// (DIVR + 1)); icepll computes the dividers (constraints/<board>.cfg).
//
// PLL_PAD = 1 uses SB_PLL40_2F_PAD, whose reference is the package pin itself
// (iCEBreaker: pin 35 is the PLL's pad); 0 uses SB_PLL40_2F_CORE fed from the
// pin through the fabric (HX8K breakout: J3 is not a PLL pad).
//
// Reset: rst_no (synchronous, active low, for soc_top) stays 0 until the PLL
// has been locked for 2^RESET_BITS cycles and the button (btn_ni, active low)
// is released; losing lock or pressing the button starts it over. The counter
// and the synchronizer start at 0 from the FPGA's configuration (iCE40 flops
// power up as their initial value), so no external reset is needed.
module ice40_clock #(
  parameter bit       PLL_PAD      = 1'b1,
  parameter bit [3:0] DIVR         = 4'd0,
  parameter bit [6:0] DIVF         = 7'd48,
  parameter bit [2:0] DIVQ         = 3'd5,
  parameter bit [2:0] FILTER_RANGE = 3'd1,
  parameter int       RESET_BITS   = 12
) (
  input  logic clk_pin_i,  // the board's 12 MHz oscillator
  input  logic btn_ni,     // reset button, active low (tie 1 without one)
  output logic clk_o,      // the SoC clock, F_PLL / 2
  output logic rst_no,
  output logic locked_o
);
  logic lock;

  if (PLL_PAD) begin : g_pad
    SB_PLL40_2F_PAD #(
      .FEEDBACK_PATH      ("SIMPLE"),
      .DIVR               (DIVR),
      .DIVF               (DIVF),
      .DIVQ               (DIVQ),
      .FILTER_RANGE       (FILTER_RANGE),
      .PLLOUT_SELECT_PORTA("GENCLK_HALF"),
      .PLLOUT_SELECT_PORTB("GENCLK")
    ) u_pll (
      .PACKAGEPIN   (clk_pin_i),
      .PLLOUTGLOBALA(clk_o),
      .PLLOUTGLOBALB(),
      .PLLOUTCOREA  (),
      .PLLOUTCOREB  (),
      .LOCK         (lock),
      .RESETB       (1'b1),
      .BYPASS       (1'b0)
    );
  end else begin : g_core
    SB_PLL40_2F_CORE #(
      .FEEDBACK_PATH      ("SIMPLE"),
      .DIVR               (DIVR),
      .DIVF               (DIVF),
      .DIVQ               (DIVQ),
      .FILTER_RANGE       (FILTER_RANGE),
      .PLLOUT_SELECT_PORTA("GENCLK_HALF"),
      .PLLOUT_SELECT_PORTB("GENCLK")
    ) u_pll (
      .REFERENCECLK (clk_pin_i),
      .PLLOUTGLOBALA(clk_o),
      .PLLOUTGLOBALB(),
      .PLLOUTCOREA  (),
      .PLLOUTCOREB  (),
      .LOCK         (lock),
      .RESETB       (1'b1),
      .BYPASS       (1'b0)
    );
  end

  // LOCK and the button are asynchronous to clk_o: two flops each.
  logic [1:0] lock_sync_q = 2'b00;
  logic [1:0] btn_sync_q  = 2'b00;
  always_ff @(posedge clk_o) begin : p_sync
    lock_sync_q <= {lock_sync_q[0], lock};
    btn_sync_q  <= {btn_sync_q[0], btn_ni};
  end

  logic [RESET_BITS:0] count_q = '0;  // MSB set: reset released
  always_ff @(posedge clk_o) begin : p_reset
    if (!lock_sync_q[1] || !btn_sync_q[1]) count_q <= '0;
    else if (!count_q[RESET_BITS]) count_q <= count_q + 1'b1;
  end

  assign rst_no   = count_q[RESET_BITS];
  assign locked_o = lock_sync_q[1];
endmodule
