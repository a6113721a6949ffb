// soc_uart: a 16550 register subset, one register per 32-bit word (offset =
// 4 * index; the value is in byte lane 0, stores need be_i[0]).
//
//   0x00 RBR (r) / THR (w); DLL when LCR.DLAB    0x04 IER; DLM when LCR.DLAB
//   0x08 IIR (r) / FCR (w)                        0x0C LCR
//   0x10 MCR (stored, no modem lines)             0x14 LSR
//   0x18 MSR (reads 0xB0: DCD, DSR, CTS)          0x1C SCR
// Offsets 0x20..0xFFF read 0 and ignore writes.
//
// IER: [0] ERBFI RX data available, [1] ETBEI THR empty, [2] ELSI line status.
// IIR: [7:6] = 11 when FCR[0] (FIFO enable) was set; [3:0] the highest pending
//      of 0110 line status (OE/FE, if ELSI), 0100 RX data (if ERBFI),
//      0010 THR empty (if ETBEI), 0001 none. No trigger levels or timeouts: RX
//      data is signalled as soon as one byte is in the FIFO.
// FCR: [0] FIFO enable (IIR[7:6] only; the RX FIFO is always on), [1] clear RX.
// LSR: [0] DR, [1] OE (a byte was lost: FIFO full), [3] FE (stop bit was 0),
//      [5] THRE, [6] TEMT. Reading LSR clears OE and FE.
// irq_o (level, registered) = IIR[0] == 0: the condition of the previous cycle.
// The THR-empty interrupt is a plain level (not cleared by reading IIR): a
// driver disables ETBEI when it has nothing to send.
//
// Far ends (SIM parameter):
//   SIM = 1 (simulation): a THR store accepted at edge k pulses tx_valid_o
//     with tx_data_o in cycle k; THR is always empty. RX is a valid/ready byte
//     stream: a byte is taken at an edge where rx_valid_i && rx_ready_o;
//     rx_ready_o = RX FIFO not full (a register), so no byte is ever lost.
//     txd_o stays 1, rxd_i is unused.
//   SIM = 0 (FPGA): 8N1 serial, 16x oversampling, baud = clk / (16 * divisor),
//     divisor = {DLM, DLL} (0 acts as 1; reset value DIV_RESET); every bit
//     lasts exactly 16 * divisor cycles (each direction restarts its baud
//     counter at the start of a frame). THR is a one-byte holding register in
//     front of the shift register. rxd_i passes a two-flop synchronizer; a
//     start bit is looked for only after the line was seen idle, checked at
//     its middle, and each bit sampled once at its middle; a 0 stop bit sets
//     FE (the byte is still stored). tx_valid_o and rx_ready_o stay 0.
//
// Bus (OBI-like slave): gnt_o is always 1; a request accepted at edge k is
// answered in cycle k; err_o is always 0. Side effects (RBR pop, LSR clear)
// happen at acceptance.
module soc_uart #(
  parameter bit          SIM           = 1'b1,
  parameter int unsigned RX_FIFO_DEPTH = 16,     // power of two, >= 2
  parameter logic [15:0] DIV_RESET     = 16'd1
) (
  input  logic        clk_i,
  input  logic        rst_ni,  // synchronous, active low
  input  logic        req_i,
  input  logic        we_i,
  input  logic [3:0]  be_i,
  input  logic [31:0] addr_i,
  input  logic [31:0] wdata_i,
  output logic        gnt_o,
  output logic        rvalid_o,
  output logic [31:0] rdata_o,
  output logic        err_o,
  output logic        irq_o,
  // simulation far end (SIM = 1)
  output logic        tx_valid_o,
  output logic [7:0]  tx_data_o,
  input  logic        rx_valid_i,
  input  logic [7:0]  rx_data_i,
  output logic        rx_ready_o,
  // FPGA far end (SIM = 0)
  output logic        txd_o,
  input  logic        rxd_i
);

  localparam int unsigned FW = $clog2(RX_FIFO_DEPTH);

  // ---------------------------------------------------------------------------
  // Bus decode.
  // ---------------------------------------------------------------------------
  logic       acc, wr, rd, hit;
  logic [2:0] idx;
  logic       dlab;

  assign gnt_o = 1'b1;
  assign acc   = req_i;
  assign hit   = addr_i[11:5] == '0;
  assign idx   = addr_i[4:2];
  assign wr    = acc && we_i && be_i[0] && hit;
  assign rd    = acc && !we_i && hit;

  // ---------------------------------------------------------------------------
  // Registers.
  // ---------------------------------------------------------------------------
  logic [3:0]  ier_q;
  logic [7:0]  lcr_q, scr_q;
  logic [4:0]  mcr_q;
  logic [15:0] div_q;
  logic        fifo_en_q;
  logic        oe_q, fe_q;

  assign dlab = lcr_q[7];

  logic thr_write;   // a THR store (to the far end)
  logic rx_clear;    // FCR[1]
  logic lsr_read;
  logic rx_pop;

  assign thr_write = wr && idx == soc_pkg::UART_RBR && !dlab;
  assign rx_clear  = wr && idx == soc_pkg::UART_IIR && wdata_i[1];
  assign lsr_read  = rd && idx == soc_pkg::UART_LSR;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      ier_q     <= '0;
      lcr_q     <= '0;
      scr_q     <= '0;
      mcr_q     <= '0;
      div_q     <= DIV_RESET;
      fifo_en_q <= 1'b0;
    end else if (wr) begin
      case (idx)
        soc_pkg::UART_RBR: if (dlab) div_q[7:0] <= wdata_i[7:0];
        soc_pkg::UART_IER: begin
          if (dlab) div_q[15:8] <= wdata_i[7:0];
          else      ier_q       <= wdata_i[3:0];
        end
        soc_pkg::UART_IIR: fifo_en_q <= wdata_i[0];
        soc_pkg::UART_LCR: lcr_q     <= wdata_i[7:0];
        soc_pkg::UART_MCR: mcr_q     <= wdata_i[4:0];
        soc_pkg::UART_SCR: scr_q     <= wdata_i[7:0];
        default: ;
      endcase
    end
  end

  // ---------------------------------------------------------------------------
  // RX FIFO.
  // ---------------------------------------------------------------------------
  // An array written at one decoded index (not a variable part-select of a
  // vector, which Yosys turns into a shifter): 8 flip-flops per byte with a
  // shared data input and a per-byte enable.
  logic [7:0]                 fifo_q [RX_FIFO_DEPTH];
  logic [FW-1:0]              wptr_q, rptr_q;
  logic [FW:0]                cnt_q;
  logic                       fifo_full, fifo_empty;
  logic                       rx_push;       // from the far end
  logic [7:0]                 rx_push_data;
  logic                       rx_fe;         // the pushed byte had a framing error
  logic [7:0]                 rx_head;

  assign fifo_full  = cnt_q == (FW + 1)'(RX_FIFO_DEPTH);
  assign fifo_empty = cnt_q == '0;
  assign rx_head    = fifo_q[rptr_q];
  assign rx_pop     = rd && idx == soc_pkg::UART_RBR && !dlab && !fifo_empty;

  always_ff @(posedge clk_i) begin
    if (!rst_ni || rx_clear) begin
      wptr_q <= '0;
      rptr_q <= '0;
      cnt_q  <= '0;
    end else begin
      if (rx_push && !fifo_full) begin
        fifo_q[wptr_q] <= rx_push_data;
        wptr_q <= wptr_q + FW'(1);
      end
      if (rx_pop) rptr_q <= rptr_q + FW'(1);
      cnt_q <= cnt_q + (FW + 1)'(rx_push && !fifo_full) - (FW + 1)'(rx_pop);
    end
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      oe_q <= 1'b0;
      fe_q <= 1'b0;
    end else begin
      if (lsr_read) begin
        oe_q <= 1'b0;
        fe_q <= 1'b0;
      end
      if (rx_push && fifo_full) oe_q <= 1'b1;
      if (rx_push && rx_fe)     fe_q <= 1'b1;
    end
  end

  // ---------------------------------------------------------------------------
  // Far end.
  // ---------------------------------------------------------------------------
  logic thre, temt;

  if (SIM) begin : g_sim
    logic       tx_valid_q;
    logic [7:0] tx_data_q;

    always_ff @(posedge clk_i) begin
      if (!rst_ni) begin
        tx_valid_q <= 1'b0;
        tx_data_q  <= '0;
      end else begin
        tx_valid_q <= thr_write;
        if (thr_write) tx_data_q <= wdata_i[7:0];
      end
    end

    assign tx_valid_o   = tx_valid_q;
    assign tx_data_o    = tx_data_q;
    assign rx_ready_o   = !fifo_full;
    assign rx_push      = rx_valid_i && !fifo_full;
    assign rx_push_data = rx_data_i;
    assign rx_fe        = 1'b0;
    assign thre         = 1'b1;
    assign temt         = 1'b1;
    assign txd_o        = 1'b1;

    logic unused_far;
    assign unused_far = ^{rxd_i, div_q};

  end else begin : g_fpga
    // Each direction has its own 16x baud counter, restarted when its frame
    // starts, so every bit lasts exactly 16 * divisor cycles.
    logic [15:0] div_m1;

    assign div_m1 = (div_q == '0) ? '0 : div_q - 16'd1;

    // TX: holding register + shift register.
    logic        thr_full_q, tx_busy_q;
    logic [7:0]  thr_q;
    logic [9:0]  tx_shift_q;
    logic [3:0]  tx_tick_q, tx_bit_q;
    logic [15:0] tx_bcnt_q;
    logic        tx_tick;

    assign tx_tick = tx_bcnt_q == '0;

    always_ff @(posedge clk_i) begin
      if (!rst_ni) begin
        thr_full_q <= 1'b0;
        thr_q      <= '0;
        tx_busy_q  <= 1'b0;
        tx_shift_q <= '1;
        tx_tick_q  <= '0;
        tx_bit_q   <= '0;
        tx_bcnt_q  <= '0;
      end else begin
        if (tx_busy_q) begin
          tx_bcnt_q <= tx_tick ? div_m1 : tx_bcnt_q - 16'd1;
          if (tx_tick) begin
            tx_tick_q <= tx_tick_q + 4'd1;
            if (tx_tick_q == 4'd15) begin
              tx_shift_q <= {1'b1, tx_shift_q[9:1]};
              tx_bit_q   <= tx_bit_q + 4'd1;
              if (tx_bit_q == 4'd9) tx_busy_q <= 1'b0;
            end
          end
        end else if (thr_full_q) begin
          tx_busy_q  <= 1'b1;
          tx_shift_q <= {1'b1, thr_q, 1'b0};
          tx_tick_q  <= '0;
          tx_bit_q   <= '0;
          tx_bcnt_q  <= div_m1;
          thr_full_q <= 1'b0;
        end
        if (thr_write) begin
          thr_q      <= wdata_i[7:0];
          thr_full_q <= 1'b1;
        end
      end
    end

    assign txd_o = tx_busy_q ? tx_shift_q[0] : 1'b1;
    assign thre  = !thr_full_q;
    assign temt  = !thr_full_q && !tx_busy_q;

    // RX: synchronizer; a start bit is looked for only after the line was seen
    // idle (1), so a framing error or a break does not start a false frame.
    logic [1:0]  sync_q;
    logic        rxd_s;
    logic        rx_armed_q, rx_busy_q;
    logic [3:0]  rx_tick_q, rx_bit_q;
    logic [7:0]  rx_shift_q;
    logic        rx_push_q, rx_fe_q;
    logic [7:0]  rx_data_q;
    logic [15:0] rx_bcnt_q;
    logic        rx_tick;

    assign rxd_s   = sync_q[1];
    assign rx_tick = rx_bcnt_q == '0;

    always_ff @(posedge clk_i) begin
      if (!rst_ni) sync_q <= 2'b11;
      else         sync_q <= {sync_q[0], rxd_i};
    end

    always_ff @(posedge clk_i) begin
      if (!rst_ni) begin
        rx_armed_q <= 1'b0;
        rx_busy_q  <= 1'b0;
        rx_tick_q  <= '0;
        rx_bit_q   <= '0;
        rx_shift_q <= '0;
        rx_push_q  <= 1'b0;
        rx_fe_q    <= 1'b0;
        rx_data_q  <= '0;
        rx_bcnt_q  <= '0;
      end else begin
        rx_push_q <= 1'b0;
        if (!rx_busy_q) begin
          if (rxd_s) begin
            rx_armed_q <= 1'b1;
          end else if (rx_armed_q) begin
            rx_busy_q  <= 1'b1;
            rx_armed_q <= 1'b0;
            rx_tick_q  <= '0;
            rx_bit_q   <= '0;
            rx_bcnt_q  <= div_m1;
          end
        end else begin
          rx_bcnt_q <= rx_tick ? div_m1 : rx_bcnt_q - 16'd1;
          if (rx_tick) begin
            rx_tick_q <= rx_tick_q + 4'd1;
            if (rx_tick_q == 4'd7) begin  // middle of a bit
              rx_bit_q <= rx_bit_q + 4'd1;
              if (rx_bit_q == 4'd0) begin
                if (rxd_s) begin  // glitch, not a start bit
                  rx_busy_q  <= 1'b0;
                  rx_armed_q <= 1'b1;
                end
              end else if (rx_bit_q == 4'd9) begin
                rx_busy_q <= 1'b0;
                rx_push_q <= 1'b1;
                rx_fe_q   <= !rxd_s;
                rx_data_q <= rx_shift_q;
              end else begin
                rx_shift_q <= {rxd_s, rx_shift_q[7:1]};
              end
            end
          end
        end
      end
    end

    assign rx_push      = rx_push_q;
    assign rx_push_data = rx_data_q;
    assign rx_fe        = rx_fe_q;
    assign tx_valid_o   = 1'b0;
    assign tx_data_o    = '0;
    assign rx_ready_o   = 1'b0;

    logic unused_far;
    assign unused_far = ^{rx_valid_i, rx_data_i};
  end

  // ---------------------------------------------------------------------------
  // Interrupt identification.
  // ---------------------------------------------------------------------------
  logic [3:0] iid;

  always_comb begin
    if (ier_q[2] && (oe_q || fe_q))  iid = 4'b0110;
    else if (ier_q[0] && !fifo_empty) iid = 4'b0100;
    else if (ier_q[1] && thre)        iid = 4'b0010;
    else                              iid = 4'b0001;
  end

  logic irq_q;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) irq_q <= 1'b0;
    else         irq_q <= !iid[0];
  end

  assign irq_o = irq_q;

  // ---------------------------------------------------------------------------
  // Read data and response.
  // ---------------------------------------------------------------------------
  logic [7:0] rdata_d;

  always_comb begin
    rdata_d = '0;
    if (rd) begin
      case (idx)
        soc_pkg::UART_RBR: rdata_d = dlab ? div_q[7:0] : (fifo_empty ? 8'h00 : rx_head);
        soc_pkg::UART_IER: rdata_d = dlab ? div_q[15:8] : {4'b0, ier_q};
        soc_pkg::UART_IIR: rdata_d = {{2{fifo_en_q}}, 2'b00, iid};
        soc_pkg::UART_LCR: rdata_d = lcr_q;
        soc_pkg::UART_MCR: rdata_d = {3'b0, mcr_q};
        soc_pkg::UART_LSR: rdata_d = {1'b0, temt, thre, 1'b0, fe_q, 1'b0, oe_q, !fifo_empty};
        soc_pkg::UART_MSR: rdata_d = soc_pkg::UART_MSR_VALUE;
        default:           rdata_d = scr_q;  // UART_SCR
      endcase
    end
  end

  logic       rvalid_q;
  logic [7:0] rdata_q;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      rvalid_q <= 1'b0;
      rdata_q  <= '0;
    end else begin
      rvalid_q <= acc;
      rdata_q  <= rdata_d;
    end
  end

  assign rvalid_o = rvalid_q;
  assign rdata_o  = {24'b0, rdata_q};
  assign err_o    = 1'b0;

  logic unused_in;
  assign unused_in = ^{be_i[3:1], addr_i[31:12], addr_i[1:0], wdata_i[31:8]};

endmodule
