// Host side of the loader protocol (see protocol.h).
#include "protocol.h"

#include <array>
#include <stdexcept>

namespace atsctl {

namespace lp = loader_proto;

namespace {

std::array<uint32_t, 256> make_table() {
  std::array<uint32_t, 256> t{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? (c >> 1) ^ 0xEDB88320u : c >> 1;
    t[i] = c;
  }
  return t;
}

}  // namespace

uint32_t crc32(const uint8_t* data, size_t n, uint32_t crc) {
  static const std::array<uint32_t, 256> table = make_table();
  crc = ~crc;
  for (size_t i = 0; i < n; ++i) crc = (crc >> 8) ^ table[(crc ^ data[i]) & 0xFF];
  return ~crc;
}

uint32_t get_le32(const uint8_t* p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

void put_le32(std::vector<uint8_t>& v, uint32_t x) {
  for (int i = 0; i < 32; i += 8) v.push_back(uint8_t(x >> i));
}

std::vector<uint8_t> encode(const Frame& f) {
  if (f.payload.size() > lp::kMaxPayload) {
    throw std::length_error("loader frame payload of " + std::to_string(f.payload.size()) +
                            " bytes exceeds " + std::to_string(lp::kMaxPayload));
  }
  std::vector<uint8_t> out{lp::kSync0,
                           lp::kSync1,
                           f.cmd,
                           f.seq,
                           f.status,
                           uint8_t(f.payload.size()),
                           uint8_t(f.payload.size() >> 8)};
  put_le32(out, f.addr);
  out.insert(out.end(), f.payload.begin(), f.payload.end());
  put_le32(out, crc32(out.data() + 2, out.size() - 2));
  return out;
}

void FrameDecoder::reset() {
  state_ = State::kHunt0;
  pos_ = 0;
}

FrameDecoder::Result FrameDecoder::push(uint8_t b, Frame& out) {
  switch (state_) {
    case State::kHunt0:
      if (b == lp::kSync0) {
        state_ = State::kHunt1;
      } else {
        ++skipped_;
      }
      return Result::kNone;
    case State::kHunt1:
      if (b == lp::kSync1) {
        state_ = State::kHeader;
        pos_ = 0;
      } else if (b != lp::kSync0) {  // a repeated SYNC0 stays a candidate
        skipped_ += 2;
        state_ = State::kHunt0;
      } else {
        ++skipped_;
      }
      return Result::kNone;
    case State::kHeader:
      head_[pos_++] = b;
      if (pos_ < sizeof head_) return Result::kNone;
      cur_.cmd = head_[0];
      cur_.seq = head_[1];
      cur_.status = head_[2];
      cur_.addr = get_le32(head_ + 5);
      cur_.payload.assign(size_t(head_[3] | head_[4] << 8), 0);
      pos_ = 0;
      if (cur_.payload.size() > lp::kMaxPayload) {
        out = cur_;
        out.payload.clear();
        reset();
        return Result::kBadLength;
      }
      state_ = cur_.payload.empty() ? State::kCrc : State::kPayload;
      return Result::kNone;
    case State::kPayload:
      cur_.payload[pos_++] = b;
      if (pos_ == cur_.payload.size()) {
        state_ = State::kCrc;
        pos_ = 0;
      }
      return Result::kNone;
    case State::kCrc: {
      crc_bytes_[pos_++] = b;
      if (pos_ < 4) return Result::kNone;
      uint32_t crc = crc32(head_, sizeof head_);
      crc = crc32(cur_.payload.data(), cur_.payload.size(), crc);
      out = cur_;
      reset();
      return crc == get_le32(crc_bytes_) ? Result::kFrame : Result::kBadCrc;
    }
  }
  return Result::kNone;
}

const char* cmd_name(uint8_t cmd) {
  switch (cmd & ~lp::kReplyFlag) {
    case lp::kCmdInfo:
      return "INFO";
    case lp::kCmdBegin:
      return "BEGIN";
    case lp::kCmdWrite:
      return "WRITE";
    case lp::kCmdVerify:
      return "VERIFY";
    case lp::kCmdRun:
      return "RUN";
    case lp::kCmdRead:
      return "READ";
    default:
      return "unknown command";
  }
}

const char* status_name(uint8_t status) {
  switch (status) {
    case lp::kOk:
      return "ok";
    case lp::kErrBadCrc:
      return "bad CRC";
    case lp::kErrBadLength:
      return "bad length";
    case lp::kErrOutOfRange:
      return "out of range";
    case lp::kErrOverlapsLoader:
      return "overlaps the loader's reserved RAM";
    case lp::kErrNotVerified:
      return "image not verified";
    case lp::kErrUnknownCmd:
      return "unknown command";
    case lp::kErrTimeout:
      return "timeout inside a frame";
    case lp::kErrNotDeclared:
      return "outside the declared ranges";
    case lp::kErrGap:
      return "write past the written end of its range";
    case lp::kErrIncomplete:
      return "image incomplete";
    case lp::kErrImageCrc:
      return "image CRC mismatch";
    case lp::kErrBusError:
      return "bus error";
    default:
      return "unknown status";
  }
}

}  // namespace atsctl
