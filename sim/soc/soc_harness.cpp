// The co-simulator's SystemC top: see soc_harness.h.
#include "soc_harness.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "ats_intc_model.h"
#include "ats_intc_regs.h"
#include "rv_iss/hart.h"

namespace socsim {

namespace {

constexpr uint32_t kRamBase = 0x80000000u;

// Kind of a controller access, from its offset in the 64 KiB window.
IntcOp intc_op_kind(uint32_t addr, bool we) {
  const uint32_t page = (addr >> 12) & 0xf, off = addr & 0xfff;
  if (page == 0) return we ? IntcOp::kKernelWrite : IntcOp::kKernelRead;
  namespace p = ats_intc::process;
  if (off == p::kEnq && we) return IntcOp::kEnq;
  if ((off == p::kDeq || off == p::kDeqFrame) && !we) return IntcOp::kDeq;
  if (!we) return IntcOp::kOther;
  if (off >= p::kWait && off < p::kSend) return IntcOp::kWait;
  if (off >= p::kSend && off < p::kCancel) return IntcOp::kSend;
  if (off >= p::kCancel && off < p::kPending) return IntcOp::kCancel;
  return IntcOp::kOther;
}

// The pins the monitor reads (type, name) and drives (name, the direct
// build's field type), listed once for both views below.
#define SOC_MONITOR_OUTPUTS(X)                                                             \
  X(bool, uart_tx_valid) X(uint32_t, uart_tx_data) X(bool, console_valid)                  \
  X(uint32_t, console) X(bool, marker_valid) X(uint32_t, marker) X(bool, pkt_tx_valid)     \
  X(uint32_t, pkt_tx_tag) X(uint32_t, sleep) X(uint32_t, intc_irq) X(uint32_t, hart_irq)   \
  X(uint32_t, intc_addr) X(bool, intc_we) X(bool, uart_rx_ready) X(bool, pkt_rx_ready)     \
  X(bool, exit_valid) X(uint32_t, exit_code)
#define SOC_MONITOR_INPUTS(X)                                                              \
  X(rst_n, uint8_t) X(uart_rx_valid, uint8_t) X(uart_rx_data, uint8_t)                     \
  X(pkt_rx_valid, uint8_t) X(pkt_rx_data, uint32_t) X(pkt_rx_len, uint16_t)                \
  X(pkt_rx_tag, uint32_t)

// The monitor's view of the pins: the SystemC signals...
struct SignalIo {
  SocPins& p;
#define X(T, name) T name() const { return p.name.read(); }
  SOC_MONITOR_OUTPUTS(X)
#undef X
#define X(name, F) void set_##name(uint32_t v) { p.name.write(v); }
  SOC_MONITOR_INPUTS(X)
#undef X
};

// ...or the direct build's port fields; `changed` notes an input that
// changed. Inputs narrower than 32 bits take the low bits, as the SystemC
// builds' ports do.
struct DirectIo {
  const DirectPins& p;
  bool& changed;
#define X(T, name) T name() const { return *p.name; }
  SOC_MONITOR_OUTPUTS(X)
#undef X
  template <class T>
  void set(T* field, T v) {
    if (*field != v) {
      *field = v;
      changed = true;
    }
  }
#define X(name, F) void set_##name(uint32_t v) { set<F>(p.name, F(v)); }
  SOC_MONITOR_INPUTS(X)
#undef X
};

#undef SOC_MONITOR_OUTPUTS
#undef SOC_MONITOR_INPUTS

}  // namespace

// --cpu=iss: the instruction-set model's bus. Instruction fetches read the RAM
// directly (the ISS mode fetches from RAM only); data accesses go over the
// SoC interconnect through the external master port, one at a time, and take
// the simulated cycles the interconnect and the slave take.
class SocHarness::IssBus final : public rv::Bus {
 public:
  explicit IssBus(SocHarness& h) : h_(h) {}
  rv::BusResp fetch(uint32_t addr) override {
    rv::BusResp r;
    const uint32_t off = addr - kRamBase;
    if (addr < kRamBase || off / 4 >= h_.model_->ram_words()) {
      r.err = true;
      return r;
    }
    r.rdata = h_.model_->ram_read(off / 4);
    return r;
  }
  // Called from iss_thread (clocked on the rising edge): presents the request
  // for the next edge, waits for the grant, then for the response.
  rv::BusResp data(const rv::BusReq& req) override {
    SocPins& p = h_.pins_;
    p.ext_req.write(true);
    p.ext_we.write(req.we);
    p.ext_be.write(req.be);
    p.ext_addr.write(req.addr & ~3u);
    p.ext_wdata.write(req.wdata);
    p.ext_atop.write(req.atop);
    p.ext_hart.write(req.hart);
    do sc_core::wait();  // signals read at a rising edge hold the cycle before it
    while (!p.ext_gnt.read());
    p.ext_req.write(false);
    do sc_core::wait();
    while (!p.ext_rvalid.read());
    rv::BusResp r;
    r.rdata = p.ext_rdata.read();
    r.err = p.ext_err.read();
    return r;
  }

 private:
  SocHarness& h_;
};

SocHarness::SocHarness(sc_core::sc_module_name name, const SocSimOptions& opt)
    : sc_module(name), opt_(opt), clk_("clk", kPeriodNs, sc_core::SC_NS, 0.5, 0, sc_core::SC_NS, true) {
  if (opt_.harts < 1 || opt_.harts > 4) throw std::invalid_argument("--harts must be 1..4");
  if (opt_.max_cycles == 0) throw std::invalid_argument("--max-cycles must be > 0");
  // A direct build (no SystemC) when nothing else runs in SystemC and nothing
  // is traced: the fastest. Else the 1-hart build without the external ports,
  // or with them for model and ISS runs, or the 4-hart build.
  const bool ext = opt_.intc_model || opt_.cpu_iss;
  if (!ext && opt_.trace_path.empty()) {
    auto direct = opt_.harts == 1 ? make_direct_model_1() : make_direct_model_4();
    direct_ = direct.get();
    direct_pins_ = direct_->pins();
    model_ = std::move(direct);
  } else if (opt_.harts == 1) {
    model_ = ext ? make_soc_model_1x(pins_, clk_) : make_soc_model_1(pins_, clk_);
  } else {
    model_ = make_soc_model_4x(pins_, clk_);
  }

  pins_.rst_n.write(false);
  pins_.hart_en.write((1u << opt_.harts) - 1u);
  pins_.uart_rxd.write(true);
  pins_.intc_ext.write(opt_.intc_model);
  pins_.cpu_ext.write(opt_.cpu_iss);

  if (opt_.intc_model) {
    AtsIntcConfig cfg = AtsIntcConfig::default_config();
    cfg.num_harts = model_->harts_built();
    intc_ = std::make_unique<AtsIntcModel>("intc_model", cfg);
    intc_->clk_i(clk_);
    intc_->rst_ni(pins_.rst_n);
    intc_->req_i(mi_req_);
    intc_->we_i(mi_we_);
    intc_->be_i(mi_be_);
    intc_->addr_i(mi_addr_);
    intc_->wdata_i(mi_wdata_);
    intc_->hart_i(mi_hart_);
    intc_->irq_i(mi_irq_);
    intc_->gnt_o(mo_gnt_);
    intc_->rvalid_o(mo_rvalid_);
    intc_->rdata_o(mo_rdata_);
    intc_->err_o(mo_err_);
    intc_->work_o(mo_work_);
    intc_->preempt_o(mo_preempt_);
    intc_->err_irq_o(mo_err_irq_);
    // Type adapters between the Verilated pins and the model's ports. They add
    // delta cycles only: everything settles before the next edge.
    SC_METHOD(intc_model_inputs);
    sensitive << pins_.intc_req << pins_.intc_we << pins_.intc_be << pins_.intc_addr
              << pins_.intc_wdata << pins_.intc_hart << pins_.intc_irq;
    SC_METHOD(intc_model_outputs);
    sensitive << mo_gnt_ << mo_rvalid_ << mo_rdata_ << mo_err_ << mo_work_ << mo_preempt_
              << mo_err_irq_;
  }

  if (opt_.cpu_iss) {
    iss_bus_ = std::make_unique<IssBus>(*this);
    for (unsigned h = 0; h < opt_.harts; ++h) {
      rv::HartConfig hc;
      hc.hart_id = h;
      hc.wfi_retires = false;
      iss_harts_.push_back(std::make_unique<rv::Hart>(hc, *iss_bus_));
    }
    SC_THREAD(iss_thread);
    sensitive << clk_.posedge_event();
    dont_initialize();
  }

  SC_METHOD(on_negedge);
  sensitive << clk_.negedge_event();
  dont_initialize();
}

SocHarness::~SocHarness() {
  model_->final();
}

void SocHarness::write_ram(uint32_t addr, const uint8_t* bytes, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    const uint32_t a = addr + uint32_t(i), word = (a - kRamBase) / 4, lane = (a & 3) * 8;
    uint32_t v = model_->ram_read(word);
    v = (v & ~(0xffu << lane)) | (uint32_t(bytes[i]) << lane);
    model_->ram_write(word, v);
  }
}

void SocHarness::write_rom(const std::vector<uint32_t>& words) { rom_image_ = words; }

void SocHarness::load_rom() {
  for (uint32_t w = 0; w < model_->rom_words(); ++w) {
    model_->rom_write(w, w < rom_image_.size() ? rom_image_[w] : 0);
  }
}

uint32_t SocHarness::read_ram_word(uint32_t addr) const {
  return model_->ram_read((addr - kRamBase) / 4);
}

void SocHarness::intc_model_inputs() {
  mi_req_.write(pins_.intc_req.read());
  mi_we_.write(pins_.intc_we.read());
  mi_be_.write(pins_.intc_be.read());
  mi_addr_.write(pins_.intc_addr.read());
  mi_wdata_.write(pins_.intc_wdata.read());
  mi_hart_.write(pins_.intc_hart.read());
  mi_irq_.write(pins_.intc_irq.read());
}

void SocHarness::intc_model_outputs() {
  pins_.intc_gnt.write(mo_gnt_.read());
  pins_.intc_rvalid.write(mo_rvalid_.read());
  pins_.intc_rdata.write(uint32_t(mo_rdata_.read()));
  pins_.intc_err.write(mo_err_.read());
  pins_.intc_work.write(uint32_t(mo_work_.read()));
  pins_.intc_preempt.write(uint32_t(mo_preempt_.read()));
  pins_.intc_err_irq.write(mo_err_irq_.read());
}

std::string SocHarness::check_trace_options() const {
  const std::string& t = opt_.trace_path;
  if (t.empty()) {
    if (!opt_.trace_signals.empty()) return "--trace-signals needs --trace=FILE.vcd";
    return "";
  }
  auto ends = [&](const char* s) {
    const std::string e(s);
    return t.size() > e.size() && t.compare(t.size() - e.size(), e.size(), e) == 0;
  };
  if (!ends(".fst") && !ends(".vcd")) return "--trace file must end in .fst or .vcd: '" + t + "'";
  if (ends(".fst") && !opt_.trace_signals.empty())
    return "--trace-signals selects pins for a .vcd trace; an .fst trace holds every signal";
  if (opt_.trace_from >= opt_.trace_to) return "--trace-from must be below --trace-to";
  std::vector<SocPins::Ref> pins;
  std::string unknown;
  if (!pins_.select(opt_.trace_signals, pins, unknown))
    return "unknown trace signal '" + unknown + "' (see --list-signals)";
  return "";
}

void SocHarness::set_events(simc::EventLog* log, const simc::MarkTable* marks) {
  events_ = log;
  marks_ = log != nullptr && marks != nullptr && !marks->empty() ? marks : nullptr;
  stats_.mark_counts.assign(marks_ != nullptr ? marks_->names().size() : 0, 0);
}

// A retirement on `hart` at `pc` while the event log is on: one event per
// mark name at that pc. cycle_ is the cycle being monitored (the same number
// instret counting uses).
void SocHarness::log_mark(unsigned hart, uint32_t pc) {
  for (uint32_t id : marks_->find(pc)) {
    ++stats_.mark_counts[id];
    events_->mark(cycle_, hart, marks_->name(id));
  }
}

void SocHarness::finish(StopReason why, uint32_t code) {
  if (stop_ != StopReason::kNone) return;
  stop_ = why;
  exit_code_ = code;
  stats_.cycles = cycle_;
  if (direct_ == nullptr) sc_core::sc_pause();
}

void SocHarness::count_intc_traffic(const SocModel::IntcTraffic& t, uint32_t addr, bool we) {
  if (t.response) {
    if (t.error) ++stats_.intc_errors;
    if (!intc_pending_deq_.empty()) {
      if (intc_pending_deq_.front() && !t.error && t.rdata == 0) ++stats_.intc_deq_empty;
      intc_pending_deq_.pop_front();
    }
  }
  if (t.accept) {
    const IntcOp kind = intc_op_kind(addr, we);
    ++stats_.intc_ops[size_t(kind)];
    intc_pending_deq_.push_back(kind == IntcOp::kDeq);
  }
}

void SocHarness::on_negedge() {
  SignalIo io{pins_};
  monitor(io);
}

template <class Io>
void SocHarness::monitor(Io& io) {
  if (in_reset_) {
    // soc_bootrom's initial block (zeros without ROM_INIT) has run by the
    // first cycle; the image goes in after it, during reset.
    if (reset_cycles_ == 0 && !rom_image_.empty()) load_rom();
    if (++reset_cycles_ >= 3) {
      io.set_rst_n(true);
      in_reset_ = false;
    }
    return;
  }
  if (stop_ != StopReason::kNone) return;

  if (vcd_.is_open()) vcd_.sample(cycle_);
  // Outputs of this cycle.
  if (io.uart_tx_valid() && uart_) uart_->tx(uint8_t(io.uart_tx_data()));
  if (io.console_valid() && uart_) uart_->tx(uint8_t(io.console()));
  if (io.marker_valid()) {
    stats_.markers.emplace_back(cycle_, io.marker());
    if (events_ != nullptr) events_->marker(cycle_, io.marker());
  }
  if (io.pkt_tx_valid()) {
    ++stats_.pkt_tx;
    if (replies_ &&
        replies_->on_tx(io.pkt_tx_tag(), cycle_) != simc::ReplyTracker::TxResult::kMatched)
      ++stats_.pkt_tx_unmatched;
  }
  if (!opt_.cpu_iss) {
    const uint32_t r = model_->retire_mask();
    for (unsigned h = 0; h < 4; ++h) stats_.instret[h] += (r >> h) & 1u;
    if (marks_ != nullptr && r != 0) {
      for (unsigned h = 0; h < 4; ++h)
        if ((r >> h) & 1u) log_mark(h, model_->retire_pc(h));
    }
  }
  const uint32_t sleep = io.sleep();
  for (unsigned h = 0; h < 4; ++h) stats_.sleep_cycles[h] += (sleep >> h) & 1u;
  const uint32_t irq = io.intc_irq();
  if (irq != prev_irq_) {
    const uint32_t rise = irq & ~prev_irq_;
    for (unsigned i = 0; i < 32; ++i) stats_.irq_edges[i] += (rise >> i) & 1u;
    if (events_ != nullptr) {
      const uint32_t changed = irq ^ prev_irq_;
      for (unsigned i = 0; i < 32; ++i)
        if ((changed >> i) & 1u) events_->irq(cycle_, i, (rise >> i) & 1u);
    }
    prev_irq_ = irq;
  }
  const uint32_t hirq = io.hart_irq();
  if (hirq != prev_hart_irq_) {
    const uint32_t rise = hirq & ~prev_hart_irq_;
    for (unsigned h = 0; h < 4; ++h) {
      stats_.work_edges[h] += (rise >> (5 * h + 3)) & 1u;
      stats_.preempt_edges[h] += (rise >> (5 * h + 4)) & 1u;
    }
    prev_hart_irq_ = hirq;
  }
  count_intc_traffic(model_->intc_traffic(), io.intc_addr(), io.intc_we());

  // Inputs for the next edge. The devices' ready outputs are registers, so
  // what they show now decides whether the next edge takes the input.
  uint8_t byte = 0;
  const bool uart_take = io.uart_rx_ready() && uart_ && uart_->rx(byte);
  io.set_uart_rx_valid(uart_take);
  if (uart_take) io.set_uart_rx_data(byte);
  if (pkt_) {
    const bool ready = io.pkt_rx_ready();
    const simc::RxBeat b = pkt_->drive(cycle_);
    pkt_->edge(ready);
    io.set_pkt_rx_valid(b.valid);
    if (b.valid) {
      io.set_pkt_rx_data(b.data);
      io.set_pkt_rx_len(b.len);
      io.set_pkt_rx_tag(b.tag);
      stats_.pkt_rx_beats += ready;
    }
  }

  // The end of the program.
  if (io.exit_valid()) {
    ++cycle_;
    finish(StopReason::kExit, io.exit_code());
    return;
  }
  if (tohost_word_ >= 0) {
    const uint32_t v = model_->ram_read(uint32_t(tohost_word_));
    if (v != 0) {
      ++cycle_;
      finish(StopReason::kToHost, v == 1 ? 0u : (v >> 1));
      return;
    }
  }
  ++cycle_;
  if (cycle_ >= opt_.max_cycles) finish(StopReason::kMaxCycles, 0);
}

void SocHarness::direct_start() {
  // The inputs as the SystemC builds start (the constructor's writes; the
  // other pins' signals start at 0), then the initialization.
  DirectPins& p = direct_pins_;
  *p.rst_n = 0;
  *p.hart_en = uint8_t(((1u << opt_.harts) - 1u) & 0xfu);
  *p.uart_rxd = 1;
  *p.intc_ext = opt_.intc_model;
  *p.cpu_ext = opt_.cpu_iss;
  direct_time_ps_ = 0;
  direct_->eval(false, true, 0);
}

// The SystemC run's sequence (sc_clock: rising edge first, at time 0): the
// model evaluates at each edge, the monitor runs at the falling edge, and a
// change of the inputs it drives evaluates the model once more.
void SocHarness::direct_run(uint64_t target) {
  constexpr uint64_t kHalfPs = uint64_t(kPeriodNs * 1000) / 2;
  bool changed = false;
  DirectIo io{direct_pins_, changed};
  while (stop_ == StopReason::kNone && cycle_ < target) {
    direct_->eval(true, false, direct_time_ps_);
    direct_time_ps_ += kHalfPs;
    direct_->eval(false, false, direct_time_ps_);
    changed = false;
    monitor(io);
    if (changed) direct_->eval(false, true, direct_time_ps_);
    direct_time_ps_ += kHalfPs;
  }
}

void SocHarness::iss_thread() {
  while (!pins_.rst_n.read()) sc_core::wait();
  for (auto& h : iss_harts_) h->reset();
  for (;;) {
    const uint32_t lines = pins_.hart_irq.read();
    for (unsigned h = 0; h < iss_harts_.size(); ++h) {
      const uint32_t l = (lines >> (5 * h)) & 0x1f;
      uint32_t mip = 0;
      if (l & 1u) mip |= rv::kMipMsi;
      if (l & 2u) mip |= rv::kMipMti;
      if (l & 4u) mip |= rv::kMipMei;
      if (l & 8u) mip |= rv::kMipWork;
      if (l & 16u) mip |= rv::kMipPreempt;
      iss_harts_[h]->set_irq_lines(mip);
      const rv::Retire r = iss_harts_[h]->step();
      if (!r.valid) continue;
      ++stats_.instret[h];
      // A trap taken instead of the instruction at r.pc is not its retirement.
      if (marks_ != nullptr && !r.trap) log_mark(h, r.pc);
    }
    sc_core::wait();
  }
}

void SocHarness::run() {
  using clock = std::chrono::steady_clock;
  const auto t0 = clock::now();
  const sc_core::sc_time period(kPeriodNs, sc_core::SC_NS);
  // Cycle c's falling edge is at (c + 3.5) periods (three reset cycles).
  auto time_of_cycle = [&](uint64_t c) { return period * (double(c) + 3.0); };
  const bool tracing = !opt_.trace_path.empty();
  const bool fst = tracing && opt_.trace_path.size() > 4 &&
                   opt_.trace_path.compare(opt_.trace_path.size() - 4, 4, ".fst") == 0;
  bool trace_on = false, trace_done = !tracing;
  auto trace_start = [&]() {
    if (fst) {
      model_->trace_open(opt_.trace_path);
    } else {
      std::vector<SocPins::Ref> pins;
      std::string unknown, error;
      pins_.select(opt_.trace_signals, pins, unknown);  // names checked by check_trace_options()
      if (!vcd_.open(opt_.trace_path, std::move(pins), error))
        std::fprintf(stderr, "soc_sim: --trace: %s\n", error.c_str());
    }
    trace_on = true;
  };
  auto trace_stop = [&]() {
    if (fst) model_->trace_close();
    else vcd_.close();
    trace_on = false;
    trace_done = true;
  };

  if (direct_ != nullptr) direct_start();
  else sc_core::sc_start(sc_core::SC_ZERO_TIME);
  auto last_progress = t0;
  uint64_t last_cycle = 0;
  constexpr uint64_t kChunk = 20000;
  while (stop_ == StopReason::kNone) {
    uint64_t target = std::min(cycle_ + kChunk, opt_.max_cycles);
    if (!trace_done && !trace_on) target = std::min(target, std::max(opt_.trace_from, cycle_));
    if (trace_on) target = std::min(target, opt_.trace_to);
    if (!trace_done && !trace_on && cycle_ >= opt_.trace_from) {
      trace_start();
      continue;
    }
    if (trace_on && cycle_ >= opt_.trace_to) {
      trace_stop();
      continue;
    }
    if (direct_ != nullptr) {
      direct_run(target);
    } else {
      const sc_core::sc_time now = sc_core::sc_time_stamp();
      const sc_core::sc_time until = time_of_cycle(target);
      sc_core::sc_start(until > now ? until - now : period);
    }
    const auto t = clock::now();
    const double wall = std::chrono::duration<double>(t - t0).count();
    if (opt_.max_wall_seconds > 0 && wall > opt_.max_wall_seconds && stop_ == StopReason::kNone) {
      stats_.cycles = cycle_;
      stop_ = StopReason::kWallClock;
    }
    if (opt_.progress_seconds > 0 &&
        std::chrono::duration<double>(t - last_progress).count() >= opt_.progress_seconds) {
      const double dt = std::chrono::duration<double>(t - last_progress).count();
      std::fprintf(stderr, "soc_sim: %llu cycles (%.1f%% of --max-cycles), %.2f MHz\n",
                   (unsigned long long)cycle_, 100.0 * double(cycle_) / double(opt_.max_cycles),
                   double(cycle_ - last_cycle) / dt / 1e6);
      last_progress = t;
      last_cycle = cycle_;
    }
  }
  if (trace_on) trace_stop();
  stats_.wall_seconds = std::chrono::duration<double>(clock::now() - t0).count();
}

}  // namespace socsim
