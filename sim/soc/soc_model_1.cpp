// The 1-hart soc_top build (Vsoc1).
#include "Vsoc1.h"
#include "Vsoc1___024root.h"
#include "Vsoc1__Syms.h"
#include "soc_model_impl.h"

SOCSIM_MODEL_FNS(Vsoc1)

namespace socsim {
std::unique_ptr<SocModel> make_soc_model_1(SocPins& pins, sc_core::sc_clock& clk) {
  return std::make_unique<SocModelImpl<Vsoc1, Vsoc1___024root, Vsoc1Fns, 1>>(pins, clk);
}
}  // namespace socsim
