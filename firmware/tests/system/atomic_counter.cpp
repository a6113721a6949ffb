// atomic_counter: atomics across harts (run with --harts 1, 2 and 4).
//
// Every hart does kIters amoadd.w increments on one shared counter and kIters
// lr.w/sc.w increments on another, then checks in on an arrival counter
// (amoadd). Hart 0 waits for every hart (bsp::hart_count(): the harts that
// booted, up to ATS-INTC CFG0.NUM_HARTS) and checks both totals exactly: a
// lost update would show as a smaller total. Each hart also checks that the
// old values its amoadd.w returned strictly increase. Prints the SC failure
// count (contention seen by LR/SC) per hart.
#include "bsp/boot.h"
#include "bsp/hart.h"
#include "bsp/print.h"
#include "check.h"

namespace {

constexpr uint32_t kIters = 10000;
constexpr uint32_t kMaxHarts = 4;

uint32_t g_amo_counter;
volatile uint32_t g_lrsc_counter;
uint32_t g_arrived;
uint32_t g_sc_failures[kMaxHarts];
uint32_t g_order_errors[kMaxHarts];
uint32_t g_cycles[kMaxHarts];

// One increment with an explicit LR/SC loop; returns the SC failures it took.
uint32_t lrsc_increment(volatile uint32_t* p) {
  uint32_t failures = 0;
  for (;;) {
    const uint32_t v = bsp::lr_w(p);
    if (bsp::sc_w(p, v + 1) == 0) return failures;
    ++failures;
  }
}

void worker(unsigned hart) {
  const uint32_t start = bsp::cycle32();
  uint32_t last = 0, order_errors = 0, sc_failures = 0;
  for (uint32_t i = 0; i < kIters; ++i) {
    const uint32_t old = bsp::atomic_fetch_add(&g_amo_counter, 1u);
    if (i != 0 && old <= last) ++order_errors;
    last = old;
    sc_failures += lrsc_increment(&g_lrsc_counter);
  }
  g_sc_failures[hart] = sc_failures;
  g_order_errors[hart] = order_errors;
  g_cycles[hart] = bsp::cycle32() - start;
  bsp::atomic_fetch_add(&g_arrived, 1u);
}

}  // namespace

extern "C" void secondary_main(unsigned hart) {
  if (hart < kMaxHarts) worker(hart);
}

int main() {
  const unsigned harts = bsp::hart_count();
  bsp::printf("atomic_counter: %u harts, %lu amoadd + %lu lr/sc increments each\n", harts,
              kIters, kIters);
  worker(0);
  systest::Deadline watchdog(20000000);
  while (bsp::atomic_load(&g_arrived) < harts) {
    if (watchdog.expired()) {
      bsp::printf("atomic_counter: %lu of %u harts arrived\n", bsp::atomic_load(&g_arrived),
                  harts);
      systest::timeout("harts");
    }
  }
  const uint32_t amo = bsp::atomic_load(&g_amo_counter);
  const uint32_t lrsc = g_lrsc_counter;
  for (unsigned h = 0; h < harts; ++h) {
    bsp::printf("atomic_counter: hart %u: %lu cycles, %lu sc failures\n", h, g_cycles[h],
                g_sc_failures[h]);
  }
  bsp::printf("atomic_counter: amo=%lu lrsc=%lu expected=%lu\n", amo, lrsc, kIters * harts);
  for (unsigned h = 0; h < harts; ++h) {
    CHECK(g_order_errors[h] == 0, "hart %u: amoadd returned %lu non-increasing values", h,
          g_order_errors[h]);
  }
  CHECK(bsp::atomic_load(&g_arrived) == harts, "%lu arrivals for %u harts",
        bsp::atomic_load(&g_arrived), harts);
  CHECK(amo == kIters * harts, "amoadd total %lu, expected %lu", amo, kIters * harts);
  CHECK(lrsc == kIters * harts, "lr/sc total %lu, expected %lu", lrsc, kIters * harts);
  bsp::puts("atomic_counter: PASS");
  return 0;
}
