// UART: the 16550 subset of docs/soc.md §3.4 at 0x1000_0000.
//
// One register per 32-bit word (offset = 4 x index), value in byte lane 0. In
// simulation THR is always empty and a store goes straight to the simulator's
// stdout; on the boards putc waits for LSR.THRE. Formatted output is in
// bsp/print.h.
#pragma once

#include <stdint.h>

#include "bsp/mmio.h"

namespace bsp::uart {

inline constexpr uintptr_t kBase = 0x10000000u;

// Register offsets.
inline constexpr uint32_t kRbr = 0x00;  // r: pops the RX FIFO (0 when empty)
inline constexpr uint32_t kThr = 0x00;  // w
inline constexpr uint32_t kDll = 0x00;  // LCR.DLAB = 1
inline constexpr uint32_t kIer = 0x04;
inline constexpr uint32_t kDlm = 0x04;  // LCR.DLAB = 1
inline constexpr uint32_t kIir = 0x08;  // r
inline constexpr uint32_t kFcr = 0x08;  // w
inline constexpr uint32_t kLcr = 0x0C;
inline constexpr uint32_t kMcr = 0x10;
inline constexpr uint32_t kLsr = 0x14;  // reading clears OE, FE
inline constexpr uint32_t kMsr = 0x18;
inline constexpr uint32_t kScr = 0x1C;

// IER bits.
inline constexpr uint32_t kIerRx = 1u << 0;    // RX data available
inline constexpr uint32_t kIerThre = 1u << 1;  // THR empty (a plain level)
inline constexpr uint32_t kIerLine = 1u << 2;  // line status (OE, FE)
// IIR[3:0] interrupt identification.
inline constexpr uint32_t kIirNone = 0x1;
inline constexpr uint32_t kIirLine = 0x6;
inline constexpr uint32_t kIirRx = 0x4;
inline constexpr uint32_t kIirThre = 0x2;
// FCR bits.
inline constexpr uint32_t kFcrEnable = 1u << 0;
inline constexpr uint32_t kFcrClearRx = 1u << 1;
// LCR bits.
inline constexpr uint32_t kLcr8N1 = 0x03;
inline constexpr uint32_t kLcrDlab = 1u << 7;
// LSR bits.
inline constexpr uint32_t kLsrDr = 1u << 0;
inline constexpr uint32_t kLsrOe = 1u << 1;
inline constexpr uint32_t kLsrFe = 1u << 3;
inline constexpr uint32_t kLsrThre = 1u << 5;
inline constexpr uint32_t kLsrTemt = 1u << 6;

inline uint32_t read(uint32_t off) { return mmio::read32(kBase + off); }
inline void write(uint32_t off, uint32_t v) { mmio::write32(kBase + off, v); }

// 8N1, FIFO on and cleared, no interrupts; divisor (boards only) if non-zero.
inline void init(uint32_t divisor = 0) {
  if (divisor != 0) {
    write(kLcr, kLcrDlab | kLcr8N1);
    write(kDll, divisor & 0xFF);
    write(kDlm, (divisor >> 8) & 0xFF);
  }
  write(kLcr, kLcr8N1);
  write(kFcr, kFcrEnable | kFcrClearRx);
  write(kIer, 0);
}

inline void putc(char c) {
  while ((read(kLsr) & kLsrThre) == 0) {
  }
  write(kThr, static_cast<uint8_t>(c));
}

// Waits until the transmitter is idle (before exit on a board).
inline void flush() {
  for (uint32_t i = 0; i < 1000000u && (read(kLsr) & kLsrTemt) == 0; ++i) {
  }
}

inline bool rx_ready() { return (read(kLsr) & kLsrDr) != 0; }

// A received byte, or -1 when the RX FIFO is empty.
inline int getc_nonblock() { return rx_ready() ? static_cast<int>(read(kRbr) & 0xFF) : -1; }

// Enables (or-ed kIer* bits) the UART's interrupt line (PLIC source 1, ATS-INTC irq 0).
inline void set_ier(uint32_t bits) { write(kIer, bits); }

}  // namespace bsp::uart
