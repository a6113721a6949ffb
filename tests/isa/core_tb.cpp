// Testbench for the Verilated rv_core: see core_tb.h.
#include "core_tb.h"

#include "Vrv_core.h"
#include "verilated.h"

namespace isa {

CoreTb::CoreTb() : top_(std::make_unique<Vrv_core>()), mem_(kRamBase, kRamSize) {
  mem_.set_mmio(
      [this](const rv::BusReq& req, uint32_t& rdata) { return dev_.access(req, rdata); });
}

CoreTb::~CoreTb() { top_->final(); }

void CoreTb::set_timing(const BusTiming& t, uint64_t seed) {
  timing_ = t;
  rng_.seed(seed);
}

void TbDevice::tick() {
  ++ticks_;
  if (arm_delay_ >= 0) {
    if (arm_delay_ == 0) {
      lines_ |= arm_mask_;
      rise_tick_ = ticks_;
    }
    --arm_delay_;
  }
}

bool TbDevice::access(const rv::BusReq& req, uint32_t& rdata) {
  if ((req.addr & ~0xfffu) != kTbBase || req.be != 0xf) return false;
  const uint32_t off = req.addr & 0xfff;
  rdata = 0;
  if (req.we) {
    switch (off) {
      case kTbIrqSet: lines_ |= req.wdata & rv::kMipMask; break;
      case kTbIrqClr: lines_ &= ~req.wdata; break;
      case kTbArmDelay: arm_delay_reg_ = req.wdata; break;
      case kTbArmMask:
        arm_mask_ = req.wdata & rv::kMipMask;
        arm_delay_ = arm_delay_reg_;
        break;
      case kTbCounter: counter_ = req.wdata; break;
      case kTbMarker: break;
      default: return false;
    }
    return true;
  }
  switch (off) {
    case kTbIrqSet: rdata = lines_; break;
    case kTbCounter: rdata = counter_++; break;
    case kTbCycle: rdata = uint32_t(ticks_); break;
    case kTbIrqClr: case kTbArmDelay: case kTbArmMask: break;
    default: return false;
  }
  return true;
}

void CoreTb::reset() {
  ipend_ = Pending{};
  dpend_ = Pending{};
  dev_.reset();
  cycles_ = 0;
  top_->instr_gnt_i = 0;
  top_->instr_rvalid_i = 0;
  top_->data_gnt_i = 0;
  top_->data_rvalid_i = 0;
  top_->irq_software_i = 0;
  top_->irq_timer_i = 0;
  top_->irq_external_i = 0;
  top_->irq_local_i = 0;
  top_->rst_ni = 0;
  for (int i = 0; i < 3; ++i) {
    top_->clk_i = 0;
    top_->eval();
    top_->clk_i = 1;
    top_->eval();
  }
  top_->rst_ni = 1;
}

bool CoreTb::sleeping() const { return top_->core_sleep_o; }

bool CoreTb::cycle(TraceRecord& rec) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  // Interrupt lines for this cycle.
  dev_.tick();
  if (timing_.spontaneous_irq > 0 && u(rng_) < timing_.spontaneous_irq) {
    static const uint32_t kLines[] = {rv::kMipMsi, rv::kMipMti, rv::kMipMei, rv::kMipWork,
                                      rv::kMipPreempt};
    dev_.raise(kLines[rng_() % 5]);
  }
  const uint32_t lines = dev_.lines();
  top_->irq_software_i = (lines & rv::kMipMsi) != 0;
  top_->irq_timer_i = (lines & rv::kMipMti) != 0;
  top_->irq_external_i = (lines & rv::kMipMei) != 0;
  top_->irq_local_i = ((lines >> 16) & 3);

  // Responses due this cycle.
  auto drive = [](Pending& p, uint8_t& rvalid, uint32_t& rdata, uint8_t& err) {
    rvalid = 0;
    if (p.valid && p.wait == 0) {
      rvalid = 1;
      rdata = p.rdata;
      err = p.err;
      p.valid = false;
    } else if (p.valid) {
      --p.wait;
    }
  };
  drive(ipend_, top_->instr_rvalid_i, top_->instr_rdata_i, top_->instr_err_i);
  drive(dpend_, top_->data_rvalid_i, top_->data_rdata_i, top_->data_err_i);
  if (!top_->instr_rvalid_i) top_->instr_rdata_i = 0xdeadbeef;  // catch use of stale data
  if (!top_->data_rvalid_i) top_->data_rdata_i = 0xdeadbeef;

  // Grants are decided before seeing the requests (the slave may stall).
  top_->instr_gnt_i = timing_.gnt_stall <= 0 || u(rng_) >= timing_.gnt_stall;
  top_->data_gnt_i = timing_.gnt_stall <= 0 || u(rng_) >= timing_.gnt_stall;

  top_->clk_i = 0;
  top_->eval();

  bool have = top_->rvfi_valid_o;
  if (have) {
    rec.pc = top_->rvfi_pc_o;
    rec.insn = top_->rvfi_insn_o;
    rec.trap = top_->rvfi_trap_o;
    rec.cause = top_->rvfi_cause_o;
    rec.rd = top_->rvfi_rd_addr_o;
    rec.rd_wdata = top_->rvfi_rd_wdata_o;
    rec.mem_addr = top_->rvfi_mem_addr_o;
    rec.rmask = top_->rvfi_mem_rmask_o;
    rec.wmask = top_->rvfi_mem_wmask_o;
    rec.mem_rdata = top_->rvfi_mem_rdata_o;
    rec.mem_wdata = top_->rvfi_mem_wdata_o;
    rec.mip = top_->rvfi_mip_o;
    rec.mode = top_->rvfi_mode_o;
  }

  auto latency = [&]() {
    return (timing_.extra_latency > 0 && u(rng_) < timing_.extra_latency) ? int(1 + rng_() % 3)
                                                                           : 0;
  };
  if (top_->instr_req_o && top_->instr_gnt_i) {
    if (ipend_.valid) throw std::runtime_error("core issued a second instruction request");
    rv::BusResp r = mem_.fetch(top_->instr_addr_o & ~3u);
    ipend_ = Pending{true, latency(), r.rdata, r.err};
  }
  if (top_->data_req_o && top_->data_gnt_i) {
    if (dpend_.valid) throw std::runtime_error("core issued a second data request");
    rv::BusReq req;
    req.addr = top_->data_addr_o;
    req.we = top_->data_we_o;
    req.be = top_->data_be_o;
    req.wdata = top_->data_wdata_o;
    req.atop = top_->data_atop_o;
    rv::BusResp r = mem_.data(req);
    dpend_ = Pending{true, latency(), req.we && req.atop == 0 ? 0u : r.rdata, r.err};
  }

  top_->clk_i = 1;
  top_->eval();
  ++cycles_;
  return have;
}

}  // namespace isa
