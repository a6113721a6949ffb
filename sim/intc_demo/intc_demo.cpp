// `make run` (until the SoC lands): the ATS-INTC alone, driven cycle by cycle
// by a software-like executor in SystemC.
//
// Process slot 1 owns IRQ sources 0..3. Four handler coroutines (priority 1)
// wait on them; a background compute coroutine (priority 6) runs in chunks and
// yields by re-enqueueing itself. Devices raise their level IRQ lines at
// Poisson-distributed times; a handler drains its device, then waits again.
// The executor does what the firmware's hw executor will do: one DEQ load,
// "resume" the task word it got, and wait for the work line when DEQ returns 0.
// It prints what happened and the IRQ-edge -> handler-has-its-task latency.
#include <systemc.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "ats_intc_model.h"
#include "ats_intc_regs.h"
#include "intc_system.h"

namespace k = ats_intc::kernel;
namespace pr = ats_intc::process;
namespace po = boost::program_options;

namespace {

constexpr uint32_t kProc = 1;
constexpr uint32_t kHandlers = 4;
constexpr uint32_t kHandlerPrio = 1;
constexpr uint32_t kBackgroundPrio = 6;
constexpr uint32_t kBackgroundFrame = 0x80002000u;

uint32_t handler_word(uint32_t i) { return (0x80001000u + 0x20u * i) | kHandlerPrio; }
uint32_t page(uint32_t off) { return ats_intc::process_page(kProc) + off; }

struct Options {
  std::string intc = "rtl";
  std::string config = "default";
  uint64_t cycles = 200000;
  double mean_gap = 600;      // cycles between arrivals per device
  uint32_t service = 30;      // handler cycles per drained device
  uint32_t chunk = 40;        // background cycles between yields
  uint64_t seed = 1;
};

class Demo : public sc_core::sc_module {
 public:
  SC_HAS_PROCESS(Demo);
  Demo(sc_core::sc_module_name n, const Options& o)
      : sc_module(n), opt_(o), sys_("intc", o.intc, o.config), rng_(o.seed) {
    SC_THREAD(executor);
    SC_THREAD(devices);
  }

  bool finished() const { return finished_; }

 private:
  void setup() {
    sys_.write(k::kCtrl, k::kCtrlErrIrqEnMask);
    sys_.write(k::proc_ctrl(kProc), k::kProcCtrlEnableMask | k::kProcCtrlBusErrEnMask);
    sys_.write(k::hart_proc(0), kProc);
    for (uint32_t i = 0; i < kHandlers; ++i) sys_.write(k::src_cfg(i), kProc);
    for (uint32_t i = 0; i < kHandlers; ++i) sys_.write(page(pr::wait(i)), handler_word(i));
    sys_.write(page(pr::kEnq), kBackgroundFrame | kBackgroundPrio);
    ready_ = true;
  }

  void executor() {
    sys_.wait_reset_done();
    setup();
    uint64_t next_progress = opt_.cycles / 4;
    while (sys_.edge() < opt_.cycles) {
      if (sys_.edge() >= next_progress) {
        std::printf("  ... cycle %7llu: %llu interrupts handled, %llu background chunks\n",
                    static_cast<unsigned long long>(sys_.edge()),
                    static_cast<unsigned long long>(latencies_.size()),
                    static_cast<unsigned long long>(chunks_));
        next_progress += opt_.cycles / 4;
      }
      const IntcSystem::Result r = sys_.access(false, page(pr::kDeq), 0);
      if (r.rdata == 0) {  // idle: "WFI" until the work line rises
        const uint64_t from = sys_.edge();
        while (!sys_.work(0) && sys_.edge() < opt_.cycles) sys_.tick();
        idle_cycles_ += sys_.edge() - from;
        continue;
      }
      const uint32_t frame = r.rdata & ~0x1Fu;
      if (frame == kBackgroundFrame) {
        for (uint32_t c = 0; c < opt_.chunk; ++c) sys_.tick();
        ++chunks_;
        sys_.write(page(pr::kEnq), r.rdata);  // yield
        continue;
      }
      const uint32_t i = (frame - 0x80001000u) / 0x20u;
      latencies_.push_back(r.response_edge - raised_at_[i]);
      for (uint32_t c = 0; c < opt_.service; ++c) sys_.tick();
      handled_items_ += pending_items_[i];
      pending_items_[i] = 0;  // drain the device: its line falls
      sys_.set_irq(i, false);
      sys_.write(page(pr::wait(i)), r.rdata);
    }
    report();
    finished_ = true;
    sc_core::sc_stop();
  }

  void devices() {
    std::exponential_distribution<double> gap(1.0 / opt_.mean_gap);
    std::vector<double> next(kHandlers);
    for (auto& t : next) t = 100 + gap(rng_);
    for (;;) {
      const uint64_t now = sys_.tick();
      if (!ready_) continue;
      for (uint32_t i = 0; i < kHandlers; ++i) {
        while (next[i] <= static_cast<double>(now)) {
          next[i] += gap(rng_);
          ++arrivals_;
          if (pending_items_[i]++ == 0) {
            raised_at_[i] = now + 1;  // the controller samples the rising line at the next edge
            sys_.set_irq(i, true);
          }
        }
      }
    }
  }

  void report() {
    const uint32_t enq = sys_.read(k::kCntEnq), deq = sys_.read(k::kCntDeq);
    const uint32_t wake = sys_.read(k::kCntWake), ovf = sys_.read(k::kCntOvf);
    const uint32_t errs = sys_.read(k::kCntErr), occ = sys_.read(k::kMaxOcc);
    const uint32_t free_entries = sys_.read(k::kFree);
    std::vector<uint64_t> l = latencies_;
    std::sort(l.begin(), l.end());
    auto pct = [&](double p) {
      return l.empty() ? 0ull
                       : static_cast<unsigned long long>(
                             l[std::min(l.size() - 1, static_cast<size_t>(p * l.size()))]);
    };
    double sum = 0;
    for (auto v : l) sum += static_cast<double>(v);
    std::printf("\nATS-INTC demo (%s, %s configuration), %llu cycles\n", opt_.intc.c_str(),
                opt_.config.c_str(), static_cast<unsigned long long>(sys_.edge()));
    std::printf("  device arrivals          %8llu (%llu drained by handlers)\n",
                static_cast<unsigned long long>(arrivals_),
                static_cast<unsigned long long>(handled_items_));
    std::printf("  interrupts handled       %8zu\n", l.size());
    std::printf("  background chunks        %8llu (%u cycles each)\n",
                static_cast<unsigned long long>(chunks_), opt_.chunk);
    std::printf("  executor idle cycles     %8llu\n", static_cast<unsigned long long>(idle_cycles_));
    std::printf("  controller counters      ENQ %u  DEQ %u  WAKE %u  OVF %u  ERR %u  "
                "MAX_OCC %u  FREE %u\n", enq, deq, wake, ovf, errs, occ, free_entries);
    if (!l.empty()) {
      std::printf("  IRQ edge -> handler has its task (cycles): min %llu  avg %.1f  p50 %llu  "
                  "p99 %llu  max %llu\n",
                  static_cast<unsigned long long>(l.front()), sum / static_cast<double>(l.size()),
                  pct(0.5), pct(0.99), static_cast<unsigned long long>(l.back()));
    }
    ok_ = errs == 0 && ovf == 0 && !l.empty();
  }

 public:
  bool ok_ = false;

 private:
  Options opt_;
  IntcSystem sys_;
  std::mt19937_64 rng_;
  bool ready_ = false;
  bool finished_ = false;
  uint64_t raised_at_[kHandlers] = {};
  uint64_t pending_items_[kHandlers] = {};
  uint64_t arrivals_ = 0, handled_items_ = 0, chunks_ = 0, idle_cycles_ = 0;
  std::vector<uint64_t> latencies_;
};

}  // namespace

int sc_main(int argc, char** argv) {
  Options o;
  po::options_description desc("intc_demo: the ATS-INTC with a cooperative executor");
  desc.add_options()("help", "this text")(
      "intc", po::value(&o.intc)->default_value(o.intc), "controller: rtl or model")(
      "config", po::value(&o.config)->default_value(o.config), "default or small")(
      "cycles", po::value(&o.cycles)->default_value(o.cycles), "cycles to simulate")(
      "mean-gap", po::value(&o.mean_gap)->default_value(o.mean_gap),
      "mean cycles between arrivals per device (Poisson)")(
      "service", po::value(&o.service)->default_value(o.service), "handler cycles")(
      "chunk", po::value(&o.chunk)->default_value(o.chunk), "background cycles per chunk")(
      "seed", po::value(&o.seed)->default_value(o.seed), "random seed");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, desc), vm);
    po::notify(vm);
    if (o.mean_gap <= 0 || o.cycles == 0) throw po::error("--mean-gap and --cycles must be > 0");
  } catch (const po::error& e) {
    std::fprintf(stderr, "intc_demo: %s\n", e.what());
    return 2;
  }
  if (vm.count("help")) {
    std::cout << desc << "\n";
    return 0;
  }
  try {
    Demo demo("demo", o);
    sc_core::sc_start();
    return demo.ok_ ? 0 : 1;
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "intc_demo: %s\n", e.what());
    return 2;
  }
}
