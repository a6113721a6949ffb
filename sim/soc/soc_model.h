// A Verilated soc_top build behind one interface, so the simulator picks the
// build by hart count at run time: backdoor RAM access (program loading,
// tohost), the retirement trace of each hart, the controller's traffic, and
// FST tracing of the whole hierarchy.
#pragma once

#include <systemc.h>

#include <cstdint>
#include <memory>
#include <string>

#include "soc_pins.h"

namespace socsim {

class SocModel {
 public:
  virtual ~SocModel() = default;
  virtual unsigned harts_built() const = 0;
  virtual uint32_t ram_words() const = 0;
  virtual uint32_t ram_read(uint32_t word) const = 0;
  virtual void ram_write(uint32_t word, uint32_t value) = 0;
  // Backdoor write of the boot ROM (soc_bootrom's `rom`, soc_sim --rom).
  virtual uint32_t rom_words() const = 0;
  virtual void rom_write(uint32_t word, uint32_t value) = 0;
  // Bit h: hart h retired an instruction (or took a trap) in the current cycle.
  virtual uint32_t retire_mask() const = 0;
  virtual uint32_t retire_pc(unsigned hart) const = 0;
  // The controller's port in the current cycle (whichever controller answers).
  struct IntcTraffic {
    bool accept, response, error;
    uint32_t rdata;
  };
  virtual IntcTraffic intc_traffic() const = 0;
  // Whole-hierarchy FST trace (needs the build's --trace-fst).
  virtual void trace_open(const std::string& path) = 0;
  virtual void trace_close() = 0;
  virtual void final() = 0;
};

// The pins the monitor reads and drives, as the port fields of a Verilated
// C++ (--cc) soc_top: DirectSocModel.
struct DirectPins {
  // outputs
  const uint8_t *sleep, *uart_tx_valid, *uart_tx_data, *uart_rx_ready, *pkt_rx_ready,
      *pkt_tx_valid, *exit_valid, *marker_valid, *console_valid, *console, *intc_we;
  const uint16_t* intc_addr;
  const uint32_t *pkt_tx_tag, *exit_code, *marker, *intc_irq, *hart_irq;
  // inputs
  uint8_t *rst_n, *hart_en, *uart_rx_valid, *uart_rx_data, *uart_rxd, *pkt_rx_valid, *intc_ext,
      *cpu_ext;
  uint16_t* pkt_rx_len;
  uint32_t *pkt_rx_tag, *pkt_rx_data;
};

// A soc_top build without SystemC and without tracing, which the harness
// clocks itself (the fast path: SocHarness::run with no SystemC process other
// than its own monitor, docs/simulator.md "Speed").
class DirectSocModel : public SocModel {
 public:
  virtual DirectPins pins() = 0;
  // Evaluates with clk_i = clk at simulated time time_ps; inputs_changed:
  // some input other than the clock changed since the last evaluation.
  virtual void eval(bool clk, bool inputs_changed, uint64_t time_ps) = 0;
};

// The builds (sim/soc/CMakeLists.txt): 1 hart without the external ports
// (the fast one: no logic depends on those pins), 1 hart with them
// (--intc=model, --cpu=iss), 4 harts with them (a run with 2 or 3 harts holds
// the others in reset); and the direct (C++, untraced) builds of Vsoc1 and
// Vsoc4x.
std::unique_ptr<SocModel> make_soc_model_1(SocPins& pins, sc_core::sc_clock& clk);
std::unique_ptr<SocModel> make_soc_model_1x(SocPins& pins, sc_core::sc_clock& clk);
std::unique_ptr<SocModel> make_soc_model_4x(SocPins& pins, sc_core::sc_clock& clk);
std::unique_ptr<DirectSocModel> make_direct_model_1();
std::unique_ptr<DirectSocModel> make_direct_model_4();

}  // namespace socsim
