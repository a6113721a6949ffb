// The loader's commands over a Link, with retries (docs/atsctl.md "Retries
// and timeouts"): every request is repeated with the same sequence number
// until an intact reply arrives, up to `retries` times. Requests are
// idempotent on the loader's side, so a repeat after a lost ACK is harmless.
#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

#include "link.h"
#include "protocol.h"

namespace atsctl {

struct LoaderInfo {
  uint32_t version = 0, ram_base = 0, ram_bytes = 0, clk_hz = 0, loader_base = 0;
  uint32_t max_payload = 0, max_ranges = 0;
  uint32_t turn_cycles = 0;  // loader_proto.h kInfoTurnCycles
};

struct ClientOptions {
  unsigned retries = 8;                           // repeats per request
  std::chrono::milliseconds reply_timeout{2000};  // per attempt
};

class LoaderClient {
 public:
  LoaderClient(Link& link, ClientOptions opt) : link_(link), opt_(opt) {}

  // One request; returns the loader's reply (ACK or a NAK with a final
  // error code). Transport errors (bad CRC either way, timeouts, damaged
  // lengths) are retried; when the retries are spent: Failure kExitCrc if
  // any attempt saw corruption, else kExitTimeout.
  Frame transact(uint8_t cmd, uint32_t addr, const std::vector<uint8_t>& payload,
                 std::chrono::milliseconds timeout, unsigned retries);
  Frame transact(uint8_t cmd, uint32_t addr, const std::vector<uint8_t>& payload,
                 std::chrono::milliseconds timeout) {
    return transact(cmd, addr, payload, timeout, opt_.retries);
  }
  Frame transact(uint8_t cmd, uint32_t addr, const std::vector<uint8_t>& payload) {
    return transact(cmd, addr, payload, opt_.reply_timeout, opt_.retries);
  }

  // INFO, checked: Failure kExitProtocol if it is not this protocol's loader.
  LoaderInfo info();
  // READ of `bytes` (multiple of 4) at addr, in chunks; Failure
  // kExitRefusedByLoader on a NAK (out of range, bus error).
  std::vector<uint32_t> read_words(uint32_t addr, uint32_t bytes, uint32_t max_payload);

  // RUN at entry. RUN is the one request that is not idempotent: once the
  // loader has jumped, nothing answers. When RUN's ACK does not come, one
  // INFO tells a lost RUN (the loader answers INFO: RUN again) from a lost or
  // late ACK (RUN's ACK turns up after all: kAcked; nothing answers:
  // kNoAnswer, the program runs and got INFO's bytes on its UART). Failure
  // kExitRefusedByLoader on a NAK (not verified, entry outside the image).
  enum class RunOutcome { kAcked, kNoAnswer };
  RunOutcome run(uint32_t entry, std::chrono::milliseconds timeout);
  uint64_t retries() const { return retries_; }
  Link& link() { return link_; }
  // Bytes that arrived in the same read as the last reply, after it: once
  // RUN is acknowledged they are the program's first output, which the
  // console must show before anything it reads itself. Clears them.
  std::vector<uint8_t> take_after_reply();

 private:
  void drain();
  Link& link_;
  ClientOptions opt_;
  FrameDecoder dec_;
  uint8_t seq_ = 0;
  uint8_t late_cmd_ = 0, late_seq_ = 0;  // a late reply transact() also returns
  uint64_t retries_ = 0;
  std::vector<uint8_t> after_reply_;
};

// "WRITE at 0x80000200 refused by the loader: out of range (code 3, addr 0x...)".
[[noreturn]] void refused(const Frame& reply, const char* what);

}  // namespace atsctl
