// board_demo: the coroutine runtime on a board, driven by the UART alone (the
// board builds have no packet device). Built for the hw executor and linked
// for the iCEBreaker's 128 KiB (board_demo_hw_icebreaker.elf); loaded and
// started by atsctl through the boot ROM (docs/fpga.md §1).
//
//   console   prio 0   waits on the UART's RX interrupt (ATS-INTC irq 0),
//                      echoes what is typed and runs a command per line
//   clock     prio 1   sleeps one second at a time (the machine timer wakes it
//                      through the controller): the uptime
//   crunch    lowest   CRC-32 in slices, yielding after each: the CPU the
//                      console leaves over
//
// Commands: `stats` (bytes, lines, uptime, background slices, the wake-up
// latency of the console, the controller's free entries), `help`; any other
// line is answered with its length and its CRC-32. The program never ends:
// a board has no simulation-control block to exit through.
#include "bsp/ats_intc.h"
#include "bsp/boot.h"
#include "bsp/hart.h"
#include "bsp/print.h"
#include "bsp/uart.h"
#include "rt/awaitables.h"
#include "rt/executor.h"
#include "rt/task.h"

#ifndef BOARD_CLK_HZ
#define BOARD_CLK_HZ 9187500u  // constraints/icebreaker.cfg CLK_HZ
#endif

namespace {

namespace ua = bsp::uart;

constexpr uint32_t kLineMax = 80;
constexpr uint32_t kSliceBytes = 4;

uint32_t g_bytes, g_lines, g_seconds, g_slices, g_wakeups;
uint32_t g_crc_bg = 0xFFFFFFFFu;

uint32_t crc32_update(uint32_t crc, uint8_t byte) {
  crc ^= byte;
  for (int b = 0; b < 8; ++b) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  return crc;
}

bool same(const char* a, uint32_t n, const char* b) {
  uint32_t i = 0;
  for (; i < n && b[i] != 0; ++i) {
    if (a[i] != b[i]) return false;
  }
  return i == n && b[i] == 0;
}

void run_command(const char* line, uint32_t n) {
  if (n == 0) return;
  if (same(line, n, "help")) {
    bsp::printf("board_demo: commands: stats, help; any other line: its length and CRC-32\n");
  } else if (same(line, n, "stats")) {
    bsp::printf("board_demo: stats: %lu bytes, %lu lines, %lu console wake-ups, uptime %lu s, "
                "%lu background slices, %lu free controller entries\n",
                g_bytes, g_lines, g_wakeups, g_seconds, g_slices, bsp::intc::free_entries());
  } else {
    uint32_t crc = 0xFFFFFFFFu;
    for (uint32_t i = 0; i < n; ++i) crc = crc32_update(crc, static_cast<uint8_t>(line[i]));
    bsp::printf("board_demo: line %lu: %lu bytes, crc32 0x%08lx\n", g_lines, n, ~crc);
  }
}

rt::Task<void> console() {
  char line[kLineMax];
  uint32_t n = 0;
  ua::write(ua::kIer, ua::kIerRx);
  for (;;) {
    co_await rt::wait_irq(bsp::intc::kSrcUart);
    ++g_wakeups;
    // The RX line stays high while the FIFO holds data; a byte that comes
    // after the last read raises it again, and the controller keeps that
    // edge pending if it comes before the next wait.
    while (ua::rx_ready()) {
      const char c = static_cast<char>(ua::read(ua::kRbr) & 0xFF);
      ++g_bytes;
      if (c == '\r' || c == '\n') {
        ua::putc('\r');
        ua::putc('\n');
        if (n != 0) ++g_lines;
        run_command(line, n);
        n = 0;
      } else if (c == 0x7F || c == '\b') {
        if (n != 0) {
          --n;
          bsp::printf("\b \b");
        }
      } else if (n < kLineMax) {
        line[n++] = c;
        ua::putc(c);
      }
    }
  }
}

rt::Task<void> clock() {
  for (;;) {
    co_await rt::sleep(BOARD_CLK_HZ);
    ++g_seconds;
  }
}

rt::Task<void> crunch() {
  for (;;) {
    for (uint32_t i = 0; i < kSliceBytes; ++i) {
      g_crc_bg = crc32_update(g_crc_bg, static_cast<uint8_t>(g_slices * kSliceBytes + i));
    }
    ++g_slices;
    co_await rt::yield_now();
  }
}

}  // namespace

extern "C" void secondary_main(unsigned) { rt::run_secondary(); }

int main() {
  const rt::InitInfo info = rt::init();
  bsp::printf("board_demo: executor %s, %lu hart(s), clock %lu Hz; type a line, or help\n",
              rt::kExecutorName, info.harts, static_cast<uint32_t>(BOARD_CLK_HZ));
  rt::Status st = rt::spawn(console(), 0);
  if (st == rt::Status::kOk) st = rt::spawn(clock(), 1, rt::TaskType::kDaemon);
  if (st == rt::Status::kOk) st = rt::spawn(crunch(), info.num_prios - 1, rt::TaskType::kDaemon);
  if (st != rt::Status::kOk) {
    bsp::printf("FAIL board_demo: spawn: %s\n", rt::status_name(st));
    return 1;
  }
  rt::run();  // the console task never ends
  return 0;
}
