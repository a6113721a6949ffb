// Signal registry of SocPins: see soc_pins.h.
#include "soc_pins.h"

namespace socsim {

template <class F>
void SocPins::for_each(F&& f) const {
  f(rst_n); f(hart_en); f(sleep);
  f(uart_tx_valid); f(uart_tx_data); f(uart_rx_valid); f(uart_rx_data); f(uart_rx_ready);
  f(uart_txd); f(uart_rxd);
  f(pkt_rx_valid); f(pkt_rx_ready); f(pkt_rx_len); f(pkt_rx_tag); f(pkt_rx_data);
  f(pkt_tx_valid); f(pkt_tx_addr); f(pkt_tx_len); f(pkt_tx_tag);
  f(exit_valid); f(exit_code); f(marker_valid); f(marker); f(console_valid); f(console);
  f(intc_ext); f(intc_req); f(intc_we); f(intc_be); f(intc_addr); f(intc_wdata); f(intc_hart);
  f(intc_gnt); f(intc_rvalid); f(intc_rdata); f(intc_err); f(intc_irq); f(intc_work);
  f(intc_preempt); f(intc_err_irq);
  f(cpu_ext); f(ext_req); f(ext_we); f(ext_be); f(ext_addr); f(ext_wdata); f(ext_atop);
  f(ext_hart); f(ext_gnt); f(ext_rvalid); f(ext_rdata); f(ext_err); f(hart_irq);
}

std::vector<std::string> SocPins::names() const {
  std::vector<std::string> out;
  for_each([&](const auto& s) { out.push_back(s.basename()); });
  return out;
}

bool SocPins::trace(sc_core::sc_trace_file* tf, const std::string& name) const {
  bool found = false;
  for_each([&](const auto& s) {
    if (!found && name == s.basename()) {
      sc_core::sc_trace(tf, s, name);
      found = true;
    }
  });
  return found;
}

}  // namespace socsim
