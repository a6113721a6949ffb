// A Fluke-style kernel on the ATS-INTC SoC (docs/kernel.md): M-mode kernel,
// user processes in U-mode each confined by PMP to its 16 KiB region and its
// own ATS-INTC page, threads, round-robin preemption by the machine timer.
// Execution models: interrupt (one kernel stack; a call that must wait leaves
// the kernel with its registers describing the rest) or process (a kernel
// stack per thread; it waits in the kernel). Preemption: NP, PP (preemption
// points in long operations) or FP (process model: the timer interrupts the
// kernel's copies). Long calls are atomic in Fluke's sense in every build:
// the user registers of a thread always describe the remaining work.
#pragma once

#include <stdint.h>

namespace kernel {

inline constexpr uint32_t kMaxProcesses = 3;  // user regions 1..3
inline constexpr uint32_t kRegionBytes = 0x4000;
inline constexpr uint32_t kMaxThreads = 8;     // tids 1..8
inline constexpr uint32_t kMaxObjects = 16;    // mutex / condition variable ids 1..16

enum class ThreadState : uint8_t { kFree, kRunnable, kBlocked, kDead };

// A thread's user registers as the trap path saves them: x1, x2 (sp) and
// x4..x31, indexed by register number (x[10] = a0). x0 is hardwired zero and
// x3 (gp) belongs to the process (ProcessInfo::gp, the psABI's global pointer,
// which compilers never allocate): neither has a word here, so x[0] and x[3]
// must not be used.
struct Regs {
  uint32_t w[30];
  static constexpr uint32_t slot(uint32_t i) { return i < 3 ? i - 1 : i - 2; }
  constexpr uint32_t& operator[](uint32_t i) { return w[slot(i)]; }
  constexpr const uint32_t& operator[](uint32_t i) const { return w[slot(i)]; }
};

// The whole state of a thread is its user registers and pc: besides them the
// kernel keeps four bytes of bookkeeping (interrupt model). The tid is the
// record's index in the thread table, the wait-queue link a tid, the object
// slept on an object id; the per-thread counts are the kernel's (Counters).
struct Thread {
  Regs x;              // x1, x2, x4..x31 (trap_entry.S: x1 at 0, x2 at 4, xi at 4 * (i - 2))
  uint32_t pc;         // trap_entry.S: THREAD_PC
  ThreadState state;
  uint8_t pid;
  uint8_t next;        // next tid in the wait queue it sleeps in (0: last)
  uint8_t waits_on;    // object id while kBlocked
};
inline constexpr uint32_t kRegisterSaveBytes = sizeof(Regs) + sizeof(uint32_t);  // and pc
static_assert(sizeof(Regs) == 30 * 4 && __builtin_offsetof(Thread, pc) == 120,
              "trap_entry.S: register offsets, THREAD_PC");
static_assert(sizeof(Thread) == 128, "trap_entry.S: THREAD_TO_KSTACK_SHIFT (process model)");
static_assert(kMaxThreads <= 255 && kMaxObjects <= 255 && kMaxProcesses <= 255,
              "Thread: pid, next and waits_on are bytes");

struct ProcessInfo {
  uint32_t pid;
  bool alive;
  bool killed;
  int32_t exit_code;
  uint32_t cause, tval, fault_pc;  // when killed
  // gp (x3) of all its threads: set by the kernel on every return to U-mode,
  // exported by thread_state; thread_set_state refuses another value (EINVAL).
  // A thread that writes gp keeps the value only until its next trap.
  uint32_t gp;
};

using Entry = void (*)();

// Creates process `pid` (1..3) running `entry` in U-mode with its stack at the
// top of its region and `gp` in the gp register of every thread it will have.
// Call before run(). False for a bad pid or one in use.
bool create_process(uint32_t pid, Entry entry, uint32_t gp = 0);
// thread_state on a thread of another process is refused (EPERM) unless the
// configuration lets `manager` export the threads of `target` (a stand-in for
// Fluke's references to thread objects, which this slice does not have yet).
void grant_state_access(uint32_t manager, uint32_t target);
// Preemption quantum in cycles (default 2000). With max > min each quantum is
// drawn at random from [min, max] (xorshift from `seed`), so that repeated
// runs interrupt system calls at different points.
void set_quantum(uint32_t cycles);
void set_quantum(uint32_t min, uint32_t max, uint32_t seed);
// Runs the processes until every one has exited or been killed, then calls
// kernel_finished() and exits the simulation with its return value.
[[noreturn]] void run();

const ProcessInfo& process(uint32_t pid);
const Thread& thread(uint32_t tid);
// Long calls stopped at a preemption point and restarted (counters().restarts).
uint32_t total_restarts();

// Checkpoint / restore (Fluke: the exported user-visible state is enough to
// rebuild the processes). A snapshot holds every thread's registers, every
// object (without wait queues), every process and its region's memory. A
// thread asleep in a mutex or condition queue is exported as runnable with
// its pc on the ecall: restarted, it simply repeats the call (mutex_lock
// sleeps again; a cond_wait has already become mutex_lock, a spurious wake-up
// that condition-variable users allow for).
struct Snapshot;
// Calls `hook` from the kernel at the n-th preemption (once).
void set_checkpoint_hook(uint32_t at_preemption, void (*hook)());
void take_snapshot(Snapshot& s);
// Replaces the whole kernel state with `s` and runs from there.
[[noreturn]] void resume_from(const Snapshot& s);
// CRC-32 of the console bytes written by write() since the last snapshot
// (taken or resumed), and how many there were.
uint32_t console_crc();
uint32_t console_bytes();

// Asynchronous system calls served by a second hart (FlexSC's multicore
// mode): call from secondary_main of hart 1; it sleeps in WFI on the
// ATS-INTC work line of the kernel slot and serves every ring whose doorbell
// rang, so a process can submit and poll for completions without any trap.
// From then on hart 0's kernel entries leave the rings to it.
[[noreturn]] void async_server_hart();
bool async_on_second_hart();

// What the kernel counted (all threads). restarts: long calls stopped at a
// preemption point (PP); kernel_preemptions: timer traps taken inside the
// kernel (FP), whose call goes on where it stopped.
struct Counters {
  uint32_t syscalls, restarts, blocks, wakeups, cond_waits, preemptions, deadlocked;
  uint32_t kernel_preemptions;
};

// The build's options (docs/kernel.md "Execution models"): "interrupt" (one
// kernel stack) or "process" (a kernel stack per thread); "NP", "PP" or "FP".
const char* execution_model();
const char* preemption_model();
// Kernel memory per thread in this build: the Thread record (its register
// save area is kRegisterSaveBytes) plus, in the process model, its kernel
// stack and saved stack pointer.
uint32_t bytes_per_thread();
const Counters& counters();

struct Snapshot {
  Thread threads[kMaxThreads + 1];
  ProcessInfo procs[kMaxProcesses + 1];
  uint32_t objects[kMaxObjects + 1][7];
  uint32_t mapped[kMaxProcesses + 1];
  uint32_t current;
  uint8_t regions[kMaxProcesses][kRegionBytes];
};

}  // namespace kernel

// Defined by the program: called when all processes have ended; its return
// value is the exit code of the run (0 = pass).
int kernel_finished();
