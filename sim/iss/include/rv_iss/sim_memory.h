// Test memory: RAM at a base address, the tohost/fromhost host interface of
// the RISC-V test environment (exit and console), LR/SC reservations and AMOs,
// and an optional MMIO hook for everything that is not RAM. The same class
// backs the Verilated core's testbench and the instruction-set model, so both
// see identical memory semantics.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "rv_iss/bus.h"

namespace rv {

class SimMemory : public Bus {
 public:
  SimMemory(uint32_t ram_base, uint32_t ram_size);

  // Zero RAM, forget reservations, exit code and console.
  void clear();
  bool in_ram(uint32_t addr) const { return addr - base_ < size_; }
  uint32_t ram_base() const { return base_; }
  uint32_t ram_size() const { return size_; }
  uint32_t read_word(uint32_t addr) const;
  void write_word(uint32_t addr, uint32_t value);
  void write_bytes(uint32_t addr, const uint8_t* data, uint32_t len);
  const std::vector<uint32_t>& words() const { return ram_; }

  // tohost/fromhost addresses (0 = none). A write to the high word of tohost
  // performs the command, as QEMU's and Spike's HTIF do: device 0 with an odd
  // payload exits with code payload >> 1; device 1 command 1 prints a byte.
  void set_htif(uint32_t tohost, uint32_t fromhost) {
    tohost_ = tohost;
    fromhost_ = fromhost;
  }
  uint32_t tohost() const { return tohost_; }
  std::optional<uint32_t> exit_code() const { return exit_code_; }
  const std::string& console() const { return console_; }

  // Non-RAM accesses go here; return false for a bus error. Without a hook
  // every non-RAM access is an error.
  using MmioHook = std::function<bool(const BusReq& req, uint32_t& rdata)>;
  void set_mmio(MmioHook hook) { mmio_ = std::move(hook); }

  BusResp fetch(uint32_t addr) override;
  BusResp data(const BusReq& req) override;

 private:
  void store_masked(uint32_t addr, uint32_t wdata, uint8_t be);
  void htif_command();

  uint32_t base_;
  uint32_t size_;
  std::vector<uint32_t> ram_;
  uint32_t tohost_ = 0;
  uint32_t fromhost_ = 0;
  std::optional<uint32_t> exit_code_;
  std::string console_;
  bool resv_valid_ = false;
  uint32_t resv_addr_ = 0;
  MmioHook mmio_;
};

}  // namespace rv
