// soc_periph_tb: test top for the SoC's interconnect and peripherals
// (tests/soc/soc_periph_test.cpp drives it; one Verilated model for all).
//
// soc_xbar with four masters: m0 and m1 are driven by the test, m2 is the
// packet device's DMA (MEM_ONLY: ROM and RAM), m3 (f_*) is an instruction
// port as the SoC wires a hart's (MEM_ONLY and FETCH_MST: it reads RAM through
// the RAM's fetch port, slave SLV_RAM_I). Every slave sits at its memory-map
// address:
//   ROM (BOOTROM_HEX), CLINT (2 harts), PLIC (8 sources, 2 contexts), UART
//   (SIM far end), simctrl, packet device, RAM (64 KiB, 2 harts, fetch port),
//   and the ATS-INTC slot, whose slave port is exposed so the test can play a
//   slave with any latency and grant pattern.
// PLIC sources: 1 UART, 2 packet RX, 3 packet TX, 4..8 = ext_irq_i[4:0].
// A second UART with the FPGA (serial) far end has its own bus port (u2_*).
//
// With SOC_NETLIST defined, every block also runs as its Yosys netlist
// (<block>_net, made by tests/soc/CMakeLists.txt) on the same inputs; any
// output difference in any cycle sets a sticky bit of net_mismatch_o
// (0 xbar, 1 ram, 2 rom, 3 uart, 4 clint, 5 plic, 6 simctrl, 7 pktdev, 8 uart2).
module soc_periph_tb #(
  parameter BOOTROM_HEX = ""
) (
  input  logic        clk_i,
  input  logic        rst_ni,
  // test masters m0, m1 (flattened as in soc_xbar)
  input  logic [1:0]  m_req_i,
  input  logic [1:0]  m_we_i,
  input  logic [7:0]  m_be_i,
  input  logic [63:0] m_addr_i,
  input  logic [63:0] m_wdata_i,
  input  logic [11:0] m_atop_i,
  input  logic [3:0]  m_hart_i,
  output logic [1:0]  m_gnt_o,
  output logic [1:0]  m_rvalid_o,
  output logic [63:0] m_rdata_o,
  output logic [1:0]  m_err_o,
  // instruction-port master m3 (word accesses; a store is refused)
  input  logic        f_req_i,
  input  logic        f_we_i,
  input  logic [31:0] f_addr_i,
  output logic        f_gnt_o,
  output logic        f_rvalid_o,
  output logic [31:0] f_rdata_o,
  output logic        f_err_o,
  // ATS-INTC slot, played by the test
  output logic        intc_req_o,
  output logic        intc_we_o,
  output logic [3:0]  intc_be_o,
  output logic [31:0] intc_addr_o,
  output logic [31:0] intc_wdata_o,
  output logic [1:0]  intc_hart_o,
  input  logic        intc_gnt_i,
  input  logic        intc_rvalid_i,
  input  logic [31:0] intc_rdata_i,
  input  logic        intc_err_i,
  // UART (simulation far end)
  output logic        uart_tx_valid_o,
  output logic [7:0]  uart_tx_data_o,
  input  logic        uart_rx_valid_i,
  input  logic [7:0]  uart_rx_data_i,
  output logic        uart_rx_ready_o,
  output logic        uart_irq_o,
  // second UART (FPGA far end) on its own port
  input  logic        u2_req_i,
  input  logic        u2_we_i,
  input  logic [3:0]  u2_be_i,
  input  logic [31:0] u2_addr_i,
  input  logic [31:0] u2_wdata_i,
  output logic        u2_gnt_o,
  output logic        u2_rvalid_o,
  output logic [31:0] u2_rdata_o,
  output logic        u2_err_o,
  output logic        u2_irq_o,
  output logic        u2_txd_o,
  input  logic        u2_rxd_i,
  // CLINT, PLIC
  output logic [1:0]  msip_o,
  output logic [1:0]  mtip_o,
  input  logic [4:0]  ext_irq_i,
  output logic [1:0]  meip_o,
  // simctrl
  output logic        exit_valid_o,
  output logic [31:0] exit_code_o,
  output logic        marker_valid_o,
  output logic [31:0] marker_o,
  output logic        console_valid_o,
  output logic [7:0]  console_o,
  // packet device
  input  logic        pkt_rx_valid_i,
  output logic        pkt_rx_ready_o,
  input  logic [15:0] pkt_rx_len_i,
  input  logic [31:0] pkt_rx_tag_i,
  input  logic [31:0] pkt_rx_data_i,
  output logic        pkt_tx_valid_o,
  output logic [31:0] pkt_tx_addr_o,
  output logic [15:0] pkt_tx_len_o,
  output logic [31:0] pkt_tx_tag_o,
  output logic        pkt_rx_irq_o,
  output logic        pkt_tx_irq_o,
  // netlist cross-check
  output logic [8:0]  net_mismatch_o
);

  localparam int unsigned NM        = 4;
  localparam int unsigned NS        = soc_pkg::NUM_SLAVES;
  localparam int unsigned AW        = soc_pkg::ATOP_W;
  localparam int unsigned HW        = soc_pkg::HART_W;
  localparam logic [31:0] RAM_BYTES = 32'h0001_0000;

  // ---------------------------------------------------------------------------
  // Interconnect.
  // ---------------------------------------------------------------------------
  logic        dma_req, dma_we, dma_gnt, dma_rvalid, dma_err;
  logic [3:0]  dma_be;
  logic [31:0] dma_addr, dma_wdata, dma_rdata;

  logic [NM-1:0]    x_req, x_we, x_gnt, x_rvalid, x_err;
  logic [NM*4-1:0]  x_be;
  logic [NM*32-1:0] x_addr, x_wdata, x_rdata;
  logic [NM*AW-1:0] x_atop;
  logic [NM*HW-1:0] x_hart;

  assign x_req   = {f_req_i, dma_req, m_req_i};
  assign x_we    = {f_we_i, dma_we, m_we_i};
  assign x_be    = {4'hF, dma_be, m_be_i};
  assign x_addr  = {f_addr_i, dma_addr, m_addr_i};
  assign x_wdata = {32'h0, dma_wdata, m_wdata_i};
  assign x_atop  = {soc_pkg::ATOP_NONE, soc_pkg::ATOP_NONE, m_atop_i};
  assign x_hart  = {2'd0, 2'd0, m_hart_i};

  assign m_gnt_o    = x_gnt[1:0];
  assign m_rvalid_o = x_rvalid[1:0];
  assign m_rdata_o  = x_rdata[63:0];
  assign m_err_o    = x_err[1:0];
  assign dma_gnt    = x_gnt[2];
  assign dma_rvalid = x_rvalid[2];
  assign dma_rdata  = x_rdata[95:64];
  assign dma_err    = x_err[2];
  assign f_gnt_o    = x_gnt[3];
  assign f_rvalid_o = x_rvalid[3];
  assign f_rdata_o  = x_rdata[127:96];
  assign f_err_o    = x_err[3];

  logic [NS-1:0]    s_req, s_we, s_gnt, s_rvalid, s_err;
  logic [NS*4-1:0]  s_be;
  logic [NS*32-1:0] s_addr, s_wdata, s_rdata;
  logic [NS*AW-1:0] s_atop;
  logic [NS*HW-1:0] s_hart;

  soc_xbar #(
    .NUM_MASTERS(NM),
    .RAM_BYTES  (RAM_BYTES),
    .MEM_ONLY   (32'hC),  // the DMA and the instruction port reach ROM and RAM only
    .FETCH_MST  (32'h8)   // the instruction port reads RAM through SLV_RAM_I
  ) u_xbar (
    .clk_i, .rst_ni,
    .mst_req_i   (x_req),
    .mst_we_i    (x_we),
    .mst_be_i    (x_be),
    .mst_addr_i  (x_addr),
    .mst_wdata_i (x_wdata),
    .mst_atop_i  (x_atop),
    .mst_hart_i  (x_hart),
    .mst_gnt_o   (x_gnt),
    .mst_rvalid_o(x_rvalid),
    .mst_rdata_o (x_rdata),
    .mst_err_o   (x_err),
    .slv_req_o   (s_req),
    .slv_we_o    (s_we),
    .slv_be_o    (s_be),
    .slv_addr_o  (s_addr),
    .slv_wdata_o (s_wdata),
    .slv_atop_o  (s_atop),
    .slv_hart_o  (s_hart),
    .slv_gnt_i   (s_gnt),
    .slv_rvalid_i(s_rvalid),
    .slv_rdata_i (s_rdata),
    .slv_err_i   (s_err)
  );

  // ---------------------------------------------------------------------------
  // Slaves.
  // ---------------------------------------------------------------------------
  localparam int unsigned ROM  = soc_pkg::SLV_ROM;
  localparam int unsigned CLI  = soc_pkg::SLV_CLINT;
  localparam int unsigned PLI  = soc_pkg::SLV_PLIC;
  localparam int unsigned URT  = soc_pkg::SLV_UART;
  localparam int unsigned SIM  = soc_pkg::SLV_SIMCTRL;
  localparam int unsigned PKT  = soc_pkg::SLV_PKTDEV;
  localparam int unsigned ITC  = soc_pkg::SLV_INTC;
  localparam int unsigned RAM  = soc_pkg::SLV_RAM;

  localparam int unsigned RAI  = soc_pkg::SLV_RAM_I;

  soc_bootrom #(.INIT_FILE(BOOTROM_HEX)) u_rom (
    .clk_i, .rst_ni,
    .req_i   (s_req[ROM]),
    .we_i    (s_we[ROM]),
    .be_i    (s_be[ROM*4 +: 4]),
    .addr_i  (s_addr[ROM*32 +: 32]),
    .wdata_i (s_wdata[ROM*32 +: 32]),
    .gnt_o   (s_gnt[ROM]),
    .rvalid_o(s_rvalid[ROM]),
    .rdata_o (s_rdata[ROM*32 +: 32]),
    .err_o   (s_err[ROM])
  );

  soc_clint #(.NUM_HARTS(2)) u_clint (
    .clk_i, .rst_ni,
    .req_i   (s_req[CLI]),
    .we_i    (s_we[CLI]),
    .be_i    (s_be[CLI*4 +: 4]),
    .addr_i  (s_addr[CLI*32 +: 32]),
    .wdata_i (s_wdata[CLI*32 +: 32]),
    .gnt_o   (s_gnt[CLI]),
    .rvalid_o(s_rvalid[CLI]),
    .rdata_o (s_rdata[CLI*32 +: 32]),
    .err_o   (s_err[CLI]),
    .msip_o,
    .mtip_o
  );

  logic [8:1] plic_irq;

  assign plic_irq = {ext_irq_i, pkt_tx_irq_o, pkt_rx_irq_o, uart_irq_o};

  soc_plic #(.NUM_SRC(8), .NUM_HARTS(2)) u_plic (
    .clk_i, .rst_ni,
    .req_i   (s_req[PLI]),
    .we_i    (s_we[PLI]),
    .be_i    (s_be[PLI*4 +: 4]),
    .addr_i  (s_addr[PLI*32 +: 32]),
    .wdata_i (s_wdata[PLI*32 +: 32]),
    .gnt_o   (s_gnt[PLI]),
    .rvalid_o(s_rvalid[PLI]),
    .rdata_o (s_rdata[PLI*32 +: 32]),
    .err_o   (s_err[PLI]),
    .irq_i   (plic_irq),
    .meip_o
  );

  logic uart_txd;  // unused in the SIM build

  soc_uart #(.SIM(1'b1)) u_uart (
    .clk_i, .rst_ni,
    .req_i     (s_req[URT]),
    .we_i      (s_we[URT]),
    .be_i      (s_be[URT*4 +: 4]),
    .addr_i    (s_addr[URT*32 +: 32]),
    .wdata_i   (s_wdata[URT*32 +: 32]),
    .gnt_o     (s_gnt[URT]),
    .rvalid_o  (s_rvalid[URT]),
    .rdata_o   (s_rdata[URT*32 +: 32]),
    .err_o     (s_err[URT]),
    .irq_o     (uart_irq_o),
    .tx_valid_o(uart_tx_valid_o),
    .tx_data_o (uart_tx_data_o),
    .rx_valid_i(uart_rx_valid_i),
    .rx_data_i (uart_rx_data_i),
    .rx_ready_o(uart_rx_ready_o),
    .txd_o     (uart_txd),
    .rxd_i     (1'b1)
  );

  soc_simctrl u_simctrl (
    .clk_i, .rst_ni,
    .req_i   (s_req[SIM]),
    .we_i    (s_we[SIM]),
    .be_i    (s_be[SIM*4 +: 4]),
    .addr_i  (s_addr[SIM*32 +: 32]),
    .wdata_i (s_wdata[SIM*32 +: 32]),
    .gnt_o   (s_gnt[SIM]),
    .rvalid_o(s_rvalid[SIM]),
    .rdata_o (s_rdata[SIM*32 +: 32]),
    .err_o   (s_err[SIM]),
    .exit_valid_o,
    .exit_code_o,
    .marker_valid_o,
    .marker_o,
    .console_valid_o,
    .console_o
  );

  soc_pktdev u_pktdev (
    .clk_i, .rst_ni,
    .req_i       (s_req[PKT]),
    .we_i        (s_we[PKT]),
    .be_i        (s_be[PKT*4 +: 4]),
    .addr_i      (s_addr[PKT*32 +: 32]),
    .wdata_i     (s_wdata[PKT*32 +: 32]),
    .gnt_o       (s_gnt[PKT]),
    .rvalid_o    (s_rvalid[PKT]),
    .rdata_o     (s_rdata[PKT*32 +: 32]),
    .err_o       (s_err[PKT]),
    .dma_req_o   (dma_req),
    .dma_we_o    (dma_we),
    .dma_be_o    (dma_be),
    .dma_addr_o  (dma_addr),
    .dma_wdata_o (dma_wdata),
    .dma_gnt_i   (dma_gnt),
    .dma_rvalid_i(dma_rvalid),
    .dma_rdata_i (dma_rdata),
    .dma_err_i   (dma_err),
    .rx_valid_i  (pkt_rx_valid_i),
    .rx_ready_o  (pkt_rx_ready_o),
    .rx_len_i    (pkt_rx_len_i),
    .rx_tag_i    (pkt_rx_tag_i),
    .rx_data_i   (pkt_rx_data_i),
    .tx_valid_o  (pkt_tx_valid_o),
    .tx_addr_o   (pkt_tx_addr_o),
    .tx_len_o    (pkt_tx_len_o),
    .tx_tag_o    (pkt_tx_tag_o),
    .rx_irq_o    (pkt_rx_irq_o),
    .tx_irq_o    (pkt_tx_irq_o)
  );

  // The ATS-INTC slot is played by the test.
  assign intc_req_o      = s_req[ITC];
  assign intc_we_o       = s_we[ITC];
  assign intc_be_o       = s_be[ITC*4 +: 4];
  assign intc_addr_o     = s_addr[ITC*32 +: 32];
  assign intc_wdata_o    = s_wdata[ITC*32 +: 32];
  assign intc_hart_o     = s_hart[ITC*HW +: HW];
  assign s_gnt[ITC]      = intc_gnt_i;
  assign s_rvalid[ITC]   = intc_rvalid_i;
  assign s_rdata[ITC*32 +: 32] = intc_rdata_i;
  assign s_err[ITC]      = intc_err_i;

  soc_ram #(.RAM_BYTES(RAM_BYTES), .NUM_HARTS(2), .FETCH_PORT(1'b1)) u_ram (
    .clk_i, .rst_ni,
    .req_i   (s_req[RAM]),
    .we_i    (s_we[RAM]),
    .be_i    (s_be[RAM*4 +: 4]),
    .addr_i  (s_addr[RAM*32 +: 32]),
    .wdata_i (s_wdata[RAM*32 +: 32]),
    .atop_i  (s_atop[RAM*AW +: AW]),
    .hart_i  (s_hart[RAM*HW +: HW]),
    .gnt_o   (s_gnt[RAM]),
    .rvalid_o(s_rvalid[RAM]),
    .rdata_o (s_rdata[RAM*32 +: 32]),
    .err_o   (s_err[RAM]),
    .f_req_i   (s_req[RAI]),
    .f_addr_i  (s_addr[RAI*32 +: 32]),
    .f_gnt_o   (s_gnt[RAI]),
    .f_rvalid_o(s_rvalid[RAI]),
    .f_rdata_o (s_rdata[RAI*32 +: 32]),
    .f_err_o   (s_err[RAI])
  );

  // Second UART, FPGA far end, on its own port.
  logic       u2_tx_valid, u2_rx_ready;
  logic [7:0] u2_tx_data;

  soc_uart #(.SIM(1'b0)) u_uart2 (
    .clk_i, .rst_ni,
    .req_i     (u2_req_i),
    .we_i      (u2_we_i),
    .be_i      (u2_be_i),
    .addr_i    (u2_addr_i),
    .wdata_i   (u2_wdata_i),
    .gnt_o     (u2_gnt_o),
    .rvalid_o  (u2_rvalid_o),
    .rdata_o   (u2_rdata_o),
    .err_o     (u2_err_o),
    .irq_o     (u2_irq_o),
    .tx_valid_o(u2_tx_valid),
    .tx_data_o (u2_tx_data),
    .rx_valid_i(1'b0),
    .rx_data_i (8'h00),
    .rx_ready_o(u2_rx_ready),
    .txd_o     (u2_txd_o),
    .rxd_i     (u2_rxd_i)
  );

  // ---------------------------------------------------------------------------
  // Netlist shadows.
  // ---------------------------------------------------------------------------
`ifdef SOC_NETLIST
  logic [8:0] mismatch_q;

  // xbar
  logic [NM-1:0]    nx_gnt, nx_rvalid, nx_err;
  logic [NM*32-1:0] nx_rdata;
  logic [NS-1:0]    ns_req, ns_we;
  logic [NS*4-1:0]  ns_be;
  logic [NS*32-1:0] ns_addr, ns_wdata;
  logic [NS*AW-1:0] ns_atop;
  logic [NS*HW-1:0] ns_hart;

  soc_xbar_net n_xbar (
    .clk_i, .rst_ni,
    .mst_req_i(x_req), .mst_we_i(x_we), .mst_be_i(x_be), .mst_addr_i(x_addr),
    .mst_wdata_i(x_wdata), .mst_atop_i(x_atop), .mst_hart_i(x_hart),
    .mst_gnt_o(nx_gnt), .mst_rvalid_o(nx_rvalid), .mst_rdata_o(nx_rdata), .mst_err_o(nx_err),
    .slv_req_o(ns_req), .slv_we_o(ns_we), .slv_be_o(ns_be), .slv_addr_o(ns_addr),
    .slv_wdata_o(ns_wdata), .slv_atop_o(ns_atop), .slv_hart_o(ns_hart),
    .slv_gnt_i(s_gnt), .slv_rvalid_i(s_rvalid), .slv_rdata_i(s_rdata), .slv_err_i(s_err)
  );

  // A slave's request fields matter only while it is requested.
  logic x_diff;
  always_comb begin
    x_diff = {nx_gnt, nx_rvalid, nx_err} != {x_gnt, x_rvalid, x_err} || ns_req != s_req;
    for (int m = 0; m < NM; m++) begin
      if (x_rvalid[m] && nx_rdata[m*32 +: 32] != x_rdata[m*32 +: 32]) x_diff = 1'b1;
    end
    for (int s = 0; s < NS; s++) begin
      if (s_req[s] && {ns_we[s], ns_be[s*4 +: 4], ns_addr[s*32 +: 32], ns_wdata[s*32 +: 32],
                       ns_atop[s*AW +: AW], ns_hart[s*HW +: HW]} !=
                      {s_we[s], s_be[s*4 +: 4], s_addr[s*32 +: 32], s_wdata[s*32 +: 32],
                       s_atop[s*AW +: AW], s_hart[s*HW +: HW]}) begin
        x_diff = 1'b1;
      end
    end
  end

  // Slaves: same inputs, compare {gnt, rvalid, rdata, err} and their lines.
  logic [34:0] n_ram, n_ram_f, n_rom, n_uart, n_clint, n_plic, n_sim, n_pkt, n_uart2;
  logic [34:0] r_ram, r_ram_f, r_rom, r_uart, r_clint, r_plic, r_sim, r_pkt, r_uart2;

  assign r_ram   = {s_gnt[RAM], s_rvalid[RAM], s_rdata[RAM*32 +: 32], s_err[RAM]};
  assign r_ram_f = {s_gnt[RAI], s_rvalid[RAI], s_rdata[RAI*32 +: 32], s_err[RAI]};
  assign r_rom   = {s_gnt[ROM], s_rvalid[ROM], s_rdata[ROM*32 +: 32], s_err[ROM]};
  assign r_uart  = {s_gnt[URT], s_rvalid[URT], s_rdata[URT*32 +: 32], s_err[URT]};
  assign r_clint = {s_gnt[CLI], s_rvalid[CLI], s_rdata[CLI*32 +: 32], s_err[CLI]};
  assign r_plic  = {s_gnt[PLI], s_rvalid[PLI], s_rdata[PLI*32 +: 32], s_err[PLI]};
  assign r_sim   = {s_gnt[SIM], s_rvalid[SIM], s_rdata[SIM*32 +: 32], s_err[SIM]};
  assign r_pkt   = {s_gnt[PKT], s_rvalid[PKT], s_rdata[PKT*32 +: 32], s_err[PKT]};
  assign r_uart2 = {u2_gnt_o, u2_rvalid_o, u2_rdata_o, u2_err_o};

  soc_ram_net n_ram_i (
    .clk_i, .rst_ni,
    .req_i(s_req[RAM]), .we_i(s_we[RAM]), .be_i(s_be[RAM*4 +: 4]),
    .addr_i(s_addr[RAM*32 +: 32]), .wdata_i(s_wdata[RAM*32 +: 32]),
    .atop_i(s_atop[RAM*AW +: AW]), .hart_i(s_hart[RAM*HW +: HW]),
    .gnt_o(n_ram[34]), .rvalid_o(n_ram[33]), .rdata_o(n_ram[32:1]), .err_o(n_ram[0]),
    .f_req_i(s_req[RAI]), .f_addr_i(s_addr[RAI*32 +: 32]), .f_gnt_o(n_ram_f[34]),
    .f_rvalid_o(n_ram_f[33]), .f_rdata_o(n_ram_f[32:1]), .f_err_o(n_ram_f[0])
  );

  soc_bootrom_net n_rom_i (
    .clk_i, .rst_ni,
    .req_i(s_req[ROM]), .we_i(s_we[ROM]), .be_i(s_be[ROM*4 +: 4]),
    .addr_i(s_addr[ROM*32 +: 32]), .wdata_i(s_wdata[ROM*32 +: 32]),
    .gnt_o(n_rom[34]), .rvalid_o(n_rom[33]), .rdata_o(n_rom[32:1]), .err_o(n_rom[0])
  );

  logic       n_uart_irq, n_uart_tx_valid, n_uart_rx_ready, n_uart_txd;
  logic [7:0] n_uart_tx_data;

  soc_uart_sim_net n_uart_i (
    .clk_i, .rst_ni,
    .req_i(s_req[URT]), .we_i(s_we[URT]), .be_i(s_be[URT*4 +: 4]),
    .addr_i(s_addr[URT*32 +: 32]), .wdata_i(s_wdata[URT*32 +: 32]),
    .gnt_o(n_uart[34]), .rvalid_o(n_uart[33]), .rdata_o(n_uart[32:1]), .err_o(n_uart[0]),
    .irq_o(n_uart_irq), .tx_valid_o(n_uart_tx_valid), .tx_data_o(n_uart_tx_data),
    .rx_valid_i(uart_rx_valid_i), .rx_data_i(uart_rx_data_i), .rx_ready_o(n_uart_rx_ready),
    .txd_o(n_uart_txd), .rxd_i(1'b1)
  );

  logic [1:0] n_msip, n_mtip;

  soc_clint_net n_clint_i (
    .clk_i, .rst_ni,
    .req_i(s_req[CLI]), .we_i(s_we[CLI]), .be_i(s_be[CLI*4 +: 4]),
    .addr_i(s_addr[CLI*32 +: 32]), .wdata_i(s_wdata[CLI*32 +: 32]),
    .gnt_o(n_clint[34]), .rvalid_o(n_clint[33]), .rdata_o(n_clint[32:1]), .err_o(n_clint[0]),
    .msip_o(n_msip), .mtip_o(n_mtip)
  );

  logic [1:0] n_meip;

  soc_plic_net n_plic_i (
    .clk_i, .rst_ni,
    .req_i(s_req[PLI]), .we_i(s_we[PLI]), .be_i(s_be[PLI*4 +: 4]),
    .addr_i(s_addr[PLI*32 +: 32]), .wdata_i(s_wdata[PLI*32 +: 32]),
    .gnt_o(n_plic[34]), .rvalid_o(n_plic[33]), .rdata_o(n_plic[32:1]), .err_o(n_plic[0]),
    .irq_i(plic_irq), .meip_o(n_meip)
  );

  logic        n_exit_valid, n_marker_valid, n_console_valid;
  logic [31:0] n_exit_code, n_marker;
  logic [7:0]  n_console;

  soc_simctrl_net n_sim_i (
    .clk_i, .rst_ni,
    .req_i(s_req[SIM]), .we_i(s_we[SIM]), .be_i(s_be[SIM*4 +: 4]),
    .addr_i(s_addr[SIM*32 +: 32]), .wdata_i(s_wdata[SIM*32 +: 32]),
    .gnt_o(n_sim[34]), .rvalid_o(n_sim[33]), .rdata_o(n_sim[32:1]), .err_o(n_sim[0]),
    .exit_valid_o(n_exit_valid), .exit_code_o(n_exit_code),
    .marker_valid_o(n_marker_valid), .marker_o(n_marker),
    .console_valid_o(n_console_valid), .console_o(n_console)
  );

  logic        n_dma_req, n_dma_we, n_rx_ready, n_tx_valid, n_rx_irq, n_tx_irq;
  logic [3:0]  n_dma_be;
  logic [31:0] n_dma_addr, n_dma_wdata, n_tx_addr, n_tx_tag;
  logic [15:0] n_tx_len;

  soc_pktdev_net n_pkt_i (
    .clk_i, .rst_ni,
    .req_i(s_req[PKT]), .we_i(s_we[PKT]), .be_i(s_be[PKT*4 +: 4]),
    .addr_i(s_addr[PKT*32 +: 32]), .wdata_i(s_wdata[PKT*32 +: 32]),
    .gnt_o(n_pkt[34]), .rvalid_o(n_pkt[33]), .rdata_o(n_pkt[32:1]), .err_o(n_pkt[0]),
    .dma_req_o(n_dma_req), .dma_we_o(n_dma_we), .dma_be_o(n_dma_be),
    .dma_addr_o(n_dma_addr), .dma_wdata_o(n_dma_wdata),
    .dma_gnt_i(dma_gnt), .dma_rvalid_i(dma_rvalid), .dma_rdata_i(dma_rdata),
    .dma_err_i(dma_err),
    .rx_valid_i(pkt_rx_valid_i), .rx_ready_o(n_rx_ready), .rx_len_i(pkt_rx_len_i),
    .rx_tag_i(pkt_rx_tag_i), .rx_data_i(pkt_rx_data_i),
    .tx_valid_o(n_tx_valid), .tx_addr_o(n_tx_addr), .tx_len_o(n_tx_len), .tx_tag_o(n_tx_tag),
    .rx_irq_o(n_rx_irq), .tx_irq_o(n_tx_irq)
  );

  logic       n_u2_irq, n_u2_tx_valid, n_u2_rx_ready, n_u2_txd;
  logic [7:0] n_u2_tx_data;

  soc_uart_fpga_net n_uart2_i (
    .clk_i, .rst_ni,
    .req_i(u2_req_i), .we_i(u2_we_i), .be_i(u2_be_i), .addr_i(u2_addr_i),
    .wdata_i(u2_wdata_i),
    .gnt_o(n_uart2[34]), .rvalid_o(n_uart2[33]), .rdata_o(n_uart2[32:1]), .err_o(n_uart2[0]),
    .irq_o(n_u2_irq), .tx_valid_o(n_u2_tx_valid), .tx_data_o(n_u2_tx_data),
    .rx_valid_i(1'b0), .rx_data_i(8'h00), .rx_ready_o(n_u2_rx_ready),
    .txd_o(n_u2_txd), .rxd_i(u2_rxd_i)
  );

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      mismatch_q <= '0;
    end else begin
      if (x_diff) mismatch_q[0] <= 1'b1;
      if (n_ram != r_ram || n_ram_f != r_ram_f) mismatch_q[1] <= 1'b1;
      if (n_rom != r_rom) mismatch_q[2] <= 1'b1;
      if (n_uart != r_uart ||
          {n_uart_irq, n_uart_tx_valid, n_uart_tx_data, n_uart_rx_ready, n_uart_txd} !=
          {uart_irq_o, uart_tx_valid_o, uart_tx_data_o, uart_rx_ready_o, uart_txd}) begin
        mismatch_q[3] <= 1'b1;
      end
      if (n_clint != r_clint || {n_msip, n_mtip} != {msip_o, mtip_o}) mismatch_q[4] <= 1'b1;
      if (n_plic != r_plic || n_meip != meip_o) mismatch_q[5] <= 1'b1;
      if (n_sim != r_sim ||
          {n_exit_valid, n_exit_code, n_marker_valid, n_marker, n_console_valid, n_console} !=
          {exit_valid_o, exit_code_o, marker_valid_o, marker_o, console_valid_o, console_o}) begin
        mismatch_q[6] <= 1'b1;
      end
      if (n_pkt != r_pkt ||
          {n_dma_req, n_dma_we, n_dma_be, n_dma_addr, n_dma_wdata, n_rx_ready, n_tx_valid,
           n_tx_addr, n_tx_len, n_tx_tag, n_rx_irq, n_tx_irq} !=
          {dma_req, dma_we, dma_be, dma_addr, dma_wdata, pkt_rx_ready_o, pkt_tx_valid_o,
           pkt_tx_addr_o, pkt_tx_len_o, pkt_tx_tag_o, pkt_rx_irq_o, pkt_tx_irq_o}) begin
        mismatch_q[7] <= 1'b1;
      end
      if (n_uart2 != r_uart2 ||
          {n_u2_irq, n_u2_tx_valid, n_u2_tx_data, n_u2_rx_ready, n_u2_txd} !=
          {u2_irq_o, u2_tx_valid, u2_tx_data, u2_rx_ready, u2_txd_o}) begin
        mismatch_q[8] <= 1'b1;
      end
    end
  end

  assign net_mismatch_o = mismatch_q;
`else
  assign net_mismatch_o = '0;
`endif

  logic unused_tb;
  assign unused_tb = ^{uart_txd, u2_tx_valid, u2_tx_data, u2_rx_ready,
                       s_atop[ITC*AW +: AW], s_hart[ROM*HW +: HW], s_hart[CLI*HW +: HW],
                       s_hart[PLI*HW +: HW], s_hart[URT*HW +: HW], s_hart[SIM*HW +: HW],
                       s_hart[PKT*HW +: HW], s_atop[ROM*AW +: AW], s_atop[CLI*AW +: AW],
                       s_atop[PLI*AW +: AW], s_atop[URT*AW +: AW], s_atop[SIM*AW +: AW],
                       s_atop[PKT*AW +: AW], s_we[RAI], s_be[RAI*4 +: 4],
                       s_wdata[RAI*32 +: 32], s_atop[RAI*AW +: AW], s_hart[RAI*HW +: HW]};

endmodule
