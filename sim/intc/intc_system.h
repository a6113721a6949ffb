// A clocked ATS-INTC (the Verilated RTL or the HLS-style model) with a
// blocking bus master for SystemC threads. Used by the controller demo
// (`make run` until the SoC exists) and the controller benchmark.
//
// Cycle numbering: rising edge k happens at time k * kPeriod. A request driven
// by a thread after edge k-1 is in "cycle k-1" and may be accepted at edge k.
#pragma once

#include <systemc.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct AtsIntcConfig;

class IntcSystem : public sc_core::sc_module {
 public:
  static constexpr double kPeriodNs = 10.0;

  struct Result {
    uint32_t rdata = 0;
    bool err = false;
    uint64_t accept_edge = 0;    // edge at which the request was accepted
    uint64_t response_edge = 0;  // first edge at which rvalid could be sampled
  };

  // kind: "rtl" or "model"; config: "default" or "small". Throws
  // std::invalid_argument on an unknown name.
  IntcSystem(sc_core::sc_module_name name, const std::string& kind, const std::string& config);
  ~IntcSystem() override;

  const AtsIntcConfig& config() const;

  // Blocking bus access: call from an SC_THREAD right after a rising edge.
  Result access(bool we, uint32_t addr, uint32_t wdata, uint32_t hart = 0);
  uint32_t read(uint32_t addr, uint32_t hart = 0) { return access(false, addr, 0, hart).rdata; }
  void write(uint32_t addr, uint32_t data, uint32_t hart = 0) { access(true, addr, data, hart); }

  // Present a request without waiting for its response (pipelined issue).
  // Returns the edge at which it was accepted; the response shows one edge later.
  uint64_t issue(bool we, uint32_t addr, uint32_t wdata, uint32_t hart = 0);

  struct Request {
    bool we = false;
    uint32_t addr = 0;
    uint32_t wdata = 0;
    uint32_t hart = 0;
  };
  // Presents the requests back to back (each held until granted) and collects
  // every response; returns when the last response has arrived.
  std::vector<Result> stream(const std::vector<Request>& reqs);

  void set_irq(uint32_t line, bool level);
  bool work(uint32_t hart) const;
  bool preempt(uint32_t hart) const;
  bool gnt() const;
  bool rvalid() const;
  uint32_t rdata() const;

  // Waits for the next rising edge; returns its number.
  uint64_t tick();
  // Rising edges so far (the current one if called right after an edge).
  uint64_t edge() const;
  // Returns once reset has been released.
  void wait_reset_done();

  sc_core::sc_clock clk{"clk", sc_core::sc_time(kPeriodNs, sc_core::SC_NS)};

 private:
  void drive_reset();
  void drive_irq();

  sc_core::sc_signal<bool> rst_n_{"rst_n", false}, req_{"req"}, we_{"we"};
  sc_core::sc_signal<sc_dt::sc_uint<4>> be_{"be"};
  sc_core::sc_signal<sc_dt::sc_uint<16>> addr_{"addr"};
  sc_core::sc_signal<sc_dt::sc_uint<32>> wdata_{"wdata"};
  sc_core::sc_signal<sc_dt::sc_uint<2>> hart_{"hart"};
  sc_core::sc_signal<sc_dt::sc_uint<32>> irq_{"irq"};
  sc_core::sc_signal<bool> gnt_{"gnt"}, rvalid_{"rvalid"}, err_{"err"}, err_irq_{"err_irq"};
  sc_core::sc_signal<sc_dt::sc_uint<32>> rdata_{"rdata"};
  sc_core::sc_signal<sc_dt::sc_uint<4>> work_{"work"}, preempt_{"preempt"};
  sc_core::sc_event reset_done_;
  sc_core::sc_event irq_changed_;
  bool in_reset_ = true;
  uint32_t irq_levels_ = 0;

  struct Impl;
  std::unique_ptr<Impl> impl_;
};
