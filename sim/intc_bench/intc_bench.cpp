// The controller's own figures, measured at its ports in cycles (`make bench`).
//
//   intc_bench --intc rtl|model --config default|small
// prints one JSON record per line: {"metric", "config", "value", "unit"}.
//
// Definitions (edges are rising clock edges; see docs/ats_intc.md §3):
//   intc.enqueue      ENQ presented in cycle c, its response (done) on the port in cycle u: u - c.
//   intc.dequeue      load-to-use: DEQ presented in cycle c, data on rdata_o in cycle u: u - c.
//   intc.irq_to_ready IRQ line sampled high at edge s, first DEQ that returns the woken
//                     task accepted at edge a: a - s. DEQs are polled back to back from the
//                     cycle after s (an idle hart has no DEQ in flight when the IRQ rises; a
//                     request granted at edge s itself goes first and delays the wake by one).
//   intc.send_to_ready SEND accepted at edge s, first DEQ returning the task accepted at a: a - s,
//                     DEQs polled back to back from the cycle after s.
//   intc.throughput   operations accepted per cycle in a back-to-back ENQ/DEQ stream.
//   intc.broadcast16_stall  cycles a bus request waits while a broadcast wakes 16 waiters.
#include <systemc.h>

#include <cstdio>
#include <string>
#include <vector>

#include "ats_intc_model.h"
#include "ats_intc_regs.h"
#include "intc_system.h"

namespace k = ats_intc::kernel;
namespace pr = ats_intc::process;

namespace {

constexpr uint32_t kProc = 1;
uint32_t page(uint32_t off) { return ats_intc::process_page(kProc) + off; }
uint32_t word(uint32_t n, uint32_t prio) { return ((0x100u + n) << 5) | prio; }

class Bench : public sc_core::sc_module {
 public:
  SC_HAS_PROCESS(Bench);
  Bench(sc_core::sc_module_name n, const std::string& intc, const std::string& config)
      : sc_module(n), tag_(intc + "-" + config), sys_("intc", intc, config) {
    SC_THREAD(run);
  }
  int failures = 0;

 private:
  void record(const char* metric, double value, const char* unit) {
    std::printf("{\"metric\": \"%s\", \"config\": \"%s\", \"value\": %g, \"unit\": \"%s\"}\n",
                metric, tag_.c_str(), value, unit);
  }
  void expect(bool ok, const char* what) {
    if (!ok) {
      std::fprintf(stderr, "intc_bench (%s): %s\n", tag_.c_str(), what);
      ++failures;
    }
  }

  void run() {
    sys_.wait_reset_done();
    sys_.write(k::proc_ctrl(kProc), k::kProcCtrlEnableMask);
    sys_.write(k::src_cfg(0), kProc);
    const uint32_t ch = ats_intc::kFirstChannel;
    sys_.write(k::src_cfg(ch), kProc | (1u << (k::kSrcCfgSendersShift + kProc)));

    // Enqueue and load-to-use of a dequeue, one access at a time.
    const IntcSystem::Result e = sys_.access(true, page(pr::kEnq), word(1, 3));
    record("intc.enqueue", static_cast<double>(e.response_edge - e.accept_edge), "cycles");
    const IntcSystem::Result d = sys_.access(false, page(pr::kDeq), 0);
    expect(d.rdata == word(1, 3), "DEQ did not return the enqueued task");
    // Presented in cycle accept-1, data on the port in cycle response-1.
    record("intc.dequeue", static_cast<double>(d.response_edge - d.accept_edge), "cycles");

    // IRQ edge -> task visible to DEQ.
    sys_.write(page(pr::wait(0)), word(2, 1));
    sys_.tick();
    sys_.set_irq(0, true);  // high in this cycle: sampled at the next edge
    const uint64_t sampled = sys_.tick();
    std::vector<IntcSystem::Request> deqs(8, IntcSystem::Request{false, page(pr::kDeq), 0, 0});
    auto res = sys_.stream(deqs);
    uint64_t ready_at = 0;
    for (const auto& r : res) {
      if (r.rdata == word(2, 1)) {
        ready_at = r.accept_edge;
        break;
      }
    }
    expect(ready_at != 0, "the IRQ did not wake the waiting task");
    record("intc.irq_to_ready", static_cast<double>(ready_at - sampled), "cycles");
    sys_.set_irq(0, false);

    // SEND -> task visible to DEQ.
    sys_.write(page(pr::wait(ch)), word(3, 2));
    const uint64_t sent = sys_.issue(true, page(pr::send(ch)), 0);
    sys_.tick();  // the receiver starts polling the cycle after the SEND was accepted
    res = sys_.stream(deqs);
    ready_at = 0;
    for (const auto& r : res) {
      if (r.rdata == word(3, 2)) {
        ready_at = r.accept_edge;
        break;
      }
    }
    expect(ready_at != 0, "the SEND did not wake the waiting task");
    record("intc.send_to_ready", static_cast<double>(ready_at - sent), "cycles");

    // Back-to-back stream: 500 ENQ/DEQ pairs.
    std::vector<IntcSystem::Request> mix;
    for (uint32_t i = 0; i < 500; ++i) {
      mix.push_back({true, page(pr::kEnq), word(10 + i % 64, i % 8), 0});
      mix.push_back({false, page(pr::kDeq), 0, 0});
    }
    res = sys_.stream(mix);
    uint32_t hits = 0;
    for (size_t i = 1; i < res.size(); i += 2) hits += res[i].rdata != 0;
    expect(hits == 500, "a DEQ right after an ENQ came back empty");
    const double span = static_cast<double>(res.back().accept_edge - res.front().accept_edge + 1);
    record("intc.throughput", static_cast<double>(res.size()) / span, "ops/cycle");

    // Broadcast: 16 waiters on the channel, one SEND, then two FREE reads. The
    // first was already granted; the second waits while the waiters move.
    sys_.write(k::src_cfg(ch),
               kProc | k::kSrcCfgBroadcastMask | (1u << (k::kSrcCfgSendersShift + kProc)));
    for (uint32_t i = 0; i < 16; ++i) sys_.write(page(pr::wait(ch)), word(100 + i, 4));
    res = sys_.stream(
        {{true, page(pr::send(ch)), 0, 0}, {false, k::kFree, 0, 0}, {false, k::kFree, 0, 0}});
    record("intc.broadcast16_stall",
           static_cast<double>(res[2].accept_edge - res[1].accept_edge - 1), "cycles");
    uint32_t woken = 0;
    while (sys_.read(page(pr::kDeq)) != 0) ++woken;
    expect(woken == 16, "broadcast did not wake all 16 waiters");
    sc_core::sc_stop();
  }

  std::string tag_;
  IntcSystem sys_;
};

}  // namespace

int sc_main(int argc, char** argv) {
  std::string intc = "rtl", config = "default";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--intc") {
      intc = argv[i + 1];
    } else if (a == "--config") {
      config = argv[i + 1];
    } else {
      std::fprintf(stderr, "intc_bench: unknown option %s\n", a.c_str());
      return 2;
    }
  }
  if (argc % 2 == 0) {
    std::fprintf(stderr, "intc_bench: usage: intc_bench [--intc rtl|model] [--config NAME]\n");
    return 2;
  }
  try {
    Bench b("bench", intc, config);
    sc_core::sc_start();
    return b.failures == 0 ? 0 : 1;
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "intc_bench: %s\n", e.what());
    return 2;
  }
}
