// soc_simctrl: simulation / test control at 0x1000_1000 (not in FPGA builds).
//
//   0x000 EXIT      w: exit code -> exit_valid_o pulse, exit_code_o = wdata
//   0x004 CYCLE_LO  r: cycles since reset [31:0]; latches [63:32] for CYCLE_HI
//   0x008 CYCLE_HI  r: the [63:32] latched by the last CYCLE_LO read
//   0x00C MARKER    w: trace marker -> marker_valid_o pulse, marker_o = wdata
//   0x010 CONSOLE   w: console byte -> console_valid_o pulse, console_o = wdata[7:0]
// Other offsets and directions read 0 / are ignored. be_i is ignored (write
// whole words). The cycle counter is 0 in the cycle after reset and counts
// every cycle; a CYCLE_LO load accepted at edge k returns the count of cycle k-1
// (the cycle the request was presented).
//
// Outputs to the simulator are registers: a store accepted at edge k pulses
// its *_valid_o for exactly cycle k; the data outputs hold their last value.
// Bus (OBI-like slave): gnt_o is always 1; answered in the cycle after
// acceptance; err_o is always 0.
module soc_simctrl (
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
  output logic        exit_valid_o,
  output logic [31:0] exit_code_o,
  output logic        marker_valid_o,
  output logic [31:0] marker_o,
  output logic        console_valid_o,
  output logic [7:0]  console_o
);

  logic [11:0] off;
  logic        acc, wr, rd;

  assign gnt_o = 1'b1;
  assign acc   = req_i;
  assign wr    = acc && we_i;
  assign rd    = acc && !we_i;
  assign off   = addr_i[11:0];

  logic [63:0] cycle_q;
  logic [31:0] hi_q;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) cycle_q <= '0;
    else         cycle_q <= cycle_q + 64'd1;
  end

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      hi_q <= '0;
    end else if (rd && off == soc_pkg::SIMCTRL_CYCLE_LO) begin
      hi_q <= cycle_q[63:32];
    end
  end

  // Pulses and their data.
  logic        exit_valid_q, marker_valid_q, console_valid_q;
  logic [31:0] exit_code_q, marker_q;
  logic [7:0]  console_q;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      exit_valid_q    <= 1'b0;
      marker_valid_q  <= 1'b0;
      console_valid_q <= 1'b0;
      exit_code_q     <= '0;
      marker_q        <= '0;
      console_q       <= '0;
    end else begin
      exit_valid_q    <= wr && off == soc_pkg::SIMCTRL_EXIT;
      marker_valid_q  <= wr && off == soc_pkg::SIMCTRL_MARKER;
      console_valid_q <= wr && off == soc_pkg::SIMCTRL_CONSOLE;
      if (wr && off == soc_pkg::SIMCTRL_EXIT)    exit_code_q <= wdata_i;
      if (wr && off == soc_pkg::SIMCTRL_MARKER)  marker_q    <= wdata_i;
      if (wr && off == soc_pkg::SIMCTRL_CONSOLE) console_q   <= wdata_i[7:0];
    end
  end

  assign exit_valid_o    = exit_valid_q;
  assign exit_code_o     = exit_code_q;
  assign marker_valid_o  = marker_valid_q;
  assign marker_o        = marker_q;
  assign console_valid_o = console_valid_q;
  assign console_o       = console_q;

  // Response.
  logic        rvalid_q;
  logic [31:0] rdata_q;

  always_ff @(posedge clk_i) begin
    if (!rst_ni) begin
      rvalid_q <= 1'b0;
      rdata_q  <= '0;
    end else begin
      rvalid_q <= acc;
      if (rd && off == soc_pkg::SIMCTRL_CYCLE_LO)      rdata_q <= cycle_q[31:0];
      else if (rd && off == soc_pkg::SIMCTRL_CYCLE_HI) rdata_q <= hi_q;
      else                                             rdata_q <= '0;
    end
  end

  assign rvalid_o = rvalid_q;
  assign rdata_o  = rdata_q;
  assign err_o    = 1'b0;

  logic unused_in;
  assign unused_in = ^{be_i, addr_i[31:12]};

endmodule
