// Testbench for the Verilated rv_core: OBI slaves for both ports over a
// SimMemory (optional random grant stalls and response latency), a testbench
// control device for interrupts and MMIO tests, and the retirement trace.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <random>

#include "rv_iss/hart.h"
#include "rv_iss/sim_memory.h"

class Vrv_core;

namespace isa {

// Testbench control device (not part of the SoC memory map).
constexpr uint32_t kTbBase = 0x20000000u;
constexpr uint32_t kTbIrqSet = 0x00;    // W: lines |= v; R: lines (mip format)
constexpr uint32_t kTbIrqClr = 0x04;    // W: lines &= ~v
constexpr uint32_t kTbArmDelay = 0x08;  // W: cycles before the armed lines rise
constexpr uint32_t kTbArmMask = 0x0c;   // W: lines to raise; starts the countdown
constexpr uint32_t kTbCounter = 0x10;   // R: value, then increments (destructive); W: set
constexpr uint32_t kTbCycle = 0x14;     // R: cycle counter
constexpr uint32_t kTbMarker = 0x18;    // W: benchmark marker (seen in the trace)

constexpr uint32_t kRamBase = 0x80000000u;
constexpr uint32_t kRamSize = 1u << 20;

// The testbench control device's behaviour, shared by the core testbench
// (ticked per clock cycle) and ISS-only runs (ticked per instruction).
class TbDevice {
 public:
  void reset() { *this = TbDevice(); }
  void tick();  // armed lines rise when their countdown reaches zero
  bool access(const rv::BusReq& req, uint32_t& rdata);
  uint32_t lines() const { return lines_; }
  void raise(uint32_t bits) { lines_ |= bits; }
  uint64_t rise_tick() const { return rise_tick_; }  // tick of the last armed rise

 private:
  uint32_t lines_ = 0;
  uint32_t arm_mask_ = 0;
  int64_t arm_delay_ = -1;
  uint32_t arm_delay_reg_ = 0;
  uint32_t counter_ = 0;
  uint64_t ticks_ = 0;
  uint64_t rise_tick_ = 0;
};

struct BusTiming {
  double gnt_stall = 0.0;     // probability that gnt is low in a cycle
  double extra_latency = 0.0; // probability a response takes 2..4 cycles
  double spontaneous_irq = 0.0;  // per-cycle probability of raising a random line
};

// One record from the trace port.
struct TraceRecord {
  uint32_t pc, insn, cause, rd_wdata, mem_addr, mem_rdata, mem_wdata, mip;
  uint8_t rd, rmask, wmask, mode;
  bool trap;
};

class CoreTb {
 public:
  CoreTb();
  ~CoreTb();

  rv::SimMemory& memory() { return mem_; }
  void set_timing(const BusTiming& t, uint64_t seed);
  void reset();
  // One clock cycle; returns the trace record of the cycle, if any.
  bool cycle(TraceRecord& rec);
  uint64_t cycles() const { return cycles_; }
  uint32_t irq_lines() const { return dev_.lines(); }
  bool sleeping() const;
  // Cycle (numbered as the trace callback's cycle) when armed lines last rose.
  uint64_t irq_rise_cycle() const { return dev_.rise_tick(); }

 private:
  std::unique_ptr<Vrv_core> top_;
  rv::SimMemory mem_;
  BusTiming timing_;
  std::mt19937_64 rng_;
  uint64_t cycles_ = 0;
  // Pending responses: countdown (cycles until rvalid), data, err.
  struct Pending {
    bool valid = false;
    int wait = 0;
    uint32_t rdata = 0;
    bool err = false;
  } ipend_, dpend_;
  bool igrant_ = true, dgrant_ = true;
  TbDevice dev_;
};

}  // namespace isa
