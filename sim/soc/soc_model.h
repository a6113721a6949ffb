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

// The builds (sim/soc/CMakeLists.txt): 1 hart without the external ports
// (the fast one: no logic depends on those pins), 1 hart with them
// (--intc=model, --cpu=iss), 4 harts with them (a run with 2 or 3 harts holds
// the others in reset).
std::unique_ptr<SocModel> make_soc_model_1(SocPins& pins, sc_core::sc_clock& clk);
std::unique_ptr<SocModel> make_soc_model_1x(SocPins& pins, sc_core::sc_clock& clk);
std::unique_ptr<SocModel> make_soc_model_4x(SocPins& pins, sc_core::sc_clock& clk);

}  // namespace socsim
