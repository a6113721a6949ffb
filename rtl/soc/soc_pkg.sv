// soc_pkg: SoC-wide constants shared by the interconnect and the peripherals.
//
// Holds the memory map (ARCHITECTURE.md §4), the slave port order of soc_xbar,
// the atomic-operation encoding of the data bus (atop) and the register
// offsets of every peripheral in rtl/soc/. docs/soc.md describes the same
// numbers for software; keep the two in step.
package soc_pkg;
  /* verilator lint_off UNUSEDPARAM */

  // ---------------------------------------------------------------------------
  // Slave ports of soc_xbar, in port order.
  // ---------------------------------------------------------------------------
  localparam int unsigned SLV_ROM     = 0;
  localparam int unsigned SLV_CLINT   = 1;
  localparam int unsigned SLV_PLIC    = 2;
  localparam int unsigned SLV_UART    = 3;
  localparam int unsigned SLV_SIMCTRL = 4;
  localparam int unsigned SLV_PKTDEV  = 5;
  localparam int unsigned SLV_INTC    = 6;
  localparam int unsigned SLV_RAM     = 7;
  localparam int unsigned SLV_RAM_I   = 8;  // the RAM's fetch port (soc_ram FETCH_PORT)
  localparam int unsigned NUM_SLAVES  = 9;

  // ---------------------------------------------------------------------------
  // Memory map: base and size (a power of two; the base is size-aligned). The
  // RAM's size is a parameter of soc_xbar / soc_ram.
  // ---------------------------------------------------------------------------
  localparam logic [31:0] ROM_BASE     = 32'h0000_1000;
  localparam logic [31:0] ROM_SIZE     = 32'h0000_1000;  // 4 KiB
  localparam logic [31:0] CLINT_BASE   = 32'h0200_0000;
  localparam logic [31:0] CLINT_SIZE   = 32'h0001_0000;  // 64 KiB
  localparam logic [31:0] PLIC_BASE    = 32'h0C00_0000;
  localparam logic [31:0] PLIC_SIZE    = 32'h0400_0000;  // 64 MiB
  localparam logic [31:0] UART_BASE    = 32'h1000_0000;
  localparam logic [31:0] UART_SIZE    = 32'h0000_1000;  // 4 KiB
  localparam logic [31:0] SIMCTRL_BASE = 32'h1000_1000;
  localparam logic [31:0] SIMCTRL_SIZE = 32'h0000_1000;  // 4 KiB
  localparam logic [31:0] PKTDEV_BASE  = 32'h1001_0000;
  localparam logic [31:0] PKTDEV_SIZE  = 32'h0001_0000;  // 64 KiB
  localparam logic [31:0] INTC_BASE    = 32'h4000_0000;
  localparam logic [31:0] INTC_SIZE    = 32'h0001_0000;  // 64 KiB
  localparam logic [31:0] RAM_BASE     = 32'h8000_0000;

  // ---------------------------------------------------------------------------
  // Data-bus sideband.
  // atop_i[5:0]: 0 = plain access; otherwise {1'b1, funct5} of the A-extension
  // instruction (PULP OBI / AXI ATOP convention, same as sim/iss rv_iss/bus.h).
  // LR: we = 0. SC and AMOs: we = 1, wdata = rs2, be = 4'hF.
  // rdata: LR and AMOs return the old word, SC returns 0 (success) / 1 (failure).
  // ---------------------------------------------------------------------------
  localparam int unsigned ATOP_W   = 6;
  localparam int unsigned HART_W   = 2;
  localparam logic [5:0] ATOP_NONE = 6'h00;
  localparam logic [4:0] AMO_ADD   = 5'h00;
  localparam logic [4:0] AMO_SWAP  = 5'h01;
  localparam logic [4:0] AMO_LR    = 5'h02;
  localparam logic [4:0] AMO_SC    = 5'h03;
  localparam logic [4:0] AMO_XOR   = 5'h04;
  localparam logic [4:0] AMO_OR    = 5'h08;
  localparam logic [4:0] AMO_AND   = 5'h0C;
  localparam logic [4:0] AMO_MIN   = 5'h10;
  localparam logic [4:0] AMO_MAX   = 5'h14;
  localparam logic [4:0] AMO_MINU  = 5'h18;
  localparam logic [4:0] AMO_MAXU  = 5'h1C;

  // ---------------------------------------------------------------------------
  // Interrupt numbering. PLIC source = device line + 1 (source 0 does not exist);
  // ATS-INTC irq_i index = device line (ARCHITECTURE.md §5).
  // ---------------------------------------------------------------------------
  localparam int unsigned IRQ_UART   = 0;
  localparam int unsigned IRQ_PKT_RX = 1;
  localparam int unsigned IRQ_PKT_TX = 2;

  // ---------------------------------------------------------------------------
  // UART (16550 subset, one register per 32-bit word: offset = 4 * index).
  // ---------------------------------------------------------------------------
  localparam logic [2:0] UART_RBR = 3'd0;  // RBR (r) / THR (w) / DLL (DLAB = 1)
  localparam logic [2:0] UART_IER = 3'd1;  // IER / DLM (DLAB = 1)
  localparam logic [2:0] UART_IIR = 3'd2;  // IIR (r) / FCR (w)
  localparam logic [2:0] UART_LCR = 3'd3;
  localparam logic [2:0] UART_MCR = 3'd4;
  localparam logic [2:0] UART_LSR = 3'd5;
  localparam logic [2:0] UART_MSR = 3'd6;
  localparam logic [2:0] UART_SCR = 3'd7;
  localparam logic [7:0] UART_MSR_VALUE = 8'hB0;  // DCD, DSR, CTS asserted

  // ---------------------------------------------------------------------------
  // CLINT (SiFive layout), offsets inside the 64 KiB window.
  // ---------------------------------------------------------------------------
  localparam logic [15:0] CLINT_MSIP     = 16'h0000;  // + 4 * hart
  localparam logic [15:0] CLINT_MTIMECMP = 16'h4000;  // + 8 * hart (lo, hi)
  localparam logic [15:0] CLINT_MTIME    = 16'hBFF8;  // lo; hi at + 4

  // ---------------------------------------------------------------------------
  // PLIC (standard layout), offsets inside the 64 MiB window.
  // ---------------------------------------------------------------------------
  localparam logic [25:0] PLIC_PRIORITY  = 26'h000_0000;  // + 4 * source
  localparam logic [25:0] PLIC_PENDING   = 26'h000_1000;  // + 4 * word
  localparam logic [25:0] PLIC_ENABLE    = 26'h000_2000;  // + 0x80 * ctx + 4 * word
  localparam logic [25:0] PLIC_CONTEXT   = 26'h020_0000;  // + 0x1000 * ctx
  localparam logic [11:0] PLIC_THRESHOLD = 12'h000;       // inside a context page
  localparam logic [11:0] PLIC_CLAIM     = 12'h004;       // claim (r) / complete (w)

  // ---------------------------------------------------------------------------
  // Simulation / test control.
  // ---------------------------------------------------------------------------
  localparam logic [11:0] SIMCTRL_EXIT     = 12'h000;  // w: exit code
  localparam logic [11:0] SIMCTRL_CYCLE_LO = 12'h004;  // r: cycles [31:0], latches hi
  localparam logic [11:0] SIMCTRL_CYCLE_HI = 12'h008;  // r: latched cycles [63:32]
  localparam logic [11:0] SIMCTRL_MARKER   = 12'h00C;  // w: trace marker
  localparam logic [11:0] SIMCTRL_CONSOLE  = 12'h010;  // w: console byte

  // ---------------------------------------------------------------------------
  // Packet device registers and descriptors.
  // ---------------------------------------------------------------------------
  localparam logic [31:0] PKT_ID_VALUE   = 32'h504B_5401;  // "PKT", version 1
  localparam logic [7:0]  PKT_ID         = 8'h00;
  localparam logic [7:0]  PKT_CTRL       = 8'h04;  // [0] RX_EN, [1] TX_EN
  localparam logic [7:0]  PKT_IRQ_STATUS = 8'h08;  // [0] RX, [1] TX, [2] ERR; W1C
  localparam logic [7:0]  PKT_IRQ_ENABLE = 8'h0C;
  localparam logic [7:0]  PKT_RX_BASE    = 8'h10;
  localparam logic [7:0]  PKT_RX_SIZE    = 8'h14;
  localparam logic [7:0]  PKT_RX_HEAD    = 8'h18;
  localparam logic [7:0]  PKT_RX_TAIL    = 8'h1C;
  localparam logic [7:0]  PKT_RX_DROPS   = 8'h20;
  localparam logic [7:0]  PKT_RX_PKTS    = 8'h24;
  localparam logic [7:0]  PKT_STATUS     = 8'h28;  // [0] RX busy, [1] TX busy
  localparam logic [7:0]  PKT_TX_BASE    = 8'h30;
  localparam logic [7:0]  PKT_TX_SIZE    = 8'h34;
  localparam logic [7:0]  PKT_TX_HEAD    = 8'h38;
  localparam logic [7:0]  PKT_TX_TAIL    = 8'h3C;
  localparam logic [7:0]  PKT_TX_PKTS    = 8'h40;
  // Descriptor: 16 bytes. word 0 buffer address, word 1 buffer size (RX) or
  // length (TX) in bytes [15:0], word 2 tag, word 3 status.
  localparam logic [31:0] PKT_DESC_BYTES = 32'd16;
  localparam int unsigned PKT_ST_DONE    = 31;
  localparam int unsigned PKT_ST_TRUNC   = 30;  // RX: payload cut to the buffer size
  localparam int unsigned PKT_ST_ERR     = 29;  // bus error while handling it

  /* verilator lint_on UNUSEDPARAM */
endpackage
