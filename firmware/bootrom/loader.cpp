// The boot ROM's UART loader (docs/atsctl.md): receives a program over the
// UART into RAM with the framed protocol of loader_proto.h, checks it and
// starts it. Runs from the 4 KiB ROM at 0x0000_1000 (start.S), its data and
// stack in the top kLoaderReservedBytes of RAM; no initialised data, no
// library calls.
//
// Build parameters (firmware/bootrom/CMakeLists.txt): CLK_HZ (UART divisor
// for 115200 baud and the byte timeout), MTIME_HZ (CLINT mtime rate; CLK_HZ
// unless the board prescales), RAM_BYTES (the board's RAM).
//
// Safety rules: RUN jumps only after VERIFY matched the CRC of every declared
// range, each written without a hole; any WRITE or BEGIN afterwards clears
// that. Every frame is answered, every error is a NAK code, and a byte
// missing inside a frame costs at most kByteTimeoutMs before the loader hunts
// for the next sync.
#include <stdint.h>

#include "bootrom/loader_proto.h"
#include "bsp/clint.h"
#include "bsp/mmio.h"
#include "bsp/uart.h"

#ifndef CLK_HZ
#error "CLK_HZ (board clock in Hz) must be defined"
#endif
#ifndef RAM_BYTES
#error "RAM_BYTES (the board's RAM in bytes) must be defined"
#endif
#ifndef MTIME_HZ
#define MTIME_HZ CLK_HZ
#endif

namespace lp = loader_proto;
namespace uart = bsp::uart;

extern "C" uint64_t probe_read(uint32_t addr);  // start.S: value | faulted << 32
extern "C" [[noreturn]] void loader_main();
extern "C" volatile uint32_t g_go_entry;  // start.S waits on it (secondary harts)

volatile uint32_t g_go_entry;

namespace {

constexpr uint32_t kRamEnd = lp::kRamBase + RAM_BYTES;
constexpr uint32_t kLoaderBase = kRamEnd - lp::kLoaderReservedBytes;
constexpr uint32_t kBaud = 115200;
constexpr uint32_t kDivisor = (CLK_HZ + 8u * kBaud) / (16u * kBaud);  // round(CLK/(16*baud))
constexpr uint32_t kByteTimeoutTicks = uint32_t(uint64_t(MTIME_HZ) * lp::kByteTimeoutMs / 1000);
static_assert(kDivisor >= 1 && kDivisor <= 0xFFFF, "CLK_HZ out of range for 115200 baud");
static_assert((RAM_BYTES & (RAM_BYTES - 1)) == 0 && RAM_BYTES >= 8192, "RAM_BYTES");

// CRC-32 (IEEE, reflected) a nibble at a time: a 64-byte table instead of
// 1 KiB keeps the ROM small at ~2 lookups per byte.
constexpr uint32_t kCrcNibble[16] = {
    0x00000000, 0x1DB71064, 0x3B6E20C8, 0x26D930AC, 0x76DC4190, 0x6B6B51F4, 0x4DB26158, 0x5005713C,
    0xEDB88320, 0xF00F9344, 0xD6D6A3E8, 0xCB61B38C, 0x9B64C2B0, 0x86D3D2D4, 0xA00AE278, 0xBDBDF21C};

inline uint32_t crc_byte(uint32_t crc, uint8_t b) {
  crc ^= b;
  crc = (crc >> 4) ^ kCrcNibble[crc & 0xF];
  return (crc >> 4) ^ kCrcNibble[crc & 0xF];
}

struct Range {
  uint32_t base, end, next;  // next: end of the written prefix (WRITE may not skip past it)
};

struct Frame {
  uint8_t cmd, seq, status;
  uint16_t len;
  uint32_t addr;
  uint8_t payload[lp::kMaxPayload];
};

// All state lives in .bss (reserved RAM, zeroed by start.S).
Frame g_frame;
Range g_ranges[lp::kMaxRanges];
uint32_t g_num_ranges;
bool g_verified;
// Turnaround accounting (kInfoTurnCycles): mcycle at the end of the request
// being handled, while g_turn_open.
uint32_t g_turn_start, g_turn_cycles;
bool g_turn_open;

inline uint32_t mcycle() {
  uint32_t c;
  asm volatile("csrr %0, mcycle" : "=r"(c));
  return c;
}

// Closes the current request's turnaround (at the latest when its reply starts).
void turn_end() {
  if (g_turn_open) g_turn_cycles += mcycle() - g_turn_start;
  g_turn_open = false;
}

inline uint32_t get32(const uint8_t* p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}
inline void put32(uint8_t* p, uint32_t v) {
  p[0] = uint8_t(v);
  p[1] = uint8_t(v >> 8);
  p[2] = uint8_t(v >> 16);
  p[3] = uint8_t(v >> 24);
}

// 8N1 at 115200 baud, no interrupts. Unlike bsp::uart::init the RX FIFO is
// not cleared: the host may have sent its first frame while the loader was
// still starting (the simulator delivers bytes from the first cycle).
void uart_setup() {
  uart::write(uart::kLcr, uart::kLcrDlab | uart::kLcr8N1);
  uart::write(uart::kDll, kDivisor & 0xFF);
  uart::write(uart::kDlm, kDivisor >> 8);
  uart::write(uart::kLcr, uart::kLcr8N1);
  uart::write(uart::kFcr, uart::kFcrEnable);
  uart::write(uart::kIer, 0);
}

void tx(uint8_t b) { uart::putc(char(b)); }

void tx_crc(uint32_t& crc, uint8_t b) {
  crc = crc_byte(crc, b);
  tx(b);
}

// A byte, waiting forever (between frames).
uint8_t rx_wait() {
  while (!uart::rx_ready()) {
  }
  return uint8_t(uart::read(uart::kRbr));
}

// A byte inside a frame, or -1 after kByteTimeoutTicks without one.
int rx_timed() {
  const uint32_t start = bsp::clint::mtime32();
  for (;;) {
    if (uart::rx_ready()) return int(uart::read(uart::kRbr) & 0xFF);
    if (bsp::clint::mtime32() - start > kByteTimeoutTicks) return -1;
  }
}

void reply(uint8_t status, uint32_t addr, const uint8_t* payload, uint32_t len) {
  turn_end();
  uint32_t crc = 0xFFFFFFFFu;
  tx(lp::kSync0);
  tx(lp::kSync1);
  tx_crc(crc, g_frame.cmd | lp::kReplyFlag);
  tx_crc(crc, g_frame.seq);
  tx_crc(crc, status);
  tx_crc(crc, uint8_t(len));
  tx_crc(crc, uint8_t(len >> 8));
  for (int i = 0; i < 32; i += 8) tx_crc(crc, uint8_t(addr >> i));
  for (uint32_t i = 0; i < len; ++i) tx_crc(crc, payload[i]);
  crc = ~crc;
  for (int i = 0; i < 32; i += 8) tx(uint8_t(crc >> i));
}

void nak(uint8_t status, uint32_t addr = 0) { reply(status, addr, nullptr, 0); }
void ack(uint32_t addr = 0) { reply(lp::kOk, addr, nullptr, 0); }

// Receives one frame into g_frame. Returns kOk, or the error to NAK
// (kErrTimeout, kErrBadLength, kErrBadCrc) once the frame is abandoned.
uint8_t receive() {
  // Hunt for SYNC0 SYNC1 (a repeated SYNC0 stays a candidate).
  for (bool have0 = false;;) {
    const uint8_t b = rx_wait();
    if (have0 && b == lp::kSync1) break;
    have0 = b == lp::kSync0;
  }
  g_frame.cmd = g_frame.seq = 0;
  uint8_t head[lp::kHeaderBytes - 2];
  uint32_t crc = 0xFFFFFFFFu;
  for (auto& h : head) {
    const int b = rx_timed();
    if (b < 0) return lp::kErrTimeout;
    h = uint8_t(b);
    crc = crc_byte(crc, h);
  }
  g_frame.cmd = head[0];
  g_frame.seq = head[1];
  g_frame.status = head[2];
  g_frame.len = uint16_t(head[3] | head[4] << 8);
  g_frame.addr = get32(head + 5);
  // A length past the buffer can only be a damaged header: drop the frame
  // now rather than swallow the next ones as its payload.
  if (g_frame.len > lp::kMaxPayload) return lp::kErrBadLength;
  for (uint32_t i = 0; i < g_frame.len; ++i) {
    const int b = rx_timed();
    if (b < 0) return lp::kErrTimeout;
    g_frame.payload[i] = uint8_t(b);
    crc = crc_byte(crc, uint8_t(b));
  }
  uint8_t tail[4];
  for (auto& t : tail) {
    const int b = rx_timed();
    if (b < 0) return lp::kErrTimeout;
    t = uint8_t(b);
  }
  return get32(tail) == ~crc ? lp::kOk : lp::kErrBadCrc;
}

// [base, base + size) inside [lo, lo + bytes), without wrapping.
bool inside(uint32_t base, uint32_t size, uint32_t lo, uint32_t bytes) {
  return base >= lo && base - lo <= bytes && size <= bytes - (base - lo);
}

// For ranges that must lie in loadable RAM: kOk, kErrOutOfRange or kErrOverlapsLoader.
uint8_t check_ram_range(uint32_t base, uint32_t size) {
  if (!inside(base, size, lp::kRamBase, RAM_BYTES)) return lp::kErrOutOfRange;
  if (base + size > kLoaderBase) return lp::kErrOverlapsLoader;
  return lp::kOk;
}

void cmd_info() {
  if (g_frame.len != 0) return nak(lp::kErrBadLength);
  static_assert(lp::kInfoWords * 4 <= lp::kMaxPayload);
  uint8_t* p = g_frame.payload;
  put32(p + 4 * lp::kInfoMagicWord, lp::kInfoMagic);
  put32(p + 4 * lp::kInfoVersion, lp::kVersion);
  put32(p + 4 * lp::kInfoRamBase, lp::kRamBase);
  put32(p + 4 * lp::kInfoRamBytes, RAM_BYTES);
  put32(p + 4 * lp::kInfoClkHz, CLK_HZ);
  put32(p + 4 * lp::kInfoLoaderBase, kLoaderBase);
  put32(p + 4 * lp::kInfoMaxPayload, lp::kMaxPayload);
  put32(p + 4 * lp::kInfoMaxRanges, lp::kMaxRanges);
  turn_end();
  put32(p + 4 * lp::kInfoTurnCycles, g_turn_cycles);
  reply(lp::kOk, 0, p, lp::kInfoWords * 4);
}

void cmd_begin() {
  const uint32_t n = g_frame.len / 8;
  if (g_frame.len % 8 != 0 || n == 0 || n > lp::kMaxRanges) return nak(lp::kErrBadLength);
  g_num_ranges = 0;
  g_verified = false;
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t base = get32(g_frame.payload + 8 * i), size = get32(g_frame.payload + 8 * i + 4);
    if (size == 0) return nak(lp::kErrBadLength, base);
    if (const uint8_t st = check_ram_range(base, size); st != lp::kOk) return nak(st, base);
    for (uint32_t j = 0; j < i; ++j) {
      if (base < g_ranges[j].end && g_ranges[j].base < base + size) {
        return nak(lp::kErrOutOfRange, base);
      }
    }
    g_ranges[i] = Range{base, base + size, base};
  }
  g_num_ranges = n;
  ack(n);
}

void cmd_write() {
  const uint32_t a = g_frame.addr, n = g_frame.len;
  if (n == 0) return nak(lp::kErrBadLength);
  if (const uint8_t st = check_ram_range(a, n); st != lp::kOk) return nak(st, a);
  for (uint32_t i = 0; i < g_num_ranges; ++i) {
    Range& r = g_ranges[i];
    if (a < r.base || a + n > r.end) continue;
    // Rewriting the written prefix (a retry whose ACK was lost) is fine;
    // starting past it would leave bytes no one wrote.
    if (a > r.next) return nak(lp::kErrGap, r.next);
    g_verified = false;
    volatile uint8_t* dst = reinterpret_cast<volatile uint8_t*>(uintptr_t(a));
    for (uint32_t k = 0; k < n; ++k) dst[k] = g_frame.payload[k];
    if (a + n > r.next) r.next = a + n;
    return ack(a);
  }
  nak(lp::kErrNotDeclared, a);
}

void cmd_verify() {
  if (g_frame.len != 4) return nak(lp::kErrBadLength);
  if (g_num_ranges == 0) return nak(lp::kErrNotDeclared);
  for (uint32_t i = 0; i < g_num_ranges; ++i) {
    if (g_ranges[i].next != g_ranges[i].end) return nak(lp::kErrIncomplete, g_ranges[i].next);
  }
  // The CRC of what RAM holds now, not of what arrived: it also catches a
  // WRITE that landed somewhere else.
  uint32_t crc = 0xFFFFFFFFu;
  for (uint32_t i = 0; i < g_num_ranges; ++i) {
    const auto* p = reinterpret_cast<const volatile uint8_t*>(uintptr_t(g_ranges[i].base));
    const uint32_t n = g_ranges[i].end - g_ranges[i].base;
    for (uint32_t k = 0; k < n; ++k) crc = crc_byte(crc, p[k]);
  }
  crc = ~crc;
  g_verified = crc == get32(g_frame.payload);
  put32(g_frame.payload, crc);
  turn_end();
  put32(g_frame.payload + 4, g_turn_cycles);
  reply(g_verified ? lp::kOk : lp::kErrImageCrc, 0, g_frame.payload, 8);
}

[[noreturn]] void cmd_run_go(uint32_t entry) {
  // The ACK must leave the wire before the program may reprogram the UART.
  uart::flush();
  g_go_entry = entry;  // releases the other harts (start.S)
  asm volatile("fence rw, rw\n\tfence.i" ::: "memory");
  reinterpret_cast<void (*)()>(uintptr_t(entry))();
  __builtin_unreachable();
}

void cmd_run() {
  const uint32_t e = g_frame.addr;
  if (g_frame.len != 0) return nak(lp::kErrBadLength);
  if (!g_verified) return nak(lp::kErrNotVerified);
  bool in_image = false;
  for (uint32_t i = 0; i < g_num_ranges; ++i) {
    in_image = in_image || (e >= g_ranges[i].base && e < g_ranges[i].end);
  }
  if (!in_image || (e & 3) != 0) return nak(lp::kErrOutOfRange, e);
  ack(e);
  cmd_run_go(e);
}

void cmd_read() {
  const uint32_t a = g_frame.addr;
  if (g_frame.len != 4) return nak(lp::kErrBadLength);
  const uint32_t n = get32(g_frame.payload);
  if (n == 0 || n % 4 != 0 || n > lp::kMaxPayload) return nak(lp::kErrBadLength);
  const bool ok =
      (a & 3) == 0 &&
      (inside(a, n, lp::kRamBase, RAM_BYTES) || inside(a, n, lp::kRomBase, lp::kRomBytes) ||
       inside(a, n, lp::kIntcBase, lp::kIntcBytes) || inside(a, n, lp::kUartBase, lp::kUartBytes));
  if (!ok) return nak(lp::kErrOutOfRange, a);
  for (uint32_t k = 0; k < n; k += 4) {
    const uint64_t r = probe_read(a + k);
    if ((r >> 32) != 0) return nak(lp::kErrBusError, a + k);
    put32(g_frame.payload + k, uint32_t(r));
  }
  reply(lp::kOk, a, g_frame.payload, n);
}

}  // namespace

extern "C" void loader_main() {
  g_go_entry = 0;
  g_num_ranges = 0;
  g_verified = false;
  g_turn_cycles = 0;
  g_turn_open = false;
  uart_setup();
  for (;;) {
    const uint8_t st = receive();
    g_turn_start = mcycle();
    g_turn_open = true;
    if (st != lp::kOk) {
      nak(st);
      continue;
    }
    switch (g_frame.cmd) {
      case lp::kCmdInfo:
        cmd_info();
        break;
      case lp::kCmdBegin:
        cmd_begin();
        break;
      case lp::kCmdWrite:
        cmd_write();
        break;
      case lp::kCmdVerify:
        cmd_verify();
        break;
      case lp::kCmdRun:
        cmd_run();
        break;
      case lp::kCmdRead:
        cmd_read();
        break;
      default:
        nak(lp::kErrUnknownCmd);
        break;
    }
  }
}
