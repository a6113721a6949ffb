// Hart 0's part of the boot after .bss is zeroed (crt0.S calls it), the
// hart count, and the exit path main() returns through.
#include "bsp/boot.h"

#include "bsp/ats_intc.h"
#include "bsp/clint.h"
#include "bsp/hart.h"
#include "bsp/simctrl.h"

extern "C" {
// From crt0.S (in .data) and link.ld.
extern uint32_t __bsp_arrived;
extern uint32_t __bsp_release;
extern char __bsp_max_harts[];  // an absolute symbol: its address is the value
using InitFn = void (*)();
extern InitFn __preinit_array_start[], __preinit_array_end[];
extern InitFn __init_array_start[], __init_array_end[];

void __bsp_boot_primary();
[[noreturn]] void __bsp_exit(int code);
}

namespace bsp {
namespace {

// Every hart starts at reset and checks in within a few dozen cycles; hart 0
// waits at most until this cycle for harts the ATS-INTC says exist.
constexpr uint64_t kArrivalDeadline = 20000;

unsigned g_hart_count;

unsigned max_harts() { return static_cast<unsigned>(reinterpret_cast<uintptr_t>(__bsp_max_harts)); }

}  // namespace

unsigned hart_count() {
  if (g_hart_count != 0) return g_hart_count;
  unsigned expected = intc::config().num_harts;
  if (expected < 1) expected = 1;
  if (expected > max_harts()) expected = max_harts();
  while (atomic_load(&__bsp_arrived) + 1 < expected && cycle64() < kArrivalDeadline) {
  }
  g_hart_count = atomic_load(&__bsp_arrived) + 1;
  return g_hart_count;
}

}  // namespace bsp

void __bsp_boot_primary() {
  for (InitFn* f = __preinit_array_start; f != __preinit_array_end; ++f) (*f)();
  for (InitFn* f = __init_array_start; f != __init_array_end; ++f) (*f)();
  // Wake the other harts: msip first, then the flag (they clear their own
  // msip once they see the flag, so none is left pending).
  const unsigned n = bsp::max_harts();
  for (unsigned h = 1; h < n; ++h) bsp::clint::set_msip(h, true);
  bsp::fence();
  bsp::atomic_store(&__bsp_release, 1u);
}

void __bsp_exit(int code) { bsp::simctrl::exit(code); }
