// The boot ROM loader's wire protocol (docs/atsctl.md "Protocol"): the one
// definition of frame layout, commands, error codes and limits, shared by the
// loader firmware (firmware/bootrom/loader.cpp, freestanding C++20) and the
// host tool (host_sw/atsctl, C++17). Constants only, no code, so it compiles
// in both worlds.
//
// Frame, both directions, little-endian fields:
//
//   0      1      2    3    4       5..6   7..10  11 .. 11+len-1  then 4 bytes
//   SYNC0  SYNC1  cmd  seq  status  len    addr   payload         CRC-32
//
// The CRC-32 (IEEE 802.3, reflected, init and final xor 0xFFFFFFFF: "123456789"
// -> 0xCBF43926) covers cmd .. the last payload byte. A request has status 0;
// the loader answers every frame it receives with cmd | kReplyFlag, the same
// seq, status kOk (ACK) or an error code (NAK).
#pragma once

#include <stdint.h>

namespace loader_proto {

inline constexpr uint8_t kSync0 = 0xA5;
inline constexpr uint8_t kSync1 = 0x5A;
inline constexpr uint32_t kHeaderBytes = 11;  // sync .. addr
inline constexpr uint32_t kCrcBytes = 4;
inline constexpr uint32_t kMaxPayload = 512;  // per frame, both directions
inline constexpr uint32_t kMaxRanges = 8;     // BEGIN: declared ranges
inline constexpr uint8_t kReplyFlag = 0x80;

// "ATSL" in memory order: INFO's first word.
inline constexpr uint32_t kInfoMagic = 0x4C535441u;
// major << 16 | minor. Minor: compatible additions; major: the host must refuse.
inline constexpr uint32_t kVersion = 0x00010000u;

// Commands (cmd byte of a request).
enum Cmd : uint8_t {
  kCmdInfo = 0x01,    // -> InfoPayload
  kCmdBegin = 0x02,   // payload: n x {u32 addr, u32 size}: the image's ranges (clears all state)
  kCmdWrite = 0x03,   // addr, payload = bytes for [addr, addr + len)
  kCmdVerify = 0x04,  // payload: u32 expected CRC-32 of all ranges' bytes in declared order;
                      // reply payload: u32 CRC of RAM, u32 turnaround cycles (kInfoTurnCycles)
  kCmdRun = 0x05,     // addr = entry point; no payload
  kCmdRead = 0x06,    // addr (word aligned), payload: u32 byte count (multiple of 4)
};

// status byte of a reply.
enum Status : uint8_t {
  kOk = 0x00,
  kErrBadCrc = 0x01,          // the frame's CRC did not match (nothing done)
  kErrBadLength = 0x02,       // len not acceptable for the command (or > kMaxPayload)
  kErrOutOfRange = 0x03,      // address/range outside RAM (READ: outside the readable windows),
                              // misaligned, wrapping, or BEGIN ranges overlapping each other
  kErrOverlapsLoader = 0x04,  // range touches the loader's reserved RAM at the top
  kErrNotVerified = 0x05,     // RUN before VERIFY succeeded (or after a later WRITE/BEGIN)
  kErrUnknownCmd = 0x06,      // cmd not in Cmd
  kErrTimeout = 0x07,         // a byte did not arrive within kByteTimeoutMs inside a frame
  kErrNotDeclared = 0x08,     // WRITE/VERIFY outside the ranges of the last BEGIN (or none)
  kErrGap = 0x09,             // WRITE would leave a hole: addr is past the range's written end
  kErrIncomplete = 0x0A,      // VERIFY before every declared range was written; addr = first hole
  kErrImageCrc = 0x0B,        // VERIFY: RAM does not match; payload = the CRC the loader computed
  kErrBusError = 0x0C,        // READ: the access faulted; addr = the faulting address
};

// Inside a frame the loader waits at most this long for each next byte, then
// answers kErrTimeout and hunts for SYNC0 SYNC1 again.
inline constexpr uint32_t kByteTimeoutMs = 50;

// INFO's reply payload: 8 little-endian words.
enum InfoWord : uint32_t {
  kInfoMagicWord = 0,  // kInfoMagic
  kInfoVersion,        // kVersion
  kInfoRamBase,        // 0x80000000
  kInfoRamBytes,       // RAM the loader was built for
  kInfoClkHz,          // the clock the UART divisor was computed for
  kInfoLoaderBase,     // first byte of the loader's reserved RAM (up to the end of RAM)
  kInfoMaxPayload,     // kMaxPayload of this loader
  kInfoMaxRanges,      // kMaxRanges of this loader
  kInfoTurnCycles,     // core cycles from the end of each request to the start of its reply,
                       // summed since the loader started (mod 2^32): its share of boot time
                       // that does not overlap the UART transfers
  kInfoWords
};

// Windows READ accepts (docs/soc.md §1): RAM, boot ROM, ATS-INTC, UART.
inline constexpr uint32_t kRomBase = 0x00001000u, kRomBytes = 0x1000u;
inline constexpr uint32_t kUartBase = 0x10000000u, kUartBytes = 0x1000u;
inline constexpr uint32_t kIntcBase = 0x40000000u, kIntcBytes = 0x10000u;
inline constexpr uint32_t kRamBase = 0x80000000u;
// The loader's data and stack: the top of RAM.
inline constexpr uint32_t kLoaderReservedBytes = 1024;

}  // namespace loader_proto
