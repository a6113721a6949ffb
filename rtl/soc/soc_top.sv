// soc_top: the ATS-INTC SoC (ARCHITECTURE.md §4, §7; docs/soc.md §4).
//
// 1..NUM_HARTS rv_core harts, each with an instruction port (MEM_ONLY: its
// fetches reach ROM and RAM only) and a data port, plus the packet device's
// DMA, on soc_xbar; behind it the boot ROM, CLINT, PLIC, UART, simulation
// control, packet device, ATS-INTC and RAM at their memory-map addresses.
//
// Masters: 2h = hart h instruction port, 2h+1 = hart h data port,
// 2*NUM_HARTS = packet device DMA (when HAS_PKTDEV).
//
// Interrupt lines (docs/soc.md §1):
//   device line 0 UART, 1 packet RX, 2 packet TX -> PLIC sources 1..3 and
//   ATS-INTC irq 0..2; machine timer of hart h -> ATS-INTC irq 3+h and
//   mip.MTIP of hart h; ATS-INTC err_irq_o -> PLIC source 4; CLINT msip[h]
//   -> mip.MSIP; PLIC context h -> mip.MEIP; ATS-INTC work[h] / preempt[h] ->
//   mip[16] / mip[17] of hart h.
//
// Simulator hooks (EXT_PORTS = 1; the FPGA builds set 0 and tie them off):
//   * intc_ext_i = 1: the ATS-INTC slave port and its hart lines are served
//     from outside (the SystemC model, --intc=model). The RTL controller is
//     then idle (no requests); the mux adds no cycle, so both choices give the
//     same timing.
//   * cpu_ext_i = 1: every core is held in reset and an external master (the
//     instruction-set model, --cpu=iss) takes hart 0's data-port slot on the
//     interconnect, naming the hart of each access on ext_hart_i.
//   * hart_en_i[h] = 0 holds hart h in reset (fewer harts than built).
// Port widths are those of the largest build (4 harts, 32 ATS-INTC irqs) so
// every build has the same pins.
module soc_top #(
  parameter int unsigned NUM_HARTS      = 1,              // 1..4
  parameter logic [31:0] RAM_BYTES      = 32'h0100_0000,  // power of two
  parameter bit          RAM_FETCH_PORT = 1'b1,           // instruction fetches use the RAM's own read port
  parameter bit          UART_SIM       = 1'b1,           // 1: byte stream, 0: serial line
  parameter bit          HAS_PLIC       = 1'b1,
  parameter bit          HAS_PKTDEV     = 1'b1,
  parameter bit          HAS_SIMCTRL    = 1'b1,
  parameter bit          EXT_PORTS      = 1'b1,
  parameter int unsigned PMP_ENTRIES    = 8,
  parameter int unsigned PMP_GRAN       = 2,
  parameter int unsigned BHT_ENTRIES    = 512,            // the cores' branch predictor (rv_bpred; 0 = static)
  parameter int unsigned JTB_ENTRIES    = 256,            // ... and JALR targets (0 = none)
  parameter logic [31:0] RESET_PC       = 32'h8000_0000,
  parameter              ROM_INIT       = "",
  parameter              RAM_INIT       = "",
  parameter int unsigned CLINT_PRESCALE = 1,
  parameter int unsigned PLIC_SOURCES   = 31,
  parameter bit          RVFI           = 1'b1,
  parameter int          INTC_NUM_PROCS    = 4,
  parameter int          INTC_NUM_PRIOS    = 8,
  parameter int          INTC_NUM_ENTRIES  = 256,
  parameter int          INTC_NUM_IRQS     = 8,
  parameter int          INTC_NUM_CHANNELS = 8,
  parameter bit          INTC_COUNTERS     = 1'b1
) (
  input  logic        clk_i,
  input  logic        rst_ni,             // synchronous, active low
  input  logic [3:0]  hart_en_i,          // hart h runs when 1 (bits >= NUM_HARTS ignored)
  output logic [3:0]  sleep_o,            // hart h waits in WFI
  // UART far end (UART_SIM = 1: byte stream; 0: serial line)
  output logic        uart_tx_valid_o,
  output logic [7:0]  uart_tx_data_o,
  input  logic        uart_rx_valid_i,
  input  logic [7:0]  uart_rx_data_i,
  output logic        uart_rx_ready_o,
  output logic        uart_txd_o,
  input  logic        uart_rxd_i,
  // packet device streams (docs/soc.md §3.8)
  input  logic        pkt_rx_valid_i,
  output logic        pkt_rx_ready_o,
  input  logic [15:0] pkt_rx_len_i,
  input  logic [31:0] pkt_rx_tag_i,
  input  logic [31:0] pkt_rx_data_i,
  output logic        pkt_tx_valid_o,
  output logic [31:0] pkt_tx_addr_o,
  output logic [15:0] pkt_tx_len_o,
  output logic [31:0] pkt_tx_tag_o,
  // simulation control page
  output logic        exit_valid_o,
  output logic [31:0] exit_code_o,
  output logic        marker_valid_o,
  output logic [31:0] marker_o,
  output logic        console_valid_o,
  output logic [7:0]  console_o,
  // external ATS-INTC (EXT_PORTS)
  input  logic        intc_ext_i,
  output logic        intc_req_o,
  output logic        intc_we_o,
  output logic [3:0]  intc_be_o,
  output logic [15:0] intc_addr_o,
  output logic [31:0] intc_wdata_o,
  output logic [1:0]  intc_hart_o,
  input  logic        intc_gnt_i,
  input  logic        intc_rvalid_i,
  input  logic [31:0] intc_rdata_i,
  input  logic        intc_err_i,
  output logic [31:0] intc_irq_o,         // the controller's irq_i (bits >= INTC_NUM_IRQS are 0)
  input  logic [3:0]  intc_work_i,
  input  logic [3:0]  intc_preempt_i,
  input  logic        intc_err_irq_i,
  // external CPU master (EXT_PORTS)
  input  logic        cpu_ext_i,
  input  logic        ext_req_i,
  input  logic        ext_we_i,
  input  logic [3:0]  ext_be_i,
  input  logic [31:0] ext_addr_i,
  input  logic [31:0] ext_wdata_i,
  input  logic [5:0]  ext_atop_i,
  input  logic [1:0]  ext_hart_i,
  output logic        ext_gnt_o,
  output logic        ext_rvalid_o,
  output logic [31:0] ext_rdata_o,
  output logic        ext_err_o,
  output logic [19:0] hart_irq_o          // per hart h, bits [5h +: 5] = {preempt, work, MEIP, MTIP, MSIP}
);
  localparam int unsigned NH = NUM_HARTS;
  localparam int          NHI = NUM_HARTS;  // for loop bounds and the controller parameter
  localparam int unsigned NM = 2 * NH + (HAS_PKTDEV ? 1 : 0);
  localparam int unsigned NS = soc_pkg::NUM_SLAVES;
  localparam int unsigned AW = soc_pkg::ATOP_W;
  localparam int unsigned HW = soc_pkg::HART_W;
  localparam int unsigned NI = INTC_NUM_IRQS;

  localparam int unsigned ROM = soc_pkg::SLV_ROM;
  localparam int unsigned CLI = soc_pkg::SLV_CLINT;
  localparam int unsigned PLI = soc_pkg::SLV_PLIC;
  localparam int unsigned URT = soc_pkg::SLV_UART;
  localparam int unsigned SMC = soc_pkg::SLV_SIMCTRL;
  localparam int unsigned PKT = soc_pkg::SLV_PKTDEV;
  localparam int unsigned ITC = soc_pkg::SLV_INTC;
  localparam int unsigned RAM = soc_pkg::SLV_RAM;

  localparam int unsigned RAI = soc_pkg::SLV_RAM_I;

  localparam logic [NS-1:0] SLAVE_EN = {NS{1'b1}}
      & ~(HAS_PLIC       ? NS'(0) : (NS'(1) << PLI))
      & ~(HAS_PKTDEV     ? NS'(0) : (NS'(1) << PKT))
      & ~(HAS_SIMCTRL    ? NS'(0) : (NS'(1) << SMC))
      & ~(RAM_FETCH_PORT ? NS'(0) : (NS'(1) << RAI));
  // Instruction ports (even masters) reach ROM and RAM only, and read the RAM
  // through its fetch port when it has one.
  localparam logic [31:0] MEM_ONLY = 32'h5555_5555 & ((32'h1 << (2 * NH)) - 32'h1);

  logic intc_ext, cpu_ext;
  assign intc_ext = EXT_PORTS && intc_ext_i;
  assign cpu_ext  = EXT_PORTS && cpu_ext_i;

  // ---------------------------------------------------------------------------
  // Interrupt lines.
  // ---------------------------------------------------------------------------
  logic          uart_irq, pkt_rx_irq, pkt_tx_irq;
  logic [NH-1:0] msip, mtip, meip, work, preempt;
  logic [NH-1:0] rtl_work, rtl_preempt;
  logic          rtl_err_irq, intc_err_irq;
  logic [NI-1:0] intc_irq;

  always_comb begin
    intc_irq = '0;
    intc_irq[soc_pkg::IRQ_UART]   = uart_irq;
    intc_irq[soc_pkg::IRQ_PKT_RX] = pkt_rx_irq;
    intc_irq[soc_pkg::IRQ_PKT_TX] = pkt_tx_irq;
    for (int h = 0; h < NHI; h++) intc_irq[3 + h] = mtip[h];
  end
  assign intc_irq_o   = 32'(intc_irq);
  assign work         = intc_ext ? intc_work_i[NH-1:0] : rtl_work;
  assign preempt      = intc_ext ? intc_preempt_i[NH-1:0] : rtl_preempt;
  assign intc_err_irq = intc_ext ? intc_err_irq_i : rtl_err_irq;

  always_comb begin
    hart_irq_o = '0;
    for (int h = 0; h < NHI; h++)
      hart_irq_o[5*h +: 5] = {preempt[h], work[h], meip[h], mtip[h], msip[h]};
  end

  // ---------------------------------------------------------------------------
  // Interconnect.
  // ---------------------------------------------------------------------------
  logic [NM-1:0]    m_req, m_we, m_gnt, m_rvalid, m_err;
  logic [NM*4-1:0]  m_be;
  logic [NM*32-1:0] m_addr, m_wdata, m_rdata;
  logic [NM*AW-1:0] m_atop;
  logic [NM*HW-1:0] m_hart;

  logic [NS-1:0]    s_req, s_we, s_gnt, s_rvalid, s_err;
  logic [NS*4-1:0]  s_be;
  logic [NS*32-1:0] s_addr, s_wdata, s_rdata;
  logic [NS*AW-1:0] s_atop;
  logic [NS*HW-1:0] s_hart;

  soc_xbar #(
    .NUM_MASTERS(NM),
    .RAM_BYTES  (RAM_BYTES),
    .SLAVE_EN   (SLAVE_EN),
    .MEM_ONLY   (MEM_ONLY),
    .FETCH_MST  (MEM_ONLY)
  ) u_xbar (
    .clk_i, .rst_ni,
    .mst_req_i   (m_req),
    .mst_we_i    (m_we),
    .mst_be_i    (m_be),
    .mst_addr_i  (m_addr),
    .mst_wdata_i (m_wdata),
    .mst_atop_i  (m_atop),
    .mst_hart_i  (m_hart),
    .mst_gnt_o   (m_gnt),
    .mst_rvalid_o(m_rvalid),
    .mst_rdata_o (m_rdata),
    .mst_err_o   (m_err),
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
  // Harts.
  // ---------------------------------------------------------------------------
  logic [NH-1:0]    c_ireq, c_dreq, c_dwe, c_sleep;
  logic [NH*32-1:0] c_iaddr, c_daddr, c_dwdata;
  logic [NH*4-1:0]  c_dbe;
  logic [NH*6-1:0]  c_datop;

  for (genvar h = 0; h < NHI; h++) begin : g_hart
    logic run_n;
    assign run_n = rst_ni && hart_en_i[h] && !cpu_ext;

    // Retirement trace, read by the simulator (instructions per hart, marked PCs).
    logic        rvfi_valid /*verilator public_flat_rd*/;
    logic [31:0] rvfi_pc    /*verilator public_flat_rd*/;
    logic        rvfi_trap;
    logic [31:0] rvfi_insn, rvfi_cause, rvfi_rd_wdata, rvfi_mem_addr, rvfi_mem_rdata;
    logic [31:0] rvfi_mem_wdata, rvfi_mip;
    logic [4:0]  rvfi_rd_addr;
    logic [3:0]  rvfi_mem_rmask, rvfi_mem_wmask;
    logic [1:0]  rvfi_mode;
    logic        unused_trace;
    assign unused_trace = ^{rvfi_trap, rvfi_insn, rvfi_cause, rvfi_rd_wdata, rvfi_mem_addr,
                            rvfi_mem_rdata, rvfi_mem_wdata, rvfi_mip, rvfi_rd_addr,
                            rvfi_mem_rmask, rvfi_mem_wmask, rvfi_mode};

    rv_core #(
      .HART_ID    (32'(h)),
      .PMP_ENTRIES(PMP_ENTRIES),
      .PMP_GRAN   (PMP_GRAN),
      .BHT_ENTRIES(BHT_ENTRIES),
      .JTB_ENTRIES(JTB_ENTRIES),
      .RESET_PC   (RESET_PC),
      .RVFI       (RVFI)
    ) u_core (
      .clk_i,
      .rst_ni          (run_n),
      .instr_req_o     (c_ireq[h]),
      .instr_gnt_i     (m_gnt[2*h]),
      .instr_addr_o    (c_iaddr[h*32 +: 32]),
      .instr_rvalid_i  (m_rvalid[2*h]),
      .instr_rdata_i   (m_rdata[2*h*32 +: 32]),
      .instr_err_i     (m_err[2*h]),
      .data_req_o      (c_dreq[h]),
      .data_gnt_i      (m_gnt[2*h+1]),
      .data_addr_o     (c_daddr[h*32 +: 32]),
      .data_we_o       (c_dwe[h]),
      .data_be_o       (c_dbe[h*4 +: 4]),
      .data_wdata_o    (c_dwdata[h*32 +: 32]),
      .data_atop_o     (c_datop[h*6 +: 6]),
      .data_rvalid_i   (m_rvalid[2*h+1]),
      .data_rdata_i    (m_rdata[(2*h+1)*32 +: 32]),
      .data_err_i      (m_err[2*h+1]),
      .irq_software_i  (msip[h]),
      .irq_timer_i     (mtip[h]),
      .irq_external_i  (meip[h]),
      .irq_local_i     ({preempt[h], work[h]}),
      .core_sleep_o    (c_sleep[h]),
      .rvfi_valid_o    (rvfi_valid),
      .rvfi_pc_o       (rvfi_pc),
      .rvfi_insn_o     (rvfi_insn),
      .rvfi_trap_o     (rvfi_trap),
      .rvfi_cause_o    (rvfi_cause),
      .rvfi_rd_addr_o  (rvfi_rd_addr),
      .rvfi_rd_wdata_o (rvfi_rd_wdata),
      .rvfi_mem_addr_o (rvfi_mem_addr),
      .rvfi_mem_rmask_o(rvfi_mem_rmask),
      .rvfi_mem_wmask_o(rvfi_mem_wmask),
      .rvfi_mem_rdata_o(rvfi_mem_rdata),
      .rvfi_mem_wdata_o(rvfi_mem_wdata),
      .rvfi_mip_o      (rvfi_mip),
      .rvfi_mode_o     (rvfi_mode)
    );

    // Instruction port: master 2h.
    assign m_req[2*h]              = c_ireq[h];
    assign m_we[2*h]               = 1'b0;
    assign m_be[2*h*4 +: 4]        = 4'hF;
    assign m_addr[2*h*32 +: 32]    = c_iaddr[h*32 +: 32];
    assign m_wdata[2*h*32 +: 32]   = '0;
    assign m_atop[2*h*AW +: AW]    = soc_pkg::ATOP_NONE;
    assign m_hart[2*h*HW +: HW]    = HW'(h);

    // Data port: master 2h+1; hart 0's slot carries the external master.
    if (h == 0) begin : g_ext
      assign m_req[1]           = cpu_ext ? ext_req_i   : c_dreq[0];
      assign m_we[1]            = cpu_ext ? ext_we_i    : c_dwe[0];
      assign m_be[4 +: 4]       = cpu_ext ? ext_be_i    : c_dbe[0 +: 4];
      assign m_addr[32 +: 32]   = cpu_ext ? ext_addr_i  : c_daddr[0 +: 32];
      assign m_wdata[32 +: 32]  = cpu_ext ? ext_wdata_i : c_dwdata[0 +: 32];
      assign m_atop[AW +: AW]   = cpu_ext ? ext_atop_i  : c_datop[0 +: 6];
      assign m_hart[HW +: HW]   = cpu_ext ? ext_hart_i  : HW'(0);
    end else begin : g_core
      assign m_req[2*h+1]                = c_dreq[h];
      assign m_we[2*h+1]                 = c_dwe[h];
      assign m_be[(2*h+1)*4 +: 4]        = c_dbe[h*4 +: 4];
      assign m_addr[(2*h+1)*32 +: 32]    = c_daddr[h*32 +: 32];
      assign m_wdata[(2*h+1)*32 +: 32]   = c_dwdata[h*32 +: 32];
      assign m_atop[(2*h+1)*AW +: AW]    = c_datop[h*6 +: 6];
      assign m_hart[(2*h+1)*HW +: HW]    = HW'(h);
    end
  end

  assign sleep_o      = 4'(c_sleep);
  assign ext_gnt_o    = cpu_ext && m_gnt[1];
  assign ext_rvalid_o = cpu_ext && m_rvalid[1];
  assign ext_rdata_o  = m_rdata[32 +: 32];
  assign ext_err_o    = cpu_ext && m_err[1];

  // ---------------------------------------------------------------------------
  // Slaves.
  // ---------------------------------------------------------------------------
  soc_bootrom #(.INIT_FILE(ROM_INIT)) u_rom (
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

  soc_clint #(.NUM_HARTS(NH), .PRESCALE(CLINT_PRESCALE)) u_clint (
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
    .msip_o  (msip),
    .mtip_o  (mtip)
  );

  if (HAS_PLIC) begin : g_plic
    logic [PLIC_SOURCES:1] plic_irq;
    always_comb begin
      plic_irq = '0;
      plic_irq[soc_pkg::IRQ_UART + 1]   = uart_irq;
      plic_irq[soc_pkg::IRQ_PKT_RX + 1] = pkt_rx_irq;
      plic_irq[soc_pkg::IRQ_PKT_TX + 1] = pkt_tx_irq;
      plic_irq[4]                       = intc_err_irq;
    end
    soc_plic #(.NUM_SRC(PLIC_SOURCES), .NUM_HARTS(NH)) u_plic (
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
      .meip_o  (meip)
    );
  end else begin : g_no_plic
    assign s_gnt[PLI]              = 1'b0;
    assign s_rvalid[PLI]           = 1'b0;
    assign s_rdata[PLI*32 +: 32]   = '0;
    assign s_err[PLI]              = 1'b0;
    assign meip                    = '0;
  end

  soc_uart #(.SIM(UART_SIM)) u_uart (
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
    .irq_o     (uart_irq),
    .tx_valid_o(uart_tx_valid_o),
    .tx_data_o (uart_tx_data_o),
    .rx_valid_i(uart_rx_valid_i),
    .rx_data_i (uart_rx_data_i),
    .rx_ready_o(uart_rx_ready_o),
    .txd_o     (uart_txd_o),
    .rxd_i     (uart_rxd_i)
  );

  if (HAS_SIMCTRL) begin : g_simctrl
    soc_simctrl u_simctrl (
      .clk_i, .rst_ni,
      .req_i          (s_req[SMC]),
      .we_i           (s_we[SMC]),
      .be_i           (s_be[SMC*4 +: 4]),
      .addr_i         (s_addr[SMC*32 +: 32]),
      .wdata_i        (s_wdata[SMC*32 +: 32]),
      .gnt_o          (s_gnt[SMC]),
      .rvalid_o       (s_rvalid[SMC]),
      .rdata_o        (s_rdata[SMC*32 +: 32]),
      .err_o          (s_err[SMC]),
      .exit_valid_o,
      .exit_code_o,
      .marker_valid_o,
      .marker_o,
      .console_valid_o,
      .console_o
    );
  end else begin : g_no_simctrl
    assign s_gnt[SMC]            = 1'b0;
    assign s_rvalid[SMC]         = 1'b0;
    assign s_rdata[SMC*32 +: 32] = '0;
    assign s_err[SMC]            = 1'b0;
    assign exit_valid_o          = 1'b0;
    assign exit_code_o           = '0;
    assign marker_valid_o        = 1'b0;
    assign marker_o              = '0;
    assign console_valid_o       = 1'b0;
    assign console_o             = '0;
  end

  if (HAS_PKTDEV) begin : g_pktdev
    localparam int unsigned D = 2 * NH;  // the DMA's master index
    logic        dma_req, dma_we;
    logic [3:0]  dma_be;
    logic [31:0] dma_addr, dma_wdata;
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
      .dma_gnt_i   (m_gnt[D]),
      .dma_rvalid_i(m_rvalid[D]),
      .dma_rdata_i (m_rdata[D*32 +: 32]),
      .dma_err_i   (m_err[D]),
      .rx_valid_i  (pkt_rx_valid_i),
      .rx_ready_o  (pkt_rx_ready_o),
      .rx_len_i    (pkt_rx_len_i),
      .rx_tag_i    (pkt_rx_tag_i),
      .rx_data_i   (pkt_rx_data_i),
      .tx_valid_o  (pkt_tx_valid_o),
      .tx_addr_o   (pkt_tx_addr_o),
      .tx_len_o    (pkt_tx_len_o),
      .tx_tag_o    (pkt_tx_tag_o),
      .rx_irq_o    (pkt_rx_irq),
      .tx_irq_o    (pkt_tx_irq)
    );
    assign m_req[D]            = dma_req;
    assign m_we[D]             = dma_we;
    assign m_be[D*4 +: 4]      = dma_be;
    assign m_addr[D*32 +: 32]  = dma_addr;
    assign m_wdata[D*32 +: 32] = dma_wdata;
    assign m_atop[D*AW +: AW]  = soc_pkg::ATOP_NONE;
    assign m_hart[D*HW +: HW]  = '0;
  end else begin : g_no_pktdev
    assign s_gnt[PKT]            = 1'b0;
    assign s_rvalid[PKT]         = 1'b0;
    assign s_rdata[PKT*32 +: 32] = '0;
    assign s_err[PKT]            = 1'b0;
    assign pkt_rx_ready_o        = 1'b0;
    assign pkt_tx_valid_o        = 1'b0;
    assign pkt_tx_addr_o         = '0;
    assign pkt_tx_len_o          = '0;
    assign pkt_tx_tag_o          = '0;
    assign pkt_rx_irq            = 1'b0;
    assign pkt_tx_irq            = 1'b0;
  end

  // ATS-INTC: the RTL controller, or (intc_ext) the external one.
  logic        i_gnt, i_rvalid, i_err;
  logic [31:0] i_rdata;
  ats_intc #(
    .NUM_PROCS   (INTC_NUM_PROCS),
    .NUM_PRIOS   (INTC_NUM_PRIOS),
    .NUM_ENTRIES (INTC_NUM_ENTRIES),
    .NUM_IRQS    (INTC_NUM_IRQS),
    .NUM_CHANNELS(INTC_NUM_CHANNELS),
    .NUM_HARTS   (NHI),
    .COUNTERS    (INTC_COUNTERS)
  ) u_intc (
    .clk_i, .rst_ni,
    .req_i    (s_req[ITC] && !intc_ext),
    .we_i     (s_we[ITC]),
    .be_i     (s_be[ITC*4 +: 4]),
    .addr_i   (s_addr[ITC*32 +: 16]),
    .wdata_i  (s_wdata[ITC*32 +: 32]),
    .hart_i   (s_hart[ITC*HW +: HW]),
    .gnt_o    (i_gnt),
    .rvalid_o (i_rvalid),
    .rdata_o  (i_rdata),
    .err_o    (i_err),
    .irq_i    (intc_irq),
    .work_o   (rtl_work),
    .preempt_o(rtl_preempt),
    .err_irq_o(rtl_err_irq)
  );
  assign s_gnt[ITC]            = intc_ext ? intc_gnt_i    : i_gnt;
  assign s_rvalid[ITC]         = intc_ext ? intc_rvalid_i : i_rvalid;
  assign s_rdata[ITC*32 +: 32] = intc_ext ? intc_rdata_i  : i_rdata;
  assign s_err[ITC]            = intc_ext ? intc_err_i    : i_err;
  assign intc_req_o            = s_req[ITC];  // the external controller acts only when selected
  assign intc_we_o             = s_we[ITC];
  assign intc_be_o             = s_be[ITC*4 +: 4];
  assign intc_addr_o           = s_addr[ITC*32 +: 16];
  assign intc_wdata_o          = s_wdata[ITC*32 +: 32];
  assign intc_hart_o           = s_hart[ITC*HW +: HW];

  // Controller traffic, read by the simulator for its statistics (the same
  // whichever controller answers).
  logic        intc_acc      /*verilator public_flat_rd*/;
  logic        intc_rsp      /*verilator public_flat_rd*/;
  logic        intc_rsp_err  /*verilator public_flat_rd*/;
  logic [31:0] intc_rsp_data /*verilator public_flat_rd*/;
  assign intc_acc      = s_req[ITC] && s_gnt[ITC];
  assign intc_rsp      = s_rvalid[ITC];
  assign intc_rsp_err  = s_err[ITC];
  assign intc_rsp_data = s_rdata[ITC*32 +: 32];

  soc_ram #(
    .RAM_BYTES (RAM_BYTES),
    .NUM_HARTS (NH),
    .FETCH_PORT(RAM_FETCH_PORT),
    .INIT_FILE (RAM_INIT)
  ) u_ram (
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

  // Unused upper address bits of the narrow slaves and of the external pins in
  // builds without EXT_PORTS.
  logic unused;
  assign unused = ^{s_addr, s_atop, s_hart, s_we, s_be, s_wdata, intc_work_i, intc_preempt_i,
                    hart_en_i, c_sleep, intc_err_irq, pkt_rx_valid_i, pkt_rx_len_i, pkt_rx_tag_i,
                    pkt_rx_data_i, intc_acc, intc_rsp, intc_rsp_err, intc_rsp_data};
endmodule
