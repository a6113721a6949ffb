// The 4-hart soc_top build with the external ports; runs with 2 or 3 harts hold the others in reset (Vsoc4x).
#include "Vsoc4x.h"
#include "Vsoc4x___024root.h"
#include "Vsoc4x__Syms.h"
#include "soc_model_impl.h"

SOCSIM_MODEL_FNS(Vsoc4x)

namespace socsim {
std::unique_ptr<SocModel> make_soc_model_4x(SocPins& pins, sc_core::sc_clock& clk) {
  return std::make_unique<SocModelImpl<Vsoc4x, Vsoc4x___024root, Vsoc4xFns, 4>>(pins, clk);
}
}  // namespace socsim
