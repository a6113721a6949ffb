// k_regions: memory shared between processes through kernel objects. Process
// 1 makes a 1 KiB NAPOT block of its memory a region object and gives
// process 2 a reference to it (a mapping object owned by process 2).
// Process 2 finds its mapping, maps it (PMP entry 2), checks the pattern
// process 1 wrote, answers in the shared block and keeps reading it; when
// process 1 destroys the region the mapping dies with it and process 2's next
// read is a load access fault that kills it. Process 3 owns no mapping and no
// region: mapping or destroying any object id is refused. Every refusal of
// region_create / region_share is checked. Prints "k_regions: PASS".
#include "bsp/print.h"
#include "kernel/kernel.h"
#include "kernel/user.h"

namespace {

constexpr uint32_t kShared = 1024;
constexpr uint32_t kAck = 0xACCE55EDu;
USER_DATA(1) alignas(kShared) volatile uint32_t g_shared[kShared / 4];
USER_DATA(1) int32_t g_region, g_mapping, g_err_align, g_err_size, g_err_outside, g_err_self,
    g_err_nobody, g_destroy;

USER_TEXT(1) void p1_main() {
  for (uint32_t i = 0; i < kShared / 4; ++i) g_shared[i] = i * 0x01010101u;
  g_shared[3] = 0;
  g_err_align = sys::region_create(const_cast<uint32_t*>(g_shared) + 1, kShared);
  g_err_size = sys::region_create(const_cast<uint32_t*>(g_shared), 1000);
  g_err_outside = sys::region_create(reinterpret_cast<void*>(0x80000000u), kShared);
  g_region = sys::region_create(const_cast<uint32_t*>(g_shared), kShared);
  g_err_self = sys::region_share(g_region, 1);
  g_err_nobody = sys::region_share(g_region + 1, 2);  // not a region of process 1
  g_mapping = sys::region_share(g_region, 2);
  while (g_shared[0] != kAck) sys::yield();  // process 2 answered through the region
  g_destroy = sys::region_destroy(g_region);
  for (int i = 0; i < 4; ++i) sys::yield();  // process 2 runs into the fault
  sys::exit(0);
}

USER_DATA(2) int32_t g_p2_mapping, g_p2_pattern_ok;
USER_DATA(2) volatile uint32_t g_p2_reads;

USER_TEXT(2) void p2_main() {
  for (;;) {  // the reference arrives as an object of process 2
    for (int32_t id = 1; id <= 16 && g_p2_mapping == 0; ++id) {
      if (sys::region_map(id) == 0) g_p2_mapping = id;
    }
    if (g_p2_mapping != 0) break;
    sys::yield();
  }
  g_p2_pattern_ok = 1;
  for (uint32_t i = 4; i < kShared / 4; ++i) {
    if (g_shared[i] != i * 0x01010101u) g_p2_pattern_ok = 0;
  }
  g_shared[0] = g_p2_pattern_ok ? kAck : 0xBADu;
  for (;;) {  // readable until process 1 destroys the region
    g_p2_reads = g_p2_reads + g_shared[3] + 1;
    sys::yield();
  }
}

USER_DATA(3) int32_t g_p3_refused, g_p3_destroy;

USER_TEXT(3) void p3_main() {
  for (int i = 0; i < 3; ++i) sys::yield();
  for (int32_t id = 1; id <= 16; ++id) {
    if (sys::region_map(id) == sys::kEinval) ++g_p3_refused;
  }
  g_p3_destroy = sys::region_destroy(1);
  sys::exit(0);
}

}  // namespace

int kernel_finished() {
  const auto& p1 = kernel::process(1);
  const auto& p2 = kernel::process(2);
  const auto& p3 = kernel::process(3);
  const uint32_t fault_at = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(&g_shared[3]));
  bool ok = !p1.killed && p1.exit_code == 0 && !p3.killed && p3.exit_code == 0;
  ok = ok && p2.killed && p2.cause == 5 && p2.tval == fault_at && g_p2_pattern_ok == 1 &&
       g_p2_reads > 0;
  ok = ok && g_region > 0 && g_mapping > 0 && g_mapping == g_p2_mapping && g_destroy == 0;
  ok = ok && g_err_align == sys::kEinval && g_err_size == sys::kEinval &&
       g_err_outside == sys::kEfault && g_err_self == sys::kEsrch &&
       g_err_nobody == sys::kEinval && g_p3_refused == 16 && g_p3_destroy == sys::kEinval;
  bsp::printf("k_regions: region %ld, mapping %ld (process 2 found %ld), pattern ok %ld, "
              "process 2 killed=%u cause %lu at the shared word: %u; refusals %ld %ld %ld %ld "
              "%ld, process 3 refused %ld of 16 and destroy %ld\n",
              g_region, g_mapping, g_p2_mapping, g_p2_pattern_ok, p2.killed, p2.cause,
              p2.tval == fault_at, g_err_align, g_err_size, g_err_outside, g_err_self,
              g_err_nobody, g_p3_refused, g_p3_destroy);
  bsp::printf("k_regions: %s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}

int main() {
  kernel::create_process(1, p1_main);
  kernel::create_process(2, p2_main);
  kernel::create_process(3, p3_main);
  kernel::run();
}
