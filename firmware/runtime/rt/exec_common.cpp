#include "rt/exec_common.h"

#include "rt/task.h"

#ifndef RT_FRAME_ARENA_BYTES
#define RT_FRAME_ARENA_BYTES 65536  // frame pool arena (bytes, multiple of 32)
#endif

namespace rt {
namespace detail {

uint32_t g_num_prios = 8;
uint32_t g_harts = 1;
volatile uint32_t g_epoch;

InitInfo init_common() {
  const bsp::intc::Config cfg = bsp::intc::config();
  g_num_prios = cfg.num_prios == 0 ? 8 : (cfg.num_prios > kMaxPrios ? kMaxPrios : cfg.num_prios);
  g_harts = bsp::hart_count();
  (void)frame_pool();  // bind the arena now, not inside the first spawn
  timer::init();
  return InitInfo{g_num_prios, cfg.num_channels, cfg.num_irqs, g_harts};
}

void kick_all_harts(uint32_t self) {
  for (uint32_t h = 0; h < g_harts; ++h) {
    if (h != self) bsp::clint::set_msip(h, true);
  }
}

void wake_idle_harts_for_exit() { kick_all_harts(bsp::hart_id()); }

}  // namespace detail

uint32_t num_prios() { return detail::g_num_prios; }

uint32_t run() {
  // Secondary harts wait in run_secondary() for this epoch.
  __atomic_fetch_add(&detail::g_epoch, 1u, __ATOMIC_SEQ_CST);
  detail::kick_all_harts(0);
  return detail::run_loop(0);
}

void run_secondary() {
  const uint32_t hart = bsp::hart_id();
  uint32_t seen = 0;
  bsp::irq::disable_global();
  for (;;) {
    bsp::irq::enable(bsp::irq::kMsie);
    while (__atomic_load_n(&detail::g_epoch, __ATOMIC_ACQUIRE) == seen) bsp::wfi();
    bsp::clint::set_msip(hart, false);
    seen = __atomic_load_n(&detail::g_epoch, __ATOMIC_ACQUIRE);
    detail::run_loop(hart);
  }
}

namespace {
alignas(kFrameAlign) uint8_t g_arena[RT_FRAME_ARENA_BYTES] __attribute__((section(".noinit")));
}

FramePool& frame_pool() {
  static FramePool pool;  // constant-initialised: no guard needed
  if (!pool.ready()) pool.init(g_arena, sizeof(g_arena));
  return pool;
}

}  // namespace rt
