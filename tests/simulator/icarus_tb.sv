// Icarus Verilog testbench of the simulation-speed comparison
// (tests/simulator/bench.sh): the 1-hart soc_top as elaborated by Yosys
// (Icarus 11 cannot read the project's SystemVerilog packages), the program
// loaded into its RAM from prog.hex, run for +cycles=N cycles.
module icarus_tb;
  logic clk = 1'b0, rst_n = 1'b0;
  logic exit_valid;
  soc_top dut (
    .clk_i(clk), .rst_ni(rst_n), .hart_en_i(4'hF), .sleep_o(),
    .uart_tx_valid_o(), .uart_tx_data_o(), .uart_rx_valid_i(1'b0), .uart_rx_data_i(8'h0),
    .uart_rx_ready_o(), .uart_txd_o(), .uart_rxd_i(1'b1),
    .pkt_rx_valid_i(1'b0), .pkt_rx_ready_o(), .pkt_rx_len_i(16'h0), .pkt_rx_tag_i(32'h0),
    .pkt_rx_data_i(32'h0), .pkt_tx_valid_o(), .pkt_tx_addr_o(), .pkt_tx_len_o(), .pkt_tx_tag_o(),
    .exit_valid_o(exit_valid), .exit_code_o(), .marker_valid_o(), .marker_o(),
    .console_valid_o(), .console_o(),
    .intc_ext_i(1'b0), .intc_req_o(), .intc_we_o(), .intc_be_o(), .intc_addr_o(),
    .intc_wdata_o(), .intc_hart_o(), .intc_gnt_i(1'b0), .intc_rvalid_i(1'b0),
    .intc_rdata_i(32'h0), .intc_err_i(1'b0), .intc_irq_o(), .intc_work_i(4'h0),
    .intc_preempt_i(4'h0), .intc_err_irq_i(1'b0),
    .cpu_ext_i(1'b0), .ext_req_i(1'b0), .ext_we_i(1'b0), .ext_be_i(4'h0), .ext_addr_i(32'h0),
    .ext_wdata_i(32'h0), .ext_atop_i(6'h0), .ext_hart_i(2'h0), .ext_gnt_o(), .ext_rvalid_o(),
    .ext_rdata_o(), .ext_err_o(), .hart_irq_o());
  integer cycles = 0, limit;
  always #5 clk = ~clk;
  initial begin
    $readmemh("prog.hex", dut.u_ram.mem);
    if (!$value$plusargs("cycles=%d", limit)) limit = 10000;
    repeat (3) @(posedge clk);
    rst_n = 1'b1;
    while (cycles < limit && !exit_valid) begin
      @(posedge clk);
      cycles = cycles + 1;
    end
    $display("icarus: %0d cycles", cycles);
    $finish;
  end
endmodule
