// k_restart_cost: what an interruption costs a long call (Fluke's Table 3
// shape). One process; its main thread makes two long calls while it is the
// only runnable thread, so every interruption resumes the same call at once:
//   write    1 KiB with one write()
//   ipc      4 KiB with one ipc_send() to thread 2, waiting in ipc_recv
// Marks around each call ("write.in"/"write.out", "ipc.in"/"ipc.out") and
// the kernel's "kernel.preempt" mark (each interruption acted on) are in the
// event log. The quantum comes from the UART (soc_sim --uart-input "Q."):
// tests/kernel/bench.sh runs the program once with a quantum longer than the
// run (no interruption) and once with a short one, and charges each call's
// extra cycles to its interruptions. Checks the received bytes; prints
// "k_restart_cost: PASS".
#include "bsp/mark.h"
#include "bsp/print.h"
#include "kernel/kernel.h"
#include "kernel/user.h"
#include "kernel/tests/seed.h"

namespace {

constexpr uint32_t kWriteBytes = 1024, kIpcBytes = 4096, kStackWords = 256;

USER_DATA(1) char g_text[kWriteBytes];
USER_DATA(1) uint8_t g_out[kIpcBytes] __attribute__((aligned(4)));
USER_DATA(1) uint8_t g_in[kIpcBytes] __attribute__((aligned(4)));
USER_DATA(1) alignas(16) uint32_t g_stack[kStackWords];
USER_DATA(1) int32_t g_port;
USER_DATA(1) volatile int32_t g_received = -1;
USER_DATA(1) volatile uint32_t g_waiting, g_bad;

USER_TEXT(1) void receiver() {
  g_waiting = 1;
  g_received = sys::ipc_recv(g_port, g_in, kIpcBytes);
  sys::thread_exit();
}

USER_TEXT(1) void p1_main() {
  for (uint32_t i = 0; i < kWriteBytes; ++i)
    g_text[i] = (i % 64 == 63) ? '\n' : static_cast<char>('0' + i % 10);
  RT_MARK("write.in");
  sys::write(g_text, kWriteBytes);
  RT_MARK("write.out");

  for (uint32_t i = 0; i < kIpcBytes; ++i) g_out[i] = static_cast<uint8_t>(i * 13 + 5);
  g_port = sys::port_create();
  sys::thread_create(&receiver, g_stack + kStackWords);
  while (g_waiting == 0) sys::yield();
  sys::yield();  // the receiver is asleep in ipc_recv now
  RT_MARK("ipc.in");
  sys::ipc_send(g_port, g_out, kIpcBytes);
  RT_MARK("ipc.out");
  while (g_received < 0) sys::yield();
  for (uint32_t i = 0; i < kIpcBytes; ++i) {
    if (g_in[i] != static_cast<uint8_t>(i * 13 + 5)) g_bad = g_bad + 1;
  }
  sys::exit(0);
}

}  // namespace

int kernel_finished() {
  const bool ok = kernel::process(1).exit_code == 0 && !kernel::process(1).killed &&
                  g_received == static_cast<int32_t>(kIpcBytes) && g_bad == 0;
  bsp::printf("k_restart_cost: %s model, %s: %ld bytes received, %lu bad; %lu interruptions\n",
              kernel::execution_model(), kernel::preemption_model(), g_received, g_bad,
              kernel::counters().restarts + kernel::counters().kernel_preemptions);
  bsp::printf("k_restart_cost: %s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}

int main() {
  kernel::set_quantum(ktest::read_seed());
  kernel::create_process(1, p1_main);
  kernel::run();
}
