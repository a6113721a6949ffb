// Frames of the boot ROM loader's protocol on the host side: CRC-32, frame
// encoding and a byte-at-a-time decoder. Layout, commands and codes are in
// firmware/bootrom/loader_proto.h (shared with the loader) and docs/atsctl.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "bootrom/loader_proto.h"

namespace atsctl {

// CRC-32 (IEEE 802.3): crc32("123456789") == 0xCBF43926. `crc` continues a
// previous result (0 to start), like zlib's crc32().
uint32_t crc32(const uint8_t* data, size_t n, uint32_t crc = 0);

struct Frame {
  uint8_t cmd = 0, seq = 0, status = 0;
  uint32_t addr = 0;
  std::vector<uint8_t> payload;
};

// The bytes of `f` on the wire (payload at most kMaxPayload bytes, else
// std::length_error).
std::vector<uint8_t> encode(const Frame& f);

// Finds frames in a byte stream: hunts for SYNC0 SYNC1, reads the header,
// payload and CRC. Bytes outside frames are skipped (and counted).
class FrameDecoder {
 public:
  enum class Result {
    kNone,       // need more bytes
    kFrame,      // `out` holds a frame whose CRC matched
    kBadCrc,     // a whole frame arrived, its CRC did not match (out: its header fields)
    kBadLength,  // the header's length exceeds kMaxPayload: the frame was dropped
  };
  Result push(uint8_t byte, Frame& out);
  void reset();  // forget a partial frame
  bool in_frame() const { return state_ != State::kHunt0; }
  uint64_t skipped() const { return skipped_; }

 private:
  enum class State { kHunt0, kHunt1, kHeader, kPayload, kCrc };
  State state_ = State::kHunt0;
  uint8_t head_[loader_proto::kHeaderBytes - 2] = {};
  uint8_t crc_bytes_[4] = {};
  size_t pos_ = 0;
  Frame cur_;
  uint64_t skipped_ = 0;
};

// Names for messages: "WRITE", "bad CRC" ...
const char* cmd_name(uint8_t cmd);
const char* status_name(uint8_t status);
// Little-endian words.
uint32_t get_le32(const uint8_t* p);
void put_le32(std::vector<uint8_t>& v, uint32_t x);

}  // namespace atsctl
