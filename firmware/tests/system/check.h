// Checks for the system smoke programs: a failed check prints where and why
// ("FAIL <file>:<line>: ...") and ends the run with exit code 1.
#pragma once

#include "bsp/hart.h"
#include "bsp/print.h"
#include "bsp/simctrl.h"

#define CHECK(cond, ...)                                             \
  do {                                                               \
    if (!(cond)) {                                                   \
      bsp::printf("FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);    \
      bsp::printf(__VA_ARGS__);                                      \
      bsp::puts("");                                                 \
      bsp::simctrl::exit(bsp::simctrl::kExitFail);                   \
    }                                                                \
  } while (0)

namespace systest {

// A watchdog in mcycle terms: expired() once `cycles` have passed since construction.
class Deadline {
 public:
  explicit Deadline(uint64_t cycles) : end_(bsp::cycle64() + cycles) {}
  bool expired() const { return bsp::cycle64() >= end_; }

 private:
  uint64_t end_;
};

// Ends the run with kExitTimeout after printing what was being waited for.
[[noreturn]] inline void timeout(const char* what) {
  bsp::printf("FAIL timeout: %s\n", what);
  bsp::simctrl::exit(bsp::simctrl::kExitTimeout);
}

}  // namespace systest
