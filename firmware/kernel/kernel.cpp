#include "kernel/kernel.h"

#include "bsp/clint.h"
#include "bsp/hart.h"
#include "bsp/print.h"
#include "bsp/simctrl.h"
#include "bsp/trap.h"
#include "bsp/uart.h"
#include "kernel/user.h"

extern "C" {
extern char __user1_start[], __user2_start[], __user3_start[];
void __kernel_trap();
[[noreturn]] void __kernel_resume(kernel::Thread* t);
kernel::Thread* kernel_trap(kernel::Thread* t);
}

namespace kernel {
namespace {

namespace csr = bsp::csr;
constexpr uint32_t kPmpcfg0 = 0x3A0, kPmpaddr0 = 0x3B0, kPmpaddr1 = 0x3B1;
constexpr uint32_t kPmpR = 1, kPmpW = 2, kPmpX = 4, kPmpNapot = 3u << 3;
constexpr uint32_t kMstatusMpp = 3u << 11;
constexpr uint32_t kMstatusMpie = 1u << 7;
constexpr uintptr_t kIntcBase = 0x40000000u;
constexpr uint32_t kIntcPage = 0x1000;

Thread g_threads[kMaxProcesses + 1];  // index = tid = pid; 0 unused
ProcessInfo g_procs[kMaxProcesses + 1];
uint32_t g_current;  // tid running (or last run)
uint32_t g_quantum = 2000;

uintptr_t region_base(uint32_t pid) {
  switch (pid) {
    case 1: return reinterpret_cast<uintptr_t>(__user1_start);
    case 2: return reinterpret_cast<uintptr_t>(__user2_start);
    default: return reinterpret_cast<uintptr_t>(__user3_start);
  }
}

constexpr uint32_t napot(uintptr_t base, uint32_t bytes) {
  return static_cast<uint32_t>((base + bytes / 2 - 1) >> 2);
}

// U-mode sees its region (RWX) and its own ATS-INTC page (RW), nothing else.
void load_pmp(uint32_t pid) {
  bsp::csr_write<kPmpaddr0>(napot(region_base(pid), kRegionBytes));
  bsp::csr_write<kPmpaddr1>(napot(kIntcBase + kIntcPage * (pid + 1), kIntcPage));
  bsp::csr_write<kPmpcfg0>((kPmpNapot | kPmpR | kPmpW | kPmpX) | ((kPmpNapot | kPmpR | kPmpW) << 8));
}

bool in_region(uint32_t pid, uint32_t addr, uint32_t len) {
  const uintptr_t base = region_base(pid);
  return addr >= base && len <= kRegionBytes && addr - base <= kRegionBytes - len;
}

void arm_timer() { bsp::clint::set_mtimecmp(0, bsp::clint::mtime() + g_quantum); }

// Next runnable thread after the current one, round robin; 0 when none.
uint32_t pick_next() {
  for (uint32_t i = 1; i <= kMaxProcesses; ++i) {
    const uint32_t t = (g_current + i - 1) % kMaxProcesses + 1;
    if (g_threads[t].state == ThreadState::kRunnable) return t;
  }
  return 0;
}

[[noreturn]] void finish() {
  bsp::clint::disarm(0);
  bsp::simctrl::exit(kernel_finished());
}

Thread* switch_to(uint32_t tid) {
  if (tid == 0) finish();
  g_current = tid;
  load_pmp(g_threads[tid].pid);
  arm_timer();
  return &g_threads[tid];
}

void end_process(Thread& t, bool killed, int32_t code, uint32_t cause, uint32_t tval) {
  ProcessInfo& p = g_procs[t.pid];
  p.alive = false;
  p.killed = killed;
  p.exit_code = code;
  p.cause = cause;
  p.tval = tval;
  p.fault_pc = t.pc;
  t.state = ThreadState::kDead;
  if (killed) {
    bsp::printf("kernel: process %lu killed: mcause %lu at pc 0x%08lx, mtval 0x%08lx\n", t.pid,
                cause, t.pc, tval);
  } else {
    bsp::printf("kernel: process %lu exited with %ld\n", t.pid, code);
  }
}

// SYS_write: copies byte by byte; between bytes it checks for a pending timer
// interrupt (a preemption point). Interrupted, the call returns to user mode
// with a0 (buffer) and a1 (count) advanced and pc still on the ecall, so the
// thread's registers alone describe the remaining work (Fluke's atomic API).
// Returns true when the call completed.
bool sys_write(Thread& t) {
  uint32_t buf = t.x[10], len = t.x[11];
  if (!in_region(t.pid, buf, len)) {
    t.x[10] = static_cast<uint32_t>(sys::kEfault);
    return true;
  }
  while (len > 0) {
    bsp::uart::putc(*reinterpret_cast<const char*>(static_cast<uintptr_t>(buf)));
    ++buf;
    --len;
    if (len > 0 && (bsp::irq::pending() & bsp::irq::kMtie) != 0) {
      t.x[10] = buf;
      t.x[11] = len;
      ++t.restarts;
      return false;  // pc stays on the ecall: the restart continues the copy
    }
  }
  t.x[10] = buf;
  t.x[11] = 0;
  return true;
}

// SYS_thread_state: the 33 words (x0..x31, pc) of any thread, at any moment --
// the saved registers are its complete state, also in the middle of a long call.
void sys_thread_state(Thread& t) {
  const uint32_t tid = t.x[10], buf = t.x[11];
  if (tid == 0 || tid > kMaxProcesses || g_threads[tid].state == ThreadState::kFree) {
    t.x[10] = static_cast<uint32_t>(sys::kEsrch);
    return;
  }
  if (!in_region(t.pid, buf, 33 * 4) || (buf & 3) != 0) {
    t.x[10] = static_cast<uint32_t>(sys::kEfault);
    return;
  }
  const Thread& s = g_threads[tid];
  uint32_t* out = reinterpret_cast<uint32_t*>(static_cast<uintptr_t>(buf));
  for (uint32_t i = 0; i < 32; ++i) out[i] = s.x[i];
  out[32] = s.pc;
  // The caller's own a0 is about to become the result: export what it is.
  if (tid == t.pid) out[10] = 0;
  t.x[10] = 0;
}

// Returns the thread to run next.
Thread* on_syscall(Thread& t) {
  ++t.syscalls;
  switch (t.x[17]) {
    case sys::kExit:
      end_process(t, false, static_cast<int32_t>(t.x[10]), 0, 0);
      return switch_to(pick_next());
    case sys::kYield:
      t.pc += 4;
      return switch_to(pick_next());
    case sys::kWrite:
      if (!sys_write(t)) return switch_to(pick_next());  // interrupted: restart later
      t.pc += 4;
      return &t;
    case sys::kGetPid:
      t.x[10] = t.pid;
      t.pc += 4;
      return &t;
    case sys::kThreadState:
      sys_thread_state(t);
      t.pc += 4;
      return &t;
    default:
      t.x[10] = static_cast<uint32_t>(sys::kEnosys);
      t.pc += 4;
      return &t;
  }
}

}  // namespace

bool create_process(uint32_t pid, Entry entry) {
  if (pid == 0 || pid > kMaxProcesses || g_threads[pid].state != ThreadState::kFree) return false;
  Thread& t = g_threads[pid];
  for (auto& r : t.x) r = 0;
  t.x[2] = static_cast<uint32_t>(region_base(pid) + kRegionBytes);  // sp: top of the region
  t.pc = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(entry));
  t.state = ThreadState::kRunnable;
  t.pid = pid;
  g_procs[pid] = ProcessInfo{pid, true, false, 0, 0, 0, 0};
  return true;
}

void set_quantum(uint32_t cycles) { g_quantum = cycles < 100 ? 100 : cycles; }

const ProcessInfo& process(uint32_t pid) { return g_procs[pid]; }
const Thread& thread(uint32_t tid) { return g_threads[tid]; }

uint32_t total_restarts() {
  uint32_t n = 0;
  for (const Thread& t : g_threads) n += t.restarts;
  return n;
}

void run() {
  bsp::irq::disable_global();  // the kernel is not preemptible (NP)
  bsp::csr_write<csr::kMscratch>(0);
  bsp::csr_write<csr::kMtvec>(reinterpret_cast<uintptr_t>(&__kernel_trap));
  bsp::irq::enable(bsp::irq::kMtie);  // taken in U-mode whatever MIE says
  // mret goes to U-mode with interrupts as before (MPIE).
  bsp::csr_clear<csr::kMstatus>(kMstatusMpp);
  bsp::csr_set<csr::kMstatus>(kMstatusMpie);
  g_current = 0;
  __kernel_resume(switch_to(pick_next()));
}

}  // namespace kernel

kernel::Thread* kernel_trap(kernel::Thread* t) {
  using namespace kernel;
  const uint32_t mcause = bsp::csr_read<bsp::csr::kMcause>();
  const uint32_t mtval = bsp::csr_read<bsp::csr::kMtval>();
  // Back to U-mode after the next mret (MPP = U).
  bsp::csr_clear<bsp::csr::kMstatus>(kMstatusMpp);
  switch (mcause) {
    case bsp::cause::kMachineTimer:
      return switch_to(pick_next());  // preempted: the next one (or the same)
    case bsp::cause::kEcallU:
      return on_syscall(*t);
    default:
      if ((mcause & bsp::cause::kInterrupt) != 0) bsp::unexpected_trap(mcause, t->pc, mtval);
      end_process(*t, true, -1, mcause, mtval);  // a fault kills the process only
      return switch_to(pick_next());
  }
}
