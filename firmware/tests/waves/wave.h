// Shared by the waveform-regression programs (tests/waves/, docs/waves.md).
//
// Each program drives one hardware scenario on hart 0 and marks it with one
// MARKER store, the anchor: the golden trace's cycle 0 is the cycle the
// marker_valid pulse is seen, so boot code and everything before the anchor
// can change without moving a single golden line. The program also checks
// the scenario's outcome and exits non-zero when it is wrong, so a broken
// scenario fails even before its waveform is compared.
#pragma once

#include <stdint.h>

#include "bsp/print.h"
#include "bsp/simctrl.h"

namespace wave {

// Anchor values: 0x3A7E_00nn, nn = the anchor id a scenario file names.
inline constexpr uint32_t kAnchorBase = 0x3A7E0000u;
inline void anchor(uint32_t id) { bsp::simctrl::marker(kAnchorBase | id); }

// Ends the program with a message when `ok` is false.
inline void expect(bool ok, const char* what, uint32_t got) {
  if (!ok) {
    bsp::printf("wave: FAIL: %s (got 0x%08lx)\n", what, got);
    bsp::simctrl::exit(bsp::simctrl::kExitFail);
  }
}

}  // namespace wave
