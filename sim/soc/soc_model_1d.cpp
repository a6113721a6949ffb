// The direct 1-hart soc_top build (Vsoc1d: C++, untraced, no external ports):
// 1-hart runs with the RTL controller and cores and no --trace.
// SystemC first: the header below that soc_model_impl.h shares with the
// SystemC builds (verilated_fst_sc.h) needs Verilator's SystemC declarations.
#include <systemc.h>

#include "Vsoc1d.h"
#include "Vsoc1d___024root.h"
#include "Vsoc1d__Syms.h"
#include "soc_model_impl.h"

SOCSIM_MODEL_FNS(Vsoc1d)

namespace socsim {
std::unique_ptr<DirectSocModel> make_direct_model_1() {
  return std::make_unique<DirectModelImpl<Vsoc1d, Vsoc1d___024root, Vsoc1dFns, 1>>();
}
}  // namespace socsim
