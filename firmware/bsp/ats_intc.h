// ATS-INTC (docs/ats_intc.md) at 0x4000_0000: thin wrappers over the
// generated register map (firmware/include/ats_intc_regs.h).
//
// Page 0 is the kernel control page (Kernel, free functions below); page
// 1+p the page of process slot p (Process). Hot-path operations are one
// word access each: ENQ / WAIT / SEND / CANCEL are stores, DEQ is a
// destructive load (the core issues it once, never speculatively).
//
// Task word = frame address (32-byte aligned) | priority (bits 4:0, 0 most
// urgent, < NUM_PRIOS); 0 means "nothing".
#pragma once

#include <stdint.h>

#include "ats_intc_regs.h"
#include "bsp/hart.h"
#include "bsp/mmio.h"

namespace bsp::intc {

inline constexpr uintptr_t kBase = 0x40000000u;

// Event sources: device IRQ i is source i, channel c is source 32 + c.
inline constexpr uint32_t kSrcUart = 0;
inline constexpr uint32_t kSrcPktRx = 1;
inline constexpr uint32_t kSrcPktTx = 2;
constexpr uint32_t timer_source(uint32_t hart) { return 3 + hart; }
constexpr uint32_t channel_source(uint32_t channel) { return ats_intc::kFirstChannel + channel; }

// Task words.
inline constexpr uint32_t kPrioMask = 0x1Fu;
inline constexpr uint32_t kFrameAlign = 32;
inline uint32_t task_word(const void* frame, uint32_t prio) {
  return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(frame)) | (prio & kPrioMask);
}
constexpr uint32_t task_prio(uint32_t word) { return word & kPrioMask; }
template <typename T>
inline T* task_frame(uint32_t word) {
  return reinterpret_cast<T*>(static_cast<uintptr_t>(word & ~kPrioMask));
}

// ---------------------------------------------------------------- kernel page
inline uint32_t kread(uint32_t off) { return mmio::read32(kBase + off); }
inline void kwrite(uint32_t off, uint32_t v) { mmio::write32(kBase + off, v); }

// The build parameters (CFG0, CFG1).
struct Config {
  uint32_t num_procs;
  uint32_t num_prios;
  uint32_t num_harts;
  bool counters;
  uint32_t num_entries;
  uint32_t num_irqs;
  uint32_t num_channels;
};

inline Config config() {
  namespace k = ats_intc::kernel;
  const uint32_t c0 = kread(k::kCfg0);
  const uint32_t c1 = kread(k::kCfg1);
  return Config{
      (c0 & k::kCfg0NumProcsMask) >> k::kCfg0NumProcsShift,
      (c0 & k::kCfg0NumPriosMask) >> k::kCfg0NumPriosShift,
      (c0 & k::kCfg0NumHartsMask) >> k::kCfg0NumHartsShift,
      (c0 & k::kCfg0CountersMask) != 0,
      (c1 & k::kCfg1NumEntriesMask) >> k::kCfg1NumEntriesShift,
      (c1 & k::kCfg1NumIrqsMask) >> k::kCfg1NumIrqsShift,
      (c1 & k::kCfg1NumChannelsMask) >> k::kCfg1NumChannelsShift,
  };
}

inline uint32_t id() { return kread(ats_intc::kernel::kId); }
inline uint32_t version() { return kread(ats_intc::kernel::kVersion); }

// PROC_CTRL: enable (and optionally bus errors for) process slot p.
inline void enable_process(uint32_t p, bool bus_errors = false) {
  namespace k = ats_intc::kernel;
  kwrite(k::proc_ctrl(p), k::kProcCtrlEnableMask | (bus_errors ? k::kProcCtrlBusErrEnMask : 0));
}
inline void disable_process(uint32_t p) { kwrite(ats_intc::kernel::proc_ctrl(p), 0); }
// Discards every entry p holds and clears the sources it owns; the bus waits
// until it is done. The process stays enabled when `enable`.
inline void reset_process(uint32_t p, bool enable = true) {
  namespace k = ats_intc::kernel;
  kwrite(k::proc_ctrl(p), k::kProcCtrlResetMask | (enable ? k::kProcCtrlEnableMask : 0));
}

// SRC_CFG: owner process, wake-one or broadcast, sender mask (channels).
inline void set_source(uint32_t source, uint32_t owner, bool broadcast = false,
                       uint32_t senders = 0) {
  namespace k = ats_intc::kernel;
  kwrite(k::src_cfg(source),
         ((owner << k::kSrcCfgOwnerShift) & k::kSrcCfgOwnerMask) |
             (broadcast ? k::kSrcCfgBroadcastMask : 0) |
             ((senders << k::kSrcCfgSendersShift) & k::kSrcCfgSendersMask));
}
inline void fire(uint32_t source) { kwrite(ats_intc::kernel::fire(source), 1); }
inline uint32_t source_status(uint32_t source) { return kread(ats_intc::kernel::src_stat(source)); }
inline uint32_t pending_count(uint32_t source) {
  return source_status(source) & ats_intc::kernel::kSrcStatPendingMask;
}

inline void set_hart_proc(uint32_t hart, uint32_t p) {
  kwrite(ats_intc::kernel::hart_proc(hart), p);
}
inline void set_affinity(uint32_t p, uint32_t harts) {
  kwrite(ats_intc::kernel::affinity(p), harts);
}
inline void set_quota(uint32_t p, uint32_t entries) { kwrite(ats_intc::kernel::quota(p), entries); }
inline uint32_t run_prio(uint32_t hart) { return kread(ats_intc::kernel::run_prio(hart)); }
inline uint32_t free_entries() { return kread(ats_intc::kernel::kFree); }
inline uint32_t held(uint32_t p) { return kread(ats_intc::kernel::held(p)); }
inline uint32_t global_err() { return kread(ats_intc::kernel::kGlobalErr); }
inline void clear_global_err(uint32_t bits) { kwrite(ats_intc::kernel::kGlobalErr, bits); }

// ---------------------------------------------------------------- process page
class Process {
 public:
  explicit constexpr Process(uint32_t slot)
      : slot_(slot), base_(kBase + ats_intc::process_page(slot)) {}

  uint32_t slot() const { return slot_; }

  // One store: the task joins this process's ready queue at its priority.
  void enq(uint32_t word) const { mmio::write32(base_ + ats_intc::process::kEnq, word); }
  // One load: the most urgent oldest ready task, 0 when none.
  uint32_t deq() const { return mmio::read32(base_ + ats_intc::process::kDeq); }
  // The same dequeue, returning the task word without its priority bits
  // (the frame address), 0 when none.
  uint32_t deq_frame() const { return mmio::read32(base_ + ats_intc::process::kDeqFrame); }
  // One store: ready at once if the source has a pending event, else waits.
  void wait(uint32_t source, uint32_t word) const {
    mmio::write32(base_ + ats_intc::process::wait(source), word);
  }
  // One store: an event on channel source `source` (>= 32). Publish memory first.
  void send(uint32_t source) const {
    fence_w_o();
    mmio::write32(base_ + ats_intc::process::send(source), 1);
  }
  // Removes `word` from the source's wait queue; true if it was there.
  bool cancel(uint32_t source, uint32_t word) const {
    mmio::write32(base_ + ats_intc::process::cancel(source), word);
    return (mmio::read32(base_ + ats_intc::process::kCancelSt) &
            ats_intc::process::kCancelStRemovedMask) != 0;
  }
  uint32_t err() const { return mmio::read32(base_ + ats_intc::process::kErr); }
  void clear_err(uint32_t bits) const { mmio::write32(base_ + ats_intc::process::kErr, bits); }
  uint32_t held() const { return mmio::read32(base_ + ats_intc::process::kHeld); }
  // The source's SRC_STAT (owner only): PENDING [7:0], OVERFLOW, WAITING.
  uint32_t pending(uint32_t source) const {
    return mmio::read32(base_ + ats_intc::process::pending(source));
  }

 private:
  uint32_t slot_;
  uintptr_t base_;
};

}  // namespace bsp::intc
