// Shared pieces of the runtime's host tests: a fixture that gives each test a
// fresh runtime, a step log, an RAII probe and an awaitable that reports the
// running frame's control block.
#pragma once

#include <gtest/gtest.h>

#include <coroutine>
#include <string>
#include <string_view>

#include "rt/awaitables.h"
#include "rt/executor.h"
#include "rt/frame_pool.h"
#include "rt/host.h"
#include "rt/task.h"
#include "rt/tcb.h"

namespace rt_test {

// Each test starts with empty queues, no sleepers, a fresh frame pool, the
// clock at 0 and 8 priority levels.
class RtTest : public ::testing::Test {
 protected:
  void SetUp() override { rt::host::reset(); }
  static uint32_t in_use() { return rt::frame_pool().stats().in_use_bytes; }
};

// What the tasks did, in order: one token per step ("a1 b1 a2 ...").
class Log {
 public:
  void add(std::string_view step) {
    if (!text_.empty()) text_ += ' ';
    text_ += step;
  }
  // A numbered step: add("a", 2) logs "a2".
  void add(std::string_view step, int n) {
    add(step);
    text_ += std::to_string(n);
  }
  const std::string& str() const { return text_; }

 private:
  std::string text_;
};

// Counts its destruction: a local of a coroutine body whose destructor must run.
class Probe {
 public:
  explicit Probe(int* destroyed) : destroyed_(destroyed) {}
  Probe(const Probe&) = delete;
  Probe& operator=(const Probe&) = delete;
  ~Probe() { ++*destroyed_; }

 private:
  int* destroyed_;
};

// co_await current_tcb(): the control block of the frame that awaits (no suspension).
struct CurrentTcb {
  rt::Tcb* tcb = nullptr;
  bool await_ready() const noexcept { return false; }
  bool await_suspend(std::coroutine_handle<> h) noexcept {
    tcb = rt::tcb_of_frame(h.address());
    return false;  // carry on at once
  }
  rt::Tcb* await_resume() const noexcept { return tcb; }
};
inline CurrentTcb current_tcb() { return {}; }

// Waits for one event on `source`; counts the steps it made.
inline rt::Task<void> wait_once(uint32_t source, Log* log, std::string name) {
  log->add(name + ">");
  co_await rt::wait_event(source);
  log->add(name + "<");
}

}  // namespace rt_test
