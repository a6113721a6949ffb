// A cycle-based VCD of chosen SoC pins (--trace FILE.vcd): the value of each
// pin in the middle of every traced cycle, written at time cycle × 10 ns.
// Written by the simulator itself rather than SystemC's VCD tracer, so a
// trace window can start and stop at any cycle.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "soc_pins.h"

namespace socsim {

class PinVcd {
 public:
  ~PinVcd() { close(); }
  // False (and error set) if the file cannot be written.
  bool open(const std::string& path, std::vector<SocPins::Ref> pins, std::string& error);
  void sample(uint64_t cycle);  // call once per traced cycle
  void close();
  bool is_open() const { return f_ != nullptr; }

 private:
  std::FILE* f_ = nullptr;
  std::vector<SocPins::Ref> pins_;
  std::vector<uint32_t> last_;
  bool first_ = true;
};

}  // namespace socsim
