// Signal registry of SocPins: see soc_pins.h.
#include "soc_pins.h"

#include <algorithm>
#include <type_traits>

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

bool SocPins::select(const std::vector<std::string>& names, std::vector<Ref>& out,
                     std::string& unknown) const {
  std::vector<Ref> all;
  for_each([&](const auto& s) {
    Ref r;
    r.name = s.basename();
    if constexpr (std::is_same_v<std::decay_t<decltype(s)>, sc_core::sc_signal<bool>>) {
      r.bit = &s;
    } else {
      r.word = &s;
      r.width = 32;
    }
    all.push_back(r);
  });
  if (names.empty()) {
    out = all;
    return true;
  }
  out.clear();
  for (const auto& n : names) {
    auto it = std::find_if(all.begin(), all.end(), [&](const Ref& r) { return r.name == n; });
    if (it == all.end()) {
      unknown = n;
      return false;
    }
    out.push_back(*it);
  }
  return true;
}

}  // namespace socsim
