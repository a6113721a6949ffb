// k_setstate: Fluke's thread_set_state (import). Process 1's main thread
// holds a mutex on which thread 2 sleeps in mutex_lock, and thread 3 sleeps
// in ipc_recv on a port. The main thread exports each one's registers,
// points them at redirected() with a new a0, and imports them: both leave
// their calls -- thread 2 never gets the mutex (unlocking it wakes nobody),
// the port has no receiver any more (thread 4 can receive on it and gets the
// main thread's message), and the mutex goes to thread 5, which slept
// behind thread 2 in its queue. Every refusal is checked: the caller itself
// (EINVAL), no such thread (ESRCH), a buffer or a pc outside the region
// (EFAULT), another process's thread without a grant (EPERM, process 2).
// gp is the process's (docs/kernel.md "Registers kept per thread"): process 1
// runs with the gp it was created with in every thread, thread_state exports
// it, an import with another gp is refused (EINVAL) and a thread that writes
// gp finds the process's gp again after its next trap; process 2 has gp 0.
// Prints "k_setstate: PASS".
#include "bsp/print.h"
#include "kernel/kernel.h"
#include "kernel/user.h"

namespace {

constexpr uint32_t kStackWords = 256;
USER_DATA(1) alignas(16) uint32_t g_stack2[kStackWords];
USER_DATA(1) alignas(16) uint32_t g_stack3[kStackWords];
USER_DATA(1) alignas(16) uint32_t g_stack4[kStackWords];
USER_DATA(1) alignas(16) uint32_t g_stack5[kStackWords];
USER_DATA(1) uint32_t g_regs[33];
USER_DATA(1) int32_t g_mutex, g_port;
USER_DATA(1) volatile uint32_t g_started2, g_started3, g_locked2, g_redirected, g_got3;
USER_DATA(1) volatile uint32_t g_started5, g_locked5;
USER_DATA(1) volatile int32_t g_received4 = -1;
USER_DATA(1) char g_rx4[16];
USER_RODATA(1) const char kMsg[] = "to thread 4";
USER_DATA(1) int32_t g_err_self, g_err_tid, g_err_buf, g_err_pc, g_ok2, g_ok3, g_unlock;
USER_DATA(1) uint32_t g_gp;  // process 1's gp: set by main before run()
USER_DATA(1) int32_t g_err_gp, g_self_state;
USER_DATA(1) uint32_t g_gp_main, g_gp5, g_gp_after_write, g_gp_exported_self, g_gp_exported2;
USER_DATA(1) uint32_t g_x0_exported;

__attribute__((always_inline)) inline uint32_t read_gp() {
  uint32_t v;
  asm volatile("mv %0, gp" : "=r"(v));
  return v;
}

// Writes `v` into gp and exports the caller's own registers in the same
// breath: the export and gp after the call show the process's gp.
USER_TEXT(1) uint32_t write_gp_then_export(uint32_t v) {
  register uint32_t a0 asm("a0") = static_cast<uint32_t>(sys::gettid());
  register uint32_t a1 asm("a1") = reinterpret_cast<uintptr_t>(g_regs);
  register uint32_t a7 asm("a7") = sys::kThreadState;
  uint32_t after;
  asm volatile("mv gp, %[v]\n\tecall\n\tmv %[after], gp"
               : "+r"(a0), [after] "=&r"(after)
               : "r"(a1), "r"(a7), [v] "r"(v)
               : "memory");
  g_self_state = static_cast<int32_t>(a0);
  return after;
}

USER_TEXT(1) void redirected(uint32_t v) {
  g_redirected = g_redirected + v;
  sys::thread_exit();
}

USER_TEXT(1) void thread2() {
  g_started2 = 1;
  sys::mutex_lock(g_mutex);  // sleeps: the main thread holds it
  g_locked2 = 1;             // never reached: the import takes it out of the call
  sys::thread_exit();
}

USER_TEXT(1) void thread5() {
  g_gp5 = read_gp();
  g_started5 = 1;
  sys::mutex_lock(g_mutex);  // sleeps behind thread 2
  g_locked5 = 1;
  sys::mutex_unlock(g_mutex);
  sys::thread_exit();
}

USER_TEXT(1) void thread3() {
  g_started3 = 1;
  char buf[8];
  g_got3 = static_cast<uint32_t>(sys::ipc_recv(g_port, buf, sizeof(buf)));  // never returns
  sys::thread_exit();
}

USER_TEXT(1) void thread4() {
  g_received4 = sys::ipc_recv(g_port, g_rx4, sizeof(g_rx4));
  sys::thread_exit();
}

// Exports thread `tid`, redirects it to redirected(v) and imports it.
USER_TEXT(1) int32_t redirect(uint32_t tid, uint32_t v) {
  if (sys::thread_state(tid, g_regs) != 0) return -100;
  g_regs[32] = reinterpret_cast<uintptr_t>(&redirected);
  g_regs[10] = v;
  return sys::thread_set_state(tid, g_regs);
}

USER_TEXT(1) void p1_main() {
  g_gp_main = read_gp();
  g_gp_after_write = write_gp_then_export(g_gp ^ 0x5A5A0000u);
  g_gp_exported_self = g_regs[3];
  g_mutex = sys::mutex_create();
  g_port = sys::port_create();
  sys::mutex_lock(g_mutex);
  const int32_t t2 = sys::thread_create(&thread2, g_stack2 + kStackWords);
  const int32_t t3 = sys::thread_create(&thread3, g_stack3 + kStackWords);
  while (g_started2 == 0 || g_started3 == 0) sys::yield();
  for (int i = 0; i < 4; ++i) sys::yield();  // both are asleep in their calls now
  sys::thread_create(&thread5, g_stack5 + kStackWords);
  while (g_started5 == 0) sys::yield();
  for (int i = 0; i < 4; ++i) sys::yield();  // asleep behind thread 2

  g_err_self = sys::thread_set_state(static_cast<uint32_t>(sys::gettid()), g_regs);
  g_err_tid = sys::thread_set_state(9, g_regs);
  g_err_buf = sys::thread_set_state(static_cast<uint32_t>(t2),
                                    reinterpret_cast<const uint32_t*>(0x80000000u));
  sys::thread_state(static_cast<uint32_t>(t2), g_regs);
  g_regs[32] = 0x80000000u;  // the kernel's code: not in process 1's region
  g_err_pc = sys::thread_set_state(static_cast<uint32_t>(t2), g_regs);
  sys::thread_state(static_cast<uint32_t>(t2), g_regs);
  g_x0_exported = g_regs[0];
  g_gp_exported2 = g_regs[3];
  g_regs[3] = g_gp + 4;  // gp is the process's: another value is refused
  g_err_gp = sys::thread_set_state(static_cast<uint32_t>(t2), g_regs);

  g_ok2 = redirect(static_cast<uint32_t>(t2), 42);
  g_ok3 = redirect(static_cast<uint32_t>(t3), 7);
  g_unlock = sys::mutex_unlock(g_mutex);  // the oldest waiter is thread 5 now
  while (g_redirected != 49 || g_locked5 == 0) sys::yield();

  // The port lost its receiver: thread 4 can receive on it.
  sys::thread_create(&thread4, g_stack4 + kStackWords);
  for (int i = 0; i < 4; ++i) sys::yield();
  sys::ipc_send(g_port, kMsg, sizeof(kMsg));
  while (g_received4 < 0) sys::yield();
  sys::exit(0);
}

USER_DATA(2) uint32_t g_p2_regs[33];
USER_DATA(2) int32_t g_p2_err;
USER_DATA(2) uint32_t g_p2_gp = 1;

USER_TEXT(2) void p2_main() {
  asm volatile("mv %0, gp" : "=r"(g_p2_gp));  // created without a gp: 0
  g_p2_err = sys::thread_set_state(1, g_p2_regs);  // process 1's thread: EPERM
  sys::exit(0);
}

}  // namespace

int kernel_finished() {
  const auto& p1 = kernel::process(1);
  const auto& p2 = kernel::process(2);
  bool ok = p1.exit_code == 0 && !p1.killed && p2.exit_code == 0 && !p2.killed;
  ok = ok && g_err_self == sys::kEinval && g_err_tid == sys::kEsrch && g_err_buf == sys::kEfault &&
       g_err_pc == sys::kEfault && g_p2_err == sys::kEperm;
  ok = ok && g_ok2 == 0 && g_ok3 == 0 && g_unlock == 0 && g_locked2 == 0 && g_got3 == 0 &&
       g_locked5 == 1 && g_redirected == 49 &&
       g_received4 == static_cast<int32_t>(sizeof(kMsg));
  const bool gp_ok = g_gp != 0 && g_gp_main == g_gp && g_gp5 == g_gp && g_self_state == 0 &&
                     g_gp_after_write == g_gp && g_gp_exported_self == g_gp &&
                     g_gp_exported2 == g_gp && g_x0_exported == 0 && g_err_gp == sys::kEinval &&
                     g_p2_gp == 0 && p1.gp == g_gp && p2.gp == 0;
  ok = ok && gp_ok;
  bsp::printf("k_setstate: %s model, %s: errors self %ld tid %ld buf %ld pc %ld other %ld; "
              "imports %ld %ld, redirected %lu, mutex taken %lu / %lu, port message %ld bytes\n",
              kernel::execution_model(), kernel::preemption_model(), g_err_self, g_err_tid,
              g_err_buf, g_err_pc, g_p2_err, g_ok2, g_ok3, g_redirected, g_locked2, g_locked5,
              g_received4);
  bsp::printf("k_setstate: gp 0x%08lx: main 0x%08lx, thread 5 0x%08lx, after a write 0x%08lx, "
              "exported 0x%08lx / 0x%08lx, import with another gp %ld, process 2 0x%08lx: %s\n",
              g_gp, g_gp_main, g_gp5, g_gp_after_write, g_gp_exported_self, g_gp_exported2,
              g_err_gp, g_p2_gp, gp_ok ? "ok" : "WRONG");
  bsp::printf("k_setstate: %s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}

int main() {
  // A psABI-style global pointer: 2 KiB into process 1's data.
  g_gp = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(g_regs)) + 0x800;
  kernel::create_process(1, p1_main, g_gp);
  kernel::create_process(2, p2_main);
  kernel::run();
}
