// k_restart: Fluke's atomic API. Process 1 writes a 512-byte text with ONE
// write call while a 300-cycle quantum interrupts it again and again; each
// interruption returns to user mode with a0/a1 advanced and the pc on the
// ecall, and the restart goes on (interrupt model, PP; in the process model
// the call goes on in the kernel from the same registers, and under FP the
// timer preempts the copy itself -- the registers describe the rest all the
// same; NP is never interrupted). Process 2 meanwhile exports process 1's
// registers with thread_state, through the thread reference process 1 gave
// it (thread_ref): every snapshot taken in the middle of the call
// shows pc on the ecall and a0 + a1 = the end of the buffer. The text must
// come out whole and in order; prints "k_restart: PASS".
#include "bsp/print.h"
#include "kernel/kernel.h"
#include "kernel/user.h"

namespace {

constexpr uint32_t kLen = 512;
USER_DATA(1) char g_text[kLen];
USER_DATA(1) uint32_t g_text_ready;

USER_TEXT(1) void p1_main() {
  for (uint32_t i = 0; i < kLen; ++i) {
    g_text[i] = (i % 64 == 63) ? '\n' : static_cast<char>('a' + (i / 64) % 26);
  }
  g_text_ready = 1;
  sys::thread_ref(static_cast<uint32_t>(sys::gettid()), 2);  // process 2 may watch this thread
  sys::write(g_text, kLen);
  sys::exit(0);
}

USER_DATA(2) uint32_t g_regs[33];
USER_DATA(2) uint32_t g_samples, g_mid_call, g_bad;
USER_DATA(2) uint32_t g_first_pc;

USER_TEXT(2) void p2_main() {
  for (;;) {
    const int32_t state = sys::thread_state(1, g_regs);
    if (state == sys::kEperm) {  // no reference yet: process 1 has not run
      sys::yield();
      continue;
    }
    if (state < 0) break;
    ++g_samples;
    const uint32_t a0 = g_regs[10], a1 = g_regs[11], pc = g_regs[32];
    const uint32_t end = reinterpret_cast<uintptr_t>(g_text) + kLen;
    if (g_regs[17] == sys::kWrite && a1 != 0 && a1 < kLen) {  // stopped inside the call
      ++g_mid_call;
      if (a0 + a1 != end) ++g_bad;
      if (g_first_pc == 0) g_first_pc = pc;
      if (pc != g_first_pc) ++g_bad;  // always the same ecall
    }
    if (g_mid_call > 0 && a1 == 0) break;  // the call completed
    if (state == 1) break;                  // process 1 has ended (NP: never seen inside)
    sys::yield();
  }
  sys::exit(g_bad == 0 ? 0 : 1);
}

}  // namespace

int kernel_finished() {
  const uint32_t interrupted = kernel::total_restarts() + kernel::counters().kernel_preemptions;
  const bool np = kernel::preemption_model()[0] == 'N';
  const bool ok = kernel::process(1).exit_code == 0 && !kernel::process(1).killed &&
                  kernel::process(2).exit_code == 0 && !kernel::process(2).killed &&
                  g_bad == 0 && (np ? interrupted == 0 : interrupted > 0 && g_mid_call > 0);
  bsp::printf("k_restart: %s model, %s: write interrupted %lu times; %lu snapshots, %lu inside "
              "the call, %lu bad\n", kernel::execution_model(), kernel::preemption_model(),
              interrupted, g_samples, g_mid_call, g_bad);
  bsp::printf("k_restart: %s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}

int main() {
  kernel::set_quantum(300);
  kernel::create_process(1, p1_main);
  kernel::create_process(2, p2_main);
  kernel::run();
}
