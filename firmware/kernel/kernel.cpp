#include "kernel/kernel.h"

#include "ats_intc_regs.h"
#include "bsp/ats_intc.h"
#include "bsp/clint.h"
#include "bsp/hart.h"
#include "bsp/mark.h"
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
extern uint32_t __kernel_user_gp;  // trap_entry.S: gp for the next return to U-mode
#if defined(KERNEL_PROCESS)
void __kernel_switch(uint32_t* save_ksp, uint32_t next_ksp);
void __kernel_first_run();
extern char __kernel_stacks[];
extern uint32_t __kernel_stack_bias;  // trap_entry.S: a thread's kernel stack from its Thread
void kernel_preempt_in_kernel();
#endif
}

namespace kernel {
namespace {

namespace csr = bsp::csr;
constexpr uint32_t kPmpcfg0 = 0x3A0, kPmpaddr0 = 0x3B0, kPmpaddr1 = 0x3B1, kPmpaddr2 = 0x3B2;
constexpr uint32_t kPmpR = 1, kPmpW = 2, kPmpX = 4, kPmpNapot = 3u << 3;
constexpr uint32_t kMstatusMpp = 3u << 11;
constexpr uint32_t kMstatusMpie = 1u << 7;
constexpr uintptr_t kIntcBase = 0x40000000u;
constexpr uint32_t kIntcPage = 0x1000;

Thread g_threads[kMaxThreads + 1];  // index = tid; 0 unused
ProcessInfo g_procs[kMaxProcesses + 1];
uint32_t g_current;  // tid running (or last run)
uint32_t g_state_access[kMaxProcesses + 1];  // bit t: process p may export process t's threads
uint32_t g_quantum_min = 2000, g_quantum_max = 2000, g_rng = 1;
Counters g_count;

// A thread's tid: its index in g_threads (the record does not hold it).
inline uint32_t tid_of(const Thread& t) { return static_cast<uint32_t>(&t - g_threads); }

// Mutexes and condition variables: an owner process, a FIFO of sleeping
// threads and, for a mutex, the holder. These queues are the only kernel
// state about a sleeping thread besides its registers. A region is a NAPOT
// block of its owner's memory; a mapping is another process's reference to
// a region, which that process may map (PMP entry 2); a thread reference
// lets its owner export and import another process's thread.
enum class ObjKind : uint32_t { kNone, kMutex, kCond, kPort, kRegion, kMapping, kThreadRef };
struct Object {
  ObjKind kind;
  uint32_t pid;     // the owning process
  uint32_t holder;  // mutex: tid holding it; port: tid waiting in ipc_recv; mapping: the
                    // region; thread reference: the thread
  uint32_t head, tail;  // sleeping threads (mutex, cond: waiters; port: senders)
  uint32_t base, size;  // region
};
Object g_objs[kMaxObjects + 1];
static_assert(sizeof(Object) == 7 * sizeof(uint32_t), "Snapshot::objects");
uint32_t g_mapped[kMaxProcesses + 1];  // the mapping each process has mapped (0 none)

// Asynchronous calls: per process, its registered ring and the "task word"
// the kernel's server waits with on the process's syscall channel (a 32-byte
// aligned record: the controller only carries its address).
struct alignas(32) AsyncServer {
  sys::AsyncRing* ring;
  uint32_t pid;
  uint32_t served;
};
AsyncServer g_async[kMaxProcesses + 1];
uint32_t g_async_rings;  // rings registered: no DEQ on kernel entries while 0
const bsp::intc::Process kKernelSlot(0);

uint32_t async_source(uint32_t pid) { return bsp::intc::channel_source(pid - 1); }

uint32_t g_crc = 0xFFFFFFFFu, g_console_bytes;
uint32_t g_checkpoint_at;
void (*g_checkpoint_hook)();

// A preemption point inside a long kernel operation (PP): true when the
// timer wants the hart. The NP build has none: long operations run to the end;
// neither has FP, where the timer itself interrupts the kernel (preempt_window).
inline bool preempt_pending() {
#if defined(KERNEL_NP) || defined(KERNEL_FP)
  return false;
#else
  return (bsp::irq::pending() & bsp::irq::kMtie) != 0;
#endif
}

// FP: between two steps of a copy -- each step leaves the registers of the
// threads involved describing the rest of the work -- interrupts are on for
// one instruction, so a pending timer traps here (kernel_preempt_in_kernel)
// and another thread may run before the copy goes on. Elsewhere the kernel
// runs with interrupts off: every object and queue update is one critical
// section.
inline void preempt_window() {
#if defined(KERNEL_FP)
  asm volatile("csrsi mstatus, 8\n\tcsrci mstatus, 8" ::: "memory");
#endif
}

void console_byte(uint8_t b) {
  g_crc ^= b;
  for (int i = 0; i < 8; ++i) g_crc = (g_crc >> 1) ^ (0xEDB88320u & (0u - (g_crc & 1u)));
  ++g_console_bytes;
}

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

// U-mode sees its region (RWX), its own ATS-INTC page (RW) and the region
// it has mapped, if any (RW), nothing else.
void load_pmp(uint32_t pid) {
  bsp::csr_write<kPmpaddr0>(napot(region_base(pid), kRegionBytes));
  bsp::csr_write<kPmpaddr1>(napot(kIntcBase + kIntcPage * (pid + 1), kIntcPage));
  uint32_t cfg = (kPmpNapot | kPmpR | kPmpW | kPmpX) | ((kPmpNapot | kPmpR | kPmpW) << 8);
  if (const uint32_t m = g_mapped[pid]; m != 0) {
    const Object& r = g_objs[g_objs[m].holder];
    bsp::csr_write<kPmpaddr2>(napot(r.base, r.size));
    cfg |= (kPmpNapot | kPmpR | kPmpW) << 16;
  }
  bsp::csr_write<kPmpcfg0>(cfg);
}

bool in_region(uint32_t pid, uint32_t addr, uint32_t len) {
  const uintptr_t base = region_base(pid);
  return addr >= base && len <= kRegionBytes && addr - base <= kRegionBytes - len;
}


// Next runnable thread after the current one, round robin; 0 when none.
uint32_t pick_next() {
  for (uint32_t i = 1; i <= kMaxThreads; ++i) {
    const uint32_t t = (g_current + i - 1) % kMaxThreads + 1;
    if (g_threads[t].state == ThreadState::kRunnable) return t;
  }
  return 0;
}

uint32_t next_quantum() {
  if (g_quantum_max <= g_quantum_min) return g_quantum_min;
  g_rng ^= g_rng << 13;
  g_rng ^= g_rng >> 17;
  g_rng ^= g_rng << 5;
  return g_quantum_min + g_rng % (g_quantum_max - g_quantum_min + 1);
}

void arm_timer() { bsp::clint::set_mtimecmp(0, bsp::clint::mtime() + next_quantum()); }

[[noreturn]] void finish() {
  bsp::clint::disarm(0);
  bsp::simctrl::exit(kernel_finished());
}

#if defined(KERNEL_PROCESS)
constexpr uint32_t kKstackBytes = 1024;  // trap_entry.S: KSTACK_SHIFT
// trap_entry.S finds a thread's kernel stack top, __kernel_stacks + tid KiB,
// as (Thread* << 3) + __kernel_stack_bias.
static_assert(kKstackBytes == sizeof(Thread) << 3, "trap_entry.S: THREAD_TO_KSTACK_SHIFT");
uint32_t g_ksp[kMaxThreads + 1];  // kernel sp of each thread that is not running

void set_kernel_stack_bias() {
  __kernel_stack_bias = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(__kernel_stacks)) -
                        (static_cast<uint32_t>(reinterpret_cast<uintptr_t>(g_threads)) << 3);
}

// An empty kernel stack for thread `tid` holding one __kernel_switch frame
// that "returns" into __kernel_first_run with s0 = the Thread: the first
// switch to it goes straight to its user registers.
void init_kernel_context(uint32_t tid) {
  uint32_t* frame = reinterpret_cast<uint32_t*>(__kernel_stacks + tid * kKstackBytes) - 16;
  for (uint32_t i = 0; i < 16; ++i) frame[i] = 0;
  frame[0] = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(&__kernel_first_run));
  frame[1] = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(&g_threads[tid]));
  g_ksp[tid] = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(frame));
}
#endif

Thread* switch_to(uint32_t tid) {
  if (tid == 0) {
    for (const Thread& t : g_threads) {
      if (t.state == ThreadState::kBlocked) {
        ++g_count.deadlocked;
        bsp::printf("kernel: thread %lu of process %lu sleeps on object %lu for good\n", tid_of(t),
                    static_cast<uint32_t>(t.pid), static_cast<uint32_t>(t.waits_on));
      }
    }
    finish();
  }
  g_current = tid;
  __kernel_user_gp = g_procs[g_threads[tid].pid].gp;  // gp is the process's
  load_pmp(g_threads[tid].pid);
  arm_timer();
  return &g_threads[tid];
}

// Object queues (FIFO through Thread::next).
void enqueue(Object& o, Thread& t) {
  const uint32_t tid = tid_of(t);
  t.next = 0;
  if (o.tail != 0) g_threads[o.tail].next = static_cast<uint8_t>(tid);
  else o.head = tid;
  o.tail = tid;
}
uint32_t dequeue(Object& o) {
  const uint32_t tid = o.head;
  if (tid != 0) {
    o.head = g_threads[tid].next;
    if (o.head == 0) o.tail = 0;
  }
  return tid;
}
void unlink(Object& o, uint32_t tid) {
  uint32_t prev = 0;
  for (uint32_t t = o.head; t != 0; prev = t, t = g_threads[t].next) {
    if (t != tid) continue;
    if (prev != 0) g_threads[prev].next = g_threads[t].next;
    else o.head = g_threads[t].next;
    if (o.tail == t) o.tail = prev;
    return;
  }
}

// The thread sleeps in the object's queue; its pc stays on the ecall, so
// when woken it executes the call again (Fluke: the registers are the
// continuation).
void block(Thread& t, uint32_t obj) {
  t.state = ThreadState::kBlocked;
  t.waits_on = static_cast<uint8_t>(obj);
  enqueue(g_objs[obj], t);
  ++g_count.blocks;
}
void wake(uint32_t tid) {
  if (tid == 0) return;
  g_threads[tid].state = ThreadState::kRunnable;
  g_threads[tid].waits_on = 0;
  ++g_count.wakeups;
}

void release_mutex(uint32_t m) {
  g_objs[m].holder = 0;
  wake(dequeue(g_objs[m]));  // it retries the lock when it runs
}

// Frees object i. Other processes' threads asleep on it (senders, clients
// awaiting a reply) repeat their call and find no such object (EINVAL); a
// region takes its mappings with it, and a process that had one mapped loses
// the access (its PMP is loaded again when it next runs).
void destroy_object(uint32_t i) {
  const ObjKind kind = g_objs[i].kind;
  g_objs[i] = Object{};
  for (Thread& u : g_threads) {
    if (u.state == ThreadState::kBlocked && u.waits_on == i) wake(tid_of(u));
  }
  for (uint32_t p = 1; p <= kMaxProcesses; ++p) {
    if (g_mapped[p] == i) g_mapped[p] = 0;
  }
  if (kind != ObjKind::kRegion) return;
  for (uint32_t m = 1; m <= kMaxObjects; ++m) {
    if (g_objs[m].kind == ObjKind::kMapping && g_objs[m].holder == i) destroy_object(m);
  }
}

void end_process(Thread& t, bool killed, int32_t code, uint32_t cause, uint32_t tval) {
  const uint32_t pid = t.pid;
  ProcessInfo& p = g_procs[pid];
  p.alive = false;
  p.killed = killed;
  p.exit_code = code;
  p.cause = cause;
  p.tval = tval;
  p.fault_pc = t.pc;
  for (Thread& u : g_threads) {
    if (u.pid != t.pid || u.state == ThreadState::kFree || u.state == ThreadState::kDead) continue;
    if (u.state == ThreadState::kBlocked) unlink(g_objs[u.waits_on], tid_of(u));
    u.state = ThreadState::kDead;
  }
  for (uint32_t i = 1; i <= kMaxObjects; ++i) {
    if (g_objs[i].kind == ObjKind::kNone || g_objs[i].pid != t.pid) continue;
    destroy_object(i);
  }
  g_mapped[t.pid] = 0;
  if (g_async[t.pid].ring != nullptr) {  // the server stops waiting for its doorbell
    AsyncServer& a = g_async[t.pid];
    if (!kKernelSlot.cancel(async_source(t.pid), bsp::intc::task_word(&a, 0))) {
      while (kKernelSlot.deq() != 0) {  // rang just now: drop it (no other server is ready)
      }
    }
    a = AsyncServer{};
    bsp::intc::disable_process(t.pid);
    --g_async_rings;
  }
  if (killed) {
    bsp::printf("kernel: process %lu killed: mcause %lu at pc 0x%08lx, mtval 0x%08lx\n", pid,
                cause, t.pc, tval);
  } else {
    bsp::printf("kernel: process %lu exited with %ld\n", pid, code);
  }
}

// A thread ends; the process ends (exit code 0) with its last thread.
void end_thread(Thread& t) {
  t.state = ThreadState::kDead;
  for (const Thread& u : g_threads) {
    if (u.pid == t.pid && (u.state == ThreadState::kRunnable || u.state == ThreadState::kBlocked))
      return;
  }
  end_process(t, false, 0, 0, 0);
}

uint32_t new_object(ObjKind kind, uint32_t pid) {
  for (uint32_t i = 1; i <= kMaxObjects; ++i) {
    if (g_objs[i].kind == ObjKind::kNone) {
      g_objs[i] = Object{kind, pid, 0, 0, 0, 0, 0};
      return i;
    }
  }
  return 0;
}
// A live process other than the caller's (the receiver of a reference).
bool other_live_process(const Thread& t, uint32_t pid) {
  return pid != 0 && pid <= kMaxProcesses && g_procs[pid].alive && pid != t.pid;
}

// The caller's process's object of that kind, or 0.
uint32_t own_object(const Thread& t, uint32_t id, ObjKind kind) {
  if (id == 0 || id > kMaxObjects) return 0;
  return g_objs[id].kind == kind && g_objs[id].pid == t.pid ? id : 0;
}

uint32_t new_thread(uint32_t pid, uint32_t entry, uint32_t sp) {
  for (uint32_t tid = 1; tid <= kMaxThreads; ++tid) {
    Thread& t = g_threads[tid];
    if (t.state != ThreadState::kFree && t.state != ThreadState::kDead) continue;
    for (uint32_t i = 1; i <= kMaxObjects; ++i) {  // references to the slot's last thread
      if (g_objs[i].kind == ObjKind::kThreadRef && g_objs[i].holder == tid) g_objs[i] = Object{};
    }
    t = Thread{};
    t.x[2] = sp;
    t.pc = entry;
    t.state = ThreadState::kRunnable;
    t.pid = static_cast<uint8_t>(pid);
#if defined(KERNEL_PROCESS)
    init_kernel_context(tid);
#endif
    return tid;
  }
  return 0;
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
    const char c = *reinterpret_cast<const char*>(static_cast<uintptr_t>(buf));
    bsp::uart::putc(c);
    console_byte(static_cast<uint8_t>(c));
    ++buf;
    --len;
#if defined(KERNEL_FP)
    t.x[10] = buf;  // the registers describe the rest at every window
    t.x[11] = len;
    if (len > 0) preempt_window();
#endif
    if (len > 0 && preempt_pending()) {
      RT_MARK("kernel.preempt");  // a preemption point noticed the timer
      t.x[10] = buf;
      t.x[11] = len;
      ++g_count.restarts;
      return false;  // pc stays on the ecall: the restart continues the copy
    }
  }
  t.x[10] = buf;
  t.x[11] = 0;
  return true;
}

// May the caller's process export or import thread `tid`'s state? Its own
// threads; another process's where it holds a reference to the thread
// (thread_ref) or the configuration grants it (grant_state_access).
bool may_access(const Thread& t, uint32_t tid) {
  const uint32_t target = g_threads[tid].pid;
  if (target == t.pid || ((g_state_access[t.pid] >> target) & 1u) != 0) return true;
  for (uint32_t i = 1; i <= kMaxObjects; ++i) {
    const Object& o = g_objs[i];
    if (o.kind == ObjKind::kThreadRef && o.pid == t.pid && o.holder == tid) return true;
  }
  return false;
}

// SYS_thread_state: the 33 words (x0..x31, pc) of any thread, at any moment --
// the saved registers are its complete state, also in the middle of a long call.
// x0 is 0 and gp (x3) the process's gp: neither is saved per thread.
void sys_thread_state(Thread& t) {
  const uint32_t tid = t.x[10], buf = t.x[11];
  if (tid == 0 || tid > kMaxThreads || g_threads[tid].state == ThreadState::kFree) {
    t.x[10] = static_cast<uint32_t>(sys::kEsrch);
    return;
  }
  if (!may_access(t, tid)) {
    t.x[10] = static_cast<uint32_t>(sys::kEperm);
    return;
  }
  if (!in_region(t.pid, buf, 33 * 4) || (buf & 3) != 0) {
    t.x[10] = static_cast<uint32_t>(sys::kEfault);
    return;
  }
  const Thread& s = g_threads[tid];
  uint32_t* out = reinterpret_cast<uint32_t*>(static_cast<uintptr_t>(buf));
  out[0] = 0;
  out[1] = s.x[1];
  out[2] = s.x[2];
  out[3] = g_procs[s.pid].gp;
  for (uint32_t i = 4; i < 32; ++i) out[i] = s.x[i];
  out[32] = s.pc;
  // The caller's own a0 is about to become the result: export what it is.
  if (tid == tid_of(t)) out[10] = 0;
  t.x[10] = s.state == ThreadState::kDead ? 1 : 0;
}

// SYS_thread_set_state: imports x1..x31 and pc into another thread (Fluke's
// thread_set_state). A thread asleep in a call leaves its queue (or its port)
// and runs from the new registers; in the process model its kernel context,
// if any, is dropped -- the registers are all there is to a thread. gp (x3)
// is the process's, not the thread's: another value is refused (EINVAL).
void sys_thread_set_state(Thread& t) {
  const uint32_t tid = t.x[10], buf = t.x[11];
  if (tid == 0 || tid > kMaxThreads || g_threads[tid].state == ThreadState::kFree ||
      g_threads[tid].state == ThreadState::kDead) {
    t.x[10] = static_cast<uint32_t>(sys::kEsrch);
    return;
  }
  if (tid == tid_of(t)) {  // the caller's own registers are about to change anyway
    t.x[10] = static_cast<uint32_t>(sys::kEinval);
    return;
  }
  Thread& u = g_threads[tid];
  if (!may_access(t, tid)) {
    t.x[10] = static_cast<uint32_t>(sys::kEperm);
    return;
  }
  const uint32_t* in = reinterpret_cast<const uint32_t*>(static_cast<uintptr_t>(buf));
  if (!in_region(t.pid, buf, 33 * 4) || (buf & 3) != 0 || !in_region(u.pid, in[32], 4) ||
      (in[32] & 3) != 0) {
    t.x[10] = static_cast<uint32_t>(sys::kEfault);
    return;
  }
  if (in[3] != g_procs[u.pid].gp) {
    t.x[10] = static_cast<uint32_t>(sys::kEinval);
    return;
  }
  if (u.state == ThreadState::kBlocked) {
    Object& o = g_objs[u.waits_on];
    if (o.kind == ObjKind::kPort && o.holder == tid) o.holder = 0;  // a waiting receiver
    else unlink(o, tid);
    u.state = ThreadState::kRunnable;
    u.waits_on = 0;
  }
  u.x[1] = in[1];
  u.x[2] = in[2];
  for (uint32_t i = 4; i < 32; ++i) u.x[i] = in[i];
  u.pc = in[32];
#if defined(KERNEL_PROCESS)
  init_kernel_context(tid);
#endif
  t.x[10] = 0;
}

int32_t run_async(uint32_t pid, const sys::AsyncRing::Entry& e) {
  switch (e.num) {
    case sys::kGetPid: return static_cast<int32_t>(pid);
    case sys::kAdd: return static_cast<int32_t>(e.a0 + e.a1);
    default: return sys::kEnosys;
  }
}

volatile bool g_async_hart;  // hart 1 serves the rings

// Every kernel entry: the controller has made ready the server of each
// process that rang its doorbell; one DEQ says which (0: none).
void serve_async() {
  while (const uint32_t w = kKernelSlot.deq()) {
    AsyncServer& s = *bsp::intc::task_frame<AsyncServer>(w);
    sys::AsyncRing& r = *s.ring;
    const uint32_t upto = r.submitted;
    for (; s.served != upto; ++s.served) {
      sys::AsyncRing::Entry& e = r.entry[s.served % sys::kAsyncSlots];
      e.result = run_async(s.pid, e);
    }
    r.completed = upto;
    kKernelSlot.wait(async_source(s.pid), w);  // for the next doorbell
  }
}

uint32_t port_object(uint32_t id) {
  if (id == 0 || id > kMaxObjects) return 0;
  return g_objs[id].kind == ObjKind::kPort ? id : 0;
}

// An IPC copy between two threads' buffers, described only by their
// registers: the source at s.x[sr] with s.x[sr + 1] bytes left, the
// destination at r.x[dr] with r.x[dr + 1] bytes of room and r.x[dr + 2]
// counting what arrived (ipc_send / ipc_call: the sender's a1, a2 into the
// receiver's a1, a2, a3; ipc_reply: the server's a1, a2 into the client's a3,
// a4, a5). Word by word, with a preemption point every 16 bytes: both
// threads' registers always describe the rest, so an interruption needs no
// kernel state -- the copying thread's call repeats (or, in the process model,
// goes on) and the other thread stays asleep with its registers advanced.
// Under FP `still_there()` says after each interrupt window whether the
// other thread still waits for this copy (its state may have been set, its
// process ended). Returns true when done.
template <typename StillThere>
bool ipc_copy(Thread& s, uint32_t sr, Thread& r, uint32_t dr, StillThere still_there) {
  uint32_t since_check = 0;
  while (s.x[sr + 1] > 0 && r.x[dr + 1] > 0) {
    const uint32_t src = s.x[sr], dst = r.x[dr];
    uint32_t n = 1;
    if (((src | dst) & 3) == 0 && s.x[sr + 1] >= 4 && r.x[dr + 1] >= 4) {
      *reinterpret_cast<uint32_t*>(static_cast<uintptr_t>(dst)) =
          *reinterpret_cast<const uint32_t*>(static_cast<uintptr_t>(src));
      n = 4;
    } else {
      *reinterpret_cast<uint8_t*>(static_cast<uintptr_t>(dst)) =
          *reinterpret_cast<const uint8_t*>(static_cast<uintptr_t>(src));
    }
    s.x[sr] += n;
    s.x[sr + 1] -= n;
    r.x[dr] += n;
    r.x[dr + 1] -= n;
    r.x[dr + 2] += n;
    since_check += n;
    if (s.x[sr + 1] == 0 || r.x[dr + 1] == 0) break;  // done
#if defined(KERNEL_FP)
    preempt_window();
    if (!still_there()) return false;
#else
    (void)still_there;  // the kernel is not preempted inside the copy
#endif
    if (since_check >= 16) {
      since_check = 0;
      if (preempt_pending()) {
        RT_MARK("kernel.preempt");  // a preemption point noticed the timer
        ++g_count.restarts;
        return false;
      }
    }
  }
  return true;
}

// A client waits for the reply of the server process owning `port`: asleep,
// its call turned into ipc_reply_wait on that port (ipc_call's second stage).
bool awaits_reply(const Thread& c, uint32_t port) {
  return c.state == ThreadState::kBlocked && c.x[17] == sys::kIpcReplyWait &&
         c.waits_on == port && c.x[10] == port;
}

// Who is partway through a copy into a waiting thread is in that thread's
// own registers (the receiver's a4, a client's a6), so an interrupted copy
// needs no kernel state: the copier's restart finds its mark and goes on,
// and any other copier waits (a sender) or is refused (a replier). A mark
// whose copier no longer does that call (ended, state set) is stale: the
// half-copied data is dropped by rewinding the waiting thread's buffer
// registers (pointer, room, count) by the count.
bool copier_still_at_it(uint32_t tid, uint32_t call, uint32_t a0) {
  if (tid > kMaxThreads) return false;  // not a mark the kernel made
  const Thread& c = g_threads[tid];
  return (c.state == ThreadState::kRunnable || c.state == ThreadState::kBlocked) &&
         c.x[17] == call && c.x[10] == a0;
}
void rewind(Thread& w, uint32_t dr) {
  w.x[dr] -= w.x[dr + 2];
  w.x[dr + 1] += w.x[dr + 2];
  w.x[dr + 2] = 0;
}

enum class Delivery { kDone, kInterrupted, kReceiverBusy };

// ipc_send / ipc_call with a receiver waiting on the port: the copy, then the
// receiver completes (a0 = length, a4 = the client to reply to, 0 for a
// plain send).
Delivery deliver(Thread& t, Object& o, uint32_t port, bool wants_reply) {
  Thread& r = g_threads[o.holder];
  const uint32_t mark = r.x[14];
  if (mark != 0 && mark != tid_of(t)) {
    if (copier_still_at_it(mark, sys::kIpcSend, port) ||
        copier_still_at_it(mark, sys::kIpcCall, port))
      return Delivery::kReceiverBusy;
    rewind(r, 11);
    if (!in_region(r.pid, r.x[11], r.x[12])) {  // registers the kernel did not write
      o.holder = 0;
      r.x[14] = 0;
      r.x[10] = static_cast<uint32_t>(sys::kEfault);
      r.pc += 4;
      wake(tid_of(r));
      return Delivery::kReceiverBusy;  // the sender waits for another receiver
    }
  }
  r.x[14] = tid_of(t);
  const uint32_t rtid = tid_of(r);
  if (!ipc_copy(t, 11, r, 11, [&o, rtid] { return o.holder == rtid; }))
    return Delivery::kInterrupted;
  o.holder = 0;
  r.x[10] = r.x[13];  // the message length
  r.x[14] = wants_reply ? tid_of(t) : 0;
  r.pc += 4;
  wake(tid_of(r));
  return Delivery::kDone;
}

Thread* result(Thread& t, int32_t v) {
  t.x[10] = static_cast<uint32_t>(v);
  t.pc += 4;
  return &t;
}

// Returns the thread to run next.
Thread* on_syscall(Thread& t) {
  ++g_count.syscalls;
  const uint32_t a0 = t.x[10], a1 = t.x[11];
  switch (t.x[17]) {
    case sys::kExit:
      end_process(t, false, static_cast<int32_t>(a0), 0, 0);
      return switch_to(pick_next());
    case sys::kThreadExit:
      end_thread(t);
      return switch_to(pick_next());
    case sys::kYield:
      t.pc += 4;
      return switch_to(pick_next());
    case sys::kWrite:
      if (!sys_write(t)) return switch_to(pick_next());  // interrupted: restart later
      t.pc += 4;
      return &t;
    case sys::kGetPid:
      return result(t, static_cast<int32_t>(t.pid));
    case sys::kGetTid:
      return result(t, static_cast<int32_t>(tid_of(t)));
    case sys::kThreadState:
      sys_thread_state(t);
      t.pc += 4;
      return &t;
    case sys::kThreadSetState:
      sys_thread_set_state(t);
      t.pc += 4;
      return &t;
    case sys::kThreadCreate: {
      if (!in_region(t.pid, a0, 4) || !in_region(t.pid, a1 - 16, 16) || (a1 & 15) != 0)
        return result(t, sys::kEfault);
      const uint32_t tid = new_thread(t.pid, a0, a1);
      return result(t, tid == 0 ? sys::kEagain : static_cast<int32_t>(tid));
    }
    case sys::kMutexCreate:
    case sys::kCondCreate: {
      const uint32_t id =
          new_object(t.x[17] == sys::kMutexCreate ? ObjKind::kMutex : ObjKind::kCond, t.pid);
      return result(t, id == 0 ? sys::kEagain : static_cast<int32_t>(id));
    }
    case sys::kMutexLock: {
      const uint32_t m = own_object(t, a0, ObjKind::kMutex);
      if (m == 0) return result(t, sys::kEinval);
      if (g_objs[m].holder == 0) {
        g_objs[m].holder = tid_of(t);
        return result(t, 0);
      }
      block(t, m);  // pc stays on the ecall: woken, it tries again
      return switch_to(pick_next());
    }
    case sys::kMutexUnlock: {
      const uint32_t m = own_object(t, a0, ObjKind::kMutex);
      if (m == 0) return result(t, sys::kEinval);
      if (g_objs[m].holder != tid_of(t)) return result(t, sys::kEperm);
      release_mutex(m);
      return result(t, 0);
    }
    case sys::kCondWait: {
      const uint32_t c = own_object(t, a0, ObjKind::kCond);
      const uint32_t m = own_object(t, a1, ObjKind::kMutex);
      if (c == 0 || m == 0) return result(t, sys::kEinval);
      if (g_objs[m].holder != tid_of(t)) return result(t, sys::kEperm);
      // Fluke's multi-stage call: after the wait the thread must relock the
      // mutex, so its registers become exactly that call -- a7 = mutex_lock,
      // a0 = the mutex, pc still on the ecall. The kernel remembers nothing.
      t.x[17] = sys::kMutexLock;
      t.x[10] = m;
      release_mutex(m);
      block(t, c);
      ++g_count.cond_waits;
      return switch_to(pick_next());
    }
    case sys::kCondSignal:
    case sys::kCondBroadcast: {
      const uint32_t c = own_object(t, a0, ObjKind::kCond);
      if (c == 0) return result(t, sys::kEinval);
      do {
        const uint32_t w = dequeue(g_objs[c]);
        if (w == 0) break;
        wake(w);
      } while (t.x[17] == sys::kCondBroadcast);
      return result(t, 0);
    }
    case sys::kAsyncRegister: {
      if (!in_region(t.pid, a0, sizeof(sys::AsyncRing)) || (a0 & 3) != 0)
        return result(t, sys::kEfault);
      AsyncServer& s = g_async[t.pid];
      if (s.ring != nullptr) return result(t, sys::kEbusy);
      s.ring = reinterpret_cast<sys::AsyncRing*>(static_cast<uintptr_t>(a0));
      s.pid = t.pid;
      s.served = s.ring->submitted;
      s.ring->completed = s.served;
      namespace in = bsp::intc;
      in::enable_process(t.pid);
      in::set_source(async_source(t.pid), 0, false, 1u << t.pid);
      kKernelSlot.wait(async_source(t.pid), in::task_word(&s, 0));
      ++g_async_rings;
      return result(t, 0);
    }
    case sys::kAsyncWait:
      return result(t, static_cast<int32_t>(g_async[t.pid].ring != nullptr
                                                ? g_async[t.pid].ring->completed
                                                : 0));
    case sys::kAdd:
      return result(t, static_cast<int32_t>(a0 + a1));
    case sys::kThreadRef: {  // a0 = a thread of the caller's process, a1 = another process
      if (a0 == 0 || a0 > kMaxThreads || g_threads[a0].pid != t.pid ||
          g_threads[a0].state == ThreadState::kFree)
        return result(t, sys::kEsrch);
      if (!other_live_process(t, a1)) return result(t, sys::kEsrch);
      const uint32_t id = new_object(ObjKind::kThreadRef, a1);
      if (id == 0) return result(t, sys::kEagain);
      g_objs[id].holder = a0;
      return result(t, static_cast<int32_t>(id));
    }
    case sys::kRegionCreate: {  // a0 = base, a1 = size: a NAPOT block of the caller's memory
      if (a1 < 8 || (a1 & (a1 - 1)) != 0 || (a0 & (a1 - 1)) != 0) return result(t, sys::kEinval);
      if (!in_region(t.pid, a0, a1)) return result(t, sys::kEfault);
      const uint32_t id = new_object(ObjKind::kRegion, t.pid);
      if (id == 0) return result(t, sys::kEagain);
      g_objs[id].base = a0;
      g_objs[id].size = a1;
      return result(t, static_cast<int32_t>(id));
    }
    case sys::kRegionShare: {  // a0 = region, a1 = process: a mapping object of that process
      const uint32_t r = own_object(t, a0, ObjKind::kRegion);
      if (r == 0) return result(t, sys::kEinval);
      if (!other_live_process(t, a1)) return result(t, sys::kEsrch);
      const uint32_t id = new_object(ObjKind::kMapping, a1);
      if (id == 0) return result(t, sys::kEagain);
      g_objs[id].holder = r;
      return result(t, static_cast<int32_t>(id));
    }
    case sys::kRegionMap: {  // a0 = one of the caller's mappings, or 0 to unmap
      const uint32_t m = own_object(t, a0, ObjKind::kMapping);
      if (a0 != 0 && m == 0) return result(t, sys::kEinval);
      g_mapped[t.pid] = m;
      load_pmp(t.pid);
      return result(t, 0);
    }
    case sys::kRegionDestroy: {  // a0 = the caller's region; its mappings die with it
      const uint32_t r = own_object(t, a0, ObjKind::kRegion);
      if (r == 0) return result(t, sys::kEinval);
      destroy_object(r);
      return result(t, 0);
    }
    case sys::kPortCreate: {
      const uint32_t id = new_object(ObjKind::kPort, t.pid);
      return result(t, id == 0 ? sys::kEagain : static_cast<int32_t>(id));
    }
    case sys::kIpcRecv: {
      const uint32_t port = own_object(t, a0, ObjKind::kPort);
      if (port == 0) return result(t, sys::kEinval);
      Object& o = g_objs[port];
      if (o.holder != 0 && o.holder != tid_of(t)) return result(t, sys::kEbusy);
      if (!in_region(t.pid, a1, t.x[12])) return result(t, sys::kEfault);
      o.holder = tid_of(t);  // the receiver waits (outside the queue, which holds senders)
      t.state = ThreadState::kBlocked;
      t.waits_on = static_cast<uint8_t>(port);
      ++g_count.blocks;
      wake(dequeue(o));  // a sleeping sender repeats its send and finds us
      return switch_to(pick_next());
    }
    case sys::kIpcSend:
    case sys::kIpcCall: {
      const bool call = t.x[17] == sys::kIpcCall;
      const uint32_t port = port_object(a0);
      if (port == 0) return result(t, sys::kEinval);
      if (!in_region(t.pid, a1, t.x[12])) return result(t, sys::kEfault);
      if (call && !in_region(t.pid, t.x[13], t.x[14])) return result(t, sys::kEfault);
      if (call) t.x[15] = t.x[16] = 0;  // nothing of the reply has arrived yet
      Object& o = g_objs[port];
      if (o.holder == 0) {
        block(t, port);  // pc on the ecall: woken by a receiver, it sends again
        return switch_to(pick_next());
      }
      switch (deliver(t, o, port, call)) {
        case Delivery::kDone: break;
        case Delivery::kInterrupted: return switch_to(pick_next());  // restart later
        case Delivery::kReceiverBusy:  // another sender's message is half-way in
          block(t, port);
          return switch_to(pick_next());
      }
      if (!call) return result(t, static_cast<int32_t>(t.x[12]));  // bytes that did not fit
      // Fluke's multi-stage call: the request is delivered, so the registers
      // become the second stage -- wait for the reply on this port, a3/a4/a5
      // the reply buffer -- with pc still on the ecall.
      t.x[17] = sys::kIpcReplyWait;
      t.x[10] = port;
      [[fallthrough]];
    }
    case sys::kIpcReplyWait: {
      const uint32_t port = port_object(t.x[10]);
      if (port == 0) return result(t, sys::kEinval);  // the server's process has ended
      t.state = ThreadState::kBlocked;  // not queued: the server's ipc_reply finds it
      t.waits_on = static_cast<uint8_t>(port);
      ++g_count.blocks;
      return switch_to(pick_next());
    }
    case sys::kIpcReply: {
      const uint32_t c = a0;
      if (c == 0 || c > kMaxThreads) return result(t, sys::kEsrch);
      Thread& client = g_threads[c];
      const uint32_t port = client.waits_on;
      if (!awaits_reply(client, port) || g_objs[port].pid != t.pid) return result(t, sys::kEsrch);
      if (!in_region(t.pid, a1, t.x[12])) return result(t, sys::kEfault);
      const uint32_t mark = client.x[16];
      if (mark != 0 && mark != tid_of(t)) {
        if (copier_still_at_it(mark, sys::kIpcReply, c)) return result(t, sys::kEbusy);
        rewind(client, 13);
        if (!in_region(client.pid, client.x[13], client.x[14])) return result(t, sys::kEfault);
      }
      client.x[16] = tid_of(t);
      if (!ipc_copy(t, 11, client, 13, [&client, port] { return awaits_reply(client, port); }))
        return switch_to(pick_next());  // interrupted: the reply repeats from its registers
      client.x[10] = client.x[15];  // the reply's length
      client.pc += 4;
      wake(c);
      return result(t, static_cast<int32_t>(t.x[12]));  // bytes that did not fit
    }
    default:
      return result(t, sys::kEnosys);
  }
}

}  // namespace

bool create_process(uint32_t pid, Entry entry, uint32_t gp) {
  if (pid == 0 || pid > kMaxProcesses || g_procs[pid].alive) return false;
  const uint32_t tid = new_thread(pid, static_cast<uint32_t>(reinterpret_cast<uintptr_t>(entry)),
                                  static_cast<uint32_t>(region_base(pid) + kRegionBytes));
  if (tid == 0) return false;
  g_procs[pid] = ProcessInfo{pid, true, false, 0, 0, 0, 0, gp};
  return true;
}

void grant_state_access(uint32_t manager, uint32_t target) {
  if (manager <= kMaxProcesses && target <= kMaxProcesses) g_state_access[manager] |= 1u << target;
}

void set_quantum(uint32_t cycles) { set_quantum(cycles, cycles, 1); }
void set_quantum(uint32_t min, uint32_t max, uint32_t seed) {
  g_quantum_min = min < 100 ? 100 : min;
  g_quantum_max = max < g_quantum_min ? g_quantum_min : max;
  g_rng = seed == 0 ? 1 : seed;
}
const Counters& counters() { return g_count; }

void set_checkpoint_hook(uint32_t at_preemption, void (*hook)()) {
  g_checkpoint_at = at_preemption;
  g_checkpoint_hook = hook;
}

void take_snapshot(Snapshot& s) {
  for (uint32_t i = 0; i <= kMaxThreads; ++i) {
    Thread t = g_threads[i];
    if (t.state == ThreadState::kBlocked) {  // exported at its ecall: the restart repeats it
      t.state = ThreadState::kRunnable;
      t.waits_on = 0;
    }
    t.next = 0;
    s.threads[i] = t;
  }
  for (uint32_t i = 0; i <= kMaxProcesses; ++i) s.procs[i] = g_procs[i];
  for (uint32_t i = 0; i <= kMaxObjects; ++i) {
    const Object& o = g_objs[i];
    // A waiting receiver comes back at its ecall and registers again.
    const uint32_t holder = o.kind == ObjKind::kPort ? 0 : o.holder;
    const uint32_t w[7] = {static_cast<uint32_t>(o.kind), o.pid, holder, 0, 0, o.base, o.size};
    for (uint32_t k = 0; k < 7; ++k) s.objects[i][k] = w[k];
  }
  s.current = g_current;
  for (uint32_t p = 0; p <= kMaxProcesses; ++p) s.mapped[p] = g_mapped[p];
  for (uint32_t p = 1; p <= kMaxProcesses; ++p) {
    const uint8_t* src = reinterpret_cast<const uint8_t*>(region_base(p));
    for (uint32_t i = 0; i < kRegionBytes; ++i) s.regions[p - 1][i] = src[i];
  }
  g_crc = 0xFFFFFFFFu;
  g_console_bytes = 0;
}

void resume_from(const Snapshot& s) {
  bsp::irq::disable_global();
  for (uint32_t i = 0; i <= kMaxThreads; ++i) g_threads[i] = s.threads[i];
  for (uint32_t i = 0; i <= kMaxProcesses; ++i) g_procs[i] = s.procs[i];
  for (uint32_t i = 0; i <= kMaxObjects; ++i) {
    g_objs[i] = Object{static_cast<ObjKind>(s.objects[i][0]), s.objects[i][1], s.objects[i][2], 0, 0,
                       s.objects[i][5], s.objects[i][6]};
  }
  for (uint32_t p = 1; p <= kMaxProcesses; ++p) {
    uint8_t* dst = reinterpret_cast<uint8_t*>(region_base(p));
    for (uint32_t i = 0; i < kRegionBytes; ++i) dst[i] = s.regions[p - 1][i];
  }
  g_crc = 0xFFFFFFFFu;
  g_console_bytes = 0;
  g_checkpoint_hook = nullptr;
#if defined(KERNEL_PROCESS)
  // Kernel continuations are not part of a snapshot: every thread starts
  // again from its user registers (a call in progress repeats its ecall).
  for (uint32_t i = 1; i <= kMaxThreads; ++i) init_kernel_context(i);
  set_kernel_stack_bias();
#endif
  for (uint32_t p = 0; p <= kMaxProcesses; ++p) g_mapped[p] = s.mapped[p];
  g_current = s.current;
  bsp::csr_write<csr::kMscratch>(0);
  bsp::csr_clear<csr::kMstatus>(kMstatusMpp);
  bsp::csr_set<csr::kMstatus>(kMstatusMpie);
  __kernel_resume(switch_to(pick_next()));
}

bool async_on_second_hart() { return g_async_hart; }

const char* execution_model() {
#if defined(KERNEL_PROCESS)
  return "process";
#else
  return "interrupt";
#endif
}
const char* preemption_model() {
#if defined(KERNEL_NP)
  return "NP";
#elif defined(KERNEL_FP)
  return "FP";
#else
  return "PP";
#endif
}
uint32_t bytes_per_thread() {
#if defined(KERNEL_PROCESS)
  return sizeof(Thread) + sizeof(uint32_t) + kKstackBytes;
#else
  return sizeof(Thread);
#endif
}

void async_server_hart() {
  const uint32_t hart = bsp::hart_id();
  bsp::intc::set_hart_proc(hart, 0);  // its work line: the kernel slot has a ready server
  bsp::intc::set_affinity(0, 0x3);
  bsp::irq::disable_global();
  bsp::irq::enable(bsp::irq::kWork);
  g_async_hart = true;
  for (;;) {
    serve_async();
    bsp::wfi();  // the work line ends it (MIE off: no trap)
  }
}

uint32_t console_crc() { return ~g_crc; }
uint32_t console_bytes() { return g_console_bytes; }

const ProcessInfo& process(uint32_t pid) { return g_procs[pid]; }
const Thread& thread(uint32_t tid) { return g_threads[tid]; }

// Every restart is counted where it happens (sys_write, ipc_copy); unlike a
// sum over the thread table it also keeps those of threads whose slot was
// reused.
uint32_t total_restarts() { return g_count.restarts; }

void run() {
  bsp::irq::disable_global();  // the kernel is not preemptible (NP)
  bsp::csr_write<csr::kMscratch>(0);
  bsp::csr_write<csr::kMtvec>(reinterpret_cast<uintptr_t>(&__kernel_trap));
  bsp::irq::enable(bsp::irq::kMtie);  // taken in U-mode whatever MIE says
  // mret goes to U-mode with interrupts as before (MPIE).
  bsp::csr_clear<csr::kMstatus>(kMstatusMpp);
  bsp::csr_set<csr::kMstatus>(kMstatusMpie);
  g_current = 0;
#if defined(KERNEL_PROCESS)
  set_kernel_stack_bias();
#endif
  __kernel_resume(switch_to(pick_next()));
}

}  // namespace kernel

namespace kernel {
namespace {

// A timer preemption (of U-mode, or under FP of the kernel): counted, and
// the checkpoint hook runs at the preemption it was set for.
void count_preemption() {
  ++g_count.preemptions;
  if (g_checkpoint_hook != nullptr && g_count.preemptions == g_checkpoint_at) {
    g_checkpoint_hook();
    g_checkpoint_hook = nullptr;
  }
}

// The trap's work: returns the Thread to run next (switch_to done).
Thread* handle_trap(Thread* t, uint32_t mcause, uint32_t mtval) {
  // Back to U-mode after the next mret (MPP = U).
  bsp::csr_clear<bsp::csr::kMstatus>(kMstatusMpp);
  if (g_async_rings != 0 && !g_async_hart) serve_async();
  switch (mcause) {
    case bsp::cause::kMachineTimer:
      RT_MARK("kernel.preempt");  // the timer's trap reached the kernel (bench: latency)
      count_preemption();
      return switch_to(pick_next());  // preempted: the next one (or the same)
    case bsp::cause::kEcallU:
      return on_syscall(*t);
    default:
      if ((mcause & bsp::cause::kInterrupt) != 0) bsp::unexpected_trap(mcause, t->pc, mtval);
      end_process(*t, true, -1, mcause, mtval);  // a fault kills the process only
      return switch_to(pick_next());
  }
}

#if defined(KERNEL_PROCESS)
// Process model: the trapping thread t is on its own kernel stack. When the
// trap's work hands the hart to another thread n, t's kernel context stays
// here (__kernel_switch) until t is picked again. A call that could not
// finish (it sleeps in an object's queue, or stopped at a preemption point)
// then goes on in the kernel from t's registers -- unless another thread
// finished it meanwhile (a sender completes its receiver's ipc_recv).
// Out of line, so that the common case -- the trapping thread goes on --
// keeps kernel_trap's frame small, and a switch that leaves no call pending
// (a preemption, a call that completed) saves few registers.
[[gnu::noinline]] Thread* go_on_in_kernel(Thread& t, uint32_t call_pc) {
  for (;;) {
    Thread* const n = on_syscall(t);
    if (n == &t) return n;
    const bool pending = t.pc == call_pc && t.state != ThreadState::kDead;
    __kernel_switch(&g_ksp[tid_of(t)], g_ksp[tid_of(*n)]);
    if (!pending || t.pc != call_pc) return &t;  // back to user mode
  }
}
[[gnu::noinline]] Thread* switch_away(Thread& t, Thread* n, bool was_call, uint32_t call_pc) {
  const bool pending = was_call && t.pc == call_pc && t.state != ThreadState::kDead;
  __kernel_switch(&g_ksp[tid_of(t)], g_ksp[tid_of(*n)]);
  if (!pending || t.pc != call_pc) return &t;  // back to user mode
  return go_on_in_kernel(t, call_pc);
}
inline Thread* continue_in_kernel(Thread& t, Thread* n, bool was_call, uint32_t call_pc) {
  return n == &t ? n : switch_away(t, n, was_call, call_pc);
}
#endif

}  // namespace
}  // namespace kernel

#if defined(KERNEL_FP)
// FP: the machine timer trapped inside the kernel (between two steps of a
// copy, trap_entry.S). The interrupted thread stays runnable with its kernel
// context on its stack; the next thread runs first.
void kernel_preempt_in_kernel() {
  using namespace kernel;
  RT_MARK("kernel.preempt");  // the timer's trap reached the kernel (bench: latency)
  ++g_count.kernel_preemptions;
  count_preemption();
  Thread& t = g_threads[g_current];
  Thread* n = switch_to(pick_next());
  if (n != &t) __kernel_switch(&g_ksp[tid_of(t)], g_ksp[tid_of(*n)]);
}
#endif

kernel::Thread* kernel_trap(kernel::Thread* t) {
  const uint32_t mcause = bsp::csr_read<bsp::csr::kMcause>();
  const uint32_t mtval = bsp::csr_read<bsp::csr::kMtval>();
  const uint32_t call_pc = t->pc;
  kernel::Thread* n = kernel::handle_trap(t, mcause, mtval);
#if defined(KERNEL_PROCESS)
  return kernel::continue_in_kernel(*t, n, mcause == bsp::cause::kEcallU, call_pc);
#else
  (void)call_pc;
  return n;
#endif
}
