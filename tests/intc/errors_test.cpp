// Rejected accesses (docs/ats_intc.md 1 "Errors", 4.1): every error code, the
// register its sticky bit lands in (ERR of the page's process, or GLOBAL_ERR
// for the kernel page and absent slots), the order of the checks (the first
// failing one names the error), the bus error response under BUS_ERR_EN, a
// rejected read answering 0, nothing else changing, ERR_PROCS and err_irq_o.
#include "intc_driver.h"

namespace intc_test {
namespace {

template <class V>
class Errors : public IntcTest<V> {
 protected:
  // Slot 1 enabled (or not) with bus errors on.
  void slot1(bool enabled) {
    this->kw(k::proc_ctrl(1),
             (enabled ? k::kProcCtrlEnableMask : 0u) | k::kProcCtrlBusErrEnMask);
  }
  // The access must be rejected with exactly `bit` recorded in GLOBAL_ERR
  // (p < 0) or ERR[p]; the sticky bit is cleared again afterwards.
  void rejected(const Resp& r, int p, uint32_t bit, const char* what) {
    EXPECT_TRUE(r.err) << what;
    EXPECT_EQ(r.rdata, 0u) << what;
    if (p < 0) {
      EXPECT_EQ(this->kr(k::kGlobalErr), bit) << what;
      this->kw(k::kGlobalErr, bit);
      EXPECT_EQ(this->kr(k::kGlobalErr), 0u);
    } else {
      const uint32_t pg = this->page(static_cast<uint32_t>(p));
      EXPECT_EQ(this->d.read(pg + pr::kErr).rdata, bit) << what;
      EXPECT_FALSE(this->d.write(pg + pr::kErr, bit).err);
      EXPECT_EQ(this->d.read(pg + pr::kErr).rdata, 0u);
    }
  }
  uint32_t absent_page() const { return (this->cfg().procs + 1) * ats_intc::kPageSize; }
};
TYPED_TEST_SUITE(Errors, BothConfigs, ConfigName);

TYPED_TEST(Errors, AlignRejectsSubWordAndMisalignedAccesses) {
  auto& d = this->d;
  this->slot1(true);
  this->rejected(d.read(k::kId, 0, 0x7), -1, er::kAlign, "read with be 0111");
  this->rejected(d.read(k::kId + 1), -1, er::kAlign, "misaligned read");
  this->rejected(d.write(this->page(1) + pr::kEnq, task(1, 1), 0, 0x1), 1, er::kAlign,
                 "byte store to ENQ");
  this->rejected(d.write(this->page(1) + pr::kEnq + 2, task(1, 1)), 1, er::kAlign,
                 "misaligned ENQ");
  // ALIGN is checked before ABSENT.
  this->rejected(d.read(this->absent_page(), 0, 0x3), -1, er::kAlign, "absent, sub-word");
  EXPECT_EQ(this->held(1), 0u);
}

TYPED_TEST(Errors, AbsentSlotsAnswerInGlobalErr) {
  auto& d = this->d;
  this->rejected(d.read(this->absent_page() + pr::kDeq), -1, er::kAbsent, "first absent page");
  this->rejected(d.write(0xF000 + pr::kEnq, task(1, 1)), -1, er::kAbsent, "page 15");
  EXPECT_EQ(this->kr(k::kErrProcs), 0u);
}

TYPED_TEST(Errors, BadOffsetOnTheKernelPage) {
  auto& d = this->d;
  const auto& c = this->cfg();
  this->rejected(d.read(0x030), -1, er::kBadOff, "undefined offset");
  this->rejected(d.read(k::kMaxOcc + 4), -1, er::kBadOff, "past the counters");
  this->rejected(d.read(0xFFC), -1, er::kBadOff, "end of page");
  this->rejected(d.write(k::kId, 1), -1, er::kBadOff, "write of ro ID");
  this->rejected(d.write(k::kFree, 1), -1, er::kBadOff, "write of ro FREE");
  this->rejected(d.write(k::held(0), 1), -1, er::kBadOff, "write of ro HELD");
  this->rejected(d.read(k::fire(0)), -1, er::kBadOff, "read of wo FIRE");
  this->rejected(d.read(k::kIterCtrl), -1, er::kBadOff, "read of wo ITER_CTRL");
  this->rejected(d.read(k::proc_ctrl(c.procs)), -1, er::kBadOff, "PROC_CTRL of absent slot");
  this->rejected(d.write(k::quota(c.procs), 1), -1, er::kBadOff, "QUOTA of absent slot");
  this->rejected(d.read(k::held(c.procs)), -1, er::kBadOff, "HELD of absent slot");
  this->rejected(d.read(k::affinity(14)), -1, er::kBadOff, "AFFINITY[14]");
  this->rejected(d.read(k::kProcCtrl + 4 * 15), -1, er::kBadOff, "past PROC_CTRL[14]");
  this->rejected(d.read(k::hart_proc(c.harts)), -1, er::kBadOff, "HART_PROC of absent hart");
  this->rejected(d.write(k::run_prio(c.harts), 0), -1, er::kBadOff, "RUN_PRIO of absent hart");
  EXPECT_EQ(this->kr(k::kQuota), 0u);
}

TYPED_TEST(Errors, BadOffsetOnAProcessPage) {
  auto& d = this->d;
  this->slot1(false);  // BAD_OFF is checked before DISABLED
  const uint32_t pg = this->page(1);
  this->rejected(d.read(pg + pr::kEnq), 1, er::kBadOff, "read of wo ENQ");
  this->rejected(d.write(pg + pr::kDeq, 0), 1, er::kBadOff, "write of ro DEQ");
  this->rejected(d.write(pg + pr::kDeqFrame, 0), 1, er::kBadOff, "write of ro DEQ_FRAME");
  this->rejected(d.write(pg + pr::kHeld, 0), 1, er::kBadOff, "write of ro HELD");
  this->rejected(d.write(pg + pr::kCancelSt, 0), 1, er::kBadOff, "write of ro CANCEL_ST");
  this->rejected(d.read(pg + pr::wait(0)), 1, er::kBadOff, "read of wo WAIT");
  this->rejected(d.write(pg + pr::pending(0), 0), 1, er::kBadOff, "write of ro PENDING");
  this->rejected(d.read(pg + 0x018), 1, er::kBadOff, "undefined offset");
  this->rejected(d.read(pg + 0x500), 1, er::kBadOff, "past PENDING");
}

TYPED_TEST(Errors, DisabledProcessCannotUseItsQueues) {
  auto& d = this->d;
  this->slot1(false);
  const uint32_t pg = this->page(1);
  const uint32_t ch = this->first_channel();
  this->set_src(ch, 1, false, 1u << 1);
  this->rejected(d.write(pg + pr::kEnq, task(1, 1)), 1, er::kDisabled, "ENQ");
  this->rejected(d.read(pg + pr::kDeq), 1, er::kDisabled, "DEQ");
  this->rejected(d.read(pg + pr::kDeqFrame), 1, er::kDisabled, "DEQ_FRAME");
  this->rejected(d.write(pg + pr::wait(ch), task(1, 1)), 1, er::kDisabled, "WAIT");
  this->rejected(d.write(pg + pr::send(ch), 0), 1, er::kDisabled, "SEND");
  this->rejected(d.write(pg + pr::cancel(ch), task(1, 1)), 1, er::kDisabled, "CANCEL");
  // DISABLED comes before BAD_SRC.
  this->rejected(d.write(pg + pr::wait(63), task(1, 1)), 1, er::kDisabled, "WAIT, no source");
  // Status registers stay readable.
  EXPECT_FALSE(d.read(pg + pr::kHeld).err);
  EXPECT_FALSE(d.read(pg + pr::kCancelSt).err);
  EXPECT_FALSE(d.read(pg + pr::pending(ch)).err);
  EXPECT_EQ(this->pending(ch), 0u);
}

TYPED_TEST(Errors, BadSourceForAbsentSourcesAndSendToAnIrq) {
  auto& d = this->d;
  const auto& c = this->cfg();
  this->slot1(true);
  const uint32_t pg = this->page(1);
  const uint32_t no_ch = this->first_channel() + c.channels;  // absent when < 64
  if (no_ch < ats_intc::kMaxSources) {
    this->rejected(d.write(k::src_cfg(no_ch), 0), -1, er::kBadSrc, "SRC_CFG of absent channel");
    this->rejected(d.write(k::fire(no_ch), 0), -1, er::kBadSrc, "FIRE of absent channel");
    this->rejected(d.read(k::src_stat(no_ch)), -1, er::kBadSrc, "SRC_STAT of absent channel");
    // BAD_SRC comes before PERM: slot 1 owns nothing.
    this->rejected(d.write(pg + pr::wait(no_ch), task(1, 1)), 1, er::kBadSrc, "WAIT");
    this->rejected(d.read(pg + pr::pending(no_ch)), 1, er::kBadSrc, "PENDING");
  }
  if (c.irqs < ats_intc::kFirstChannel) {
    this->rejected(d.read(k::src_cfg(c.irqs)), -1, er::kBadSrc, "SRC_CFG of absent IRQ");
    this->rejected(d.write(pg + pr::cancel(c.irqs), task(1, 1)), 1, er::kBadSrc, "CANCEL");
  }
  // SEND to a device IRQ source, even one the process owns and may send to.
  this->set_src(0, 1, false, 1u << 1);
  this->rejected(d.write(pg + pr::send(0), 0), 1, er::kBadSrc, "SEND to IRQ 0");
  EXPECT_EQ(this->pending(0), 0u);
}

TYPED_TEST(Errors, PermissionIsCheckedPerSource) {
  auto& d = this->d;
  this->slot1(true);
  const uint32_t pg = this->page(1);
  const uint32_t ch = this->first_channel() + 2;  // owned by slot 0, no senders
  this->rejected(d.write(pg + pr::send(ch), 0), 1, er::kPerm, "SEND by a non-sender");
  this->rejected(d.write(pg + pr::wait(ch), task(1, 1)), 1, er::kPerm, "WAIT by a non-owner");
  this->rejected(d.write(pg + pr::cancel(ch), task(1, 1)), 1, er::kPerm, "CANCEL");
  this->rejected(d.read(pg + pr::pending(ch)), 1, er::kPerm, "PENDING by a non-owner");
  // PERM comes before BAD_WORD.
  this->rejected(d.write(pg + pr::wait(ch), 0), 1, er::kPerm, "WAIT of a bad word");
  EXPECT_EQ(this->pending(ch), 0u);
  EXPECT_EQ(this->held(1), 0u);
}

TYPED_TEST(Errors, BadWordIsZeroFrameOrPriorityOutOfRange) {
  auto& d = this->d;
  const uint32_t prios = this->cfg().prios;
  this->slot1(true);
  const uint32_t pg = this->page(1);
  this->rejected(d.write(pg + pr::kEnq, 0), 1, er::kBadWord, "word 0");
  this->rejected(d.write(pg + pr::kEnq, 3), 1, er::kBadWord, "frame bits zero");
  if (prios < 32) {
    this->rejected(d.write(pg + pr::kEnq, task(1, prios)), 1, er::kBadWord, "prio NUM_PRIOS");
  }
  this->set_src(4, 1);
  this->rejected(d.write(pg + pr::wait(4), 0x1F), 1, er::kBadWord, "WAIT of a bad word");
  // BAD_WORD comes before QUOTA and FULL.
  this->kw(k::quota(1), 1);
  this->enq(1, task(1, 0));
  this->rejected(d.write(pg + pr::kEnq, 0), 1, er::kBadWord, "bad word over quota");
  EXPECT_FALSE(this->enq(0, task(2, prios - 1)).err);  // the least urgent level is fine
  EXPECT_EQ(this->held(1), 1u);
}

TYPED_TEST(Errors, QuotaComesBeforeFull) {
  auto& d = this->d;
  const uint32_t n = this->cfg().entries;
  this->slot1(true);
  this->kw(k::quota(1), 1);
  this->enq(1, task(1, 0));
  for (uint32_t i = 1; i < n; ++i) ASSERT_FALSE(this->enq(0, task(i + 1, 0)).err);
  ASSERT_EQ(this->free_entries(), 0u);
  this->rejected(d.write(this->page(1) + pr::kEnq, task(9, 0)), 1, er::kQuota, "ENQ");
  this->kw(k::quota(1), 0);
  this->rejected(d.write(this->page(1) + pr::kEnq, task(9, 0)), 1, er::kFull, "ENQ");
  this->set_src(2, 1);
  this->rejected(d.write(this->page(1) + pr::wait(2), task(9, 0)), 1, er::kFull, "WAIT");
  EXPECT_EQ(this->kr(k::src_stat(2)), 0u);
}

TYPED_TEST(Errors, BadValueGuardsKernelWrites) {
  auto& d = this->d;
  const auto& c = this->cfg();
  this->rejected(d.write(k::src_cfg(1), c.procs), -1, er::kBadValue, "owner out of range");
  EXPECT_EQ(this->kr(k::src_cfg(1)), 0u);
  if (c.procs < 15) {
    this->rejected(d.write(k::hart_proc(0), c.procs), -1, er::kBadValue, "hart process");
  }
  this->kw(k::hart_proc(0), ats_intc::kHartNone);  // 15 = none is a value
  EXPECT_EQ(this->kr(k::hart_proc(0)), ats_intc::kHartNone);
  this->rejected(d.write(k::run_prio(0), c.prios + 1), -1, er::kBadValue, "run prio");
  this->kw(k::run_prio(0), 0);
  this->kw(k::run_prio(0), c.prios);  // NUM_PRIOS = idle is a value
  this->rejected(d.write(k::kIterCtrl, c.procs), -1, er::kBadValue, "iterated process");
  // Only the field counts: reserved bits set, field in range, is accepted.
  // SENDERS keeps the bits of existing slots only.
  this->kw(k::src_cfg(1), 0xFFFF'FFE0u);
  EXPECT_EQ(this->kr(k::src_cfg(1)), ((1u << c.procs) - 1u) << k::kSrcCfgSendersShift);
}

TYPED_TEST(Errors, OwnerBusyComesLast) {
  auto& d = this->d;
  this->wait_on(0, 1, task(1, 1));
  this->rejected(d.write(k::src_cfg(1), this->cfg().procs), -1, er::kBadValue, "bad owner");
  this->rejected(d.write(k::src_cfg(1), 1), -1, er::kOwnerBusy, "owner change");
  EXPECT_EQ(this->kr(k::src_cfg(1)), 0u);
}

TYPED_TEST(Errors, BusErrorResponseFollowsThePagesEnable) {
  auto& d = this->d;
  // Slot 1 with BUS_ERR_EN off: its errors are recorded but answer OKAY.
  this->kw(k::proc_ctrl(1), k::kProcCtrlEnableMask);
  const Resp quiet = d.write(this->page(1) + pr::kEnq, 0);
  EXPECT_FALSE(quiet.err);
  EXPECT_EQ(this->err_of(1), er::kBadWord);
  // Kernel page with CTRL.BUS_ERR_EN off.
  this->kw(k::kCtrl, 0);
  const Resp kq = d.read(0x030);
  EXPECT_FALSE(kq.err);
  EXPECT_EQ(kq.rdata, 0u);
  EXPECT_EQ(this->kr(k::kGlobalErr), er::kBadOff);
  // Absent pages follow CTRL too.
  EXPECT_FALSE(d.read(this->absent_page()).err);
  this->kw(k::kCtrl, k::kCtrlBusErrEnMask);
  EXPECT_TRUE(d.read(this->absent_page()).err);
  // A rejected read answers 0 even where a register would read non-zero.
  EXPECT_EQ(d.read(k::kId, 0, 0xE).rdata, 0u);
}

TYPED_TEST(Errors, StickyBitsAccumulateAndClearByWritingOne) {
  auto& d = this->d;
  this->slot1(true);
  const uint32_t pg = this->page(1);
  d.write(pg + pr::kEnq, 0);          // BAD_WORD
  d.read(pg + 0x020);                 // BAD_OFF
  EXPECT_EQ(this->err_of(1), er::kBadWord | er::kBadOff);
  EXPECT_EQ(this->kr(k::kErrProcs), 1u << 1);
  EXPECT_FALSE(d.write(pg + pr::kErr, er::kBadOff | er::kFull).err);
  EXPECT_EQ(this->err_of(1), er::kBadWord);
  EXPECT_FALSE(d.write(pg + pr::kErr, er::kBadWord).err);
  EXPECT_EQ(this->kr(k::kErrProcs), 0u);
  d.read(0x034);
  d.read(0x1004, 0, 0x1);
  EXPECT_EQ(this->kr(k::kGlobalErr), er::kBadOff);
  EXPECT_EQ(this->err_of(0), er::kAlign);
  EXPECT_EQ(this->kr(k::kErrProcs), 1u);
}

TYPED_TEST(Errors, ErrIrqFollowsErrorBitsWhenEnabled) {
  auto& d = this->d;
  d.read(0x030);  // GLOBAL_ERR.BAD_OFF
  EXPECT_FALSE(d.dut().err_irq_o);
  this->kw(k::kCtrl, k::kCtrlBusErrEnMask | k::kCtrlErrIrqEnMask);
  EXPECT_TRUE(d.dut().err_irq_o);  // the cycle after the CTRL write
  this->kw(k::kGlobalErr, er::kBadOff);
  EXPECT_FALSE(d.dut().err_irq_o);
  // A process error raises it in the cycle after the rejected access.
  const Resp r = d.write(this->page(0) + pr::kEnq, 0);
  EXPECT_TRUE(r.err);
  EXPECT_TRUE(d.dut().err_irq_o);
  this->kw(k::kCtrl, k::kCtrlBusErrEnMask);
  EXPECT_FALSE(d.dut().err_irq_o);
  EXPECT_EQ(this->err_of(0), er::kBadWord);
}

TYPED_TEST(Errors, RejectedAccessesAreCounted) {
  auto& d = this->d;
  d.read(0x030);
  d.write(this->page(0) + pr::kEnq, 0);
  d.read(this->absent_page());
  this->enq(0, task(1, 1));  // accepted: not counted
  EXPECT_EQ(this->kr(k::kCntErr), this->cfg().counters ? 3u : 0u);
}

}  // namespace
}  // namespace intc_test
