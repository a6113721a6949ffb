// bus_err_then_rom: a test program for the boot ROM loader (tests/fpga).
// Sets the ATS-INTC's CTRL.BUS_ERR_EN, so a rejected kernel-page access
// answers with a bus error, prints a line and jumps back into the boot ROM.
// The restarted loader must then answer READ of a write-only controller
// register with BUS_ERROR (its trap path) instead of hanging, and keep
// answering afterwards.
#include "ats_intc_regs.h"
#include "bsp/boot.h"
#include "bsp/mmio.h"
#include "bsp/print.h"
#include "bsp/uart.h"

int main() {
  constexpr uintptr_t kIntcBase = 0x40000000u;
  constexpr uint32_t kBusErrEn = 1u << 0;  // CTRL.BUS_ERR_EN (docs/ats_intc_regs.md)
  bsp::mmio::write32(kIntcBase + ats_intc::kernel::kCtrl, kBusErrEn);
  bsp::puts("bus_err_then_rom: BUS_ERR_EN set, back to the boot ROM");
  bsp::uart::flush();
  reinterpret_cast<void (*)()>(uintptr_t{0x1000})();
  return 1;
}
