// Cycle-based VCD of SoC pins: see pin_vcd.h.
#include "pin_vcd.h"

#include <cerrno>
#include <cstring>

namespace socsim {

namespace {
std::string vcd_id(size_t i) {
  std::string id;
  do {
    id.push_back(char('!' + i % 94));
    i /= 94;
  } while (i);
  return id;
}
}  // namespace

bool PinVcd::open(const std::string& path, std::vector<SocPins::Ref> pins, std::string& error) {
  close();
  f_ = std::fopen(path.c_str(), "w");
  if (!f_) {
    error = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  pins_ = std::move(pins);
  last_.assign(pins_.size(), 0);
  first_ = true;
  std::fprintf(f_, "$version soc_sim pin trace $end\n$timescale 1ns $end\n$scope module soc $end\n");
  for (size_t i = 0; i < pins_.size(); ++i)
    std::fprintf(f_, "$var wire %u %s %s $end\n", pins_[i].width, vcd_id(i).c_str(),
                 pins_[i].name.c_str());
  std::fprintf(f_, "$upscope $end\n$enddefinitions $end\n");
  return true;
}

void PinVcd::sample(uint64_t cycle) {
  if (!f_) return;
  bool stamped = false;
  for (size_t i = 0; i < pins_.size(); ++i) {
    const uint32_t v = pins_[i].read();
    if (!first_ && v == last_[i]) continue;
    if (!stamped) {
      std::fprintf(f_, "#%llu\n", (unsigned long long)(cycle * 10));
      stamped = true;
    }
    last_[i] = v;
    if (pins_[i].width == 1) {
      std::fprintf(f_, "%u%s\n", v & 1u, vcd_id(i).c_str());
    } else {
      char bits[33];
      for (unsigned b = 0; b < 32; ++b) bits[b] = char('0' + ((v >> (31 - b)) & 1u));
      bits[32] = 0;
      std::fprintf(f_, "b%s %s\n", bits, vcd_id(i).c_str());
    }
  }
  first_ = false;
}

void PinVcd::close() {
  if (f_) std::fclose(f_);
  f_ = nullptr;
}

}  // namespace socsim
