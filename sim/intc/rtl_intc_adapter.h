// The Verilated ATS-INTC RTL (--cc) as a SystemC module with the same ports
// as the HLS-style model (sim/models/ats_intc), so a simulator program can use
// either (`--intc=rtl|model`).
//
// One SC_METHOD per rising edge: present the inputs of the cycle that just
// ended, evaluate the edge, write the registered outputs to the output ports
// (visible one delta later, exactly like the model's SC_CTHREAD writes).
#pragma once

#include <systemc.h>
#include <verilated.h>

#include <cstdint>
#include <memory>

// Evaluates one rising edge of a Verilated ATS-INTC with the input values of
// the cycle that just ended.
template <class Rtl>
void eval_intc_edge(Rtl& rtl, bool rst_n, bool req, bool we, uint32_t be, uint32_t addr,
                    uint32_t wdata, uint32_t hart, uint32_t irq) {
  rtl.clk_i = 0;
  rtl.rst_ni = rst_n;
  rtl.req_i = req;
  rtl.we_i = we;
  rtl.be_i = be;
  rtl.addr_i = addr;
  rtl.wdata_i = wdata;
  rtl.hart_i = hart;
  rtl.irq_i = irq;
  rtl.eval();
  rtl.clk_i = 1;
  rtl.eval();
}

template <class Rtl>
class RtlIntcAdapter : public sc_core::sc_module {
 public:
  sc_core::sc_in<bool> clk_i{"clk_i"};
  sc_core::sc_in<bool> rst_ni{"rst_ni"};
  sc_core::sc_in<bool> req_i{"req_i"};
  sc_core::sc_in<bool> we_i{"we_i"};
  sc_core::sc_in<sc_dt::sc_uint<4>> be_i{"be_i"};
  sc_core::sc_in<sc_dt::sc_uint<16>> addr_i{"addr_i"};
  sc_core::sc_in<sc_dt::sc_uint<32>> wdata_i{"wdata_i"};
  sc_core::sc_in<sc_dt::sc_uint<2>> hart_i{"hart_i"};
  sc_core::sc_in<sc_dt::sc_uint<32>> irq_i{"irq_i"};
  sc_core::sc_out<bool> gnt_o{"gnt_o"};
  sc_core::sc_out<bool> rvalid_o{"rvalid_o"};
  sc_core::sc_out<sc_dt::sc_uint<32>> rdata_o{"rdata_o"};
  sc_core::sc_out<bool> err_o{"err_o"};
  sc_core::sc_out<sc_dt::sc_uint<4>> work_o{"work_o"};
  sc_core::sc_out<sc_dt::sc_uint<4>> preempt_o{"preempt_o"};
  sc_core::sc_out<bool> err_irq_o{"err_irq_o"};

  SC_HAS_PROCESS(RtlIntcAdapter);
  explicit RtlIntcAdapter(sc_core::sc_module_name name)
      : sc_module(name),
        ctx_(std::make_unique<VerilatedContext>()),
        rtl_(std::make_unique<Rtl>(ctx_.get(), "rtl")) {
    SC_METHOD(on_posedge);
    sensitive << clk_i.pos();
    dont_initialize();
  }

 private:
  void on_posedge() {
    eval_intc_edge(*rtl_, rst_ni.read(), req_i.read(), we_i.read(), be_i.read().to_uint(),
                   addr_i.read().to_uint(), wdata_i.read().to_uint(), hart_i.read().to_uint(),
                   irq_i.read().to_uint());
    gnt_o.write(rtl_->gnt_o);
    rvalid_o.write(rtl_->rvalid_o);
    rdata_o.write(rtl_->rdata_o);
    err_o.write(rtl_->err_o);
    work_o.write(rtl_->work_o);
    preempt_o.write(rtl_->preempt_o);
    err_irq_o.write(rtl_->err_irq_o);
  }

  std::unique_ptr<VerilatedContext> ctx_;
  std::unique_ptr<Rtl> rtl_;
};
