// k_syscalls: system call costs for `make bench` (tests/kernel/bench.sh), in
// the shape of Fluke's Table 5: one process calls each of a few calls 64
// times between marks ("<call>.in" before the ecall, "<call>.out" after it),
// so soc_sim --events gives the round trip user -> kernel -> user in cycles.
// The quantum is long enough that no timer interrupts a measured call.
#include "bsp/mark.h"
#include "bsp/print.h"
#include "kernel/kernel.h"
#include "kernel/user.h"

namespace {

constexpr uint32_t kRounds = 64;
USER_DATA(1) int32_t g_mutex;
USER_DATA(1) uint32_t g_buf[33] __attribute__((aligned(4)));
USER_RODATA(1) const char kByte[] = "\n";

USER_TEXT(1) void p1_main() {
  g_mutex = sys::mutex_create();
  for (uint32_t i = 0; i < kRounds; ++i) {
    RT_MARK("getpid.in");
    sys::getpid();
    RT_MARK("getpid.out");
  }
  for (uint32_t i = 0; i < kRounds; ++i) {
    RT_MARK("lock_unlock.in");
    sys::mutex_lock(g_mutex);
    sys::mutex_unlock(g_mutex);
    RT_MARK("lock_unlock.out");
  }
  for (uint32_t i = 0; i < kRounds; ++i) {
    RT_MARK("thread_state.in");
    sys::thread_state(1, g_buf);
    RT_MARK("thread_state.out");
  }
  for (uint32_t i = 0; i < kRounds; ++i) {
    RT_MARK("write1.in");
    sys::write(kByte, 1);
    RT_MARK("write1.out");
  }
  sys::exit(0);
}

}  // namespace

int kernel_finished() {
  bsp::printf("k_syscalls: %s model, %s: kernel memory per thread %lu bytes (register save area "
              "%lu)\n", kernel::execution_model(), kernel::preemption_model(),
              kernel::bytes_per_thread(), kernel::kRegisterSaveBytes);
  const bool ok = kernel::process(1).exit_code == 0 && !kernel::process(1).killed;
  bsp::printf("k_syscalls: %s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}

int main() {
  kernel::set_quantum(10000000);
  kernel::create_process(1, p1_main);
  kernel::run();
}
