// What a user process is written with (docs/kernel.md "Writing a process").
//
// A process lives entirely in its 16 KiB region (kernel/user_regions.ld):
// put its functions and data there with USER_TEXT(p) / USER_DATA(p) /
// USER_RODATA(p), and keep it self-contained -- PMP lets U-mode touch its
// region and its own ATS-INTC page and nothing else, so a call into the
// kernel's code (memcpy, printf, a string literal in .rodata) faults. System
// calls are `ecall` with the number in a7 and arguments in a0..a2.
#pragma once

#include <stdint.h>

#define USER_TEXT(p) __attribute__((section(".user" #p ".text"), noinline))
#define USER_DATA(p) __attribute__((section(".user" #p ".data")))
#define USER_RODATA(p) __attribute__((section(".user" #p ".rodata")))

namespace sys {

// System call numbers (docs/kernel.md lists each with its Fluke class).
enum Number : uint32_t {
  kExit = 0,        // trivial: a0 = exit code; does not return
  kYield = 1,       // trivial
  kWrite = 2,       // long, restartable: a0 = buffer, a1 = length
  kGetPid = 3,      // trivial: returns the process id
  kThreadState = 4, // short: a0 = thread id, a1 = buffer of 33 words (x0..x31, pc);
                    // returns 0, or 1 for a thread that has ended (its last registers)
  kThreadCreate = 5,  // short: a0 = entry, a1 = stack top (in the region); returns the tid
  kMutexCreate = 6,   // short: returns a mutex id
  kMutexLock = 7,     // long: a0 = mutex; sleeps while another thread holds it
  kMutexUnlock = 8,   // short: a0 = mutex (held by the caller)
  kCondCreate = 9,    // short: returns a condition variable id
  kCondWait = 10,     // multi-stage: a0 = cond, a1 = mutex held; releases it, sleeps,
                      // and the registers become mutex_lock(mutex): the restart relocks
  kCondSignal = 11,   // short: a0 = cond; wakes the oldest waiter
  kCondBroadcast = 12,  // short: a0 = cond; wakes every waiter
  kGetTid = 13,       // trivial
  kThreadExit = 14,   // trivial: ends the calling thread (the process with its last one)
  kPortCreate = 15,   // short: returns a port id; the caller's process receives on it
  kIpcSend = 16,      // multi-stage: a0 = port, a1 = buffer, a2 = length; sleeps until a
                      // receiver waits, then copies; interrupted, a1/a2 show what is left
  kIpcRecv = 17,      // multi-stage: a0 = port, a1 = buffer, a2 = capacity, a3 = 0;
                      // returns the message length (a3 counts it while the copy runs)
                      // and in a4 the client to reply to (ipc_call) or 0 (ipc_send);
                      // while a message is half-way in, a4 names its sender
  kAsyncRegister = 18,  // short: a0 = AsyncRing in the region: asynchronous calls (below)
  kAsyncWait = 19,      // trivial: returns AsyncRing::completed (the kernel serves the ring
                        // whenever it runs, so this one trap completes a whole batch)
  kAdd = 20,            // trivial: returns a0 + a1 (a call with no side effect, for benchmarks)
  kThreadSetState = 21,  // short: a0 = thread id, a1 = 33 words (x0..x31, pc) to import;
                         // a thread asleep in a call leaves it and runs from them
  kIpcCall = 22,    // multi-stage: a0 = port, a1/a2 = request, a3/a4 = reply buffer,
                    // a5 = a6 = 0; sends like ipc_send, then becomes ipc_reply_wait;
                    // returns the reply's length (a5 counts it while the server's copy
                    // runs, a6 names the server thread copying)
  kIpcReplyWait = 23,  // long: ipc_call's second stage (a0 = port, a3..a5 as above)
  kIpcReply = 24,   // multi-stage: a0 = client (ipc_recv's a4), a1/a2 = reply; copies into
                    // the client's reply buffer and completes its ipc_call; returns the
                    // bytes that did not fit
  kRegionCreate = 25,   // short: a0 = base, a1 = size (power of two >= 8, base aligned to
                        // it, in the caller's memory); returns a region id
  kRegionShare = 26,    // short: a0 = region, a1 = process; returns the id of a mapping
                        // object (a reference to the region) owned by that process
  kRegionMap = 27,      // short: a0 = one of the caller's mappings (0: unmap); the region
                        // becomes readable and writable to the caller's process (PMP 2)
  kRegionDestroy = 28,  // short: a0 = region; its mappings die, mapped processes lose it
  kThreadRef = 29,  // short: a0 = a thread of the caller's process, a1 = process; returns a
                    // reference object owned by that process, which may then export and
                    // import the thread's state (thread_state, thread_set_state)
};

// Asynchronous system calls (FlexSC-style, over the ATS-INTC): the process
// writes requests into this ring in its own memory and rings the doorbell of
// its syscall channel with one store to its own ATS-INTC page; the
// controller wakes the kernel's server for the process, which runs the
// requests the next time the kernel runs (any trap) and fills in results.
inline constexpr uint32_t kAsyncSlots = 32;
struct AsyncRing {
  struct Entry {
    uint32_t num, a0, a1;
    int32_t result;
  };
  volatile uint32_t submitted;  // written by the process
  volatile uint32_t completed;  // written by the kernel
  Entry entry[kAsyncSlots];
};

// Channel of process p's asynchronous calls: event source 32 + p - 1, owned by
// the kernel slot, p may send. The doorbell: a store to SEND[source] of p's page.
__attribute__((always_inline)) inline void async_doorbell(uint32_t pid) {
  asm volatile("fence w, o" ::: "memory");
  *reinterpret_cast<volatile uint32_t*>(0x40000000u + 0x1000u * (pid + 1) + 0x200u +
                                        4u * (32u + pid - 1)) = 1;
}

// Errors come back as negative values in a0.
inline constexpr int32_t kEfault = -14;  // a buffer outside the caller's region
inline constexpr int32_t kEsrch = -3;    // no such thread
inline constexpr int32_t kEnosys = -38;  // no such system call
inline constexpr int32_t kEperm = -1;    // a mutex the caller does not hold
inline constexpr int32_t kEinval = -22;  // no such object (or another process's)
inline constexpr int32_t kEagain = -11;  // no free thread or object
inline constexpr int32_t kEbusy = -16;   // another thread already receives on the port

[[noreturn]] __attribute__((always_inline)) inline void exit(int32_t code) {
  register uint32_t a0 asm("a0") = static_cast<uint32_t>(code);
  register uint32_t a7 asm("a7") = kExit;
  asm volatile("ecall" : : "r"(a0), "r"(a7) : "memory");
  __builtin_unreachable();
}
__attribute__((always_inline)) inline void yield() {
  register uint32_t a7 asm("a7") = kYield;
  asm volatile("ecall" : "+r"(a7) : : "memory");
}
// Writes len bytes to the console. Interruptible: an interrupt in the middle
// returns to this ecall with a0/a1 advanced, so the restart completes it.
__attribute__((always_inline)) inline void write(const char* buf, uint32_t len) {
  register uint32_t a0 asm("a0") = reinterpret_cast<uintptr_t>(buf);
  register uint32_t a1 asm("a1") = len;
  register uint32_t a7 asm("a7") = kWrite;
  asm volatile("ecall" : "+r"(a0), "+r"(a1) : "r"(a7) : "memory");
}
__attribute__((always_inline)) inline int32_t getpid() {
  register uint32_t a0 asm("a0");
  register uint32_t a7 asm("a7") = kGetPid;
  asm volatile("ecall" : "=r"(a0) : "r"(a7) : "memory");
  return static_cast<int32_t>(a0);
}
__attribute__((always_inline)) inline int32_t thread_state(uint32_t tid, uint32_t* regs33) {
  register uint32_t a0 asm("a0") = tid;
  register uint32_t a1 asm("a1") = reinterpret_cast<uintptr_t>(regs33);
  register uint32_t a7 asm("a7") = kThreadState;
  asm volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a7) : "memory");
  return static_cast<int32_t>(a0);
}

__attribute__((always_inline)) inline int32_t thread_set_state(uint32_t tid,
                                                              const uint32_t* regs33) {
  register uint32_t a0 asm("a0") = tid;
  register uint32_t a1 asm("a1") = reinterpret_cast<uintptr_t>(regs33);
  register uint32_t a7 asm("a7") = kThreadSetState;
  asm volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a7) : "memory");
  return static_cast<int32_t>(a0);
}

__attribute__((always_inline)) inline int32_t call0(uint32_t n) {
  register uint32_t a0 asm("a0");
  register uint32_t a7 asm("a7") = n;
  asm volatile("ecall" : "=r"(a0), "+r"(a7) : : "memory");
  return static_cast<int32_t>(a0);
}
__attribute__((always_inline)) inline int32_t call2(uint32_t n, uint32_t x, uint32_t y) {
  register uint32_t a0 asm("a0") = x;
  register uint32_t a1 asm("a1") = y;
  register uint32_t a7 asm("a7") = n;
  // a0, a1 and a7 may come back changed (a restarted call rewrites them).
  asm volatile("ecall" : "+r"(a0), "+r"(a1), "+r"(a7) : : "memory");
  return static_cast<int32_t>(a0);
}
__attribute__((always_inline)) inline int32_t thread_create(void (*entry)(), uint32_t* stack_top) {
  return call2(kThreadCreate, reinterpret_cast<uintptr_t>(entry),
               reinterpret_cast<uintptr_t>(stack_top));
}
[[noreturn]] __attribute__((always_inline)) inline void thread_exit() {
  register uint32_t a7 asm("a7") = kThreadExit;
  asm volatile("ecall" : : "r"(a7) : "memory");
  __builtin_unreachable();
}
__attribute__((always_inline)) inline int32_t gettid() { return call0(kGetTid); }
__attribute__((always_inline)) inline int32_t mutex_create() { return call0(kMutexCreate); }
__attribute__((always_inline)) inline int32_t mutex_lock(int32_t m) {
  return call2(kMutexLock, static_cast<uint32_t>(m), 0);
}
__attribute__((always_inline)) inline int32_t mutex_unlock(int32_t m) {
  return call2(kMutexUnlock, static_cast<uint32_t>(m), 0);
}
__attribute__((always_inline)) inline int32_t cond_create() { return call0(kCondCreate); }
__attribute__((always_inline)) inline int32_t cond_wait(int32_t c, int32_t m) {
  return call2(kCondWait, static_cast<uint32_t>(c), static_cast<uint32_t>(m));
}
__attribute__((always_inline)) inline int32_t cond_signal(int32_t c) {
  return call2(kCondSignal, static_cast<uint32_t>(c), 0);
}
__attribute__((always_inline)) inline int32_t cond_broadcast(int32_t c) {
  return call2(kCondBroadcast, static_cast<uint32_t>(c), 0);
}

__attribute__((always_inline)) inline int32_t async_register(AsyncRing* r) {
  return call2(kAsyncRegister, reinterpret_cast<uintptr_t>(r), 0);
}
__attribute__((always_inline)) inline int32_t async_wait() { return call0(kAsyncWait); }
__attribute__((always_inline)) inline int32_t add(uint32_t x, uint32_t y) {
  return call2(kAdd, x, y);
}
__attribute__((always_inline)) inline int32_t port_create() { return call0(kPortCreate); }
__attribute__((always_inline)) inline int32_t ipc_send(int32_t port, const void* buf,
                                                       uint32_t len) {
  register uint32_t a0 asm("a0") = static_cast<uint32_t>(port);
  register uint32_t a1 asm("a1") = reinterpret_cast<uintptr_t>(buf);
  register uint32_t a2 asm("a2") = len;
  register uint32_t a7 asm("a7") = kIpcSend;
  asm volatile("ecall" : "+r"(a0), "+r"(a1), "+r"(a2), "+r"(a7) : : "memory");
  return static_cast<int32_t>(a0);
}
__attribute__((always_inline)) inline int32_t thread_ref(uint32_t tid, uint32_t pid) {
  return call2(kThreadRef, tid, pid);
}
__attribute__((always_inline)) inline int32_t region_create(const void* base, uint32_t size) {
  return call2(kRegionCreate, reinterpret_cast<uintptr_t>(base), size);
}
__attribute__((always_inline)) inline int32_t region_share(int32_t region, uint32_t pid) {
  return call2(kRegionShare, static_cast<uint32_t>(region), pid);
}
__attribute__((always_inline)) inline int32_t region_map(int32_t mapping) {
  return call2(kRegionMap, static_cast<uint32_t>(mapping), 0);
}
__attribute__((always_inline)) inline int32_t region_destroy(int32_t region) {
  return call2(kRegionDestroy, static_cast<uint32_t>(region), 0);
}
// Receives a message; *client (if given) is the thread to ipc_reply to, 0
// when the sender used ipc_send.
__attribute__((always_inline)) inline int32_t ipc_recv(int32_t port, void* buf, uint32_t cap,
                                                       uint32_t* client = nullptr) {
  register uint32_t a0 asm("a0") = static_cast<uint32_t>(port);
  register uint32_t a1 asm("a1") = reinterpret_cast<uintptr_t>(buf);
  register uint32_t a2 asm("a2") = cap;
  register uint32_t a3 asm("a3") = 0;
  register uint32_t a4 asm("a4") = 0;
  register uint32_t a7 asm("a7") = kIpcRecv;
  asm volatile("ecall" : "+r"(a0), "+r"(a1), "+r"(a2), "+r"(a3), "+r"(a4), "+r"(a7) : : "memory");
  if (client != nullptr) *client = a4;
  return static_cast<int32_t>(a0);
}
// A request/reply round trip with the server behind `port`: returns the
// reply's length (or a negative error).
__attribute__((always_inline)) inline int32_t ipc_call(int32_t port, const void* req,
                                                       uint32_t req_len, void* reply,
                                                       uint32_t reply_cap) {
  register uint32_t a0 asm("a0") = static_cast<uint32_t>(port);
  register uint32_t a1 asm("a1") = reinterpret_cast<uintptr_t>(req);
  register uint32_t a2 asm("a2") = req_len;
  register uint32_t a3 asm("a3") = reinterpret_cast<uintptr_t>(reply);
  register uint32_t a4 asm("a4") = reply_cap;
  register uint32_t a5 asm("a5") = 0;
  register uint32_t a6 asm("a6") = 0;  // the kernel's mark of a reply in progress
  register uint32_t a7 asm("a7") = kIpcCall;
  asm volatile("ecall"
               : "+r"(a0), "+r"(a1), "+r"(a2), "+r"(a3), "+r"(a4), "+r"(a5), "+r"(a6), "+r"(a7)
               :
               : "memory");
  return static_cast<int32_t>(a0);
}
__attribute__((always_inline)) inline int32_t ipc_reply(uint32_t client, const void* buf,
                                                        uint32_t len) {
  register uint32_t a0 asm("a0") = client;
  register uint32_t a1 asm("a1") = reinterpret_cast<uintptr_t>(buf);
  register uint32_t a2 asm("a2") = len;
  register uint32_t a7 asm("a7") = kIpcReply;
  asm volatile("ecall" : "+r"(a0), "+r"(a1), "+r"(a2), "+r"(a7) : : "memory");
  return static_cast<int32_t>(a0);
}

}  // namespace sys
