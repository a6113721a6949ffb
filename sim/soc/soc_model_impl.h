// SocModel over a Verilated soc_top class V with H harts; included by one .cpp
// per build (soc_model_1.cpp, soc_model_1x.cpp, soc_model_4x.cpp,
// soc_model_1d.cpp, soc_model_4d.cpp), each with its own V.
//
// Evaluation. A Verilated model's eval() starts with the logic that depends
// on its inputs (Verilator's "ico" region), whether they changed or not: with
// rst_ni and hart_en_i feeding the cores, a quarter of the RTL's work, and
// the SystemC build evaluates on both clock edges. When only the clock moved,
// the inputs, and so every value that region computes, are those of the
// previous evaluation: eval_clocked() then runs the clocked regions alone, so
// a falling edge costs nothing (no logic is sensitive to it) and a rising edge
// the clocked logic. It calls Verilator 5.006's generated scheduling
// functions (named by SOCSIM_MODEL_FNS); with another Verilator version, and
// under FST tracing (whose activity flags the full evaluation keeps), every
// evaluation is the full one.
//  * SocModelImpl (SystemC builds): the generated evaluation process is
//    disabled during elaboration and replaced by one with its sensitivity
//    (the clock and soc_top's inputs) that skips the input region when no
//    input changed (with another Verilator version the generated process
//    stays).
//  * DirectModelImpl (the C++ builds): no SystemC at all; SocHarness clocks
//    it and says when an input changed.
#pragma once

#include <array>
#include <string>

#include "soc_model.h"
// sc_spawn (systemc.h includes it only with SC_INCLUDE_DYNAMIC_PROCESSES).
#include "sysc/kernel/sc_dynamic_processes.h"
#include "verilated.h"
#include "verilated_config.h"
#include "verilated_fst_sc.h"

#if VERILATOR_VERSION_INTEGER == 5006000
#define SOCSIM_FAST_EVAL 1
#else
#define SOCSIM_FAST_EVAL 0
#endif

// Declares Verilator 5.006's scheduling functions of build P (prefix) and a
// traits struct P##Fns naming them for SocModelImpl.
#if SOCSIM_FAST_EVAL
#define SOCSIM_MODEL_FNS(P)                                                                \
  void P##___024root___eval_static(P##___024root* vlSelf);                                 \
  void P##___024root___eval_initial(P##___024root* vlSelf);                                \
  void P##___024root___eval_settle(P##___024root* vlSelf);                                 \
  void P##___024root___eval(P##___024root* vlSelf);                                        \
  void P##___024root___eval_triggers__act(P##___024root* vlSelf);                          \
  void P##___024root___eval_act(P##___024root* vlSelf);                                   \
  void P##___024root___eval_nba(P##___024root* vlSelf);                                    \
  namespace socsim {                                                                       \
  struct P##Fns {                                                                          \
    static void initial(P##___024root* r) {                                                \
      P##___024root___eval_static(r);                                                      \
      P##___024root___eval_initial(r);                                                     \
      P##___024root___eval_settle(r);                                                      \
    }                                                                                      \
    static void eval(P##___024root* r) { P##___024root___eval(r); }                        \
    static void triggers_act(P##___024root* r) { P##___024root___eval_triggers__act(r); }  \
    static void act(P##___024root* r) { P##___024root___eval_act(r); }                     \
    static void nba(P##___024root* r) { P##___024root___eval_nba(r); }                     \
  };                                                                                       \
  }
#else
#define SOCSIM_MODEL_FNS(P) \
  namespace socsim {        \
  struct P##Fns {};         \
  }
#endif

namespace socsim {

template <class T, std::size_t N>
constexpr uint32_t vl_size(const VlUnpacked<T, N>&) {
  return uint32_t(N);
}

#if SOCSIM_FAST_EVAL
// The generated _eval() minus its first loop (the input region): the active
// and NBA regions until no trigger fires.
template <class Fns, class Root>
void eval_clocked(Root* r) {
  decltype(r->__VactTriggered) pre;
  uint32_t nba_iter = 0;
  for (bool nba_continue = true; nba_continue;) {
    nba_continue = false;
    r->__VnbaTriggered.clear();
    r->__VactIterCount = 0;
    r->__VactContinue = 1;
    while (r->__VactContinue) {
      r->__VactContinue = 0;
      Fns::triggers_act(r);
      if (r->__VactTriggered.any()) {
        r->__VactContinue = 1;
        if (VL_UNLIKELY(r->__VactIterCount > 100))
          VL_FATAL_MT(__FILE__, __LINE__, "", "Active region did not converge.");
        ++r->__VactIterCount;
        pre.andNot(r->__VactTriggered, r->__VnbaTriggered);
        r->__VnbaTriggered.set(r->__VactTriggered);
        Fns::act(r);
      }
    }
    if (r->__VnbaTriggered.any()) {
      nba_continue = true;
      if (VL_UNLIKELY(nba_iter > 100))
        VL_FATAL_MT(__FILE__, __LINE__, "", "NBA region did not converge.");
      ++nba_iter;
      Fns::nba(r);
    }
  }
}
#endif

// The backdoors every build shares (RAM, ROM, retirements, controller
// traffic), over the model's root.
template <class Root, unsigned H, class Base>
class SocModelCommon : public Base {
 public:
  unsigned harts_built() const override { return H; }
  uint32_t ram_words() const override { return vl_size(root_->soc_top__DOT__u_ram__DOT__mem); }
  uint32_t ram_read(uint32_t word) const override { return root_->soc_top__DOT__u_ram__DOT__mem[word]; }
  void ram_write(uint32_t word, uint32_t value) override {
    root_->soc_top__DOT__u_ram__DOT__mem[word] = value;
  }
  uint32_t rom_words() const override { return vl_size(root_->soc_top__DOT__u_rom__DOT__rom); }
  void rom_write(uint32_t word, uint32_t value) override {
    root_->soc_top__DOT__u_rom__DOT__rom[word] = value;
  }

  uint32_t retire_mask() const override {
    const Root* r = root_;
    uint32_t m = r->soc_top__DOT__g_hart__BRA__0__KET____DOT__rvfi_valid;
    if constexpr (H > 1) {
      m |= uint32_t(r->soc_top__DOT__g_hart__BRA__1__KET____DOT__rvfi_valid) << 1;
      m |= uint32_t(r->soc_top__DOT__g_hart__BRA__2__KET____DOT__rvfi_valid) << 2;
      m |= uint32_t(r->soc_top__DOT__g_hart__BRA__3__KET____DOT__rvfi_valid) << 3;
    }
    return m;
  }
  uint32_t retire_pc(unsigned hart) const override {
    const Root* r = root_;
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
  SocModel::IntcTraffic intc_traffic() const override {
    const Root* r = root_;
    return {r->soc_top__DOT__intc_acc != 0, r->soc_top__DOT__intc_rsp != 0,
            r->soc_top__DOT__intc_rsp_err != 0, r->soc_top__DOT__intc_rsp_data};
  }

 protected:
  Root* root_ = nullptr;
};

template <class V, class Root, class Fns, unsigned H>
class SocModelImpl final : public SocModelCommon<Root, H, SocModel> {
 public:
  SocModelImpl(SocPins& pins, sc_core::sc_clock& clk) : pins_(pins), clk_(clk) {
    Verilated::traceEverOn(true);  // must precede the model's construction
    top_ = std::make_unique<V>("soc");
    this->root_ = top_->rootp;
    pins.bind(*top_, clk);
#if SOCSIM_FAST_EVAL
    // The generated evaluation process (the only process the model creates)
    // never runs; ours has its sensitivity: the clock and soc_top's inputs.
    for (sc_core::sc_object* o : top_->get_child_objects()) {
      if (std::string(o->kind()) == "sc_method_process") sc_core::sc_process_handle(o).disable();
    }
    sc_core::sc_spawn_options so;
    so.spawn_method();
    so.set_sensitivity(&clk);
    for_each_input([&](auto& s) { so.set_sensitivity(&s); });
    sc_core::sc_spawn([this]() { eval(); }, "soc_eval", &so);
#endif
  }
  ~SocModelImpl() override { trace_close(); }

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
  static constexpr size_t kInputs = 25;

  // soc_top's inputs other than the clock (Verilator's sensitivity list).
  template <class F>
  void for_each_input(F&& f) {
    SocPins& p = pins_;
    f(p.rst_n); f(p.hart_en); f(p.uart_rx_valid); f(p.uart_rx_data); f(p.uart_rxd);
    f(p.pkt_rx_valid); f(p.pkt_rx_len); f(p.pkt_rx_tag); f(p.pkt_rx_data);
    f(p.intc_ext); f(p.intc_gnt); f(p.intc_rvalid); f(p.intc_rdata); f(p.intc_err);
    f(p.intc_work); f(p.intc_preempt); f(p.intc_err_irq);
    f(p.cpu_ext); f(p.ext_req); f(p.ext_we); f(p.ext_be); f(p.ext_addr); f(p.ext_wdata);
    f(p.ext_atop); f(p.ext_hart);
  }

  // Copies the inputs' values into seen_; true if one differs from the last copy.
  bool inputs_changed() {
    bool changed = false;
    size_t i = 0;
    for_each_input([&](const auto& s) {
      const uint32_t v = uint32_t(s.read());
      changed |= v != seen_[i];
      seen_[i++] = v;
    });
    return changed;
  }

#if SOCSIM_FAST_EVAL
  void eval() {
    Root* r = root();
    auto* syms = r->vlSymsp;
    const bool changed = inputs_changed();
    // V::eval_step(), private in a SystemC model.
    syms->__Vm_activity = true;
    if (VL_UNLIKELY(!syms->__Vm_didInit)) {
      syms->__Vm_didInit = true;
      Fns::initial(r);
    }
    Verilated::mtaskId(0);
    if (changed || fst_ || !evaluated_) {
      Fns::eval(r);
      evaluated_ = true;
    } else {
      eval_clock_edge(r);
    }
    Verilated::endOfThreadMTask(syms->__Vm_evalMsgQp);
    Verilated::endOfEval(syms->__Vm_evalMsgQp);
  }

  // The input region also copies the clock pin to the model's copy of it.
  void eval_clock_edge(Root* r) {
    r->__Vcellinp__soc_top__clk_i = clk_.read();
    eval_clocked<Fns>(r);
  }
#endif

  Root* root() const { return this->root_; }
  SocPins& pins_;
  sc_core::sc_clock& clk_;
  std::unique_ptr<V> top_;
  std::unique_ptr<VerilatedFstSc> fst_;
  std::array<uint32_t, kInputs> seen_{};
  bool evaluated_ = false;  // the first evaluation (initial blocks) is a full one
};

// A C++ (--cc), untraced build that SocHarness clocks itself.
template <class V, class Root, class Fns, unsigned H>
class DirectModelImpl final : public SocModelCommon<Root, H, DirectSocModel> {
 public:
  DirectModelImpl() {
    // The SystemC builds' name (their scope in messages).
    top_ = std::make_unique<V>("soc_sim.soc");
    this->root_ = top_->rootp;
    context_ = top_->contextp();
  }
  ~DirectModelImpl() override = default;

  DirectPins pins() override {
    V& m = *top_;
    return {&m.sleep_o,        &m.uart_tx_valid_o, &m.uart_tx_data_o, &m.uart_rx_ready_o,
            &m.pkt_rx_ready_o, &m.pkt_tx_valid_o,  &m.exit_valid_o,   &m.marker_valid_o,
            &m.console_valid_o, &m.console_o,      &m.intc_we_o,      &m.intc_addr_o,
            &m.pkt_tx_tag_o,   &m.exit_code_o,     &m.marker_o,       &m.intc_irq_o,
            &m.hart_irq_o,     &m.rst_ni,          &m.hart_en_i,      &m.uart_rx_valid_i,
            &m.uart_rx_data_i, &m.uart_rxd_i,      &m.pkt_rx_valid_i, &m.intc_ext_i,
            &m.cpu_ext_i,      &m.pkt_rx_len_i,    &m.pkt_rx_tag_i,   &m.pkt_rx_data_i};
  }

  void eval(bool clk, bool inputs_changed, uint64_t time_ps) override {
    // $time, as the SystemC builds see it (sc_time_stamp() in ps).
    context_->time(time_ps);
    top_->clk_i = clk;
#if SOCSIM_FAST_EVAL
    if (!inputs_changed && evaluated_) {
      Verilated::mtaskId(0);
      eval_clocked<Fns>(this->root_);
      Verilated::endOfThreadMTask(this->root_->vlSymsp->__Vm_evalMsgQp);
      Verilated::endOfEval(this->root_->vlSymsp->__Vm_evalMsgQp);
      return;
    }
#endif
    (void)inputs_changed;
    evaluated_ = true;
    top_->eval();
  }

  // Not traced: SocHarness uses a SystemC build for --trace.
  void trace_open(const std::string&) override {}
  void trace_close() override {}
  void final() override { top_->final(); }

 private:
  std::unique_ptr<V> top_;
  VerilatedContext* context_ = nullptr;
  bool evaluated_ = false;  // the first evaluation (initial blocks) is a full one
};

}  // namespace socsim
