// The direct 4-hart soc_top build (Vsoc4d: Vsoc4x in C++, untraced): runs
// with 2..4 harts, the RTL controller and cores and no --trace.
// SystemC first: the header below that soc_model_impl.h shares with the
// SystemC builds (verilated_fst_sc.h) needs Verilator's SystemC declarations.
#include <systemc.h>

#include "Vsoc4d.h"
#include "Vsoc4d___024root.h"
#include "Vsoc4d__Syms.h"
#include "soc_model_impl.h"

SOCSIM_MODEL_FNS(Vsoc4d)

namespace socsim {
std::unique_ptr<DirectSocModel> make_direct_model_4() {
  return std::make_unique<DirectModelImpl<Vsoc4d, Vsoc4d___024root, Vsoc4dFns, 4>>();
}
}  // namespace socsim
