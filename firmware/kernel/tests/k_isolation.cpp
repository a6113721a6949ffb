// k_isolation: PMP keeps each process to its own region and its own ATS-INTC
// page. Process 1 prints, yields and exits 0; it also reads its own ATS-INTC
// page (allowed). Process 2 stores into process 1's region, process 3 reads
// the ATS-INTC kernel page: each is killed by its access fault, and process 1
// and the kernel go on. Process 3 first asks for process 1's thread state
// and is refused (EPERM). Prints "k_isolation: PASS".
#include "bsp/print.h"
#include "kernel/kernel.h"
#include "kernel/user.h"

namespace {

USER_RODATA(1) const char kHello[] = "p1: hello from user mode\n";
USER_RODATA(1) const char kDone[] = "p1: done\n";
USER_DATA(1) volatile uint32_t g_p1_value = 1;
USER_DATA(1) volatile uint32_t g_p1_err = 0xFFFFFFFFu;

USER_TEXT(1) void p1_main() {
  sys::write(kHello, sizeof(kHello) - 1);
  // Its own ATS-INTC page (slot 1 = page 2): ERR reads 0.
  g_p1_err = *reinterpret_cast<volatile uint32_t*>(0x40002000u + 0x08u);
  for (int i = 0; i < 3; ++i) sys::yield();
  if (g_p1_value != 1) sys::exit(2);  // process 2 must not have reached it
  sys::write(kDone, sizeof(kDone) - 1);
  sys::exit(static_cast<int32_t>(sys::getpid()) - 1);  // 0
}

USER_TEXT(2) void p2_main() {
  sys::yield();
  g_p1_value = 99;  // another process's memory: store access fault
  sys::exit(0);
}

USER_DATA(3) uint32_t g_p3_regs[33];
USER_DATA(3) int32_t g_p3_export = 1;

USER_TEXT(3) void p3_main() {
  g_p3_export = sys::thread_state(1, g_p3_regs);  // another process's thread: EPERM
  (void)*reinterpret_cast<volatile uint32_t*>(0x40000000u);  // the kernel page: load fault
  sys::exit(0);
}

}  // namespace

int kernel_finished() {
  const kernel::ProcessInfo& p1 = kernel::process(1);
  const kernel::ProcessInfo& p2 = kernel::process(2);
  const kernel::ProcessInfo& p3 = kernel::process(3);
  const bool ok = !p1.killed && p1.exit_code == 0 && p2.killed && p2.cause == 7 &&
                  p2.tval == reinterpret_cast<uintptr_t>(&g_p1_value) && p3.killed &&
                  p3.cause == 5 && p3.tval == 0x40000000u && g_p1_value == 1 &&
                  g_p3_export == sys::kEperm;
  bsp::printf("k_isolation: p1 exit %ld, p2 killed=%u cause %lu, p3 killed=%u cause %lu\n",
              p1.exit_code, p2.killed ? 1u : 0u, p2.cause, p3.killed ? 1u : 0u, p3.cause);
  bsp::printf("k_isolation: %s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}

int main() {
  kernel::create_process(1, p1_main);
  kernel::create_process(2, p2_main);
  kernel::create_process(3, p3_main);
  kernel::run();
}
