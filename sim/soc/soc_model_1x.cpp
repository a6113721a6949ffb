// The 1-hart soc_top build with the external ports (--intc=model, --cpu=iss) (Vsoc1x).
#include "Vsoc1x.h"
#include "Vsoc1x___024root.h"
#include "Vsoc1x__Syms.h"
#include "soc_model_impl.h"

SOCSIM_MODEL_FNS(Vsoc1x)

namespace socsim {
std::unique_ptr<SocModel> make_soc_model_1x(SocPins& pins, sc_core::sc_clock& clk) {
  return std::make_unique<SocModelImpl<Vsoc1x, Vsoc1x___024root, Vsoc1xFns, 1>>(pins, clk);
}
}  // namespace socsim
