// HLS-style SystemC model of the ATS-INTC interrupt controller that schedules
// coroutines: the executable specification of docs/ats_intc.md.
//
// One SC_CTHREAD on the rising clock edge runs the contract's reference machine
// (§3.1) literally, once per edge: (a) IRQ rising edges -> events, ascending;
// (b) choose one operation (the bus request if it was granted, else the most
// urgent internal step of §3.2); (c) register the outputs from the state as it
// is now; (d) execute the operation, keeping its response for the next edge.
// Timing at the ports is therefore the RTL's: every output is a register, a
// request accepted at edge k answers in cycle k+1, one operation per cycle.
//
// HLS subset inside the thread: sc_uint state and fixed arrays sized by the
// architectural maxima (1024 entries, 15 processes, 32 priorities, 64 sources,
// 4 harts), statically bounded loops, no allocation, no I/O. The build
// parameters are constructor arguments (AtsIntcConfig), the C++ counterpart of
// the RTL's generics. Register offsets and fields come from the generated
// firmware/include/ats_intc_regs.h.
//
// The inspection getters at the end of the public section read the state from
// outside the thread (tests, lockstep diagnostics); they never change it.
#pragma once

#include <cstdint>
#include <systemc>

// Build parameters (docs/ats_intc.md §2).
struct AtsIntcConfig {
  uint32_t num_procs = 4;      // 1..15
  uint32_t num_prios = 8;      // 8..32
  uint32_t num_entries = 256;  // 4..1024, power of two
  uint32_t num_irqs = 8;       // 8..32
  uint32_t num_channels = 8;   // 8..32
  uint32_t num_harts = 1;      // 1..4
  bool counters = true;

  static AtsIntcConfig default_config();
  static AtsIntcConfig small_config();
  // Null when the parameters are in range, else what is wrong.
  const char* invalid_reason() const;
};

class AtsIntcModel : public sc_core::sc_module {
 public:
  static constexpr uint32_t kMaxEntries = 1024;
  static constexpr uint32_t kMaxProcs = 15;
  static constexpr uint32_t kMaxPrios = 32;
  static constexpr uint32_t kMaxSources = 64;
  static constexpr uint32_t kMaxIrqs = 32;
  static constexpr uint32_t kMaxHarts = 4;

  // Ports: the RTL's (docs/ats_intc.md §2). irq_i bit i is device IRQ i (bits
  // >= NUM_IRQS are ignored); work_o/preempt_o bit h is hart h.
  sc_core::sc_in<bool> clk_i{"clk_i"};
  sc_core::sc_in<bool> rst_ni{"rst_ni"};  // synchronous, active low
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

  SC_HAS_PROCESS(AtsIntcModel);
  // Reports an SC_ERROR (which throws) when cfg is out of the contract's ranges.
  AtsIntcModel(sc_core::sc_module_name name, const AtsIntcConfig& cfg);

  const AtsIntcConfig& config() const { return cfg_; }

  // ---- Inspection (read-only, for tests; call between clock edges) ----
  uint32_t free_entries() const;                          // FREE
  uint32_t held(uint32_t p) const;                        // HELD[p]
  uint32_t quota(uint32_t p) const;                       // QUOTA[p]
  bool enabled(uint32_t p) const;                         // PROC_CTRL[p].ENABLE
  uint32_t err(uint32_t p) const;                         // ERR[p]
  uint32_t global_err() const;                            // GLOBAL_ERR
  bool cancel_st(uint32_t p) const;                       // CANCEL_ST[p].REMOVED
  uint32_t pending(uint32_t s) const;                     // PENDING[s]
  bool overflow(uint32_t s) const;                        // OVERFLOW[s]
  uint32_t owner(uint32_t s) const;                       // SRC_CFG[s].OWNER
  uint32_t ready_count(uint32_t p) const;                 // entries in R[p][*]
  uint32_t ready_count(uint32_t p, uint32_t prio) const;  // entries in R[p][prio]
  uint32_t wait_count(uint32_t s) const;                  // entries in W[s]
  uint32_t hart_proc(uint32_t h) const;                   // HART_PROC[h]
  uint32_t run_prio(uint32_t h) const;                    // RUN_PRIO[h]
  uint32_t max_occ() const;                               // MAX_OCC (0 without COUNTERS)
  uint32_t cnt_enq() const { return cnt_enq_.to_uint(); }
  uint32_t cnt_deq() const { return cnt_deq_.to_uint(); }
  uint32_t cnt_wake() const { return cnt_wake_.to_uint(); }
  uint32_t cnt_ovf() const { return cnt_ovf_.to_uint(); }
  uint32_t cnt_err() const { return cnt_err_.to_uint(); }
  bool cancel_busy() const;    // a cancel walk or deferred CANCEL is outstanding
  bool reset_busy() const;     // some process reset walk is outstanding
  bool internal_work() const;  // any §3.2 work outstanding
  // Null when the pool and the lists agree (every entry in exactly one list,
  // the free list or never used; HELD matches the lists), else what is wrong.
  const char* check_consistency() const;

 private:
  using Entry = sc_dt::sc_uint<10>;  // pool index
  using Count = sc_dt::sc_uint<11>;  // 0..1024
  using Word = sc_dt::sc_uint<32>;
  using ErrBits = sc_dt::sc_uint<11>;

  // The internal step chosen in (b) (§3.2 order).
  enum class WorkKind : uint8_t { kNone, kCancelStep, kCancelStart, kResetStep, kWakeStep };
  struct Work {
    WorkKind kind = WorkKind::kNone;
    uint32_t index = 0;  // process (reset) or source (wake)
  };

  void run();
  void clock_edge();
  void reset_state();

  // Operations (all called from the thread only).
  void event(uint32_t s);
  Work choose_work() const;
  void internal_step(const Work& w);
  void cancel_step();
  void cancel_start(uint32_t p, uint32_t s, const Word& w);
  void reset_step(uint32_t p);
  void wake_step(uint32_t s);
  void bus_access(bool we, uint32_t be, uint32_t addr, const Word& wdata, uint32_t hart);
  ErrBits kernel_access(bool we, uint32_t off, const Word& wdata, Word& rdata);
  ErrBits process_access(uint32_t p, bool we, uint32_t off, const Word& wdata, uint32_t hart,
                         Word& rdata);
  Word iter_next();

  // Pool and lists.
  Entry alloc_entry();
  void free_entry(const Entry& e);
  Count free_count() const;
  void note_allocation();
  void drop_held(uint32_t p);
  void ready_append(uint32_t p, uint32_t prio, const Entry& e);
  Entry ready_pop(uint32_t p, uint32_t prio);
  void wait_append(uint32_t s, const Entry& e);
  Entry wait_pop(uint32_t s);
  void touch(uint32_t p);  // a list of p changed: the iterator of p goes stale

  // Combinational views of the state.
  bool source_exists(uint32_t s) const;
  bool lowest_ready(uint32_t p, uint32_t& prio) const;
  Word best() const;
  sc_dt::sc_uint<4> work_lines() const;
  sc_dt::sc_uint<4> preempt_lines() const;
  bool err_irq_line() const;
  bool bad_word(const Word& w) const;

  const AtsIntcConfig cfg_;
  const uint32_t irq_mask_;
  const uint32_t proc_mask_;
  const uint32_t hart_mask_;

  // Entry pool (synchronous-read RAMs in the RTL).
  Word word_[kMaxEntries];
  Entry next_[kMaxEntries];
  Entry free_head_;
  Count free_len_;  // entries on the free list
  Count bump_;      // never-used entries start here

  // Ready lists R[p][prio] and wait lists W[s].
  Entry r_head_[kMaxProcs][kMaxPrios];
  Entry r_tail_[kMaxProcs][kMaxPrios];
  sc_dt::sc_uint<32> r_nonempty_[kMaxProcs];
  Entry w_head_[kMaxSources];
  Entry w_tail_[kMaxSources];
  bool w_nonempty_[kMaxSources];

  // Per process.
  bool enable_[kMaxProcs];
  bool bus_err_en_[kMaxProcs];
  sc_dt::sc_uint<16> quota_[kMaxProcs];
  Count held_[kMaxProcs];
  sc_dt::sc_uint<4> affinity_[kMaxProcs];
  ErrBits err_[kMaxProcs];
  bool cancel_st_[kMaxProcs];
  bool resetting_[kMaxProcs];

  // Per hart.
  sc_dt::sc_uint<4> hart_proc_[kMaxHarts];
  sc_dt::sc_uint<6> run_prio_[kMaxHarts];

  // Per source.
  sc_dt::sc_uint<4> owner_[kMaxSources];
  bool broadcast_[kMaxSources];
  sc_dt::sc_uint<15> senders_[kMaxSources];
  sc_dt::sc_uint<8> pending_[kMaxSources];
  bool overflow_[kMaxSources];

  // Global.
  ErrBits global_err_;
  sc_dt::sc_uint<2> ctrl_;
  sc_dt::sc_uint<32> cnt_enq_, cnt_deq_, cnt_wake_, cnt_ovf_, cnt_err_;
  Count max_occ_;

  // Cancel walk (4.4) and the CANCEL deferred behind it (clarification in §6).
  bool cancel_active_;
  bool cancel_free_phase_;
  sc_dt::sc_uint<4> cancel_proc_;
  sc_dt::sc_uint<6> cancel_src_;
  Word cancel_word_;
  Entry cancel_cur_;
  Entry cancel_prev_;
  bool cancel_has_prev_;
  bool deferred_valid_;
  sc_dt::sc_uint<4> deferred_proc_;
  sc_dt::sc_uint<6> deferred_src_;
  Word deferred_word_;

  // Iterator (4.6). Lists are numbered 0..31 (R[p][prio]) then 32..95 (W[s-32]).
  bool iter_started_;
  bool iter_stale_;
  bool iter_done_;
  sc_dt::sc_uint<4> iter_proc_;
  sc_dt::sc_uint<7> iter_list_;  // list to search next when !iter_have_cur_
  bool iter_have_cur_;
  Entry iter_cur_;
  sc_dt::sc_uint<6> iter_where_index_;
  bool iter_where_waiting_;

  // Reference machine registers.
  sc_dt::sc_uint<32> irq_prev_;
  bool gnt_q_;  // gnt_o as driven in the current cycle
  bool resp_valid_;
  Word resp_rdata_;
  bool resp_err_;
};
