// Lockstep runner: see lockstep.h.
#include "lockstep.h"

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "rv_iss/disasm.h"
#include "rv_iss/hex.h"

namespace isa {
namespace {

using rv::hex32;

// Where a core record and an ISS record differ; empty if they agree.
std::string compare(const TraceRecord& c, const rv::Retire& s) {
  std::ostringstream o;
  auto field = [&](const char* name, uint32_t core, uint32_t iss) {
    if (core != iss && o.tellp() == 0)
      o << "field=" << name << " core=" << hex32(core) << " iss=" << hex32(iss);
  };
  field("pc", c.pc, s.pc);
  field("insn", c.insn, s.insn);
  field("trap", c.trap, s.trap);
  if (c.trap || s.trap) {
    field("cause", c.cause, s.cause);
  } else {
    field("mode", c.mode, s.priv);
    field("rd", c.rd, s.rd);
    field("rd_wdata", c.rd_wdata, s.rd_wdata);
    field("mem_addr", c.mem_addr, (s.mem_rmask | s.mem_wmask) ? s.mem_addr : 0);
    field("mem_rmask", c.rmask, s.mem_rmask);
    field("mem_wmask", c.wmask, s.mem_wmask);
    field("mem_wdata", c.mem_wdata, s.mem_wdata);
    field("mem_rdata", c.mem_rdata, s.mem_rdata);
  }
  return o.str();
}

bool is_csr_read_of(uint32_t insn, uint32_t a, uint32_t b) {
  if ((insn & 0x7f) != 0x73 || ((insn >> 12) & 7) == 0 || ((insn >> 7) & 31) == 0) return false;
  uint32_t addr = insn >> 20;
  return addr == a || addr == b;
}

void setup_htif(const rv::ElfImage& image, rv::SimMemory& mem) {
  auto th = image.symbols.find("tohost");
  auto fh = image.symbols.find("fromhost");
  mem.set_htif(th == image.symbols.end() ? 0 : th->second,
               fh == image.symbols.end() ? 0 : fh->second);
}

}  // namespace

RunResult run_core(CoreTb& tb, const rv::ElfImage& image, const RunOptions& opt) {
  RunResult res;
  std::string err;
  rv::SimMemory& cmem = tb.memory();
  cmem.clear();
  if (!rv::load_image(image, cmem, err)) {
    res.message = err;
    return res;
  }
  setup_htif(image, cmem);

  // ISS with its own RAM; non-RAM loads take the core's value.
  const TraceRecord* current = nullptr;
  rv::SimMemory smem(kRamBase, kRamSize);
  rv::load_image(image, smem, err);
  setup_htif(image, smem);
  smem.set_mmio([&current](const rv::BusReq&, uint32_t& rdata) {
    if (!current) return false;
    rdata = current->mem_rdata;
    return !(current->trap && (current->cause == 5 || current->cause == 7));
  });
  rv::HartConfig hc;
  hc.pmp_entries = 8;
  hc.pmp_gran = opt.pmp_gran;
  rv::Hart iss(hc, smem);
  iss.set_pc(image.entry);

  tb.set_timing(opt.timing, opt.seed);
  tb.reset();
  uint64_t last_retire = 0;
  TraceRecord rec{};
  while (tb.cycles() < opt.max_cycles) {
    bool have = tb.cycle(rec);
    if (have) {
      last_retire = tb.cycles();
      if (rec.trap) ++res.traps;
      else ++res.instret;
      if (opt.compare) {
        iss.set_irq_lines(rec.mip);
        if (is_csr_read_of(rec.insn, 0xb00, 0xc00)) iss.set_mcycle_lo(rec.rd_wdata);
        if (is_csr_read_of(rec.insn, 0xb80, 0xc80)) iss.set_mcycle_hi(rec.rd_wdata);
        current = &rec;
        rv::Retire s = iss.step();
        current = nullptr;
        std::string diff = compare(rec, s);
        if (!diff.empty()) {
          std::ostringstream o;
          o << "LOCKSTEP MISMATCH " << opt.tag << " pc=" << hex32(rec.pc)
            << " insn=" << hex32(rec.insn) << " (" << rv::disasm(rec.insn, rec.pc) << ") " << diff
            << " cycle=" << tb.cycles();
          res.message = o.str();
          res.cycles = tb.cycles();
          return res;
        }
      }
      if (opt.on_retire) opt.on_retire(rec, tb.cycles());
    }
    if (cmem.exit_code()) break;
    if (tb.cycles() - last_retire > 20000 && !tb.sleeping()) {
      res.message = "core stopped retiring at cycle " + std::to_string(last_retire) + " " + opt.tag;
      res.cycles = tb.cycles();
      return res;
    }
  }
  res.cycles = tb.cycles();
  res.console = cmem.console();
  if (!cmem.exit_code()) {
    res.message = "timeout after " + std::to_string(opt.max_cycles) + " cycles " + opt.tag;
    return res;
  }
  res.exited = true;
  res.exit_code = *cmem.exit_code();
  if (opt.compare) {
    const auto& a = cmem.words();
    const auto& b = smem.words();
    for (size_t i = 0; i < a.size(); ++i) {
      if (a[i] != b[i]) {
        res.message = "LOCKSTEP MISMATCH " + opt.tag + " final memory at " +
                      hex32(kRamBase + uint32_t(4 * i)) + " core=" + hex32(a[i]) +
                      " iss=" + hex32(b[i]);
        return res;
      }
    }
  }
  res.ok = true;
  return res;
}

RunResult run_iss(const rv::ElfImage& image, uint64_t max_steps, std::string* console) {
  RunResult res;
  std::string err;
  rv::SimMemory mem(kRamBase, kRamSize);
  if (!rv::load_image(image, mem, err)) {
    res.message = err;
    return res;
  }
  setup_htif(image, mem);
  TbDevice dev;
  mem.set_mmio([&dev](const rv::BusReq& req, uint32_t& rdata) { return dev.access(req, rdata); });
  rv::HartConfig hc;
  hc.wfi_retires = false;
  rv::Hart iss(hc, mem);
  iss.set_pc(image.entry);
  uint64_t steps = 0;
  const bool trace = std::getenv("ISA_TRACE") != nullptr;
  for (; steps < max_steps && !mem.exit_code(); ++steps) {
    dev.tick();
    iss.set_irq_lines(dev.lines());
    rv::Retire r = iss.step();
    if (!r.valid) continue;
    if (trace)
      std::printf("%8llu %08x %08x %-32s %s rd=%2u %08x mip=%05x\n", (unsigned long long)steps,
                  r.pc, r.insn, rv::disasm(r.insn, r.pc).c_str(), r.trap ? "TRAP" : "    ", r.rd,
                  r.rd_wdata, dev.lines());
    if (r.trap) ++res.traps;
    else ++res.instret;
  }
  res.cycles = steps;
  res.console = mem.console();
  if (console) *console = mem.console();
  if (!mem.exit_code()) {
    res.message = "ISS timeout after " + std::to_string(max_steps) + " steps";
    return res;
  }
  res.exited = true;
  res.exit_code = *mem.exit_code();
  res.ok = true;
  return res;
}

}  // namespace isa
