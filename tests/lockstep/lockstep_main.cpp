// Cycle lockstep of the ATS-INTC RTL (Verilated) against the HLS-style SystemC
// model under random bus and IRQ traffic.
//
// Both see the same inputs every cycle; every output port (gnt, rvalid, rdata,
// err, work, preempt, err_irq) is compared after every rising edge. The first
// difference stops the run with the cycle, the signal, both values, the seed
// and the last accepted requests; `--seed` replays it.
//
//   intc_lockstep --config default|small [--dut rtl|netlist] [--ops N] [--seed S]
// `--dut netlist` runs the yosys gate netlist of the small configuration in
// place of its RTL (Yosys 0.23 can mis-synthesize silently).
// Exit: 0 equal, 1 mismatch, 2 bad arguments.
#include <systemc.h>
#include <verilated.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "Vintc_default.h"
#include "Vintc_net_small.h"
#include "Vintc_small.h"
#include "ats_intc_model.h"
#include "rtl_intc_adapter.h"
#include "traffic.h"

namespace {

struct Options {
  std::string config = "default";
  std::string dut = "rtl";
  uint64_t ops = 1000000;
  uint64_t seed = 1;
};

struct Accepted {
  uint64_t cycle;
  BusRequest req;
};

template <class Rtl>
class LockstepBench : public sc_core::sc_module {
 public:
  SC_HAS_PROCESS(LockstepBench);

  LockstepBench(sc_core::sc_module_name name, const AtsIntcConfig& cfg, const Options& opt)
      : sc_module(name),
        clk_("clk", 10, sc_core::SC_NS),
        model_("model", cfg),
        cfg_(cfg),
        opt_(opt),
        traffic_(TrafficShape{cfg.num_procs, cfg.num_prios, cfg.num_irqs, cfg.num_channels,
                              cfg.num_harts},
                 opt.seed),
        ctx_(std::make_unique<VerilatedContext>()),
        rtl_(std::make_unique<Rtl>(ctx_.get(), "rtl")) {
    model_.clk_i(clk_);
    model_.rst_ni(rst_n_);
    model_.req_i(req_);
    model_.we_i(we_);
    model_.be_i(be_);
    model_.addr_i(addr_);
    model_.wdata_i(wdata_);
    model_.hart_i(hart_);
    model_.irq_i(irq_);
    model_.gnt_o(m_gnt_);
    model_.rvalid_o(m_rvalid_);
    model_.rdata_o(m_rdata_);
    model_.err_o(m_err_);
    model_.work_o(m_work_);
    model_.preempt_o(m_preempt_);
    model_.err_irq_o(m_err_irq_);
    SC_METHOD(on_posedge);
    sensitive << clk_.posedge_event();
    dont_initialize();
    hart_mask_ = (1u << cfg.num_harts) - 1u;
  }

  bool failed() const { return failed_; }
  bool done() const { return accepted_ >= opt_.ops; }
  uint64_t cycles() const { return cycle_; }

  void print_summary() const {
    std::printf(
        "lockstep: config %s (%s) seed %llu: %llu cycles, %llu operations accepted "
        "(%llu error responses, %llu DEQ hits, %llu cycles with gnt low, %llu resets)\n",
        opt_.config.c_str(), opt_.dut.c_str(), static_cast<unsigned long long>(opt_.seed),
        static_cast<unsigned long long>(cycle_), static_cast<unsigned long long>(accepted_),
        static_cast<unsigned long long>(err_responses_),
        static_cast<unsigned long long>(deq_hits_),
        static_cast<unsigned long long>(gnt_low_cycles_),
        static_cast<unsigned long long>(resets_));
  }

 private:
  void on_posedge() {
    if (failed_) return;
    ++cycle_;
    // Outputs of both after the previous edge.
    if (cycle_ > 2) compare();
    const bool gnt_before = rtl_->gnt_o;
    if (rtl_->rvalid_o) {
      if (rtl_->err_o) ++err_responses_;
      if (deq_accepted_before_ && rtl_->rdata_o != 0) ++deq_hits_;
    }
    if (!gnt_before && rst_n_.read()) ++gnt_low_cycles_;

    // Rising edge of the RTL with the inputs of the cycle that just ended.
    eval_intc_edge(*rtl_, rst_n_.read(), req_.read(), we_.read(), be_.read().to_uint(),
                   addr_.read().to_uint(), wdata_.read().to_uint(), hart_.read().to_uint(),
                   irq_.read().to_uint());

    // Bus handshake: was the request of the cycle that just ended accepted?
    const bool accepted = req_.read() && gnt_before && rst_n_.read();
    // The response of an operation accepted at this edge shows after the next edge.
    deq_accepted_before_ = last_was_deq_;
    last_was_deq_ = false;
    if (accepted) {
      history_[accepted_ % history_.size()] = {cycle_, current_};
      last_was_deq_ = !current_.we && (current_.addr & 0xFFFu) == 0x004u &&
                      (current_.addr >> 12) != 0;
      ++accepted_;
      have_request_ = false;
      gap_ = traffic_.next_gap();
    }
    drive_next_cycle();
  }

  void drive_next_cycle() {
    if (reset_left_ > 0) {
      --reset_left_;
      rst_n_.write(reset_left_ == 0);
      req_.write(false);
      irq_.write(traffic_.next_irq_levels());
      return;
    }
    if (cycle_ < 3 || traffic_.next_reset()) {
      reset_left_ = cycle_ < 3 ? 0 : 2;
      rst_n_.write(cycle_ >= 3 && reset_left_ == 0);
      if (cycle_ >= 3) ++resets_;
      have_request_ = false;
      req_.write(false);
      irq_.write(traffic_.next_irq_levels());
      return;
    }
    rst_n_.write(true);
    irq_.write(traffic_.next_irq_levels());
    if (!have_request_) {
      if (gap_ > 0) {
        --gap_;
        req_.write(false);
        return;
      }
      current_ = traffic_.next_request();
      have_request_ = true;
    }
    req_.write(true);
    we_.write(current_.we);
    be_.write(current_.be);
    addr_.write(current_.addr);
    wdata_.write(current_.wdata);
    hart_.write(current_.hart);
  }

  void check(const char* signal, uint32_t rtl, uint32_t model) {
    if (failed_ || rtl == model) return;
    failed_ = true;
    std::printf("lockstep: MISMATCH at cycle %llu, signal %s: %s=0x%08x model=0x%08x "
                "(config %s, seed %llu; replay with --config %s --dut %s --seed %llu)\n",
                static_cast<unsigned long long>(cycle_ - 1), signal, opt_.dut.c_str(), rtl, model,
                opt_.config.c_str(), static_cast<unsigned long long>(opt_.seed),
                opt_.config.c_str(), opt_.dut.c_str(), static_cast<unsigned long long>(opt_.seed));
    std::printf("lockstep: last accepted requests (edge: we addr wdata be hart):\n");
    const uint64_t n = accepted_ < history_.size() ? accepted_ : history_.size();
    for (uint64_t i = accepted_ - n; i < accepted_; ++i) {
      const Accepted& a = history_[i % history_.size()];
      std::printf("  %8llu: %c 0x%04x 0x%08x 0x%x %u\n", static_cast<unsigned long long>(a.cycle),
                  a.req.we ? 'W' : 'R', a.req.addr, a.req.wdata, a.req.be, a.req.hart);
    }
  }

  void compare() {
    check("gnt_o", rtl_->gnt_o, m_gnt_.read());
    check("rvalid_o", rtl_->rvalid_o, m_rvalid_.read());
    check("rdata_o", rtl_->rdata_o, m_rdata_.read().to_uint());
    check("err_o", rtl_->err_o, m_err_.read());
    check("work_o", rtl_->work_o & hart_mask_, m_work_.read().to_uint() & hart_mask_);
    check("preempt_o", rtl_->preempt_o & hart_mask_, m_preempt_.read().to_uint() & hart_mask_);
    check("err_irq_o", rtl_->err_irq_o, m_err_irq_.read());
  }

  sc_core::sc_clock clk_;
  sc_core::sc_signal<bool> rst_n_{"rst_n", false}, req_{"req"}, we_{"we"};
  sc_core::sc_signal<sc_dt::sc_uint<4>> be_{"be"};
  sc_core::sc_signal<sc_dt::sc_uint<16>> addr_{"addr"};
  sc_core::sc_signal<sc_dt::sc_uint<32>> wdata_{"wdata"};
  sc_core::sc_signal<sc_dt::sc_uint<2>> hart_{"hart"};
  sc_core::sc_signal<sc_dt::sc_uint<32>> irq_{"irq"};
  sc_core::sc_signal<bool> m_gnt_{"m_gnt"}, m_rvalid_{"m_rvalid"}, m_err_{"m_err"},
      m_err_irq_{"m_err_irq"};
  sc_core::sc_signal<sc_dt::sc_uint<32>> m_rdata_{"m_rdata"};
  sc_core::sc_signal<sc_dt::sc_uint<4>> m_work_{"m_work"}, m_preempt_{"m_preempt"};

  AtsIntcModel model_;
  AtsIntcConfig cfg_;
  Options opt_;
  Traffic traffic_;
  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<Rtl> rtl_;

  uint32_t hart_mask_ = 1;
  uint64_t cycle_ = 0;
  uint64_t accepted_ = 0;
  uint64_t err_responses_ = 0;
  uint64_t deq_hits_ = 0;
  uint64_t gnt_low_cycles_ = 0;
  uint64_t resets_ = 0;
  bool failed_ = false;
  bool have_request_ = false;
  bool last_was_deq_ = false;
  bool deq_accepted_before_ = false;
  uint32_t gap_ = 0;
  uint32_t reset_left_ = 0;
  BusRequest current_;
  std::array<Accepted, 16> history_{};
};

bool parse_u64(const char* s, uint64_t* out) {
  char* end = nullptr;
  *out = std::strtoull(s, &end, 0);
  return end != s && *end == '\0';
}

int usage(const char* why) {
  std::fprintf(stderr, "intc_lockstep: %s\nusage: intc_lockstep --config default|small "
               "[--dut rtl|netlist] [--ops N] [--seed S]\n", why);
  return 2;
}

template <class Rtl>
int run(const AtsIntcConfig& cfg, const Options& opt) {
  LockstepBench<Rtl> bench("bench", cfg, opt);
  const sc_core::sc_time chunk = sc_core::sc_time(10, sc_core::SC_NS) * 10000.0;
  // Hard stop: no run may take more than 4 cycles per requested operation.
  const uint64_t max_cycles = 100 + 4 * opt.ops + 1000;
  while (!bench.failed() && !bench.done() && bench.cycles() < max_cycles) {
    sc_core::sc_start(chunk);
  }
  bench.print_summary();
  if (bench.failed()) return 1;
  if (!bench.done()) {
    std::printf("lockstep: FAILED: only part of the operations were accepted within %llu cycles "
                "(the controller stopped granting)\n",
                static_cast<unsigned long long>(max_cycles));
    return 1;
  }
  std::printf("lockstep: PASS\n");
  return 0;
}

}  // namespace

int sc_main(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (i + 1 >= argc) return usage(("missing value after " + a).c_str());
    const char* v = argv[++i];
    if (a == "--config") {
      opt.config = v;
    } else if (a == "--dut") {
      opt.dut = v;
    } else if (a == "--ops") {
      if (!parse_u64(v, &opt.ops) || opt.ops == 0) return usage("--ops wants a positive number");
    } else if (a == "--seed") {
      if (!parse_u64(v, &opt.seed)) return usage("--seed wants a number");
    } else {
      return usage(("unknown option " + a).c_str());
    }
  }
  if (opt.dut != "rtl" && opt.dut != "netlist") {
    return usage(("unknown --dut '" + opt.dut + "'").c_str());
  }
  if (opt.dut == "netlist") {
    if (opt.config != "small") return usage("--dut netlist exists for --config small only");
    return run<Vintc_net_small>(AtsIntcConfig::small_config(), opt);
  }
  if (opt.config == "default") return run<Vintc_default>(AtsIntcConfig::default_config(), opt);
  if (opt.config == "small") return run<Vintc_small>(AtsIntcConfig::small_config(), opt);
  return usage(("unknown config '" + opt.config + "'").c_str());
}
