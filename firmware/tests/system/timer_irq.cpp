// timer_irq: CLINT machine-timer interrupts on hart 0.
//
// Arms mtimecmp kTicks times, kPeriod mtime ticks apart, and counts the
// interrupts in the handler. Checks: every interrupt is a machine timer
// interrupt; at entry mtime >= mtimecmp (never early) and mtimecmp is the
// deadline armed for this tick (in order, none lost or repeated); the main
// loop sleeps in WFI between ticks; no interrupt follows the last tick once
// the timer is disarmed. Prints the entry latency in mtime ticks.
#include "bsp/boot.h"
#include "bsp/clint.h"
#include "bsp/hart.h"
#include "bsp/print.h"
#include "bsp/trap.h"
#include "check.h"

namespace {

constexpr uint32_t kTicks = 10;
constexpr uint64_t kPeriod = 5000;  // mtime ticks between deadlines

volatile uint32_t g_ticks;            // interrupts taken
volatile uint32_t g_early;            // entries with mtime < mtimecmp
volatile uint32_t g_out_of_order;     // entries whose mtimecmp is not the armed deadline
volatile uint64_t g_deadline[kTicks + 1];
volatile uint32_t g_latency[kTicks];  // mtime at entry - deadline
volatile uint32_t g_wakeups;          // WFI returns in main

}  // namespace

extern "C" void trap_handler(uint32_t mcause, uint32_t mepc, uint32_t mtval) {
  if (mcause != bsp::cause::kMachineTimer) bsp::unexpected_trap(mcause, mepc, mtval);
  const uint64_t now = bsp::clint::mtime();
  const uint64_t cmp = bsp::clint::mtimecmp(0);
  const uint32_t n = g_ticks;
  if (now < cmp) g_early = g_early + 1;
  if (n >= kTicks || cmp != g_deadline[n]) {
    g_out_of_order = g_out_of_order + 1;
  } else {
    g_latency[n] = static_cast<uint32_t>(now - cmp);
  }
  g_ticks = n + 1;
  if (n + 1 < kTicks) {
    g_deadline[n + 1] = cmp + kPeriod;
    bsp::clint::set_mtimecmp(0, cmp + kPeriod);
  } else {
    bsp::clint::disarm(0);
  }
}

int main() {
  bsp::puts("timer_irq: start");
  const uint64_t start = bsp::clint::mtime();
  g_deadline[0] = start + kPeriod;
  bsp::clint::set_mtimecmp(0, g_deadline[0]);
  bsp::irq::enable(bsp::irq::kMtie);
  bsp::irq::enable_global();

  // Enough time for every tick at any prescaler up to 4 cycles per tick.
  systest::Deadline watchdog((kTicks + 4) * kPeriod * 4);
  while (g_ticks < kTicks) {
    // MIE off around the check: a tick between the check and the WFI leaves
    // the interrupt pending, so the WFI returns at once.
    bsp::irq::disable_global();
    if (g_ticks < kTicks) bsp::wfi();
    bsp::irq::enable_global();  // the pending tick is taken here
    g_wakeups = g_wakeups + 1;
    if (watchdog.expired()) systest::timeout("timer ticks");
  }
  // Nothing more may come: the timer is disarmed.
  const uint64_t quiet_end = bsp::clint::mtime() + 3 * kPeriod;
  while (bsp::clint::mtime() < quiet_end) {
  }
  bsp::irq::disable_global();

  uint32_t max_lat = 0, sum_lat = 0;
  for (uint32_t i = 0; i < kTicks; ++i) {
    max_lat = g_latency[i] > max_lat ? g_latency[i] : max_lat;
    sum_lat += g_latency[i];
  }
  bsp::printf("timer_irq: ticks=%lu early=%lu out_of_order=%lu wakeups=%lu\n", g_ticks, g_early,
              g_out_of_order, g_wakeups);
  bsp::printf("timer_irq: entry latency (mtime ticks) avg=%lu max=%lu\n", sum_lat / kTicks,
              max_lat);
  CHECK(g_ticks == kTicks, "ticks %lu", g_ticks);
  CHECK(g_early == 0, "%lu early interrupts", g_early);
  CHECK(g_out_of_order == 0, "%lu out-of-order interrupts", g_out_of_order);
  CHECK(g_wakeups >= kTicks, "main woke %lu times for %lu ticks", g_wakeups, kTicks);
  CHECK(bsp::clint::mtime() - start >= kTicks * kPeriod, "finished too early");
  bsp::puts("timer_irq: PASS");
  return 0;
}
