// StdioUart: see sim_common/uart_far_end.h.
#include "sim_common/uart_far_end.h"

namespace simc {

StdioUart::StdioUart(std::string input, std::FILE* echo, size_t capture_limit)
    : input_(std::move(input)), echo_(echo), capture_limit_(capture_limit) {}

StdioUart::~StdioUart() { flush(); }

void StdioUart::tx(uint8_t byte) {
  ++tx_bytes_;
  if (output_.size() < capture_limit_) {
    output_.push_back(char(byte));
  } else {
    ++capture_dropped_;
  }
  if (echo_) {
    std::fputc(byte, echo_);
    if (byte == '\n') std::fflush(echo_);  // line by line, so progress shows up
  }
}

bool StdioUart::rx(uint8_t& byte) {
  if (input_pos_ == input_.size()) return false;
  byte = uint8_t(input_[input_pos_++]);
  ++rx_bytes_;
  if (input_pos_ == input_.size()) {  // all delivered: drop the buffer
    input_.clear();
    input_pos_ = 0;
  }
  return true;
}

void StdioUart::add_input(std::string_view bytes) { input_.append(bytes); }

void StdioUart::flush() {
  if (echo_) std::fflush(echo_);
}

}  // namespace simc
