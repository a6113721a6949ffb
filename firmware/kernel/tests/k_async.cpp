// k_async: asynchronous system calls over the ATS-INTC (FlexSC-style) against
// the synchronous `ecall`, the same calls: process 1 makes kCalls `add`
// calls, first one ecall each, then in batches of kBatch -- requests written
// into its AsyncRing, one doorbell store to its own ATS-INTC page, one
// async_wait ecall during which the kernel, woken by the controller, serves
// the whole batch. Marks around both loops give the cycles per call
// (tests/kernel/bench.sh: kernel.async_speedup). Every result is checked.
// With --harts 2 the kernel's server runs on hart 1 (FlexSC's multicore
// mode) and the process polls for completions instead of trapping.
#include "bsp/hart.h"
#include "bsp/mark.h"
#include "bsp/print.h"
#include "kernel/kernel.h"
#include "kernel/user.h"

namespace {

constexpr uint32_t kCalls = 256, kBatch = 16;
USER_DATA(1) sys::AsyncRing g_ring __attribute__((aligned(4)));
USER_DATA(1) uint32_t g_sync_errors, g_async_errors, g_async_done;
USER_DATA(1) uint32_t g_second_hart;  // set by main before the process starts

USER_TEXT(1) void p1_main() {
  if (sys::async_register(&g_ring) != 0) sys::exit(5);
  RT_MARK("sync.begin");
  for (uint32_t i = 0; i < kCalls; ++i) {
    if (sys::add(i, 1000) != static_cast<int32_t>(i + 1000)) ++g_sync_errors;
  }
  RT_MARK("sync.end");
  uint32_t next = 0;
  RT_MARK("async.begin");
  for (uint32_t b = 0; b < kCalls / kBatch; ++b) {
    const uint32_t first = next;
    for (uint32_t k = 0; k < kBatch; ++k, ++next) {
      sys::AsyncRing::Entry& e = g_ring.entry[next % sys::kAsyncSlots];
      e.num = sys::kAdd;
      e.a0 = next;
      e.a1 = 1000;
    }
    g_ring.submitted = next;
    sys::async_doorbell(1);
    if (g_second_hart != 0) {
      while (g_ring.completed != next) {  // served on hart 1: no trap at all
      }
    } else {
      while (static_cast<uint32_t>(sys::async_wait()) != next) {
      }
    }
    for (uint32_t k = first; k < next; ++k) {
      if (g_ring.entry[k % sys::kAsyncSlots].result != static_cast<int32_t>(k + 1000))
        ++g_async_errors;
    }
  }
  RT_MARK("async.end");
  g_async_done = next;
  sys::exit(0);
}

}  // namespace

int kernel_finished() {
  const bool ok = kernel::process(1).exit_code == 0 && g_sync_errors == 0 &&
                  g_async_errors == 0 && g_async_done == kCalls;
  bsp::printf("k_async: %lu sync calls, %lu async calls in batches of %lu; errors %lu / %lu "
              "(server on hart %u)\n",
              kCalls, g_async_done, kBatch, g_sync_errors, g_async_errors,
              g_second_hart != 0 ? 1u : 0u);
  bsp::printf("k_async: %s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}

extern "C" void secondary_main(unsigned hart) {
  if (hart == 1) kernel::async_server_hart();
  for (;;) bsp::wfi();
}

int main() {
  g_second_hart = bsp::hart_count() > 1 ? 1 : 0;
  if (g_second_hart != 0) {
    while (!kernel::async_on_second_hart()) {  // hart 1 takes the kernel slot first
    }
  }
  kernel::set_quantum(10000000);
  kernel::create_process(1, p1_main);
  kernel::run();
}
