// hx8k_top: the SoC on the Lattice iCE40-HX8K breakout board (iCE40HX8K-CT256;
// docs/fpga.md).
//
// Pins (constraints/hx8k.pcf; Lattice iCE40-HX8K Breakout Board User's Guide):
// the 12 MHz oscillator on J3 (not a PLL pad: the PLL takes it through the
// fabric), the FTDI's second channel as UART (RX B10, TX B12), eight LEDs
// D2..D9 (active high) = soc_fpga's status bits 0..7:
//   D2 heartbeat   D3 out of reset     D4 hart 0 in WFI   D5 ATS-INTC work
//   D6 preempt     D7 UART RX activity D8 UART TX activity D9 timer pending
// The board has no user button: reset is the PLL lock (and reconfiguration).
module hx8k_top #(
  parameter bit [3:0]    PLL_DIVR          = 4'd0,
  parameter bit [6:0]    PLL_DIVF          = 7'd78,
  parameter bit [2:0]    PLL_DIVQ          = 3'd5,
  parameter bit [2:0]    PLL_FILTER        = 3'd1,
  parameter logic [31:0] RAM_BYTES         = 32'h0000_4000,
  parameter int unsigned PMP_ENTRIES       = 1,
  parameter int unsigned BHT_ENTRIES       = 0,   // the core's dynamic prediction: off
  parameter int unsigned JTB_ENTRIES       = 0,
  parameter              ROM_INIT          = "",
  parameter int          INTC_NUM_PROCS    = 2,
  parameter int          INTC_NUM_ENTRIES  = 32,
  parameter bit          INTC_COUNTERS     = 1'b0
) (
  input  logic       clk_12m_i,
  input  logic       uart_rx_i,
  output logic       uart_tx_o,
  output logic [7:0] led_o
);
  soc_fpga #(
    .PLL_PAD         (1'b0),
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
    .btn_ni    (1'b1),
    .uart_rxd_i(uart_rx_i),
    .uart_txd_o(uart_tx_o),
    .status_o  (led_o)
  );
endmodule
