// Requests with retries (see client.h).
#include "client.h"

#include <algorithm>
#include <cstdio>

#include "failure.h"
#include "rv_iss/hex.h"

using rv::hex32;

namespace atsctl {

namespace lp = loader_proto;
using Clock = std::chrono::steady_clock;

namespace {


// NAK codes that mean "your frame did not arrive intact": repeat it.
bool transport_error(uint8_t status) {
  return status == lp::kErrBadCrc || status == lp::kErrBadLength || status == lp::kErrTimeout;
}

}  // namespace

void refused(const Frame& reply, const char* what) {
  throw Failure(kExitRefusedByLoader,
                std::string(what) + " refused by the loader: " + status_name(reply.status) +
                    " (code " + std::to_string(reply.status) + ", addr " + hex32(reply.addr) + ")");
}

std::vector<uint8_t> LoaderClient::take_after_reply() {
  std::vector<uint8_t> bytes;
  bytes.swap(after_reply_);
  return bytes;
}

void LoaderClient::drain() {
  // Whatever is still on its way belongs to an abandoned exchange.
  uint8_t buf[256];
  while (link_.read(buf, sizeof buf, std::chrono::milliseconds(30)) != 0) {
  }
  dec_.reset();
}

Frame LoaderClient::transact(uint8_t cmd, uint32_t addr, const std::vector<uint8_t>& payload,
                             std::chrono::milliseconds timeout, unsigned retries) {
  Frame req;
  req.cmd = cmd;
  req.seq = ++seq_;
  req.addr = addr;
  req.payload = payload;
  const std::vector<uint8_t> wire = encode(req);
  unsigned corrupt = 0, timeouts = 0;
  for (unsigned attempt = 0; attempt <= retries; ++attempt) {
    if (attempt > 0) {
      ++retries_;
      drain();
    }
    link_.write(wire);
    const auto deadline = Clock::now() + timeout;
    bool retry = false;
    while (!retry) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      if (left.count() <= 0) {
        ++timeouts;
        break;
      }
      uint8_t buf[256];
      const size_t n = link_.read(buf, sizeof buf, left);
      for (size_t i = 0; i < n && !retry; ++i) {
        Frame f;
        switch (dec_.push(buf[i], f)) {
          case FrameDecoder::Result::kNone:
            break;
          case FrameDecoder::Result::kBadCrc:
          case FrameDecoder::Result::kBadLength:
            ++corrupt;  // a reply, damaged on the way back
            retry = true;
            break;
          case FrameDecoder::Result::kFrame:
            if (transport_error(f.status)) {
              // Our request arrived damaged; its seq may be damaged too.
              ++corrupt;
              retry = true;
            } else if ((f.cmd == (cmd | lp::kReplyFlag) && f.seq == req.seq) ||
                       (late_cmd_ != 0 && f.cmd == (late_cmd_ | lp::kReplyFlag) &&
                        f.seq == late_seq_)) {
              after_reply_.assign(buf + i + 1, buf + n);
              return f;
            }
            break;  // a late reply to an earlier attempt: ignore
        }
      }
    }
  }
  const std::string what = std::string(cmd_name(cmd)) + " at " + hex32(addr);
  if (corrupt > 0) {
    throw Failure(kExitCrc, what + ": no intact exchange after " + std::to_string(retries) +
                                " retries (" + std::to_string(corrupt) + " CRC/length errors, " +
                                std::to_string(timeouts) + " timeouts): the line corrupts data");
  }
  throw Failure(kExitTimeout, what + ": no answer from the loader on " + link_.name() + " after " +
                                  std::to_string(retries + 1) + " attempt(s) of " +
                                  std::to_string(timeout.count()) +
                                  " ms (is the board in its boot ROM? reset it)");
}

LoaderClient::RunOutcome LoaderClient::run(uint32_t entry, std::chrono::milliseconds timeout) {
  for (unsigned attempt = 0;; ++attempt) {
    try {
      const Frame f = transact(lp::kCmdRun, entry, {}, timeout, 0);
      if (f.status != lp::kOk) refused(f, "RUN");
      return RunOutcome::kAcked;
    } catch (const Failure& e) {
      if (e.exit_code != kExitTimeout && e.exit_code != kExitCrc) throw;
      if (attempt >= opt_.retries) throw;
    }
    late_cmd_ = lp::kCmdRun;
    late_seq_ = seq_;
    Frame f;
    try {
      f = transact(lp::kCmdInfo, 0, {}, timeout, 1);
    } catch (const Failure& e) {
      late_cmd_ = 0;
      if (e.exit_code != kExitTimeout) throw;
      return RunOutcome::kNoAnswer;
    }
    late_cmd_ = 0;
    if (f.cmd == (lp::kCmdRun | lp::kReplyFlag)) {  // RUN's late answer
      if (f.status != lp::kOk) refused(f, "RUN");
      return RunOutcome::kAcked;
    }
  }
}

LoaderInfo LoaderClient::info() {
  const Frame f = transact(lp::kCmdInfo, 0, {});
  if (f.status != lp::kOk) refused(f, "INFO");
  if (f.payload.size() < lp::kInfoWords * 4 ||
      get_le32(f.payload.data() + 4 * lp::kInfoMagicWord) != lp::kInfoMagic) {
    throw Failure(kExitProtocol, "INFO: the answer is not from an ATS-INTC boot ROM loader");
  }
  auto word = [&](uint32_t i) { return get_le32(f.payload.data() + 4 * i); };
  LoaderInfo in;
  in.version = word(lp::kInfoVersion);
  if (in.version >> 16 != lp::kVersion >> 16) {
    throw Failure(kExitProtocol, "INFO: loader protocol version " +
                                     std::to_string(in.version >> 16) + "." +
                                     std::to_string(in.version & 0xFFFF) + ", this atsctl speaks " +
                                     std::to_string(lp::kVersion >> 16) + ".x");
  }
  in.ram_base = word(lp::kInfoRamBase);
  in.ram_bytes = word(lp::kInfoRamBytes);
  in.clk_hz = word(lp::kInfoClkHz);
  in.loader_base = word(lp::kInfoLoaderBase);
  in.max_payload = std::min<uint32_t>(word(lp::kInfoMaxPayload), lp::kMaxPayload);
  in.max_ranges = word(lp::kInfoMaxRanges);
  in.turn_cycles = word(lp::kInfoTurnCycles);
  return in;
}

std::vector<uint32_t> LoaderClient::read_words(uint32_t addr, uint32_t bytes,
                                               uint32_t max_payload) {
  std::vector<uint32_t> out;
  for (uint32_t off = 0; off < bytes;) {
    const uint32_t n = std::min(bytes - off, max_payload & ~3u);
    std::vector<uint8_t> p;
    put_le32(p, n);
    const Frame f = transact(lp::kCmdRead, addr + off, p);
    if (f.status != lp::kOk) refused(f, ("READ at " + hex32(addr + off)).c_str());
    if (f.payload.size() != n) {
      throw Failure(kExitProtocol, "READ: " + std::to_string(f.payload.size()) +
                                       " bytes in the answer, asked for " + std::to_string(n));
    }
    for (uint32_t k = 0; k < n; k += 4) out.push_back(get_le32(f.payload.data() + k));
    off += n;
  }
  return out;
}

}  // namespace atsctl
