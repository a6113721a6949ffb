// The SoC top's pins as SystemC signals (rtl/soc/soc_top.sv), shared by every
// Verilated SoC build (all have the same pins), the ATS-INTC model, the
// instruction-set-model master and the simulator's far ends. Signals can be
// traced by name (--trace-signals).
#pragma once

#include <systemc.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace socsim {

struct SocPins {
  sc_core::sc_signal<bool> rst_n{"rst_n"};
  sc_core::sc_signal<uint32_t> hart_en{"hart_en"};
  sc_core::sc_signal<uint32_t> sleep{"sleep"};
  // UART far end
  sc_core::sc_signal<bool> uart_tx_valid{"uart_tx_valid"};
  sc_core::sc_signal<uint32_t> uart_tx_data{"uart_tx_data"};
  sc_core::sc_signal<bool> uart_rx_valid{"uart_rx_valid"};
  sc_core::sc_signal<uint32_t> uart_rx_data{"uart_rx_data"};
  sc_core::sc_signal<bool> uart_rx_ready{"uart_rx_ready"};
  sc_core::sc_signal<bool> uart_txd{"uart_txd"};
  sc_core::sc_signal<bool> uart_rxd{"uart_rxd"};
  // packet device
  sc_core::sc_signal<bool> pkt_rx_valid{"pkt_rx_valid"};
  sc_core::sc_signal<bool> pkt_rx_ready{"pkt_rx_ready"};
  sc_core::sc_signal<uint32_t> pkt_rx_len{"pkt_rx_len"};
  sc_core::sc_signal<uint32_t> pkt_rx_tag{"pkt_rx_tag"};
  sc_core::sc_signal<uint32_t> pkt_rx_data{"pkt_rx_data"};
  sc_core::sc_signal<bool> pkt_tx_valid{"pkt_tx_valid"};
  sc_core::sc_signal<uint32_t> pkt_tx_addr{"pkt_tx_addr"};
  sc_core::sc_signal<uint32_t> pkt_tx_len{"pkt_tx_len"};
  sc_core::sc_signal<uint32_t> pkt_tx_tag{"pkt_tx_tag"};
  // simulation control page
  sc_core::sc_signal<bool> exit_valid{"exit_valid"};
  sc_core::sc_signal<uint32_t> exit_code{"exit_code"};
  sc_core::sc_signal<bool> marker_valid{"marker_valid"};
  sc_core::sc_signal<uint32_t> marker{"marker"};
  sc_core::sc_signal<bool> console_valid{"console_valid"};
  sc_core::sc_signal<uint32_t> console{"console"};
  // external ATS-INTC
  sc_core::sc_signal<bool> intc_ext{"intc_ext"};
  sc_core::sc_signal<bool> intc_req{"intc_req"};
  sc_core::sc_signal<bool> intc_we{"intc_we"};
  sc_core::sc_signal<uint32_t> intc_be{"intc_be"};
  sc_core::sc_signal<uint32_t> intc_addr{"intc_addr"};
  sc_core::sc_signal<uint32_t> intc_wdata{"intc_wdata"};
  sc_core::sc_signal<uint32_t> intc_hart{"intc_hart"};
  sc_core::sc_signal<bool> intc_gnt{"intc_gnt"};
  sc_core::sc_signal<bool> intc_rvalid{"intc_rvalid"};
  sc_core::sc_signal<uint32_t> intc_rdata{"intc_rdata"};
  sc_core::sc_signal<bool> intc_err{"intc_err"};
  sc_core::sc_signal<uint32_t> intc_irq{"intc_irq"};
  sc_core::sc_signal<uint32_t> intc_work{"intc_work"};
  sc_core::sc_signal<uint32_t> intc_preempt{"intc_preempt"};
  sc_core::sc_signal<bool> intc_err_irq{"intc_err_irq"};
  // external CPU master
  sc_core::sc_signal<bool> cpu_ext{"cpu_ext"};
  sc_core::sc_signal<bool> ext_req{"ext_req"};
  sc_core::sc_signal<bool> ext_we{"ext_we"};
  sc_core::sc_signal<uint32_t> ext_be{"ext_be"};
  sc_core::sc_signal<uint32_t> ext_addr{"ext_addr"};
  sc_core::sc_signal<uint32_t> ext_wdata{"ext_wdata"};
  sc_core::sc_signal<uint32_t> ext_atop{"ext_atop"};
  sc_core::sc_signal<uint32_t> ext_hart{"ext_hart"};
  sc_core::sc_signal<bool> ext_gnt{"ext_gnt"};
  sc_core::sc_signal<bool> ext_rvalid{"ext_rvalid"};
  sc_core::sc_signal<uint32_t> ext_rdata{"ext_rdata"};
  sc_core::sc_signal<bool> ext_err{"ext_err"};
  sc_core::sc_signal<uint32_t> hart_irq{"hart_irq"};

  // Connects a Verilated soc_top (any build) to these signals.
  template <class V>
  void bind(V& m, sc_core::sc_clock& clk) {
    m.clk_i(clk);
    m.rst_ni(rst_n);
    m.hart_en_i(hart_en);
    m.sleep_o(sleep);
    m.uart_tx_valid_o(uart_tx_valid);
    m.uart_tx_data_o(uart_tx_data);
    m.uart_rx_valid_i(uart_rx_valid);
    m.uart_rx_data_i(uart_rx_data);
    m.uart_rx_ready_o(uart_rx_ready);
    m.uart_txd_o(uart_txd);
    m.uart_rxd_i(uart_rxd);
    m.pkt_rx_valid_i(pkt_rx_valid);
    m.pkt_rx_ready_o(pkt_rx_ready);
    m.pkt_rx_len_i(pkt_rx_len);
    m.pkt_rx_tag_i(pkt_rx_tag);
    m.pkt_rx_data_i(pkt_rx_data);
    m.pkt_tx_valid_o(pkt_tx_valid);
    m.pkt_tx_addr_o(pkt_tx_addr);
    m.pkt_tx_len_o(pkt_tx_len);
    m.pkt_tx_tag_o(pkt_tx_tag);
    m.exit_valid_o(exit_valid);
    m.exit_code_o(exit_code);
    m.marker_valid_o(marker_valid);
    m.marker_o(marker);
    m.console_valid_o(console_valid);
    m.console_o(console);
    m.intc_ext_i(intc_ext);
    m.intc_req_o(intc_req);
    m.intc_we_o(intc_we);
    m.intc_be_o(intc_be);
    m.intc_addr_o(intc_addr);
    m.intc_wdata_o(intc_wdata);
    m.intc_hart_o(intc_hart);
    m.intc_gnt_i(intc_gnt);
    m.intc_rvalid_i(intc_rvalid);
    m.intc_rdata_i(intc_rdata);
    m.intc_err_i(intc_err);
    m.intc_irq_o(intc_irq);
    m.intc_work_i(intc_work);
    m.intc_preempt_i(intc_preempt);
    m.intc_err_irq_i(intc_err_irq);
    m.cpu_ext_i(cpu_ext);
    m.ext_req_i(ext_req);
    m.ext_we_i(ext_we);
    m.ext_be_i(ext_be);
    m.ext_addr_i(ext_addr);
    m.ext_wdata_i(ext_wdata);
    m.ext_atop_i(ext_atop);
    m.ext_hart_i(ext_hart);
    m.ext_gnt_o(ext_gnt);
    m.ext_rvalid_o(ext_rvalid);
    m.ext_rdata_o(ext_rdata);
    m.ext_err_o(ext_err);
    m.hart_irq_o(hart_irq);
  }

  // A pin by name, for tracing.
  struct Ref {
    std::string name;
    unsigned width = 1;
    const sc_core::sc_signal<bool>* bit = nullptr;
    const sc_core::sc_signal<uint32_t>* word = nullptr;
    uint32_t read() const { return bit ? uint32_t(bit->read()) : word->read(); }
  };
  // Names accepted by --trace-signals, in pin order.
  std::vector<std::string> names() const;
  // The named pins (all when names is empty); false and the unknown name in
  // `unknown` if one does not exist.
  bool select(const std::vector<std::string>& names, std::vector<Ref>& out,
              std::string& unknown) const;

 private:
  template <class F>
  void for_each(F&& f) const;
};

}  // namespace socsim
