// The run's random seed for the kernel tests: decimal digits on the UART
// (soc_sim --uart-input "<seed>."), read in M-mode before the kernel starts;
// 1 when none arrives within 400,000 cycles.
#pragma once

#include <stdint.h>

#include "bsp/hart.h"
#include "bsp/uart.h"

namespace ktest {

inline uint32_t read_seed() {
  uint32_t seed = 0;
  const uint64_t deadline = bsp::cycle64() + 400000;
  while (bsp::cycle64() < deadline) {
    const int c = bsp::uart::getc_nonblock();
    if (c < 0) continue;
    if (c < '0' || c > '9') break;
    seed = seed * 10 + static_cast<uint32_t>(c - '0');
  }
  return seed == 0 ? 1 : seed;
}

}  // namespace ktest
