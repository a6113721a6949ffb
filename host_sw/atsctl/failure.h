// atsctl's errors: one line for the user and the process exit status
// (docs/atsctl.md "Exit status").
#pragma once

#include <stdexcept>
#include <string>

namespace atsctl {

enum ExitCode : int {
  kExitOk = 0,
  kExitIo = 1,               // the connection failed or closed mid-session
  kExitUsage = 2,            // bad options or arguments
  kExitNoDevice = 3,         // the serial device cannot be opened
  kExitRefused = 4,          // TCP connection refused / host unknown
  kExitTimeout = 5,          // the loader never answered
  kExitCrc = 6,              // no intact exchange after the retries, or the image CRC never matched
  kExitNoFit = 7,            // the image does not fit the board (INFO) or the loader's limits
  kExitBadElf = 8,           // unreadable or malformed ELF
  kExitRefusedByLoader = 9,  // the loader answered with an error code (NAK)
  kExitConsole = 10,         // console: --until text did not appear in time
  kExitProtocol = 11,        // not our loader (INFO magic) or an incompatible version
};

struct Failure : std::runtime_error {
  Failure(int code, const std::string& what) : std::runtime_error(what), exit_code(code) {}
  int exit_code;
};

}  // namespace atsctl
