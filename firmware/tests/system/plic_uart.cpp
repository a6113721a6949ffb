// plic_uart: UART receive interrupts routed through the PLIC.
//
// The simulator feeds `--uart-input "ping"`. UART IER.RX on, PLIC source 1
// priority 1, enabled for context 0 (hart 0), threshold 0, mie.MEIE. The
// handler claims, checks the source is the UART and IIR says "RX data",
// drains the RX FIFO (echoing each byte), then completes. Exit 0 once "ping"
// has arrived. Checks: every claim is source 1 (no spurious claims besides
// the documented "0 = nothing"), the UART line status shows no overrun.
#include "bsp/boot.h"
#include "bsp/hart.h"
#include "bsp/plic.h"
#include "bsp/print.h"
#include "bsp/trap.h"
#include "bsp/uart.h"
#include "check.h"

namespace {

constexpr char kExpect[] = "ping";
constexpr uint32_t kMax = 64;

volatile char g_rx[kMax + 1];
volatile uint32_t g_len;
volatile uint32_t g_claims;
volatile uint32_t g_bad_claims;
volatile uint32_t g_bad_iir;
volatile uint32_t g_line_errors;

bool received_expected() {
  const uint32_t n = sizeof(kExpect) - 1;
  for (uint32_t start = 0; start + n <= g_len; ++start) {
    uint32_t i = 0;
    while (i < n && g_rx[start + i] == kExpect[i]) ++i;
    if (i == n) return true;
  }
  return false;
}

}  // namespace

extern "C" void trap_handler(uint32_t mcause, uint32_t mepc, uint32_t mtval) {
  if (mcause != bsp::cause::kMachineExternal) bsp::unexpected_trap(mcause, mepc, mtval);
  const uint32_t src = bsp::plic::claim(0);
  if (src == 0) return;  // nothing (another context took it, or the line fell)
  g_claims = g_claims + 1;
  if (src != bsp::plic::kSrcUart) {
    g_bad_claims = g_bad_claims + 1;
    bsp::plic::complete(0, src);
    return;
  }
  if ((bsp::uart::read(bsp::uart::kIir) & 0xF) != bsp::uart::kIirRx) g_bad_iir = g_bad_iir + 1;
  for (;;) {
    const uint32_t lsr = bsp::uart::read(bsp::uart::kLsr);
    if ((lsr & (bsp::uart::kLsrOe | bsp::uart::kLsrFe)) != 0) g_line_errors = g_line_errors + 1;
    if ((lsr & bsp::uart::kLsrDr) == 0) break;
    const char c = static_cast<char>(bsp::uart::read(bsp::uart::kRbr) & 0xFF);
    bsp::uart::putc(c);  // echo
    if (g_len < kMax) {
      g_rx[g_len] = c;
      g_len = g_len + 1;
    }
  }
  bsp::plic::complete(0, src);
}

int main() {
  bsp::puts("plic_uart: waiting for \"ping\" on the UART");
  bsp::print("echo: ");
  bsp::plic::set_priority(bsp::plic::kSrcUart, 1);
  bsp::plic::set_threshold(0, 0);
  bsp::plic::enable(0, bsp::plic::kSrcUart);
  bsp::uart::set_ier(bsp::uart::kIerRx);
  bsp::irq::enable(bsp::irq::kMeie);
  bsp::irq::enable_global();

  systest::Deadline watchdog(2000000);
  while (!received_expected()) {
    bsp::irq::disable_global();  // see timer_irq.cpp: no lost wake-up
    if (!received_expected()) bsp::wfi();
    bsp::irq::enable_global();
    if (watchdog.expired()) {
      bsp::irq::disable_global();
      g_rx[g_len] = '\0';
      bsp::printf("\nplic_uart: got %lu bytes \"%s\"\n", g_len, const_cast<const char*>(g_rx));
      systest::timeout("\"ping\" on the UART");
    }
  }
  bsp::irq::disable_global();
  bsp::uart::set_ier(0);
  g_rx[g_len] = '\0';
  bsp::printf("\nplic_uart: received \"%s\" (%lu bytes, %lu claims)\n",
              const_cast<const char*>(g_rx), g_len, g_claims);
  CHECK(g_bad_claims == 0, "%lu claims of other sources", g_bad_claims);
  CHECK(g_bad_iir == 0, "%lu claims without IIR = RX data", g_bad_iir);
  CHECK(g_line_errors == 0, "%lu line errors", g_line_errors);
  CHECK(g_claims >= 1, "no claim");
  bsp::puts("plic_uart: PASS");
  return 0;
}
