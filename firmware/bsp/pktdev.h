// Packet device (docs/soc.md §3.8) at 0x1001_0000: RX and TX descriptor
// rings in RAM, filled and drained by the device's DMA.
//
// RxRing and TxRing keep the firmware's side of the rings. Each RX
// descriptor owns one buffer for good; HEAD == TAIL means "nothing for the
// device", so an RX ring of N descriptors holds at most N-1 posted buffers.
// Interrupt lines: RX = PLIC source 2 / ATS-INTC irq 1, TX = PLIC source 3 /
// ATS-INTC irq 2; both stay high until the IRQ_STATUS bit is written 1, so a
// driver clears the bit first and then drains the ring (a packet arriving
// during the drain raises the line again). For the ATS-INTC, which fires on
// rising edges, the driver also re-reads IRQ_STATUS after the drain and
// repeats while the bit is set: a packet delivered in the very cycle of the
// write-1-to-clear keeps the bit set (set wins), the line never falls, and
// without the re-check no edge would ever come again.
#pragma once

#include <stdint.h>

#include "bsp/hart.h"
#include "bsp/mmio.h"

namespace bsp::pktdev {

inline constexpr uintptr_t kBase = 0x10010000u;
inline constexpr uint32_t kIdValue = 0x504B5401u;  // "PKT", version 1

// Registers.
inline constexpr uint32_t kId = 0x00;
inline constexpr uint32_t kCtrl = 0x04;
inline constexpr uint32_t kIrqStatus = 0x08;  // rw1c
inline constexpr uint32_t kIrqEnable = 0x0C;
inline constexpr uint32_t kRxBase = 0x10;
inline constexpr uint32_t kRxSize = 0x14;
inline constexpr uint32_t kRxHead = 0x18;
inline constexpr uint32_t kRxTail = 0x1C;
inline constexpr uint32_t kRxDrops = 0x20;  // any store clears
inline constexpr uint32_t kRxPkts = 0x24;   // any store clears
inline constexpr uint32_t kStatus = 0x28;
inline constexpr uint32_t kTxBase = 0x30;
inline constexpr uint32_t kTxSize = 0x34;
inline constexpr uint32_t kTxHead = 0x38;
inline constexpr uint32_t kTxTail = 0x3C;
inline constexpr uint32_t kTxPkts = 0x40;  // any store clears

// CTRL, IRQ_STATUS / IRQ_ENABLE bits.
inline constexpr uint32_t kCtrlRxEn = 1u << 0;
inline constexpr uint32_t kCtrlTxEn = 1u << 1;
inline constexpr uint32_t kIrqRx = 1u << 0;
inline constexpr uint32_t kIrqTx = 1u << 1;
inline constexpr uint32_t kIrqErr = 1u << 2;

// Descriptor status word.
inline constexpr uint32_t kStDone = 1u << 31;
inline constexpr uint32_t kStTrunc = 1u << 30;
inline constexpr uint32_t kStErr = 1u << 29;
inline constexpr uint32_t kStLenMask = 0xFFFFu;

// One descriptor (16 bytes at BASE + 16 x index), the same for RX and TX.
struct Desc {
  volatile uint32_t addr;    // buffer address (word aligned), firmware
  volatile uint32_t size;    // RX: buffer size in bytes (multiple of 4); TX: length
  volatile uint32_t tag;     // RX: from the generator (sequence number); TX: firmware
  volatile uint32_t status;  // written by the device: DONE | TRUNC | ERR | length
};
static_assert(sizeof(Desc) == 16);

inline uint32_t read(uint32_t off) { return mmio::read32(kBase + off); }
inline void write(uint32_t off, uint32_t v) { mmio::write32(kBase + off, v); }

inline void enable(uint32_t ctrl_bits) { write(kCtrl, read(kCtrl) | ctrl_bits); }
inline void disable(uint32_t ctrl_bits) { write(kCtrl, read(kCtrl) & ~ctrl_bits); }
inline void set_irq_enable(uint32_t bits) { write(kIrqEnable, bits); }
inline void ack(uint32_t irq_bits) { write(kIrqStatus, irq_bits); }
inline uint32_t irq_status() { return read(kIrqStatus); }
inline uint32_t rx_drops() { return read(kRxDrops); }
inline uint32_t rx_pkts() { return read(kRxPkts); }
inline uint32_t tx_pkts() { return read(kTxPkts); }

// Firmware side of the RX ring. Call init() while RX is disabled.
class RxRing {
 public:
  // `ring`: n descriptors, 16-byte aligned; `buffers`: n x buf_bytes bytes,
  // word aligned, buf_bytes a multiple of 4 (< 64 KiB).
  void init(Desc* ring, uint32_t n, uint8_t* buffers, uint32_t buf_bytes) {
    ring_ = ring;
    n_ = n;
    for (uint32_t i = 0; i < n; ++i) {
      ring[i].addr = reinterpret_cast<uintptr_t>(buffers + i * buf_bytes);
      ring[i].size = buf_bytes;
      ring[i].tag = 0;
      ring[i].status = 0;
    }
    next_ = 0;
    tail_ = n - 1;
    fence_w_o();
    write(kRxBase, reinterpret_cast<uintptr_t>(ring));
    write(kRxSize, n);
    write(kRxHead, 0);
    write(kRxTail, tail_);
  }

  // The oldest filled descriptor, or nullptr when none is done yet.
  Desc* peek() const {
    Desc* d = &ring_[next_];
    return (d->status & kStDone) != 0 ? d : nullptr;
  }
  const uint32_t* payload(const Desc* d) const {
    return reinterpret_cast<const uint32_t*>(static_cast<uintptr_t>(d->addr));
  }

  // Gives the descriptor returned by peek() back to the device.
  void pop() {
    ring_[next_].status = 0;
    next_ = next_ + 1 == n_ ? 0 : next_ + 1;
    tail_ = tail_ + 1 == n_ ? 0 : tail_ + 1;
    fence_w_o();
    write(kRxTail, tail_);
  }

  uint32_t size() const { return n_; }

 private:
  Desc* ring_ = nullptr;
  uint32_t n_ = 0;
  uint32_t next_ = 0;  // next descriptor the firmware consumes
  uint32_t tail_ = 0;  // RX_TAIL as last written
};

// Firmware side of the TX ring. Call init() while TX is disabled.
class TxRing {
 public:
  void init(Desc* ring, uint32_t n) {
    ring_ = ring;
    n_ = n;
    for (uint32_t i = 0; i < n; ++i) ring[i].status = 0;
    tail_ = 0;
    clean_ = 0;
    fence_w_o();
    write(kTxBase, reinterpret_cast<uintptr_t>(ring));
    write(kTxSize, n);
    write(kTxHead, 0);
    write(kTxTail, 0);
  }

  // Descriptors that may be posted now (completed ones count once reaped).
  uint32_t space() const {
    const uint32_t used = tail_ >= clean_ ? tail_ - clean_ : tail_ + n_ - clean_;
    return n_ - 1 - used;
  }
  // The slot the next send() fills: lets the caller keep one buffer per slot.
  uint32_t next_slot() const { return tail_; }

  // Posts one packet; false when the ring is full (reap() first).
  bool send(uintptr_t buf, uint32_t len, uint32_t tag) {
    if (space() == 0) return false;
    Desc& d = ring_[tail_];
    d.addr = buf;
    d.size = len;
    d.tag = tag;
    d.status = 0;
    tail_ = tail_ + 1 == n_ ? 0 : tail_ + 1;
    fence_w_o();
    write(kTxTail, tail_);
    return true;
  }

  // Collects completed descriptors; returns how many (errors counted apart).
  uint32_t reap() {
    uint32_t done = 0;
    while (clean_ != tail_) {
      Desc& d = ring_[clean_];
      const uint32_t st = d.status;
      if ((st & kStDone) == 0) break;
      if ((st & kStErr) != 0) ++errors_;
      d.status = 0;
      clean_ = clean_ + 1 == n_ ? 0 : clean_ + 1;
      ++done;
    }
    return done;
  }

  // Every posted descriptor has completed (and been reaped).
  bool idle() const { return clean_ == tail_; }
  uint32_t errors() const { return errors_; }

 private:
  Desc* ring_ = nullptr;
  uint32_t n_ = 0;
  uint32_t tail_ = 0;   // TX_TAIL as last written
  uint32_t clean_ = 0;  // oldest descriptor not yet reaped
  uint32_t errors_ = 0;
};

}  // namespace bsp::pktdev
