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

enum class ThreadState : uint32_t { kFree, kRunnable, kBlocked, kDead };

// The whole state of a thread is its user registers and pc (x[2] = sp):
// the kernel keeps no other per-thread state (interrupt model).
struct Thread {
  uint32_t x[32];  // x[0] unused (always 0)
  uint32_t pc;
  ThreadState state;
  uint32_t pid;
  uint32_t tid;
  uint32_t next;       // next tid in the wait queue it sleeps in (0: last)
  uint32_t waits_on;   // object id while kBlocked
  uint32_t restarts;   // long calls interrupted and restarted
  uint32_t syscalls;
};
static_assert(sizeof(uint32_t) * 33 == 132, "trap_entry.S: pc at offset 128");

struct ProcessInfo {
  uint32_t pid;
  bool alive;
  bool killed;
  int32_t exit_code;
  uint32_t cause, tval, fault_pc;  // when killed
};

using Entry = void (*)();

// Creates process `pid` (1..3) running `entry` in U-mode with its stack at the
// top of its region. Call before run(). False for a bad pid or one in use.
bool create_process(uint32_t pid, Entry entry);
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
// Kernel memory per thread in this build: the Thread record plus, in the
// process model, its kernel stack and saved stack pointer.
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
