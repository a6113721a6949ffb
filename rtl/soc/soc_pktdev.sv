// soc_pktdev: a small packet NIC with RX and TX descriptor rings in RAM.
//
// Registers (byte offsets, soc_pkg::PKT_*; all 32-bit, stores honour be_i):
//   0x00 ID          r   0x504B5401
//   0x04 CTRL        rw  [0] RX_EN, [1] TX_EN
//   0x08 IRQ_STATUS  rw1c [0] RX packet delivered, [1] TX descriptor done,
//                         [2] ERR (a DMA access got a bus error)
//   0x0C IRQ_ENABLE  rw  same bits
//   0x10 RX_BASE     rw  ring base (16-byte aligned; bits [3:0] read 0)
//   0x14 RX_SIZE     rw  [15:0] descriptors in the ring
//   0x18 RX_HEAD     rw  [15:0] next descriptor the device fills (written
//                         only while RX_EN = 0 and RX is idle)
//   0x1C RX_TAIL     rw  [15:0] firmware: the device may fill HEAD..TAIL-1
//   0x20 RX_DROPS    rw  packets dropped (RX off, ring full, descriptor read
//                         error); any store clears
//   0x24 RX_PKTS     rw  packets delivered; any store clears
//   0x28 STATUS      r   [0] RX busy, [1] TX busy
//   0x30 TX_BASE, 0x34 TX_SIZE, 0x38 TX_HEAD (written only while TX_EN = 0 and
//        TX is idle), 0x3C TX_TAIL: the device sends HEAD..TAIL-1
//   0x40 TX_PKTS     rw  descriptors completed; any store clears
// Other offsets read 0 and ignore writes; err_o is never set.
//
// Descriptor (16 bytes at BASE + 16 * index):
//   word 0  buffer address (word aligned)            firmware
//   word 1  [15:0] RX: buffer size, TX: length, bytes  firmware
//   word 2  tag (RX: from the traffic generator; TX: from firmware)
//   word 3  status: [31] DONE, [30] TRUNC (RX), [29] ERR, [15:0] length
// RX: for a packet the device reads words 0 and 1, writes the payload words
//   to the buffer (at most floor(size / 4) words; more sets TRUNC), then
//   writes word 2 (tag) and last word 3 (status with DONE and the packet's
//   full length), then advances RX_HEAD and sets IRQ_STATUS.RX. A packet that
//   arrives while RX is off or HEAD == TAIL (ring full) is consumed and
//   dropped (RX_DROPS + 1); RX never stalls the generator for long.
// TX: while TX_EN and HEAD != TAIL, the device reads words 0..2, pulses
//   tx_valid_o with tx_addr_o/tx_len_o/tx_tag_o (the payload stays in RAM),
//   writes word 3 = DONE | length, advances TX_HEAD and sets IRQ_STATUS.TX.
// Interrupts (level, registered): rx_irq_o = RX & RX_EN' | ERR & ERR_EN',
//   tx_irq_o = TX & TX_EN' (' = IRQ_ENABLE bits); they stay up until firmware
//   writes 1 to the IRQ_STATUS bit.
//
// RX stream (from the simulator's traffic generator): one 32-bit payload word
// per handshake (taken at an edge with rx_valid_i && rx_ready_o), little
// endian, max(1, ceil(len / 4)) beats per packet (a zero-length packet has one
// beat whose data is ignored). rx_len_i and rx_tag_i must stay constant
// through a packet's beats; they are sampled when the device starts the packet
// (while rx_valid_i is high, possibly before the first beat is taken).
// rx_ready_o is a function of registers only.
//
// DMA master (onto soc_xbar): one access in flight at a time, req held until
// gnt; RX and TX engines share it round robin. Word accesses only (be = F).
// Bus slave (OBI-like): gnt_o is always 1; answered in the cycle after
// acceptance.
module soc_pktdev (
  input  logic        clk_i,
  input  logic        rst_ni,  // synchronous, active low
  // register port
  input  logic        req_i,
  input  logic        we_i,
  input  logic [3:0]  be_i,
  input  logic [31:0] addr_i,
  input  logic [31:0] wdata_i,
  output logic        gnt_o,
  output logic        rvalid_o,
  output logic [31:0] rdata_o,
  output logic        err_o,
  // DMA master port
  output logic        dma_req_o,
  output logic        dma_we_o,
  output logic [3:0]  dma_be_o,
  output logic [31:0] dma_addr_o,
  output logic [31:0] dma_wdata_o,
  input  logic        dma_gnt_i,
  input  logic        dma_rvalid_i,
  input  logic [31:0] dma_rdata_i,
  input  logic        dma_err_i,
  // RX stream from the traffic generator
  input  logic        rx_valid_i,
  output logic        rx_ready_o,
  input  logic [15:0] rx_len_i,
  input  logic [31:0] rx_tag_i,
  input  logic [31:0] rx_data_i,
  // TX events to the simulator
  output logic        tx_valid_o,
  output logic [31:0] tx_addr_o,
  output logic [15:0] tx_len_o,
  output logic [31:0] tx_tag_o,
  // interrupts
  output logic        rx_irq_o,
  output logic        tx_irq_o
);

  localparam int unsigned IRQ_RX  = 0;
  localparam int unsigned IRQ_TX  = 1;
  localparam int unsigned IRQ_ERR = 2;

  // ---------------------------------------------------------------------------
  // Registers.
  // ---------------------------------------------------------------------------
  logic [1:0]  ctrl_q, ctrl_d;
  logic [2:0]  ist_q, ist_d, ien_q, ien_d;
  logic [31:0] rx_base_q, rx_base_d, tx_base_q, tx_base_d;
  logic [15:0] rx_size_q, rx_size_d, rx_head_q, rx_head_d, rx_tail_q, rx_tail_d;
  logic [15:0] tx_size_q, tx_size_d, tx_head_q, tx_head_d, tx_tail_q, tx_tail_d;
  logic [31:0] rx_drops_q, rx_drops_d, rx_pkts_q, rx_pkts_d, tx_pkts_q, tx_pkts_d;

  // ---------------------------------------------------------------------------
  // DMA engine: one access in flight, shared by the RX and TX engines.
  // ---------------------------------------------------------------------------
  logic        dma_busy_q, dma_req_q, dma_we_q, dma_owner_q, dma_last_q;
  logic [31:0] dma_addr_q, dma_wdata_q;
  logic        rx_want, rx_we, tx_want, tx_we;
  logic [31:0] rx_addr, rx_wdata, tx_addr, tx_wdata;
  logic        take_rx, take_tx, dma_done, rx_done, tx_done;

  localparam logic OWN_RX = 1'b0;
  localparam logic OWN_TX = 1'b1;

  assign take_rx  = !dma_busy_q && rx_want && (!tx_want || dma_last_q == OWN_TX);
  assign take_tx  = !dma_busy_q && tx_want && !take_rx;
  assign dma_done = dma_busy_q && !dma_req_q && dma_rvalid_i;
  assign rx_done  = dma_done && dma_owner_q == OWN_RX;
  assign tx_done  = dma_done && dma_owner_q == OWN_TX;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      dma_busy_q  <= 1'b0;
      dma_req_q   <= 1'b0;
      dma_we_q    <= 1'b0;
      dma_owner_q <= OWN_RX;
      dma_last_q  <= OWN_TX;
      dma_addr_q  <= '0;
      dma_wdata_q <= '0;
    end else begin
      if (take_rx || take_tx) begin
        dma_busy_q  <= 1'b1;
        dma_req_q   <= 1'b1;
        dma_owner_q <= take_tx;
        dma_last_q  <= take_tx;
        dma_we_q    <= take_tx ? tx_we : rx_we;
        dma_addr_q  <= take_tx ? tx_addr : rx_addr;
        dma_wdata_q <= take_tx ? tx_wdata : rx_wdata;
      end
      if (dma_req_q && dma_gnt_i) dma_req_q <= 1'b0;
      if (dma_done) dma_busy_q <= 1'b0;
    end
  end

  assign dma_req_o   = dma_req_q;
  assign dma_we_o    = dma_we_q;
  assign dma_be_o    = 4'hF;
  assign dma_addr_o  = dma_addr_q;
  assign dma_wdata_o = dma_wdata_q;

  // ---------------------------------------------------------------------------
  // RX engine.
  // ---------------------------------------------------------------------------
  typedef enum logic [2:0] {
    RX_IDLE, RX_DESC0, RX_DESC1, RX_DATA, RX_DROP, RX_TAG, RX_STAT
  } rx_state_e;

  rx_state_e   rx_state_q, rx_state_d;
  logic        rx_issued_q, rx_issued_d;   // this state's DMA access was taken
  logic [15:0] rx_len_q, rx_len_d;
  logic [31:0] rx_tag_q, rx_tag_d;
  logic [15:0] rx_beats_q, rx_beats_d;     // beats of the packet still to take
  logic [31:0] rx_buf_q, rx_buf_d;
  logic [13:0] rx_cap_q, rx_cap_d;         // buffer capacity in words
  logic [14:0] rx_widx_q, rx_widx_d;       // payload words stored so far
  logic        rx_wfull_q, rx_wfull_d;     // a payload word waits for the DMA
  logic [31:0] rx_wdata_q, rx_wdata_d, rx_waddr_q, rx_waddr_d;
  logic        rx_trunc_q, rx_trunc_d, rx_err_q, rx_err_d;
  logic [31:0] rx_desc;
  logic        rx_beat;
  logic        rx_drop_ev, rx_pkt_ev, rx_err_ev;

  assign rx_desc    = rx_base_q + {12'b0, rx_head_q, 4'b0};
  assign rx_ready_o = ((rx_state_q == RX_DATA && !rx_wfull_q) || rx_state_q == RX_DROP) &&
                      rx_beats_q != '0;
  assign rx_beat    = rx_valid_i && rx_ready_o;

  always_comb begin
    rx_state_d  = rx_state_q;
    rx_issued_d = rx_issued_q;
    rx_len_d    = rx_len_q;
    rx_tag_d    = rx_tag_q;
    rx_beats_d  = rx_beats_q;
    rx_buf_d    = rx_buf_q;
    rx_cap_d    = rx_cap_q;
    rx_widx_d   = rx_widx_q;
    rx_wfull_d  = rx_wfull_q;
    rx_wdata_d  = rx_wdata_q;
    rx_waddr_d  = rx_waddr_q;
    rx_trunc_d  = rx_trunc_q;
    rx_err_d    = rx_err_q;
    rx_want     = 1'b0;
    rx_we       = 1'b0;
    rx_addr     = rx_desc;
    rx_wdata    = '0;
    rx_drop_ev  = 1'b0;
    rx_pkt_ev   = 1'b0;
    rx_err_ev   = rx_done && dma_err_i;

    // rx_issued tracks the one access of DESC0/DESC1/TAG/STAT; payload writes
    // (DATA) are tracked by rx_wfull instead.
    if (take_rx && rx_state_q != RX_DATA) rx_issued_d = 1'b1;
    if (rx_done) rx_issued_d = 1'b0;
    if (rx_beat) rx_beats_d = rx_beats_q - 16'd1;

    unique case (rx_state_q)
      RX_IDLE: begin
        if (rx_valid_i) begin
          rx_len_d   = rx_len_i;
          rx_tag_d   = rx_tag_i;
          rx_beats_d = (rx_len_i == '0) ? 16'd1 : 16'((17'(rx_len_i) + 17'd3) >> 2);
          rx_widx_d  = '0;
          rx_trunc_d = 1'b0;
          rx_err_d   = 1'b0;
          if (ctrl_q[0] && rx_size_q != '0 && rx_head_q != rx_tail_q) begin
            rx_state_d = RX_DESC0;
          end else begin
            rx_state_d = RX_DROP;
            rx_drop_ev = 1'b1;
          end
        end
      end
      RX_DESC0, RX_DESC1: begin
        rx_want = !rx_issued_q;
        rx_addr = rx_desc + ((rx_state_q == RX_DESC1) ? 32'd4 : 32'd0);
        if (rx_done && rx_issued_q) begin
          if (dma_err_i) begin
            rx_state_d = RX_DROP;  // no usable buffer: drop the packet
            rx_drop_ev = 1'b1;
          end else if (rx_state_q == RX_DESC0) begin
            rx_buf_d   = {dma_rdata_i[31:2], 2'b00};
            rx_state_d = RX_DESC1;
          end else begin
            rx_cap_d   = dma_rdata_i[15:2];
            rx_state_d = RX_DATA;
          end
        end
      end
      RX_DATA: begin
        rx_want  = rx_wfull_q;
        rx_we    = 1'b1;
        rx_addr  = rx_waddr_q;
        rx_wdata = rx_wdata_q;
        if (take_rx) rx_wfull_d = 1'b0;
        if (rx_done && dma_err_i) rx_err_d = 1'b1;
        if (rx_beat) begin
          if (rx_widx_q < {1'b0, rx_cap_q}) begin
            rx_wfull_d = 1'b1;
            rx_wdata_d = rx_data_i;
            rx_waddr_d = rx_buf_q + {15'b0, rx_widx_q, 2'b00};
            rx_widx_d  = rx_widx_q + 15'd1;
          end else begin
            rx_trunc_d = 1'b1;
          end
        end
        if (rx_beats_q == '0 && !rx_wfull_q) rx_state_d = RX_TAG;
      end
      RX_DROP: begin
        if (rx_beats_q == '0) rx_state_d = RX_IDLE;
      end
      RX_TAG: begin
        rx_want  = !rx_issued_q;
        rx_we    = 1'b1;
        rx_addr  = rx_desc + 32'd8;
        rx_wdata = rx_tag_q;
        // A payload write may still answer here (rx_issued_q = 0): keep its error.
        if (rx_done && dma_err_i) rx_err_d = 1'b1;
        if (rx_done && rx_issued_q) rx_state_d = RX_STAT;
      end
      RX_STAT: begin
        rx_want  = !rx_issued_q;
        rx_we    = 1'b1;
        rx_addr  = rx_desc + 32'd12;
        rx_wdata = {1'b1, rx_trunc_q, rx_err_q, 13'b0, rx_len_q};
        if (rx_done && rx_issued_q) begin
          rx_state_d = RX_IDLE;
          rx_pkt_ev  = 1'b1;
        end
      end
      default: rx_state_d = RX_IDLE;
    endcase
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      rx_state_q  <= RX_IDLE;
      rx_issued_q <= 1'b0;
      rx_len_q    <= '0;
      rx_tag_q    <= '0;
      rx_beats_q  <= '0;
      rx_buf_q    <= '0;
      rx_cap_q    <= '0;
      rx_widx_q   <= '0;
      rx_wfull_q  <= 1'b0;
      rx_wdata_q  <= '0;
      rx_waddr_q  <= '0;
      rx_trunc_q  <= 1'b0;
      rx_err_q    <= 1'b0;
    end else begin
      rx_state_q  <= rx_state_d;
      rx_issued_q <= rx_issued_d;
      rx_len_q    <= rx_len_d;
      rx_tag_q    <= rx_tag_d;
      rx_beats_q  <= rx_beats_d;
      rx_buf_q    <= rx_buf_d;
      rx_cap_q    <= rx_cap_d;
      rx_widx_q   <= rx_widx_d;
      rx_wfull_q  <= rx_wfull_d;
      rx_wdata_q  <= rx_wdata_d;
      rx_waddr_q  <= rx_waddr_d;
      rx_trunc_q  <= rx_trunc_d;
      rx_err_q    <= rx_err_d;
    end
  end

  // ---------------------------------------------------------------------------
  // TX engine.
  // ---------------------------------------------------------------------------
  typedef enum logic [2:0] {
    TX_IDLE, TX_D0, TX_D1, TX_D2, TX_EMIT, TX_STAT
  } tx_state_e;

  tx_state_e   tx_state_q, tx_state_d;
  logic        tx_issued_q, tx_issued_d;
  logic [31:0] tx_baddr_q, tx_baddr_d, tx_tag_q, tx_tag_d;
  logic [15:0] tx_len_q, tx_len_d;
  logic        tx_err_q, tx_err_d;
  logic        tx_valid_q, tx_valid_d;
  logic [31:0] tx_desc;
  logic        tx_pkt_ev, tx_err_ev;

  assign tx_desc = tx_base_q + {12'b0, tx_head_q, 4'b0};

  always_comb begin
    tx_state_d  = tx_state_q;
    tx_issued_d = tx_issued_q;
    tx_baddr_d  = tx_baddr_q;
    tx_tag_d    = tx_tag_q;
    tx_len_d    = tx_len_q;
    tx_err_d    = tx_err_q;
    tx_valid_d  = 1'b0;
    tx_want     = 1'b0;
    tx_we       = 1'b0;
    tx_addr     = tx_desc;
    tx_wdata    = '0;
    tx_pkt_ev   = 1'b0;
    tx_err_ev   = tx_done && dma_err_i;

    if (take_tx) tx_issued_d = 1'b1;
    if (tx_done) tx_issued_d = 1'b0;

    unique case (tx_state_q)
      TX_IDLE: begin
        if (ctrl_q[1] && tx_size_q != '0 && tx_head_q != tx_tail_q) begin
          tx_state_d = TX_D0;
          tx_err_d   = 1'b0;
        end
      end
      TX_D0, TX_D1, TX_D2: begin
        tx_want = !tx_issued_q;
        tx_addr = tx_desc + ((tx_state_q == TX_D0) ? 32'd0 :
                             (tx_state_q == TX_D1) ? 32'd4 : 32'd8);
        if (tx_done) begin
          if (dma_err_i) tx_err_d = 1'b1;
          unique case (tx_state_q)
            TX_D0: begin
              tx_baddr_d = dma_rdata_i;
              tx_state_d = TX_D1;
            end
            TX_D1: begin
              tx_len_d   = dma_rdata_i[15:0];
              tx_state_d = TX_D2;
            end
            default: begin
              tx_tag_d   = dma_rdata_i;
              tx_state_d = TX_EMIT;
            end
          endcase
        end
      end
      TX_EMIT: begin
        tx_valid_d = !tx_err_q;
        tx_state_d = TX_STAT;
      end
      TX_STAT: begin
        tx_want  = !tx_issued_q;
        tx_we    = 1'b1;
        tx_addr  = tx_desc + 32'd12;
        tx_wdata = {1'b1, 1'b0, tx_err_q, 13'b0, tx_len_q};
        if (tx_done) begin
          tx_state_d = TX_IDLE;
          tx_pkt_ev  = 1'b1;
        end
      end
      default: tx_state_d = TX_IDLE;
    endcase
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      tx_state_q  <= TX_IDLE;
      tx_issued_q <= 1'b0;
      tx_baddr_q  <= '0;
      tx_tag_q    <= '0;
      tx_len_q    <= '0;
      tx_err_q    <= 1'b0;
      tx_valid_q  <= 1'b0;
    end else begin
      tx_state_q  <= tx_state_d;
      tx_issued_q <= tx_issued_d;
      tx_baddr_q  <= tx_baddr_d;
      tx_tag_q    <= tx_tag_d;
      tx_len_q    <= tx_len_d;
      tx_err_q    <= tx_err_d;
      tx_valid_q  <= tx_valid_d;
    end
  end

  assign tx_valid_o = tx_valid_q;
  assign tx_addr_o  = tx_baddr_q;
  assign tx_len_o   = tx_len_q;
  assign tx_tag_o   = tx_tag_q;

  // ---------------------------------------------------------------------------
  // Register file.
  // ---------------------------------------------------------------------------
  logic        acc, wr, rd;
  logic [7:0]  off;
  logic [31:0] bmask;
  logic [31:0] rdata_d;
  logic        hit;

  assign gnt_o = 1'b1;
  assign acc   = req_i;
  assign hit   = addr_i[15:8] == '0;
  assign wr    = acc && we_i && hit;
  assign rd    = acc && !we_i && hit;
  assign off   = {addr_i[7:2], 2'b00};
  assign bmask = {{8{be_i[3]}}, {8{be_i[2]}}, {8{be_i[1]}}, {8{be_i[0]}}};

  function automatic logic [31:0] merge(input logic [31:0] old, input logic [31:0] new_v,
                                        input logic [31:0] mask);
    merge = (old & ~mask) | (new_v & mask);
  endfunction

  function automatic logic [15:0] next_idx(input logic [15:0] idx, input logic [15:0] size);
    next_idx = (idx + 16'd1 >= size) ? 16'd0 : idx + 16'd1;
  endfunction

  always_comb begin
    logic [31:0] m;
    m          = '0;
    ctrl_d     = ctrl_q;
    ist_d      = ist_q;
    ien_d      = ien_q;
    rx_base_d  = rx_base_q;
    rx_size_d  = rx_size_q;
    rx_head_d  = rx_head_q;
    rx_tail_d  = rx_tail_q;
    rx_drops_d = rx_drops_q;
    rx_pkts_d  = rx_pkts_q;
    tx_base_d  = tx_base_q;
    tx_size_d  = tx_size_q;
    tx_head_d  = tx_head_q;
    tx_tail_d  = tx_tail_q;
    tx_pkts_d  = tx_pkts_q;
    rdata_d    = '0;

    unique case (off)
      soc_pkg::PKT_ID:         rdata_d = soc_pkg::PKT_ID_VALUE;
      soc_pkg::PKT_CTRL:       rdata_d = {30'b0, ctrl_q};
      soc_pkg::PKT_IRQ_STATUS: rdata_d = {29'b0, ist_q};
      soc_pkg::PKT_IRQ_ENABLE: rdata_d = {29'b0, ien_q};
      soc_pkg::PKT_RX_BASE:    rdata_d = rx_base_q;
      soc_pkg::PKT_RX_SIZE:    rdata_d = {16'b0, rx_size_q};
      soc_pkg::PKT_RX_HEAD:    rdata_d = {16'b0, rx_head_q};
      soc_pkg::PKT_RX_TAIL:    rdata_d = {16'b0, rx_tail_q};
      soc_pkg::PKT_RX_DROPS:   rdata_d = rx_drops_q;
      soc_pkg::PKT_RX_PKTS:    rdata_d = rx_pkts_q;
      soc_pkg::PKT_STATUS:     rdata_d = {30'b0, tx_state_q != TX_IDLE, rx_state_q != RX_IDLE};
      soc_pkg::PKT_TX_BASE:    rdata_d = tx_base_q;
      soc_pkg::PKT_TX_SIZE:    rdata_d = {16'b0, tx_size_q};
      soc_pkg::PKT_TX_HEAD:    rdata_d = {16'b0, tx_head_q};
      soc_pkg::PKT_TX_TAIL:    rdata_d = {16'b0, tx_tail_q};
      soc_pkg::PKT_TX_PKTS:    rdata_d = tx_pkts_q;
      default:                 rdata_d = '0;
    endcase
    if (!rd) rdata_d = '0;

    if (wr) begin
      unique case (off)
        soc_pkg::PKT_CTRL: begin
          m      = merge({30'b0, ctrl_q}, wdata_i, bmask);
          ctrl_d = m[1:0];
        end
        soc_pkg::PKT_IRQ_STATUS: ist_d = ist_q & ~(wdata_i[2:0] & bmask[2:0]);
        soc_pkg::PKT_IRQ_ENABLE: begin
          m     = merge({29'b0, ien_q}, wdata_i, bmask);
          ien_d = m[2:0];
        end
        soc_pkg::PKT_RX_BASE: begin
          m         = merge(rx_base_q, wdata_i, bmask);
          rx_base_d = {m[31:4], 4'b0};
        end
        soc_pkg::PKT_RX_SIZE: begin
          m         = merge({16'b0, rx_size_q}, wdata_i, bmask);
          rx_size_d = m[15:0];
        end
        soc_pkg::PKT_RX_HEAD: begin
          m = merge({16'b0, rx_head_q}, wdata_i, bmask);
          if (!ctrl_q[0] && rx_state_q == RX_IDLE) rx_head_d = m[15:0];
        end
        soc_pkg::PKT_RX_TAIL: begin
          m         = merge({16'b0, rx_tail_q}, wdata_i, bmask);
          rx_tail_d = m[15:0];
        end
        soc_pkg::PKT_RX_DROPS: rx_drops_d = '0;
        soc_pkg::PKT_RX_PKTS:  rx_pkts_d  = '0;
        soc_pkg::PKT_TX_BASE: begin
          m         = merge(tx_base_q, wdata_i, bmask);
          tx_base_d = {m[31:4], 4'b0};
        end
        soc_pkg::PKT_TX_SIZE: begin
          m         = merge({16'b0, tx_size_q}, wdata_i, bmask);
          tx_size_d = m[15:0];
        end
        soc_pkg::PKT_TX_HEAD: begin
          m = merge({16'b0, tx_head_q}, wdata_i, bmask);
          if (!ctrl_q[1] && tx_state_q == TX_IDLE) tx_head_d = m[15:0];
        end
        soc_pkg::PKT_TX_TAIL: begin
          m         = merge({16'b0, tx_tail_q}, wdata_i, bmask);
          tx_tail_d = m[15:0];
        end
        soc_pkg::PKT_TX_PKTS: tx_pkts_d = '0;
        default: ;
      endcase
    end

    // Engine events (after the register writes: an event is never lost).
    if (rx_drop_ev) rx_drops_d = rx_drops_d + 32'd1;
    if (rx_pkt_ev) begin
      rx_pkts_d     = rx_pkts_d + 32'd1;
      rx_head_d     = next_idx(rx_head_q, rx_size_q);
      ist_d[IRQ_RX] = 1'b1;
    end
    if (tx_pkt_ev) begin
      tx_pkts_d     = tx_pkts_d + 32'd1;
      tx_head_d     = next_idx(tx_head_q, tx_size_q);
      ist_d[IRQ_TX] = 1'b1;
    end
    if (rx_err_ev || tx_err_ev) ist_d[IRQ_ERR] = 1'b1;
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      ctrl_q     <= '0;
      ist_q      <= '0;
      ien_q      <= '0;
      rx_base_q  <= '0;
      rx_size_q  <= '0;
      rx_head_q  <= '0;
      rx_tail_q  <= '0;
      rx_drops_q <= '0;
      rx_pkts_q  <= '0;
      tx_base_q  <= '0;
      tx_size_q  <= '0;
      tx_head_q  <= '0;
      tx_tail_q  <= '0;
      tx_pkts_q  <= '0;
    end else begin
      ctrl_q     <= ctrl_d;
      ist_q      <= ist_d;
      ien_q      <= ien_d;
      rx_base_q  <= rx_base_d;
      rx_size_q  <= rx_size_d;
      rx_head_q  <= rx_head_d;
      rx_tail_q  <= rx_tail_d;
      rx_drops_q <= rx_drops_d;
      rx_pkts_q  <= rx_pkts_d;
      tx_base_q  <= tx_base_d;
      tx_size_q  <= tx_size_d;
      tx_head_q  <= tx_head_d;
      tx_tail_q  <= tx_tail_d;
      tx_pkts_q  <= tx_pkts_d;
    end
  end

  // Interrupt lines.
  logic rx_irq_q, tx_irq_q;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      rx_irq_q <= 1'b0;
      tx_irq_q <= 1'b0;
    end else begin
      rx_irq_q <= (ist_q[IRQ_RX] && ien_q[IRQ_RX]) || (ist_q[IRQ_ERR] && ien_q[IRQ_ERR]);
      tx_irq_q <= ist_q[IRQ_TX] && ien_q[IRQ_TX];
    end
  end

  assign rx_irq_o = rx_irq_q;
  assign tx_irq_o = tx_irq_q;

  // Response.
  logic        rvalid_q;
  logic [31:0] rdata_q;

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
  assign rdata_o  = rdata_q;
  assign err_o    = 1'b0;

  logic unused_in;
  assign unused_in = ^{addr_i[31:16], addr_i[1:0], dma_rdata_i[1:0]};

endmodule
