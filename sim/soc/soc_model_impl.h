// SocModel over a Verilated soc_top class V with H harts; included by one .cpp
// per build (soc_model_1.cpp, soc_model_4.cpp), each with its own V.
#pragma once

#include "soc_model.h"
#include "verilated.h"
#include "verilated_fst_sc.h"

namespace socsim {

template <class T, std::size_t N>
constexpr uint32_t vl_size(const VlUnpacked<T, N>&) {
  return uint32_t(N);
}

template <class V, class Root, unsigned H>
class SocModelImpl final : public SocModel {
 public:
  SocModelImpl(SocPins& pins, sc_core::sc_clock& clk) {
    Verilated::traceEverOn(true);  // must precede the model's construction
    top_ = std::make_unique<V>("soc");
    pins.bind(*top_, clk);
  }
  ~SocModelImpl() override { trace_close(); }

  unsigned harts_built() const override { return H; }
  uint32_t ram_words() const override { return vl_size(root()->soc_top__DOT__u_ram__DOT__mem); }
  uint32_t ram_read(uint32_t word) const override { return root()->soc_top__DOT__u_ram__DOT__mem[word]; }
  void ram_write(uint32_t word, uint32_t value) override {
    root()->soc_top__DOT__u_ram__DOT__mem[word] = value;
  }
  uint32_t rom_words() const override { return vl_size(root()->soc_top__DOT__u_rom__DOT__rom); }
  void rom_write(uint32_t word, uint32_t value) override {
    root()->soc_top__DOT__u_rom__DOT__rom[word] = value;
  }

  uint32_t retire_mask() const override {
    const Root* r = root();
    uint32_t m = r->soc_top__DOT__g_hart__BRA__0__KET____DOT__rvfi_valid;
    if constexpr (H > 1) {
      m |= uint32_t(r->soc_top__DOT__g_hart__BRA__1__KET____DOT__rvfi_valid) << 1;
      m |= uint32_t(r->soc_top__DOT__g_hart__BRA__2__KET____DOT__rvfi_valid) << 2;
      m |= uint32_t(r->soc_top__DOT__g_hart__BRA__3__KET____DOT__rvfi_valid) << 3;
    }
    return m;
  }
  uint32_t retire_pc(unsigned hart) const override {
    const Root* r = root();
    if constexpr (H > 1) {
      switch (hart) {
        case 1: return r->soc_top__DOT__g_hart__BRA__1__KET____DOT__rvfi_pc;
        case 2: return r->soc_top__DOT__g_hart__BRA__2__KET____DOT__rvfi_pc;
        case 3: return r->soc_top__DOT__g_hart__BRA__3__KET____DOT__rvfi_pc;
        default: break;
      }
    }
    return r->soc_top__DOT__g_hart__BRA__0__KET____DOT__rvfi_pc;
  }
  IntcTraffic intc_traffic() const override {
    const Root* r = root();
    return {r->soc_top__DOT__intc_acc != 0, r->soc_top__DOT__intc_rsp != 0,
            r->soc_top__DOT__intc_rsp_err != 0, r->soc_top__DOT__intc_rsp_data};
  }

  void trace_open(const std::string& path) override {
    trace_close();
    fst_ = std::make_unique<VerilatedFstSc>();
    top_->trace(fst_.get(), 99);
    fst_->open(path.c_str());
  }
  void trace_close() override {
    if (!fst_) return;
    fst_->close();
    // Without this the kernel keeps calling the closed file every cycle. The
    // base is private in VerilatedFstSc; only a C-style cast reaches it.
    sc_core::sc_get_curr_simcontext()->remove_trace_file((sc_core::sc_trace_file*)fst_.get());
    fst_.reset();
  }
  void final() override { top_->final(); }

 private:
  Root* root() const { return top_->rootp; }
  std::unique_ptr<V> top_;
  std::unique_ptr<VerilatedFstSc> fst_;
};

}  // namespace socsim
