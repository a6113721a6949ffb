// icebreaker_top: the SoC on the iCEBreaker board (iCE40 UP5K-SG48; docs/fpga.md).
//
// Pins (constraints/icebreaker.pcf; 1BitSquared iCEBreaker v1.0 schematic):
// the 12 MHz oscillator on pin 35 (the PLL's pad), the FTDI's second channel as
// UART (RX 6, TX 9), the user button BTN_N (10) as reset, the two LEDs on the
// main board (red 11, green 37, both active low) and the five LEDs of the
// break-off PMOD (active high). The break-off board's three buttons are not
// used. LEDs (see soc_fpga for each status bit):
//   green (main board)  heartbeat          red (main board)  hart 0 in WFI
//   PMOD LED1 (centre)  out of reset       PMOD LED2         ATS-INTC work
//   PMOD LED3           ATS-INTC preempt   PMOD LED4         UART RX activity
//   PMOD LED5           UART TX activity
// The parameters are set per build by scripts/bitstream.sh from
// constraints/icebreaker.cfg.
module icebreaker_top #(
  parameter bit [3:0]    PLL_DIVR          = 4'd0,
  parameter bit [6:0]    PLL_DIVF          = 7'd48,
  parameter bit [2:0]    PLL_DIVQ          = 3'd5,
  parameter bit [2:0]    PLL_FILTER        = 3'd1,
  parameter logic [31:0] RAM_BYTES         = 32'h0002_0000,
  parameter int unsigned PMP_ENTRIES       = 8,
  parameter int unsigned BHT_ENTRIES       = 0,   // the core's dynamic prediction: off
  parameter int unsigned JTB_ENTRIES       = 0,
  parameter              ROM_INIT          = "",
  parameter int          INTC_NUM_PROCS    = 2,
  parameter int          INTC_NUM_ENTRIES  = 32,
  parameter bit          INTC_COUNTERS     = 1'b0
) (
  input  logic       clk_12m_i,
  input  logic       btn_ni,
  input  logic       uart_rx_i,
  output logic       uart_tx_o,
  output logic       led_red_no,
  output logic       led_green_no,
  output logic [4:0] pmod_led_o
);
  logic [7:0] status;

  soc_fpga #(
    .PLL_PAD         (1'b1),
    .PLL_DIVR        (PLL_DIVR),
    .PLL_DIVF        (PLL_DIVF),
    .PLL_DIVQ        (PLL_DIVQ),
    .PLL_FILTER      (PLL_FILTER),
    .RAM_BYTES       (RAM_BYTES),
    .PMP_ENTRIES     (PMP_ENTRIES),
    .BHT_ENTRIES     (BHT_ENTRIES),
    .JTB_ENTRIES     (JTB_ENTRIES),
    .ROM_INIT        (ROM_INIT),
    .INTC_NUM_PROCS  (INTC_NUM_PROCS),
    .INTC_NUM_ENTRIES(INTC_NUM_ENTRIES),
    .INTC_COUNTERS   (INTC_COUNTERS)
  ) u_soc (
    .clk_12m_i,
    .btn_ni,
    .uart_rxd_i(uart_rx_i),
    .uart_txd_o(uart_tx_o),
    .status_o  (status)
  );

  // status[7] (timer pending) has no LED on this board.
  logic unused;
  assign unused       = status[7];
  assign led_green_no = !status[0];
  assign led_red_no   = !status[2];
  assign pmod_led_o   = {status[6], status[5], status[4], status[3], status[1]};
endmodule
