// soc_ram: the SoC's main memory, with LR/SC reservations per hart and AMOs
// performed inside the RAM (so they are atomic with respect to every master).
//
// Bus (OBI-like slave): gnt_o is a register. A request accepted at edge k
// (req_i && gnt_o in cycle k-1) is answered in cycle k: rvalid_o, rdata_o,
// err_o for one cycle. Outside a response rvalid_o, rdata_o and err_o are 0.
// Plain loads/stores, LR and SC: gnt_o stays 1, one access per cycle.
// AMO: read at the accepting edge, old value answered in the next cycle while
// the new value is written at the end of that cycle; gnt_o is 0 during that
// cycle, so nothing can come between the read and the write.
//
// Atomics: atop_i = 0 for plain accesses, else {1'b1, funct5} of the
// A-extension instruction (soc_pkg::AMO_*; same encoding as sim/iss bus.h).
//   LR   (we_i = 0): returns the word, reserves it for hart_i.
//   SC   (we_i = 1): succeeds iff hart_i holds a reservation on that word;
//                    writes wdata_i only on success; rdata = 0 on success,
//                    1 on failure; clears hart_i's reservation either way.
//   AMO  (we_i = 1): returns the old word, writes op(old, wdata_i).
//   Every write (plain store from any master, successful SC, AMO) to a word
//   clears every reservation on that word, the writer's own included — the
//   rule sim/iss SimMemory applies, so the ISS and the RTL agree.
//   An unknown funct5 is answered with err_o = 1 and changes nothing.
//   AMO/SC write the whole word (be_i is ignored for them).
// Reservation granule: one 32-bit word. hart_i >= NUM_HARTS (e.g. a DMA) never
// holds a reservation; its SC fails.
//
// Memory: a single-port array in the iCE40 SPRAM inference pattern (one
// address per cycle, either a byte-masked write or a synchronous read), so
// synth_ice40 -spram maps it to SB_SPRAM256KA, and it also maps to EBR.
// INIT_FILE (optional, $readmemh, words) pre-loads it (not possible on SPRAM).
// The array is public to Verilator so a simulator can load programs directly.
// Addresses are the byte address's offset bits; the xbar decodes the window.
//
// Fetch port (FETCH_PORT = 1): a second, read-only port for the harts'
// instruction fetches (soc_pkg::SLV_RAM_I), so that a load or store no longer
// takes a fetch slot of the one port. f_gnt_o is always 1; a read accepted at
// edge k is answered in cycle k (f_rvalid_o, f_rdata_o) like the data port.
// A fetch and a write of the same word at the same edge read the old word:
// instruction fetch is not ordered with stores (the RISC-V rule: code written
// by stores is fetched after a FENCE.I, which the core implements). The port
// makes the array a simple dual-port RAM, which block RAM (EBR) provides and
// the UP5K's single-port SPRAM does not: FPGA builds set FETCH_PORT = 0.
module soc_ram #(
  parameter int unsigned RAM_BYTES  = 32'h0100_0000,  // power of two
  parameter int unsigned NUM_HARTS  = 1,              // 1..4
  parameter bit          FETCH_PORT = 1'b0,
  parameter              INIT_FILE  = ""
) (
  input  logic                        clk_i,
  input  logic                        rst_ni,  // synchronous, active low
  input  logic                        req_i,
  input  logic                        we_i,
  input  logic [3:0]                  be_i,
  input  logic [31:0]                 addr_i,
  input  logic [31:0]                 wdata_i,
  input  logic [soc_pkg::ATOP_W-1:0]  atop_i,
  input  logic [soc_pkg::HART_W-1:0]  hart_i,
  output logic                        gnt_o,
  output logic                        rvalid_o,
  output logic [31:0]                 rdata_o,
  output logic                        err_o,
  // fetch port (FETCH_PORT = 1; tie the inputs to 0 otherwise)
  input  logic                        f_req_i,
  input  logic [31:0]                 f_addr_i,
  output logic                        f_gnt_o,
  output logic                        f_rvalid_o,
  output logic [31:0]                 f_rdata_o,
  output logic                        f_err_o
);

  localparam int unsigned WORDS = RAM_BYTES / 4;
  localparam int unsigned AW    = $clog2(WORDS);

  // ---------------------------------------------------------------------------
  // Request decode.
  // ---------------------------------------------------------------------------
  logic          acc;
  logic [AW-1:0] word;
  logic          is_atomic, is_lr, is_sc, is_amo, bad_atop;

  assign acc       = req_i && gnt_o;
  assign word      = addr_i[AW+1:2];
  assign is_atomic = atop_i[5];

  always_comb begin
    is_lr    = 1'b0;
    is_sc    = 1'b0;
    is_amo   = 1'b0;
    bad_atop = 1'b0;
    if (is_atomic) begin
      case (atop_i[4:0])
        soc_pkg::AMO_LR:   is_lr  = 1'b1;
        soc_pkg::AMO_SC:   is_sc  = 1'b1;
        soc_pkg::AMO_ADD, soc_pkg::AMO_SWAP, soc_pkg::AMO_XOR, soc_pkg::AMO_OR,
        soc_pkg::AMO_AND, soc_pkg::AMO_MIN, soc_pkg::AMO_MAX, soc_pkg::AMO_MINU,
        soc_pkg::AMO_MAXU: is_amo = 1'b1;
        default:           bad_atop = 1'b1;
      endcase
    end
  end

  // ---------------------------------------------------------------------------
  // Reservations.
  // ---------------------------------------------------------------------------
  logic [NUM_HARTS-1:0]    rsv_valid_q, rsv_valid_d;
  logic [NUM_HARTS*AW-1:0] rsv_addr_q, rsv_addr_d;
  logic                    sc_ok;
  logic                    wr_now;  // this access writes the word at this edge
  logic                    writes;  // ... or in the next cycle (AMO)

  always_comb begin
    sc_ok = 1'b0;
    for (int h = 0; h < NUM_HARTS; h++) begin
      if (hart_i == soc_pkg::HART_W'(h) && rsv_valid_q[h] && rsv_addr_q[h*AW +: AW] == word) begin
        sc_ok = 1'b1;
      end
    end
  end

  assign wr_now = acc && ((we_i && !is_atomic) || (is_sc && sc_ok));
  assign writes = wr_now || (acc && is_amo);

  always_comb begin
    rsv_valid_d = rsv_valid_q;
    rsv_addr_d  = rsv_addr_q;
    for (int h = 0; h < NUM_HARTS; h++) begin
      if (writes && rsv_addr_q[h*AW +: AW] == word) rsv_valid_d[h] = 1'b0;
      if (acc && hart_i == soc_pkg::HART_W'(h)) begin
        if (is_sc) rsv_valid_d[h] = 1'b0;
        if (is_lr) begin
          rsv_valid_d[h]          = 1'b1;
          rsv_addr_d[h*AW +: AW] = word;
        end
      end
    end
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      rsv_valid_q <= '0;
      rsv_addr_q  <= '0;
    end else begin
      rsv_valid_q <= rsv_valid_d;
      rsv_addr_q  <= rsv_addr_d;
    end
  end

  // ---------------------------------------------------------------------------
  // AMO second cycle: the old word is in mem_rdata_q; write op(old, operand).
  // ---------------------------------------------------------------------------
  logic          amo_q;        // cycle after an AMO was accepted (gnt_o = 0)
  logic [4:0]    amo_op_q;
  logic [AW-1:0] amo_addr_q;
  logic [31:0]   amo_operand_q;
  logic [31:0]   mem_rdata_q;
  logic [31:0]   amo_result;

  always_comb begin
    logic [31:0] a, b;
    a = mem_rdata_q;
    b = amo_operand_q;
    case (amo_op_q)
      soc_pkg::AMO_SWAP: amo_result = b;
      soc_pkg::AMO_XOR:  amo_result = a ^ b;
      soc_pkg::AMO_OR:   amo_result = a | b;
      soc_pkg::AMO_AND:  amo_result = a & b;
      soc_pkg::AMO_MIN:  amo_result = ($signed(a) < $signed(b)) ? a : b;
      soc_pkg::AMO_MAX:  amo_result = ($signed(a) < $signed(b)) ? b : a;
      soc_pkg::AMO_MINU: amo_result = (a < b) ? a : b;
      soc_pkg::AMO_MAXU: amo_result = (a < b) ? b : a;
      default:           amo_result = a + b;  // AMO_ADD
    endcase
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      amo_q         <= 1'b0;
      amo_op_q      <= '0;
      amo_addr_q    <= '0;
      amo_operand_q <= '0;
    end else begin
      amo_q <= acc && is_amo;
      if (acc && is_amo) begin
        amo_op_q      <= atop_i[4:0];
        amo_addr_q    <= word;
        amo_operand_q <= wdata_i;
      end
    end
  end

  assign gnt_o = !amo_q;

  // ---------------------------------------------------------------------------
  // The memory: one port, one access per cycle.
  // ---------------------------------------------------------------------------
  logic          mem_en, mem_we;
  logic [AW-1:0] mem_addr;
  logic [3:0]    mem_be;
  logic [31:0]   mem_wdata;

  always_comb begin
    mem_en    = 1'b0;
    mem_we    = 1'b0;
    mem_addr  = word;
    mem_be    = be_i;
    mem_wdata = wdata_i;
    if (amo_q) begin
      mem_en    = 1'b1;
      mem_we    = 1'b1;
      mem_addr  = amo_addr_q;
      mem_be    = 4'hF;
      mem_wdata = amo_result;
    end else if (acc && !bad_atop) begin
      mem_en = 1'b1;
      mem_we = wr_now;
      if (is_atomic) mem_be = 4'hF;
    end
  end

  logic [31:0] mem [WORDS] /* verilator public_flat_rw */;

  if (INIT_FILE != "") begin : g_init
    initial $readmemh(INIT_FILE, mem);
  end

  always_ff @(posedge clk_i) begin
    if (mem_en) begin
      if (mem_we) begin
        for (int b = 0; b < 4; b++) begin
          if (mem_be[b]) mem[mem_addr][b*8 +: 8] <= mem_wdata[b*8 +: 8];
        end
      end else begin
        mem_rdata_q <= mem[mem_addr];
      end
    end
  end

  // ---------------------------------------------------------------------------
  // Fetch port: a synchronous read of the same array.
  // ---------------------------------------------------------------------------
  if (FETCH_PORT) begin : g_fetch
    logic        f_rvalid_q;
    logic [31:0] f_rdata_q;

    always_ff @(posedge clk_i) begin
      if (f_req_i) f_rdata_q <= mem[f_addr_i[AW+1:2]];
    end

    always_ff @(posedge clk_i) begin
      if (!rst_ni) f_rvalid_q <= 1'b0;
      else         f_rvalid_q <= f_req_i;
    end

    assign f_gnt_o    = 1'b1;
    assign f_rvalid_o = f_rvalid_q;
    assign f_rdata_o  = f_rvalid_q ? f_rdata_q : '0;
    assign f_err_o    = 1'b0;

    logic unused_faddr;
    assign unused_faddr = ^{f_addr_i[31:AW+2], f_addr_i[1:0]};
  end else begin : g_no_fetch
    assign f_gnt_o    = 1'b0;
    assign f_rvalid_o = 1'b0;
    assign f_rdata_o  = '0;
    assign f_err_o    = 1'b0;

    logic unused_fetch;
    assign unused_fetch = ^{f_req_i, f_addr_i};
  end

  // ---------------------------------------------------------------------------
  // Response.
  // ---------------------------------------------------------------------------
  typedef enum logic [1:0] {RSP_WRITE, RSP_READ, RSP_SC, RSP_ERR} rsp_e;

  logic rvalid_q, sc_fail_q;
  rsp_e rsp_q;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      rvalid_q  <= 1'b0;
      rsp_q     <= RSP_WRITE;
      sc_fail_q <= 1'b0;
    end else begin
      rvalid_q <= acc;
      if (acc) begin
        sc_fail_q <= !sc_ok;
        if (bad_atop)                     rsp_q <= RSP_ERR;
        else if (is_sc)                   rsp_q <= RSP_SC;
        else if (!we_i || is_amo)         rsp_q <= RSP_READ;
        else                              rsp_q <= RSP_WRITE;
      end
    end
  end

  always_comb begin
    rvalid_o = rvalid_q;
    err_o    = rvalid_q && rsp_q == RSP_ERR;
    rdata_o  = '0;
    if (rvalid_q) begin
      case (rsp_q)
        RSP_READ: rdata_o = mem_rdata_q;
        RSP_SC:   rdata_o = {31'b0, sc_fail_q};
        default:  rdata_o = '0;
      endcase
    end
  end

  // Offset bits beyond the array and the byte offset are not used.
  logic unused_addr;
  assign unused_addr = ^{addr_i[31:AW+2], addr_i[1:0]};

endmodule
