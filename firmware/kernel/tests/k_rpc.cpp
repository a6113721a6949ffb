// k_rpc: Fluke's client/server IPC -- ipc_call (send, then wait for the
// reply: a multi-stage call whose registers become ipc_reply_wait once the
// request is delivered), ipc_recv (which names the client to reply to) and
// ipc_reply (a copy into the client's reply buffer that completes its call)
// -- under a random quantum, so the request and reply copies are interrupted
// and restarted (or, under FP, preempted) again and again.
//   process 1: two client threads, kCalls calls each, kBytes each way, every
//              reply checked byte by byte; a third thread calls process 3,
//              whose server ends without replying: its call returns EINVAL.
//   process 2: the server, one thread; replies with every byte XOR 0x5A.
//              ipc_reply to a thread that awaits nothing: ESRCH.
//   process 3: receives one call on its own port, tries to reply to a client
//              of process 2's port (ESRCH), computes a while and exits.
// Prints "k_rpc: PASS".
#include "bsp/print.h"
#include "kernel/kernel.h"
#include "kernel/user.h"
#include "kernel/tests/seed.h"

namespace {

constexpr uint32_t kCalls = 16, kBytes = 512, kStackWords = 256;
constexpr int32_t kServerPort = 1, kDyingPort = 2;

USER_DATA(1) alignas(16) uint32_t g_stack_b[kStackWords];
USER_DATA(1) alignas(16) uint32_t g_stack_c[kStackWords];
USER_DATA(1) uint8_t g_req[2][kBytes] __attribute__((aligned(4)));
USER_DATA(1) uint8_t g_rep[2][kBytes] __attribute__((aligned(4)));
USER_DATA(1) volatile uint32_t g_done_calls, g_bad_bytes, g_bad_lengths, g_clients_done;
USER_DATA(1) volatile int32_t g_orphan_result = 1;
USER_DATA(1) uint8_t g_small[16] __attribute__((aligned(4)));

USER_TEXT(1) void client(uint32_t k) {
  int32_t r;
  while ((r = sys::ipc_call(kServerPort, g_req[k], 0, g_rep[k], 0)) == sys::kEinval) sys::yield();
  for (uint32_t c = 0; c < kCalls; ++c) {
    for (uint32_t i = 0; i < kBytes; ++i) g_req[k][i] = static_cast<uint8_t>(k * 101 + c * 7 + i);
    for (uint32_t i = 0; i < kBytes; ++i) g_rep[k][i] = 0;
    r = sys::ipc_call(kServerPort, g_req[k], kBytes, g_rep[k], kBytes);
    if (r != static_cast<int32_t>(kBytes)) g_bad_lengths = g_bad_lengths + 1;
    for (uint32_t i = 0; i < kBytes; ++i) {
      if (g_rep[k][i] != static_cast<uint8_t>((k * 101 + c * 7 + i) ^ 0x5A))
        g_bad_bytes = g_bad_bytes + 1;
    }
    g_done_calls = g_done_calls + 1;
  }
  g_clients_done = g_clients_done + 1;
}

USER_TEXT(1) void client_b() {
  client(1);
  sys::thread_exit();
}

USER_TEXT(1) void orphan() {  // calls process 3, whose server never replies
  while (sys::ipc_send(kDyingPort, g_small, 0) == sys::kEinval) sys::yield();
  g_orphan_result = sys::ipc_call(kDyingPort, g_small, sizeof(g_small), g_small, sizeof(g_small));
  sys::thread_exit();
}

USER_TEXT(1) void p1_main() {
  sys::thread_create(&client_b, g_stack_b + kStackWords);
  sys::thread_create(&orphan, g_stack_c + kStackWords);
  client(0);
  while (g_clients_done != 2 || g_orphan_result == 1) sys::yield();
  sys::exit(0);
}

USER_DATA(2) uint8_t g_buf[kBytes] __attribute__((aligned(4)));
USER_DATA(2) uint32_t g_served, g_reply_errors;
USER_DATA(2) int32_t g_bad_reply;

USER_TEXT(2) void p2_main() {
  const int32_t port = sys::port_create();  // the first object: id 1
  if (port != kServerPort) sys::exit(3);
  g_bad_reply = sys::ipc_reply(static_cast<uint32_t>(sys::gettid()), g_buf, 1);  // awaits nothing
  while (g_served < 2 * (kCalls + 1)) {  // each client's probe (0 bytes) and its calls
    uint32_t c = 0;
    const int32_t n = sys::ipc_recv(port, g_buf, kBytes, &c);
    if (n < 0 || c == 0) {
      ++g_reply_errors;
      continue;
    }
    for (int32_t i = 0; i < n; ++i) g_buf[i] ^= 0x5A;
    if (sys::ipc_reply(c, g_buf, static_cast<uint32_t>(n)) != 0) ++g_reply_errors;
    ++g_served;
  }
  sys::exit(0);
}

USER_DATA(3) uint8_t g_p3_buf[16] __attribute__((aligned(4)));
USER_DATA(3) int32_t g_p3_foreign, g_p3_probe = 1;
USER_DATA(3) uint32_t g_p3_client;
USER_DATA(3) volatile uint32_t g_spin;

USER_TEXT(3) void p3_main() {
  for (int i = 0; i < 3; ++i) sys::yield();  // process 2 creates object 1 first
  if (sys::port_create() != kDyingPort) sys::exit(3);
  g_p3_probe = sys::ipc_recv(kDyingPort, g_p3_buf, sizeof(g_p3_buf));  // the empty probe
  sys::ipc_recv(kDyingPort, g_p3_buf, sizeof(g_p3_buf), &g_p3_client);
  // A client of process 2's port is not process 3's to answer.
  g_p3_foreign = sys::ipc_reply(1, g_p3_buf, 4);
  for (uint32_t i = 0; i < 30000; ++i) g_spin = g_spin + i;
  sys::exit(0);  // without replying: the caller's ipc_call ends with EINVAL
}

}  // namespace

int kernel_finished() {
  const auto& k = kernel::counters();
  const uint32_t interrupted = k.restarts + k.kernel_preemptions;
  bool ok = kernel::process(1).exit_code == 0 && kernel::process(2).exit_code == 0 &&
            kernel::process(3).exit_code == 0 && k.deadlocked == 0;
  ok = ok && g_done_calls == 2 * kCalls && g_bad_bytes == 0 && g_bad_lengths == 0 &&
       g_served == 2 * (kCalls + 1) && g_reply_errors == 0;
  ok = ok && g_bad_reply == sys::kEsrch && g_p3_foreign == sys::kEsrch && g_p3_probe == 0 &&
       g_p3_client != 0 && g_orphan_result == sys::kEinval;
  bsp::printf("k_rpc: %s model, %s: %lu calls of %lu bytes each way, %lu bad bytes, %lu bad "
              "lengths, %lu reply errors; copies interrupted %lu times; errors: reply to "
              "nobody %ld, to another's client %ld, server gone %ld\n",
              kernel::execution_model(), kernel::preemption_model(), g_done_calls, kBytes,
              g_bad_bytes, g_bad_lengths, g_reply_errors, interrupted, g_bad_reply, g_p3_foreign,
              g_orphan_result);
  bsp::printf("k_rpc: %s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}

int main() {
  kernel::set_quantum(200, 900, ktest::read_seed());
  kernel::create_process(1, p1_main);
  kernel::create_process(2, p2_main);
  kernel::create_process(3, p3_main);
  kernel::run();
}
