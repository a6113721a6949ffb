#include "intc_system.h"

#include <stdexcept>

#include "Vintc_default.h"
#include "Vintc_small.h"
#include "ats_intc_model.h"
#include "rtl_intc_adapter.h"

struct IntcSystem::Impl {
  AtsIntcConfig cfg;
  std::unique_ptr<sc_core::sc_module> dut;
};

namespace {

template <class Dut>
void bind_ports(Dut& d, sc_core::sc_clock& clk, sc_core::sc_signal<bool>& rst_n,
                sc_core::sc_signal<bool>& req, sc_core::sc_signal<bool>& we,
                sc_core::sc_signal<sc_dt::sc_uint<4>>& be,
                sc_core::sc_signal<sc_dt::sc_uint<16>>& addr,
                sc_core::sc_signal<sc_dt::sc_uint<32>>& wdata,
                sc_core::sc_signal<sc_dt::sc_uint<2>>& hart,
                sc_core::sc_signal<sc_dt::sc_uint<32>>& irq, sc_core::sc_signal<bool>& gnt,
                sc_core::sc_signal<bool>& rvalid, sc_core::sc_signal<sc_dt::sc_uint<32>>& rdata,
                sc_core::sc_signal<bool>& err, sc_core::sc_signal<sc_dt::sc_uint<4>>& work,
                sc_core::sc_signal<sc_dt::sc_uint<4>>& preempt,
                sc_core::sc_signal<bool>& err_irq) {
  d.clk_i(clk);
  d.rst_ni(rst_n);
  d.req_i(req);
  d.we_i(we);
  d.be_i(be);
  d.addr_i(addr);
  d.wdata_i(wdata);
  d.hart_i(hart);
  d.irq_i(irq);
  d.gnt_o(gnt);
  d.rvalid_o(rvalid);
  d.rdata_o(rdata);
  d.err_o(err);
  d.work_o(work);
  d.preempt_o(preempt);
  d.err_irq_o(err_irq);
}

}  // namespace

IntcSystem::IntcSystem(sc_core::sc_module_name name, const std::string& kind,
                       const std::string& config)
    : sc_module(name), impl_(std::make_unique<Impl>()) {
  if (config == "default") {
    impl_->cfg = AtsIntcConfig::default_config();
  } else if (config == "small") {
    impl_->cfg = AtsIntcConfig::small_config();
  } else {
    throw std::invalid_argument("unknown ATS-INTC configuration '" + config +
                                "' (expected default or small)");
  }
  if (kind == "model") {
    auto m = std::make_unique<AtsIntcModel>("intc_model", impl_->cfg);
    bind_ports(*m, clk, rst_n_, req_, we_, be_, addr_, wdata_, hart_, irq_, gnt_, rvalid_, rdata_,
               err_, work_, preempt_, err_irq_);
    impl_->dut = std::move(m);
  } else if (kind == "rtl" && config == "default") {
    auto r = std::make_unique<RtlIntcAdapter<Vintc_default>>("intc_rtl");
    bind_ports(*r, clk, rst_n_, req_, we_, be_, addr_, wdata_, hart_, irq_, gnt_, rvalid_, rdata_,
               err_, work_, preempt_, err_irq_);
    impl_->dut = std::move(r);
  } else if (kind == "rtl") {
    auto r = std::make_unique<RtlIntcAdapter<Vintc_small>>("intc_rtl");
    bind_ports(*r, clk, rst_n_, req_, we_, be_, addr_, wdata_, hart_, irq_, gnt_, rvalid_, rdata_,
               err_, work_, preempt_, err_irq_);
    impl_->dut = std::move(r);
  } else {
    throw std::invalid_argument("unknown controller implementation '" + kind +
                                "' (expected rtl or model)");
  }
  SC_HAS_PROCESS(IntcSystem);
  SC_THREAD(drive_reset);
  // Any thread may call set_irq(); this method is the signal's one writer.
  SC_METHOD(drive_irq);
  sensitive << irq_changed_;
  dont_initialize();
}

void IntcSystem::drive_irq() { irq_.write(irq_levels_); }

IntcSystem::~IntcSystem() = default;

const AtsIntcConfig& IntcSystem::config() const { return impl_->cfg; }

void IntcSystem::drive_reset() {
  rst_n_.write(false);
  for (int i = 0; i < 3; ++i) wait(clk.posedge_event());
  rst_n_.write(true);
  wait(clk.posedge_event());
  in_reset_ = false;
  reset_done_.notify(sc_core::SC_ZERO_TIME);
}

void IntcSystem::wait_reset_done() {
  if (in_reset_) wait(reset_done_);
}

uint64_t IntcSystem::edge() const {
  return static_cast<uint64_t>(sc_core::sc_time_stamp().to_seconds() * 1e9 / kPeriodNs + 0.5);
}

uint64_t IntcSystem::tick() {
  wait(clk.posedge_event());
  return edge();
}

uint64_t IntcSystem::issue(bool we, uint32_t addr, uint32_t wdata, uint32_t hart) {
  req_.write(true);
  we_.write(we);
  be_.write(0xF);
  addr_.write(addr & 0xFFFFu);
  wdata_.write(wdata);
  hart_.write(hart);
  for (;;) {
    const uint64_t e = tick();
    if (gnt_.read()) {  // still the value of the cycle that just ended
      req_.write(false);
      return e;
    }
  }
}

IntcSystem::Result IntcSystem::access(bool we, uint32_t addr, uint32_t wdata, uint32_t hart) {
  Result r;
  r.accept_edge = issue(we, addr, wdata, hart);
  tick();  // the response is registered at this edge
  r.response_edge = tick();
  r.rdata = rdata_.read().to_uint();
  r.err = err_.read();
  if (!rvalid_.read()) {
    SC_REPORT_ERROR("IntcSystem", "no response one cycle after acceptance");
  }
  return r;
}

std::vector<IntcSystem::Result> IntcSystem::stream(const std::vector<Request>& reqs) {
  std::vector<Result> out(reqs.size());
  size_t next = 0;      // request being presented
  size_t answered = 0;  // responses collected
  auto present = [&](size_t i) {
    req_.write(true);
    we_.write(reqs[i].we);
    be_.write(0xF);
    addr_.write(reqs[i].addr & 0xFFFFu);
    wdata_.write(reqs[i].wdata);
    hart_.write(reqs[i].hart);
  };
  if (!reqs.empty()) present(0);
  while (answered < reqs.size()) {
    const uint64_t e = tick();
    // Values read now are those of the cycle that just ended.
    if (rvalid_.read() && answered < next) {
      out[answered].rdata = rdata_.read().to_uint();
      out[answered].err = err_.read();
      out[answered].response_edge = e;
      ++answered;
    }
    if (next < reqs.size() && gnt_.read()) {
      out[next].accept_edge = e;
      ++next;
      if (next < reqs.size()) {
        present(next);
      } else {
        req_.write(false);
      }
    }
  }
  return out;
}

void IntcSystem::set_irq(uint32_t line, bool level) {
  if (level) {
    irq_levels_ |= 1u << line;
  } else {
    irq_levels_ &= ~(1u << line);
  }
  irq_changed_.notify(sc_core::SC_ZERO_TIME);
}

bool IntcSystem::work(uint32_t hart) const { return (work_.read().to_uint() >> hart) & 1u; }
bool IntcSystem::preempt(uint32_t hart) const {
  return (preempt_.read().to_uint() >> hart) & 1u;
}
bool IntcSystem::gnt() const { return gnt_.read(); }
bool IntcSystem::rvalid() const { return rvalid_.read(); }
uint32_t IntcSystem::rdata() const { return rdata_.read().to_uint(); }
