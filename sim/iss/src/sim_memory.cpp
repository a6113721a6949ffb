// Test memory shared by the core's testbench and the ISS: see rv_iss/sim_memory.h.
#include "rv_iss/sim_memory.h"

#include <algorithm>

namespace rv {

SimMemory::SimMemory(uint32_t ram_base, uint32_t ram_size)
    : base_(ram_base), size_(ram_size), ram_(ram_size / 4, 0) {}

void SimMemory::clear() {
  std::fill(ram_.begin(), ram_.end(), 0);
  exit_code_.reset();
  console_.clear();
  resv_valid_ = false;
}

uint32_t SimMemory::read_word(uint32_t addr) const {
  return in_ram(addr) ? ram_[(addr - base_) >> 2] : 0;
}

void SimMemory::write_word(uint32_t addr, uint32_t value) {
  if (in_ram(addr)) ram_[(addr - base_) >> 2] = value;
}

void SimMemory::write_bytes(uint32_t addr, const uint8_t* data, uint32_t len) {
  for (uint32_t i = 0; i < len; ++i) {
    uint32_t a = addr + i;
    if (!in_ram(a)) continue;
    uint32_t& w = ram_[(a - base_) >> 2];
    unsigned sh = 8 * (a & 3);
    w = (w & ~(0xffu << sh)) | (uint32_t(data[i]) << sh);
  }
}

void SimMemory::store_masked(uint32_t addr, uint32_t wdata, uint8_t be) {
  uint32_t& w = ram_[(addr - base_) >> 2];
  uint32_t mask = 0;
  for (int k = 0; k < 4; ++k)
    if (be & (1u << k)) mask |= 0xffu << (8 * k);
  w = (w & ~mask) | (wdata & mask);
  if (resv_valid_ && resv_addr_ == (addr & ~3u)) resv_valid_ = false;
}

void SimMemory::htif_command() {
  const uint32_t lo = read_word(tohost_), hi = read_word(tohost_ + 4);
  const uint32_t dev = hi >> 24, cmd = (hi >> 16) & 0xff;
  if (dev == 0 && cmd == 0) {
    if (lo & 1) exit_code_ = lo >> 1;
    return;  // even payloads (proxied syscalls) are not supported
  }
  if (dev == 1 && cmd == 1) {
    console_.push_back(char(lo & 0xff));
    write_word(tohost_, 0);
    write_word(tohost_ + 4, 0);
    if (fromhost_) {
      write_word(fromhost_, 0x100 | (lo & 0xff));
      write_word(fromhost_ + 4, hi & 0xffff0000u);
    }
  }
}

BusResp SimMemory::fetch(uint32_t addr) {
  BusResp r;
  if (in_ram(addr)) {
    r.rdata = ram_[(addr - base_) >> 2];
  } else {
    r.err = true;
  }
  return r;
}

BusResp SimMemory::data(const BusReq& req) {
  BusResp r;
  const uint32_t addr = req.addr & ~3u;
  if (!in_ram(addr)) {
    if (req.atop != kAtopNone || !mmio_) {
      r.err = true;
    } else {
      r.err = !mmio_(req, r.rdata);
    }
    return r;
  }
  uint32_t& w = ram_[(addr - base_) >> 2];
  switch (req.atop) {
    case kAtopNone:
      if (req.we) {
        store_masked(addr, req.wdata, req.be);
        if (tohost_ && addr == tohost_ + 4) htif_command();
      } else {
        r.rdata = w;
      }
      break;
    case kAtopLr:
      r.rdata = w;
      resv_valid_ = true;
      resv_addr_ = addr;
      break;
    case kAtopSc:
      if (resv_valid_ && resv_addr_ == addr) {
        store_masked(addr, req.wdata, 0xf);
        r.rdata = 0;
      } else {
        r.rdata = 1;
      }
      resv_valid_ = false;
      break;
    default:
      r.rdata = w;
      store_masked(addr, amo_apply(req.atop, w, req.wdata), 0xf);
      break;
  }
  return r;
}

}  // namespace rv
