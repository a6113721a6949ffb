// hello: the BSP boots, prints over the UART and reads the ATS-INTC's
// identification and build parameters. Exit 0 when the ID is 'ATSC' and the
// configuration is within the documented ranges (docs/ats_intc.md §2).
#include "ats_intc_regs.h"
#include "bsp/ats_intc.h"
#include "bsp/boot.h"
#include "bsp/hart.h"
#include "bsp/print.h"
#include "bsp/simctrl.h"
#include "check.h"

int main() {
  bsp::printf("hello from hart %lu\n", bsp::hart_id());

  const uint32_t id = bsp::intc::id();
  const uint32_t version = bsp::intc::version();
  const bsp::intc::Config cfg = bsp::intc::config();
  bsp::printf("ats-intc: id=0x%08lx version=%lu.%lu\n", id, version >> 16, version & 0xFFFF);
  bsp::printf("ats-intc: procs=%lu prios=%lu harts=%lu entries=%lu irqs=%lu channels=%lu "
              "counters=%u\n",
              cfg.num_procs, cfg.num_prios, cfg.num_harts, cfg.num_entries, cfg.num_irqs,
              cfg.num_channels, cfg.counters ? 1u : 0u);
  bsp::printf("harts running: %u\n", bsp::hart_count());
  bsp::printf("cycles since reset: %u\n", static_cast<unsigned>(bsp::simctrl::cycles()));

  CHECK(id == ats_intc::kIpId, "id 0x%08lx", id);
  CHECK(version >> 16 == ats_intc::kVersion >> 16, "version 0x%08lx", version);
  CHECK(cfg.num_procs >= 1 && cfg.num_procs <= 15, "procs %lu", cfg.num_procs);
  CHECK(cfg.num_prios >= 8 && cfg.num_prios <= 32, "prios %lu", cfg.num_prios);
  CHECK(cfg.num_harts >= 1 && cfg.num_harts <= 4, "harts %lu", cfg.num_harts);
  CHECK(cfg.num_irqs >= 8 && cfg.num_channels >= 8, "irqs %lu channels %lu", cfg.num_irqs,
        cfg.num_channels);
  CHECK(bsp::intc::free_entries() == cfg.num_entries, "free %lu", bsp::intc::free_entries());
  bsp::puts("hello: PASS");
  return 0;
}
