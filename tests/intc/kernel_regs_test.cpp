// Kernel page registers (docs/ats_intc.md 4.7, 4.8, ats_intc_regs.md): ID and
// build parameters, reset values, read/write fields with reserved bits
// dropped, BEST, the work_o/preempt_o lines with HART_PROC, RUN_PRIO and
// AFFINITY, RUN_PRIO set by DEQ, and the statistics counters (which read 0
// and ignore writes in a build without COUNTERS).
#include "intc_driver.h"

namespace intc_test {
namespace {

// The two configurations of the top CMakeLists.txt (docs/ats_intc.md §2).
template <class V>
struct Build;
template <>
struct Build<Vintc_default> {
  static constexpr Config value{4, 8, 1, true, 256, 8, 8};
};
template <>
struct Build<Vintc_small> {
  static constexpr Config value{2, 8, 1, false, 32, 8, 8};
};

template <class V>
class KernelRegs : public IntcTest<V> {
 protected:
  bool work() { return this->d.dut().work_o & 1u; }
  bool preempt() { return this->d.dut().preempt_o & 1u; }
  uint32_t best() { return this->kr(k::kBest); }
  static uint32_t best_of(uint32_t p, uint32_t prio) {
    return k::kBestValidMask | (p << k::kBestProcShift) | (prio << k::kBestPrioShift);
  }
};
TYPED_TEST_SUITE(KernelRegs, BothConfigs, ConfigName);

TYPED_TEST(KernelRegs, IdVersionAndConfigDescribeTheBuild) {
  const Config& want = Build<TypeParam>::value;
  EXPECT_EQ(this->kr(k::kId), ats_intc::kIpId);
  EXPECT_EQ(this->kr(k::kVersion), ats_intc::kVersion);
  EXPECT_EQ(this->kr(k::kCfg0), (want.procs << k::kCfg0NumProcsShift) |
                                    (want.prios << k::kCfg0NumPriosShift) |
                                    (want.harts << k::kCfg0NumHartsShift) |
                                    ((want.counters ? 1u : 0u) << k::kCfg0CountersShift));
  EXPECT_EQ(this->kr(k::kCfg1), (want.entries << k::kCfg1NumEntriesShift) |
                                    (want.irqs << k::kCfg1NumIrqsShift) |
                                    (want.channels << k::kCfg1NumChannelsShift));
}

TYPED_TEST(KernelRegs, ResetValues) {
  this->d.reset();  // undo the fixture's setup writes
  const Config& c = this->cfg();
  EXPECT_EQ(this->kr(k::kCtrl), 0u);
  EXPECT_EQ(this->kr(k::kGlobalErr), 0u);
  EXPECT_EQ(this->kr(k::kFree), c.entries);
  EXPECT_EQ(this->kr(k::kBest), 0u);
  EXPECT_EQ(this->kr(k::kErrProcs), 0u);
  EXPECT_EQ(this->kr(k::kIterNext), 0u);
  EXPECT_EQ(this->kr(k::kIterWhere), 0u);
  for (uint32_t p = 0; p < c.procs; ++p) {
    EXPECT_EQ(this->kr(k::proc_ctrl(p)), p == 0 ? k::kProcCtrlEnableMask : 0u) << p;
    EXPECT_EQ(this->kr(k::quota(p)), 0u);
    EXPECT_EQ(this->kr(k::held(p)), 0u);
    EXPECT_EQ(this->kr(k::affinity(p)), (1u << c.harts) - 1u);
    EXPECT_EQ(this->d.read(this->page(p) + pr::kErr).rdata, 0u);
    EXPECT_EQ(this->d.read(this->page(p) + pr::kCancelSt).rdata, 0u);
  }
  for (uint32_t h = 0; h < c.harts; ++h) {
    EXPECT_EQ(this->kr(k::hart_proc(h)), 0u);
    EXPECT_EQ(this->kr(k::run_prio(h)), c.prios);
  }
  for (uint32_t s = 0; s < ats_intc::kMaxSources; ++s) {
    const bool exists = s < ats_intc::kFirstChannel ? s < c.irqs
                                                    : s - ats_intc::kFirstChannel < c.channels;
    if (!exists) continue;
    EXPECT_EQ(this->kr(k::src_cfg(s)), 0u) << s;
    EXPECT_EQ(this->kr(k::src_stat(s)), 0u) << s;
  }
  for (uint32_t off : {k::kCntEnq, k::kCntDeq, k::kCntWake, k::kCntOvf, k::kCntErr, k::kMaxOcc}) {
    EXPECT_EQ(this->kr(off), 0u) << off;
  }
  EXPECT_FALSE(this->d.dut().work_o);
  EXPECT_FALSE(this->d.dut().preempt_o);
  EXPECT_FALSE(this->d.dut().err_irq_o);
}

TYPED_TEST(KernelRegs, WrittenFieldsReadBackWithoutReservedBits) {
  const Config& c = this->cfg();
  this->kw(k::kCtrl, 0xFFFF'FFFFu);
  EXPECT_EQ(this->kr(k::kCtrl), k::kCtrlBusErrEnMask | k::kCtrlErrIrqEnMask);
  this->kw(k::proc_ctrl(1), 0x7FFF'FFFFu);  // everything but RESET
  EXPECT_EQ(this->kr(k::proc_ctrl(1)), k::kProcCtrlEnableMask | k::kProcCtrlBusErrEnMask);
  this->kw(k::quota(1), 0xABCD'1234u);
  EXPECT_EQ(this->kr(k::quota(1)), 0x1234u);
  this->kw(k::affinity(1), 0xFFFF'FFFFu);
  EXPECT_EQ(this->kr(k::affinity(1)), (1u << c.harts) - 1u);
  this->kw(k::affinity(1), 0);
  EXPECT_EQ(this->kr(k::affinity(1)), 0u);
  this->kw(k::hart_proc(0), 0xFFFF'FFF1u);
  EXPECT_EQ(this->kr(k::hart_proc(0)), 1u);
  this->kw(k::run_prio(0), 0xFFFF'FFC3u);
  EXPECT_EQ(this->kr(k::run_prio(0)), 3u);
  this->kw(k::src_cfg(3), 0x8000'FFF1u);  // owner 1, broadcast, no senders
  EXPECT_EQ(this->kr(k::src_cfg(3)), 1u | k::kSrcCfgBroadcastMask);
  // Writes to GLOBAL_ERR and SRC_STAT clear only: nothing to clear here.
  this->kw(k::kGlobalErr, 0xFFFF'FFFFu);
  this->kw(k::src_stat(3), 0xFFFF'FFFFu);
  EXPECT_EQ(this->kr(k::kGlobalErr), 0u);
  EXPECT_EQ(this->kr(k::src_stat(3)), 0u);
}

TYPED_TEST(KernelRegs, BestIsTheMostUrgentEnabledProcess) {
  EXPECT_EQ(this->best(), 0u);
  this->enable(1);
  this->enq(1, task(1, 5));
  EXPECT_EQ(this->best(), this->best_of(1, 5));
  this->enq(0, task(2, 5));  // same priority: the lower process wins
  EXPECT_EQ(this->best(), this->best_of(0, 5));
  this->enq(1, task(3, 2));
  EXPECT_EQ(this->best(), this->best_of(1, 2));
  this->kw(k::proc_ctrl(1), 0);  // disabled processes do not count
  EXPECT_EQ(this->best(), this->best_of(0, 5));
  EXPECT_EQ(this->deq(0), task(2, 5));
  EXPECT_EQ(this->best(), 0u);
  this->enable(1);
  EXPECT_EQ(this->best(), this->best_of(1, 2));
}

TYPED_TEST(KernelRegs, WorkLineFollowsTheProcessOnTheHart) {
  EXPECT_FALSE(this->work());
  this->enq(0, task(1, 3));
  EXPECT_TRUE(this->work());  // the cycle after the ENQ
  this->kw(k::hart_proc(0), ats_intc::kHartNone);
  EXPECT_FALSE(this->work());
  this->kw(k::hart_proc(0), 1);
  EXPECT_FALSE(this->work());
  this->enable(1);
  this->enq(1, task(2, 3));
  EXPECT_TRUE(this->work());
  this->kw(k::proc_ctrl(1), 0);
  EXPECT_FALSE(this->work());
  this->enable(1);
  EXPECT_TRUE(this->work());
  EXPECT_EQ(this->deq(1), task(2, 3));
  EXPECT_FALSE(this->work());
}

TYPED_TEST(KernelRegs, PreemptFlagsAMoreUrgentTaskOfAnotherProcess) {
  this->enable(1);
  this->kw(k::run_prio(0), 4);  // hart 0 runs process 0 at priority 4
  this->enq(0, task(1, 0));     // its own process never preempts it
  EXPECT_FALSE(this->preempt());
  this->enq(1, task(2, 4));     // not more urgent
  EXPECT_FALSE(this->preempt());
  this->enq(1, task(3, 3));
  EXPECT_TRUE(this->preempt());
  this->kw(k::affinity(1), 0);  // process 1 may not run on hart 0
  EXPECT_FALSE(this->preempt());
  this->kw(k::affinity(1), 1);
  EXPECT_TRUE(this->preempt());
  this->kw(k::proc_ctrl(1), 0);
  EXPECT_FALSE(this->preempt());
  this->enable(1);
  this->kw(k::run_prio(0), 3);
  EXPECT_FALSE(this->preempt());
  this->kw(k::hart_proc(0), ats_intc::kHartNone);  // no process on the hart
  EXPECT_TRUE(this->preempt());                     // both are other processes now
}

TYPED_TEST(KernelRegs, DeqSetsRunPrioOfTheHartRunningThatProcess) {
  const uint32_t prios = this->cfg().prios;
  this->enable(1);
  this->enq(0, task(1, 6));
  this->enq(1, task(2, 2));
  EXPECT_EQ(this->deq(1, 0), task(2, 2));  // process 1 is not on hart 0
  EXPECT_EQ(this->kr(k::run_prio(0)), prios);
  EXPECT_EQ(this->deq(0, 1), task(1, 6));  // hart 1 does not exist: no change
  EXPECT_EQ(this->kr(k::run_prio(0)), prios);
  this->enq(0, task(3, 6));
  EXPECT_EQ(this->deq(0, 0), task(3, 6));
  EXPECT_EQ(this->kr(k::run_prio(0)), 6u);
  EXPECT_EQ(this->deq(0, 0), 0u);          // empty: idle
  EXPECT_EQ(this->kr(k::run_prio(0)), prios);
  this->enq(0, task(4, 5));                // DEQ_FRAME sets it from the whole word
  EXPECT_EQ(this->deq_frame(0, 0), task(4, 0));
  EXPECT_EQ(this->kr(k::run_prio(0)), 5u);
  EXPECT_EQ(this->deq_frame(0, 0), 0u);
  EXPECT_EQ(this->kr(k::run_prio(0)), prios);
  // A rejected DEQ changes nothing.
  this->kw(k::run_prio(0), 1);
  this->kw(k::proc_ctrl(0), 0);
  EXPECT_EQ(this->d.read(this->page(0) + pr::kDeq, 0).rdata, 0u);
  EXPECT_EQ(this->kr(k::run_prio(0)), 1u);
}

TYPED_TEST(KernelRegs, CountersCountAndClear) {
  const bool on = this->cfg().counters;
  auto cnt = [&](uint32_t off) { return this->kr(off); };
  auto want = [&](uint32_t v) { return on ? v : 0u; };
  this->enq(0, task(1, 1));
  this->enq(0, task(2, 1));
  this->enq(0, task(3, 1));
  this->enq(0, 0);                              // rejected: not an ENQ
  EXPECT_EQ(cnt(k::kCntEnq), want(3));
  EXPECT_EQ(cnt(k::kMaxOcc), want(3));
  this->deq(0);
  this->deq(0);
  EXPECT_EQ(cnt(k::kCntDeq), want(2));
  this->deq_frame(0);                           // a DEQ too
  this->deq_frame(0);                           // empty: not counted
  EXPECT_EQ(cnt(k::kCntDeq), want(3));
  EXPECT_EQ(cnt(k::kMaxOcc), want(3));          // a high-water mark
  this->fire(2);
  this->wait_on(0, 2, task(4, 0));              // consumes the event: a wake
  this->wait_on(0, 2, task(5, 0));
  this->fire(2);                                // wakes the waiter
  EXPECT_EQ(cnt(k::kCntWake), want(2));
  for (int i = 0; i < 257; ++i) this->fire(6);  // two overflows
  EXPECT_EQ(cnt(k::kCntOvf), want(2));
  EXPECT_EQ(cnt(k::kCntErr), want(1));
  // Any write clears a counter; MAX_OCC is set to the occupancy.
  for (uint32_t off : {k::kCntEnq, k::kCntDeq, k::kCntWake, k::kCntOvf, k::kCntErr}) {
    this->kw(off, 0x1234);
    EXPECT_EQ(cnt(off), 0u) << off;
  }
  this->kw(k::kMaxOcc, 0);
  EXPECT_EQ(cnt(k::kMaxOcc), want(2));
  this->enq(0, task(6, 1));
  EXPECT_EQ(cnt(k::kMaxOcc), want(3));
  EXPECT_EQ(cnt(k::kCntEnq), want(1));
}

TYPED_TEST(KernelRegs, IrqOverflowsAreEachCounted) {
  for (int i = 0; i < 255; ++i) this->fire(1);
  for (int i = 0; i < 3; ++i) {
    this->d.set_irq(1, true);
    this->d.set_irq(2, true);
    this->d.idle(1);
    this->d.set_irq(1, false);
    this->d.set_irq(2, false);
    this->d.idle(1);
  }
  EXPECT_EQ(this->kr(k::kCntOvf), this->cfg().counters ? 3u : 0u);
  EXPECT_EQ(this->pending(1), 255u);
  EXPECT_EQ(this->pending(2), 3u);
}

}  // namespace
}  // namespace intc_test
