// k_ipc: IPC through a port under a random quantum. Process 2 (server)
// creates the port and receives kMessages messages of kBytes into its
// buffer; process 1 (client) sends them, each filled with a pattern of its
// index; process 3 computes all along. Every send and receive is a
// multi-stage call: interrupted in the middle of the copy, both threads'
// registers show what is left and the sender's restart continues it. Checked
// at the end: every message arrived whole, in order, with its length. With
// -DK_IPC_BENCH (k_ipc_np / k_ipc_pp) it is the preemption-latency workload of
// `make bench` (marks "kernel.preempt" after each timer edge, irq3).
#include "bsp/print.h"
#include "bsp/uart.h"
#include "bsp/hart.h"
#include "kernel/kernel.h"
#include "kernel/user.h"
#include "kernel/tests/seed.h"

namespace {

constexpr uint32_t kMessages = 24, kBytes = 2048;

USER_DATA(1) uint8_t g_out[kBytes] __attribute__((aligned(4)));
USER_DATA(1) uint32_t g_sent, g_send_errors;

USER_TEXT(1) void client_main() {
  int32_t port;
  while ((port = sys::ipc_send(1, g_out, 0)) == sys::kEinval) sys::yield();  // not created yet
  for (uint32_t m = 0; m < kMessages; ++m) {
    for (uint32_t i = 0; i < kBytes; ++i) g_out[i] = static_cast<uint8_t>(m * 7 + i);
    if (sys::ipc_send(1, g_out, kBytes) != 0) ++g_send_errors;
    ++g_sent;
  }
  sys::exit(0);
}

USER_DATA(2) uint8_t g_in[kBytes] __attribute__((aligned(4)));
USER_DATA(2) uint32_t g_received, g_bad_bytes, g_bad_lengths;

USER_TEXT(2) void server_main() {
  const int32_t port = sys::port_create();  // the first object: id 1
  if (port != 1) sys::exit(3);
  // The client's probe (an empty send) may already wait: take it first.
  if (sys::ipc_recv(port, g_in, kBytes) != 0) ++g_bad_lengths;
  for (uint32_t m = 0; m < kMessages; ++m) {
    const int32_t n = sys::ipc_recv(port, g_in, kBytes);
    if (n != static_cast<int32_t>(kBytes)) ++g_bad_lengths;
    for (uint32_t i = 0; i < kBytes; ++i) {
      if (g_in[i] != static_cast<uint8_t>(m * 7 + i)) ++g_bad_bytes;
    }
    ++g_received;
  }
  sys::exit(0);
}

USER_DATA(3) volatile uint32_t g_spin;
USER_TEXT(3) void worker_main() {
  for (uint32_t i = 0; i < 200000; ++i) g_spin = g_spin + i;
  sys::exit(0);
}

}  // namespace

int kernel_finished() {
  const kernel::Counters& k = kernel::counters();
  const bool ok = g_received == kMessages && g_sent == kMessages && g_bad_bytes == 0 &&
                  g_bad_lengths == 0 && g_send_errors == 0 && k.deadlocked == 0 &&
                  kernel::process(1).exit_code == 0 && kernel::process(2).exit_code == 0 &&
                  kernel::process(3).exit_code == 0;
  bsp::printf("k_ipc: %lu messages of %lu bytes, %lu bad bytes, %lu bad lengths; %lu "
              "preemptions, %lu copies interrupted and restarted\n",
              g_received, kBytes, g_bad_bytes, g_bad_lengths, k.preemptions, k.restarts);
  bsp::printf("k_ipc: %s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}

int main() {
  const uint32_t seed = ktest::read_seed();
#if defined(K_IPC_BENCH)
  kernel::set_quantum(1000);  // a fixed quantum: the latency is the kernel's, not the draw's
#else
  kernel::set_quantum(200, 900, seed);
#endif
  (void)seed;
  kernel::create_process(1, client_main);
  kernel::create_process(2, server_main);
  kernel::create_process(3, worker_main);
  kernel::run();
}
