#include "traffic.h"

#include "ats_intc_regs.h"

namespace k = ats_intc::kernel;
namespace pr = ats_intc::process;

Traffic::Traffic(const TrafficShape& shape, uint64_t seed) : shape_(shape), rng_(seed) {}

uint32_t Traffic::task_word() {
  // A small frame pool makes duplicates, cancels that hit and long queues likely.
  const uint32_t frame = (1u + pick(24)) << 5;
  uint32_t prio = pick(shape_.num_prios);
  if (chance(3)) prio = pick(32);                // sometimes >= NUM_PRIOS: BAD_WORD
  if (chance(1)) return prio;                    // frame bits zero: BAD_WORD
  return frame | prio;
}

uint32_t Traffic::any_source() {
  if (chance(4)) return pick(ats_intc::kMaxSources);  // possibly absent: BAD_SRC
  if (chance(50)) return pick(shape_.num_irqs);
  return ats_intc::kFirstChannel + pick(shape_.num_channels);
}

uint32_t Traffic::process_page_addr(uint32_t p, uint32_t off) const {
  return ats_intc::process_page(p) + off;
}

uint32_t Traffic::next_gap() {
  const uint32_t r = pick(100);
  if (r < 70) return 0;
  if (r < 95) return 1 + pick(3);
  return 4 + pick(20);
}

uint32_t Traffic::next_irq_levels() {
  for (uint32_t i = 0; i < shape_.num_irqs; ++i) {
    if (chance(3)) irq_levels_ ^= 1u << i;
  }
  return irq_levels_;
}

bool Traffic::next_reset() { return pick(200000) == 0; }

BusRequest Traffic::next_request() {
  BusRequest r;
  r.hart = chance(95) ? pick(shape_.num_harts) : pick(4);
  // Mostly a real process; sometimes a process slot the build does not have.
  const uint32_t p = chance(97) ? pick(shape_.num_procs) : pick(ats_intc::kMaxProcs);
  const uint32_t kind = pick(1000);

  if (kind < 200) {                                     // ENQ
    r.we = true;
    r.addr = process_page_addr(p, pr::kEnq);
    r.wdata = task_word();
  } else if (kind < 400) {                              // DEQ, DEQ_FRAME
    r.addr = process_page_addr(p, chance(50) ? pr::kDeq : pr::kDeqFrame);
  } else if (kind < 510) {                              // WAIT
    r.we = true;
    r.addr = process_page_addr(p, pr::wait(any_source()));
    r.wdata = task_word();
  } else if (kind < 560) {                              // SEND
    r.we = true;
    r.addr = process_page_addr(p, pr::send(any_source()));
    r.wdata = static_cast<uint32_t>(rng_());
  } else if (kind < 620) {                              // FIRE
    r.we = true;
    r.addr = k::fire(any_source());
    r.wdata = static_cast<uint32_t>(rng_());
  } else if (kind < 670) {                              // CANCEL
    r.we = true;
    r.addr = process_page_addr(p, pr::cancel(any_source()));
    r.wdata = task_word();
  } else if (kind < 760) {                              // configuration writes
    r.we = true;
    const uint32_t q = pick(ats_intc::kMaxProcs);
    switch (pick(12)) {
      case 0:
      case 1: {
        const uint32_t owner = chance(95) ? pick(shape_.num_procs) : pick(16);
        const uint32_t senders = static_cast<uint32_t>(rng_()) & 0x7FFF0000u;
        r.addr = k::src_cfg(any_source());
        r.wdata = owner | (chance(30) ? k::kSrcCfgBroadcastMask : 0u) | senders;
        break;
      }
      case 2: {
        uint32_t v = chance(90) ? k::kProcCtrlEnableMask : 0u;
        if (chance(30)) v |= k::kProcCtrlBusErrEnMask;
        if (chance(4)) v |= k::kProcCtrlResetMask;
        r.addr = k::proc_ctrl(chance(95) ? pick(shape_.num_procs) : q);
        r.wdata = v;
        break;
      }
      case 3:
        r.addr = k::quota(chance(95) ? pick(shape_.num_procs) : q);
        r.wdata = chance(50) ? 0u : pick(40);
        break;
      case 4:
        r.addr = k::hart_proc(pick(ats_intc::kMaxHarts));
        r.wdata = chance(90) ? pick(shape_.num_procs) : pick(16);
        break;
      case 5:
        r.addr = k::run_prio(pick(ats_intc::kMaxHarts));
        r.wdata = pick(shape_.num_prios + 2);
        break;
      case 6:
        r.addr = k::affinity(chance(95) ? pick(shape_.num_procs) : q);
        r.wdata = pick(16);
        break;
      case 7:
        r.addr = k::kCtrl;
        r.wdata = pick(4);
        break;
      case 8:
        r.addr = k::kIterCtrl;
        r.wdata = chance(95) ? pick(shape_.num_procs) : pick(16);
        break;
      case 9:
        r.addr = k::kCntEnq + 4 * pick(6);
        r.wdata = 0;
        break;
      case 10:
        r.addr = chance(50) ? k::kGlobalErr : process_page_addr(p, pr::kErr);
        r.wdata = static_cast<uint32_t>(rng_());
        break;
      default:
        r.addr = k::src_stat(any_source());
        r.wdata = static_cast<uint32_t>(rng_());
        break;
    }
  } else if (kind < 970) {                              // reads
    r.we = false;
    switch (pick(10)) {
      case 0: {
        static constexpr uint32_t kKernelRegs[] = {
            k::kId,       k::kVersion,  k::kCfg0,     k::kCfg1,     k::kGlobalErr, k::kCtrl,
            k::kFree,     k::kBest,     k::kIterWhere, k::kErrProcs, k::kCntEnq,   k::kCntDeq,
            k::kCntWake,  k::kCntOvf,   k::kCntErr,   k::kMaxOcc};
        r.addr = kKernelRegs[pick(sizeof(kKernelRegs) / sizeof(kKernelRegs[0]))];
        break;
      }
      case 1:
      case 2:
        r.addr = k::kIterNext;
        break;
      case 3: {
        const uint32_t q = pick(ats_intc::kMaxProcs);
        switch (pick(4)) {
          case 0: r.addr = k::proc_ctrl(q); break;
          case 1: r.addr = k::quota(q); break;
          case 2: r.addr = k::held(q); break;
          default: r.addr = k::affinity(q); break;
        }
        break;
      }
      case 4:
        r.addr = chance(50) ? k::hart_proc(pick(4)) : k::run_prio(pick(4));
        break;
      case 5:
        r.addr = chance(50) ? k::src_cfg(any_source()) : k::src_stat(any_source());
        break;
      case 6:
        r.addr = process_page_addr(p, pr::pending(any_source()));
        break;
      default: {
        static constexpr uint32_t kProcRegs[] = {pr::kErr, pr::kCancelSt, pr::kHeld};
        r.addr = process_page_addr(p, kProcRegs[pick(3)]);
        break;
      }
    }
  } else {                                              // malformed accesses
    r.we = chance(50);
    r.wdata = static_cast<uint32_t>(rng_());
    switch (pick(5)) {
      case 0: r.addr = process_page_addr(p, pr::kEnq) + 1 + pick(3); break;  // misaligned
      case 1:  // DEQ / DEQ_FRAME: a sub-word access, or a whole-word store (ro)
        r.addr = process_page_addr(p, chance(50) ? pr::kDeq : pr::kDeqFrame);
        if (!r.we || chance(50)) r.be = 1u << pick(4);
        break;
      case 2: r.addr = (pick(16) << 12) | (pick(1024) << 2); break;  // anywhere
      case 3: r.addr = chance(50) ? k::kErrProcs + 4 * (1 + pick(4))   // gaps in the kernel page
                              : 0x600 + 4 * pick(256);
        break;
      default: r.addr = process_page_addr(p, 0x800 + 4 * pick(256)); break;
    }
  }
  r.addr &= 0xFFFFu;
  return r;
}
