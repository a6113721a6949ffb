// isa_bench: core performance figures on the Verilated core with single-cycle
// memory (grant always, read data the next cycle):
//  * CPI and cycles of benchmark workloads between their begin/end markers,
//  * interrupt entry latency: the cycle the interrupt line rises to the cycle
//    the handler's first instruction retires, with the core busy and asleep.
//
//   isa_bench --json=FILE name=workload.elf... --irq=irq_latency.elf
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "lockstep.h"

namespace {

struct Record {
  std::string metric, config, unit;
  double value;
};

}  // namespace

int main(int argc, char** argv) {
  std::string json, irq_elf;
  std::vector<std::pair<std::string, std::string>> workloads;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--json=", 0) == 0) json = a.substr(7);
    else if (a.rfind("--irq=", 0) == 0) irq_elf = a.substr(6);
    else if (a.find('=') != std::string::npos)
      workloads.emplace_back(a.substr(0, a.find('=')), a.substr(a.find('=') + 1));
    else {
      std::fprintf(stderr, "usage: isa_bench [--json=FILE] name=file.elf... [--irq=file.elf]\n");
      return 2;
    }
  }
  std::vector<Record> recs;
  isa::CoreTb tb;
  int status = 0;
  std::printf("%-10s %10s %12s %6s\n", "workload", "cycles", "instructions", "CPI");
  for (const auto& [name, path] : workloads) {
    rv::ElfImage img;
    std::string err;
    if (!rv::read_elf(path, img, err)) {
      std::fprintf(stderr, "isa_bench: %s\n", err.c_str());
      return 2;
    }
    uint64_t c0 = 0, c1 = 0, i0 = 0, i1 = 0, instret = 0;
    isa::RunOptions opt;
    opt.compare = false;
    opt.max_cycles = 20'000'000;
    opt.on_retire = [&](const isa::TraceRecord& r, uint64_t cycle) {
      if (!r.trap) ++instret;
      if (r.wmask && r.mem_addr == isa::kTbBase + isa::kTbMarker) {
        if (r.mem_wdata == 1) { c0 = cycle; i0 = instret; }
        if (r.mem_wdata == 2) { c1 = cycle; i1 = instret; }
      }
    };
    isa::RunResult res = isa::run_core(tb, img, opt);
    if (!res.ok || res.exit_code != 0 || c1 <= c0) {
      std::printf("%-10s FAILED: %s (exit code %u)\n", name.c_str(), res.message.c_str(),
                  res.exit_code);
      status = 1;
      continue;
    }
    double cpi = double(c1 - c0) / double(i1 - i0);
    std::printf("%-10s %10llu %12llu %6.3f\n", name.c_str(), (unsigned long long)(c1 - c0),
                (unsigned long long)(i1 - i0), cpi);
    recs.push_back({"core.cpi", name, "ratio", cpi});
    recs.push_back({"core.cycles", name, "cycles", double(c1 - c0)});
  }
  if (!irq_elf.empty()) {
    rv::ElfImage img;
    std::string err;
    if (!rv::read_elf(irq_elf, img, err)) {
      std::fprintf(stderr, "isa_bench: %s\n", err.c_str());
      return 2;
    }
    std::vector<uint64_t> lat;
    bool after_trap = false;
    isa::RunOptions opt;
    opt.compare = true;  // the latency program also runs in lockstep
    opt.on_retire = [&](const isa::TraceRecord& r, uint64_t cycle) {
      if (after_trap) lat.push_back(cycle - tb.irq_rise_cycle());
      after_trap = r.trap && (r.cause >> 31);
    };
    isa::RunResult res = isa::run_core(tb, img, opt);
    if (!res.ok || res.exit_code != 0 || lat.size() != 2) {
      std::printf("irq latency FAILED: %s (exit code %u)\n", res.message.c_str(), res.exit_code);
      status = 1;
    } else {
      std::printf("interrupt entry (line -> first handler instruction retired): busy %llu cycles, "
                  "in WFI %llu cycles\n", (unsigned long long)lat[0], (unsigned long long)lat[1]);
      recs.push_back({"core.irq_entry", "busy", "cycles", double(lat[0])});
      recs.push_back({"core.irq_entry", "wfi", "cycles", double(lat[1])});
    }
  }
  if (!json.empty()) {
    FILE* f = std::fopen(json.c_str(), "w");
    if (!f) return 2;
    std::fprintf(f, "[\n");
    for (size_t i = 0; i < recs.size(); ++i)
      std::fprintf(f, " {\"metric\": \"%s\", \"config\": \"%s\", \"value\": %.4g, \"unit\": \"%s\"}%s\n",
                   recs[i].metric.c_str(), recs[i].config.c_str(), recs[i].value,
                   recs[i].unit.c_str(), i + 1 < recs.size() ? "," : "");
    std::fprintf(f, "]\n");
    std::fclose(f);
  }
  return status;
}
