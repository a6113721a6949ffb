// soc_fpga: soc_top in an FPGA configuration behind the board clock and reset
// (ice40_clock), plus the status lines the board tops put on their LEDs
// (docs/fpga.md §2, §3). The board tops only map pins.
//
// One hart, serial UART (UART_SIM = 0), reset vector in the boot ROM (the UART
// loader, firmware/bootrom), no simulator hooks (EXT_PORTS = 0), no retirement
// trace (RVFI = 0). The parameters that differ per board (RAM, PMP entries,
// which blocks are left out, the controller's configuration) come from the
// board top, which gets them from constraints/<board>.cfg via
// scripts/bitstream.sh.
//
// status_o (active high; the board decides the polarity of its LEDs):
//   [0] heartbeat: bit HEARTBEAT_BIT of a free-running counter (about 1 Hz)
//   [1] out of reset (PLL locked, reset button released)
//   [2] hart 0 waits in WFI
//   [3] ATS-INTC work line of hart 0
//   [4] ATS-INTC preempt line of hart 0
//   [5] UART receive activity (rxd low within the last 2^STRETCH_BITS cycles)
//   [6] UART transmit activity (txd low within the last 2^STRETCH_BITS cycles)
//   [7] machine timer interrupt pending (mip.MTIP of hart 0)
module soc_fpga #(
  parameter bit          PLL_PAD           = 1'b1,   // see ice40_clock
  parameter bit [3:0]    PLL_DIVR          = 4'd0,
  parameter bit [6:0]    PLL_DIVF          = 7'd48,
  parameter bit [2:0]    PLL_DIVQ          = 3'd5,
  parameter bit [2:0]    PLL_FILTER        = 3'd1,
  parameter logic [31:0] RAM_BYTES         = 32'h0002_0000,
  parameter bit          HAS_PLIC          = 1'b0,
  parameter int unsigned PMP_ENTRIES       = 8,
  parameter int unsigned PMP_GRAN          = 12,  // log2 bytes: 4 KiB
  // The core's dynamic prediction (rv_bpred) is left out: 3 block RAMs and
  // ~220 LCs the parts do not have to spare (docs/fpga.md).
  parameter int unsigned BHT_ENTRIES       = 0,
  parameter int unsigned JTB_ENTRIES       = 0,
  parameter              ROM_INIT          = "",
  parameter int          INTC_NUM_PROCS    = 2,
  parameter int          INTC_NUM_PRIOS    = 8,
  parameter int          INTC_NUM_ENTRIES  = 32,
  parameter int          INTC_NUM_IRQS     = 8,
  parameter int          INTC_NUM_CHANNELS = 8,
  parameter bit          INTC_COUNTERS     = 1'b0,
  parameter int          HEARTBEAT_BIT     = 23,
  parameter int          STRETCH_BITS      = 17
) (
  input  logic       clk_12m_i,  // the board's oscillator
  input  logic       btn_ni,     // reset button, active low (1 without one)
  input  logic       uart_rxd_i,
  output logic       uart_txd_o,
  output logic [7:0] status_o
);
  logic clk_i, rst_ni, locked;

  ice40_clock #(
    .PLL_PAD     (PLL_PAD),
    .DIVR        (PLL_DIVR),
    .DIVF        (PLL_DIVF),
    .DIVQ        (PLL_DIVQ),
    .FILTER_RANGE(PLL_FILTER)
  ) u_clock (
    .clk_pin_i(clk_12m_i),
    .btn_ni,
    .clk_o    (clk_i),
    .rst_no   (rst_ni),
    .locked_o (locked)
  );

  logic [3:0]  sleep;
  logic [19:0] hart_irq;
  logic        txd;

  soc_top #(
    .NUM_HARTS        (1),
    .RAM_BYTES        (RAM_BYTES),
    .RAM_FETCH_PORT   (1'b0),  // SPRAM has one port: fetches share it with loads and stores
    .UART_SIM         (1'b0),
    .HAS_PLIC         (HAS_PLIC),
    .HAS_PKTDEV       (1'b0),
    .HAS_SIMCTRL      (1'b0),
    .EXT_PORTS        (1'b0),
    .PMP_ENTRIES      (PMP_ENTRIES),
    .PMP_GRAN         (PMP_GRAN),
    .BHT_ENTRIES      (BHT_ENTRIES),
    .JTB_ENTRIES      (JTB_ENTRIES),
    .RESET_PC         (32'h0000_1000),
    .ROM_INIT         (ROM_INIT),
    .RVFI             (1'b0),
    .INTC_NUM_PROCS   (INTC_NUM_PROCS),
    .INTC_NUM_PRIOS   (INTC_NUM_PRIOS),
    .INTC_NUM_ENTRIES (INTC_NUM_ENTRIES),
    .INTC_NUM_IRQS    (INTC_NUM_IRQS),
    .INTC_NUM_CHANNELS(INTC_NUM_CHANNELS),
    .INTC_COUNTERS    (INTC_COUNTERS)
  ) u_soc (
    .clk_i,
    .rst_ni,
    .hart_en_i      (4'b0001),
    .sleep_o        (sleep),
    .uart_tx_valid_o(),
    .uart_tx_data_o (),
    .uart_rx_valid_i(1'b0),
    .uart_rx_data_i (8'h00),
    .uart_rx_ready_o(),
    .uart_txd_o     (txd),
    .uart_rxd_i,
    .pkt_rx_valid_i (1'b0),
    .pkt_rx_ready_o (),
    .pkt_rx_len_i   (16'h0),
    .pkt_rx_tag_i   (32'h0),
    .pkt_rx_data_i  (32'h0),
    .pkt_tx_valid_o (),
    .pkt_tx_addr_o  (),
    .pkt_tx_len_o   (),
    .pkt_tx_tag_o   (),
    .exit_valid_o   (),
    .exit_code_o    (),
    .marker_valid_o (),
    .marker_o       (),
    .console_valid_o(),
    .console_o      (),
    .intc_ext_i     (1'b0),
    .intc_req_o     (),
    .intc_we_o      (),
    .intc_be_o      (),
    .intc_addr_o    (),
    .intc_wdata_o   (),
    .intc_hart_o    (),
    .intc_gnt_i     (1'b0),
    .intc_rvalid_i  (1'b0),
    .intc_rdata_i   (32'h0),
    .intc_err_i     (1'b0),
    .intc_irq_o     (),
    .intc_work_i    (4'h0),
    .intc_preempt_i (4'h0),
    .intc_err_irq_i (1'b0),
    .cpu_ext_i      (1'b0),
    .ext_req_i      (1'b0),
    .ext_we_i       (1'b0),
    .ext_be_i       (4'h0),
    .ext_addr_i     (32'h0),
    .ext_wdata_i    (32'h0),
    .ext_atop_i     (6'h0),
    .ext_hart_i     (2'h0),
    .ext_gnt_o      (),
    .ext_rvalid_o   (),
    .ext_rdata_o    (),
    .ext_err_o      (),
    .hart_irq_o     (hart_irq)
  );
  assign uart_txd_o = txd;

  logic [HEARTBEAT_BIT:0] beat_q = '0;  // FPGA flops start at their initial value
  always_ff @(posedge clk_i) begin : p_beat
    beat_q <= beat_q + 1'b1;
  end

  // Activity: reload on a low line (start and 0 bits), count down otherwise.
  logic [STRETCH_BITS-1:0] rx_act_q, tx_act_q;
  always_ff @(posedge clk_i) begin : p_activity
    if (!rst_ni) begin
      rx_act_q <= '0;
      tx_act_q <= '0;
    end else begin
      if (!uart_rxd_i)        rx_act_q <= '1;
      else if (rx_act_q != 0) rx_act_q <= rx_act_q - 1'b1;
      if (!txd)               tx_act_q <= '1;
      else if (tx_act_q != 0) tx_act_q <= tx_act_q - 1'b1;
    end
  end

  // Harts 1..3 do not exist in this build; MSIP and MEIP have no LED; the
  // lock is implied by status[1] (out of reset).
  logic unused;
  assign unused = ^{sleep[3:1], hart_irq[19:5], hart_irq[2], hart_irq[0], locked};

  assign status_o = {hart_irq[1], tx_act_q != 0, rx_act_q != 0, hart_irq[4], hart_irq[3],
                     sleep[0], rst_ni, beat_q[HEARTBEAT_BIT]};
endmodule
