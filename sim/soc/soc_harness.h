// The SystemC top of the co-simulator (ARCHITECTURE.md §8, docs/simulator.md):
// the clock, a Verilated soc_top, optionally the ATS-INTC SystemC model in
// place of the RTL controller (--intc=model) and the instruction-set model in
// place of the cores (--cpu=iss), the UART and packet far ends, and the
// monitor that counts what happened and stops the run.
//
// Cycle numbering: cycle 0 is the first cycle after reset; the monitor runs in
// the middle of each cycle (on the falling edge), where every output of the
// cycle is stable, and drives the inputs sampled at the next rising edge.
#pragma once

#include <systemc.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sim_common/event_log.h"
#include "sim_common/mark_table.h"
#include "sim_common/packet_source.h"
#include "sim_common/reply_tracker.h"
#include "sim_common/uart_far_end.h"
#include "pin_vcd.h"
#include "soc_model.h"
#include "soc_pins.h"

class AtsIntcModel;
namespace rv {
class Hart;
}

namespace socsim {

struct SocSimOptions {
  unsigned harts = 1;             // 1..4
  bool intc_model = false;        // --intc=model
  bool cpu_iss = false;           // --cpu=iss
  uint64_t max_cycles = 0;        // required > 0
  double max_wall_seconds = 0;    // 0 = none
  std::string trace_path;         // .fst (whole hierarchy) or .vcd (pins); empty = off
  uint64_t trace_from = 0;
  uint64_t trace_to = UINT64_MAX;
  std::vector<std::string> trace_signals;  // pins for a .vcd trace (empty = all)
  double progress_seconds = 0;    // wall-clock interval of progress lines on stderr; 0 = off
};

// Kinds of controller access counted in SocSimStats::intc_ops.
enum class IntcOp { kEnq, kDeq, kWait, kSend, kCancel, kKernelRead, kKernelWrite, kOther, kCount };
inline constexpr const char* kIntcOpNames[] = {"enq",         "deq",          "wait",  "send",
                                               "cancel",      "kernel_read", "kernel_write",
                                               "other"};
static_assert(sizeof(kIntcOpNames) / sizeof(kIntcOpNames[0]) == size_t(IntcOp::kCount));

// What the run did (the --stats JSON and the closing summary are made from it).
struct SocSimStats {
  uint64_t cycles = 0;
  std::array<uint64_t, 4> instret{};
  std::array<uint64_t, 4> sleep_cycles{};
  std::array<uint64_t, 32> irq_edges{};      // rising edges of the controller's irq_i lines
  std::array<uint64_t, 4> work_edges{};      // rising edges of work_o per hart
  std::array<uint64_t, 4> preempt_edges{};
  std::array<uint64_t, size_t(IntcOp::kCount)> intc_ops{};  // accepted accesses by IntcOp
  uint64_t intc_errors = 0;                  // responses with err
  uint64_t intc_deq_empty = 0;               // DEQ that returned 0
  uint64_t pkt_rx_beats = 0, pkt_tx = 0, pkt_tx_unmatched = 0;
  std::vector<std::pair<uint64_t, uint32_t>> markers;  // (cycle, value) of MARKER writes
  std::vector<uint64_t> mark_counts;  // retirements per mark id (MarkTable::names()), --events
  double wall_seconds = 0;
};

enum class StopReason { kNone, kExit, kToHost, kMaxCycles, kWallClock };

class SocHarness : public sc_core::sc_module {
 public:
  SC_HAS_PROCESS(SocHarness);
  // Throws std::invalid_argument for options out of range.
  SocHarness(sc_core::sc_module_name name, const SocSimOptions& opt);
  ~SocHarness() override;

  // The UART's far end; the packet generator and the tracker of its replies.
  void set_uart(simc::UartFarEnd* uart) { uart_ = uart; }
  void set_packets(simc::PacketSource* source, simc::ReplyTracker* replies) {
    pkt_ = source;
    replies_ = replies;
  }

  uint32_t ram_base() const { return 0x80000000u; }
  uint32_t ram_bytes() const { return model_->ram_words() * 4u; }
  // Backdoor RAM access for program loading (before run()).
  void write_ram(uint32_t addr, const uint8_t* bytes, size_t n);
  uint32_t read_ram_word(uint32_t addr) const;
  // Backdoor boot ROM contents (soc_sim --rom): `words` from 0x0000_1000 on,
  // at most rom_bytes() / 4 of them; the rest of the ROM becomes 0. Written in
  // the first reset cycle, after the ROM's own initial block.
  static constexpr uint32_t kRomBase = 0x00001000u;
  uint32_t rom_bytes() const { return model_->rom_words() * 4u; }
  void write_rom(const std::vector<uint32_t>& words);
  void set_tohost(uint32_t addr) { tohost_word_ = int64_t((addr - ram_base()) / 4); }

  // --events: log marked-pc retirements, the ATS-INTC's device irq edges and
  // MARKER writes to `log` (docs/simulator.md "Event log"); `marks` are the
  // program's marked pcs. Both outlive run(). Without this call the monitor
  // does no per-retirement work.
  void set_events(simc::EventLog* log, const simc::MarkTable* marks);

  // Checks the trace options; empty string = fine, else the error line.
  std::string check_trace_options() const;
  // Runs until the program exits or a limit stops it.
  void run();

  StopReason stop_reason() const { return stop_; }
  // Firmware's exit code (kExit, kToHost): 0 = pass.
  uint32_t exit_code() const { return exit_code_; }
  const SocSimStats& stats() const { return stats_; }
  std::vector<std::string> signal_names() const { return pins_.names(); }
  static constexpr double kPeriodNs = 10.0;

 private:
  void on_negedge();
  // The monitor's work at a falling edge, over the pins as Io sees them
  // (SystemC signals or the direct build's fields).
  template <class Io>
  void monitor(Io& io);
  // The direct build (no SystemC): initialization, then whole cycles until
  // the monitor has seen cycle `target` - 1 or the run stopped.
  void direct_start();
  void direct_run(uint64_t target);
  void iss_thread();
  void intc_model_inputs();
  void intc_model_outputs();
  void finish(StopReason why, uint32_t code);
  void count_intc_traffic(const SocModel::IntcTraffic& t, uint32_t addr, bool we);

  SocSimOptions opt_;
  sc_core::sc_clock clk_;
  SocPins pins_;
  std::unique_ptr<SocModel> model_;
  DirectSocModel* direct_ = nullptr;  // model_ when it is the direct build
  DirectPins direct_pins_{};
  uint64_t direct_time_ps_ = 0;       // the direct build's simulated time
  simc::UartFarEnd* uart_ = nullptr;
  simc::PacketSource* pkt_ = nullptr;
  simc::ReplyTracker* replies_ = nullptr;

  // --intc=model: the model and the signals of its own port types.
  std::unique_ptr<AtsIntcModel> intc_;
  sc_core::sc_signal<bool> mi_req_{"mi_req"}, mi_we_{"mi_we"};
  sc_core::sc_signal<sc_dt::sc_uint<4>> mi_be_{"mi_be"};
  sc_core::sc_signal<sc_dt::sc_uint<16>> mi_addr_{"mi_addr"};
  sc_core::sc_signal<sc_dt::sc_uint<32>> mi_wdata_{"mi_wdata"};
  sc_core::sc_signal<sc_dt::sc_uint<2>> mi_hart_{"mi_hart"};
  sc_core::sc_signal<sc_dt::sc_uint<32>> mi_irq_{"mi_irq"};
  sc_core::sc_signal<bool> mo_gnt_{"mo_gnt"}, mo_rvalid_{"mo_rvalid"}, mo_err_{"mo_err"};
  sc_core::sc_signal<sc_dt::sc_uint<32>> mo_rdata_{"mo_rdata"};
  sc_core::sc_signal<sc_dt::sc_uint<4>> mo_work_{"mo_work"}, mo_preempt_{"mo_preempt"};
  sc_core::sc_signal<bool> mo_err_irq_{"mo_err_irq"};

  // --cpu=iss
  class IssBus;
  std::unique_ptr<IssBus> iss_bus_;
  std::vector<std::unique_ptr<rv::Hart>> iss_harts_;

  PinVcd vcd_;  // --trace FILE.vcd

  // --events (null: off). marks_ is null too when the program has no marks.
  simc::EventLog* events_ = nullptr;
  const simc::MarkTable* marks_ = nullptr;
  void log_mark(unsigned hart, uint32_t pc);

  std::vector<uint32_t> rom_image_;  // write_rom(); empty: the ROM keeps its ROM_INIT
  void load_rom();

  bool in_reset_ = true;
  unsigned reset_cycles_ = 0;
  uint64_t cycle_ = 0;
  int64_t tohost_word_ = -1;
  StopReason stop_ = StopReason::kNone;
  uint32_t exit_code_ = 0;
  SocSimStats stats_;
  uint32_t prev_irq_ = 0, prev_hart_irq_ = 0;
  std::deque<bool> intc_pending_deq_;  // per accepted controller access: was it a DEQ
};

}  // namespace socsim
