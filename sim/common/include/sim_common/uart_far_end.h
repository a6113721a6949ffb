// UartFarEnd: what sits on the other side of the simulated UART (docs/soc.md
// §3.4), seen byte by byte; and StdioUart, the default far end: bytes from
// the SoC go to stdout (and into a capture string for tests and --stats),
// bytes to the SoC come from a preset string (--uart-input).
//
// The simulator's UART bridge calls tx() for every byte the SoC transmits and
// rx() whenever the UART can take a byte (about once per cycle when idle), so
// rx() must be cheap when there is nothing to deliver. The TCP far end is in
// uart_tcp.h.
#pragma once
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace simc {

class UartFarEnd {
 public:
  virtual ~UartFarEnd() = default;
  // A byte the SoC sent.
  virtual void tx(uint8_t byte) = 0;
  // The next byte for the SoC, if there is one now.
  virtual bool rx(uint8_t& byte) = 0;
  // Pushes buffered output out (end of run, before printing a report).
  virtual void flush() {}

  uint64_t tx_bytes() const { return tx_bytes_; }  // bytes the SoC sent
  uint64_t rx_bytes() const { return rx_bytes_; }  // bytes delivered to the SoC

 protected:
  uint64_t tx_bytes_ = 0;
  uint64_t rx_bytes_ = 0;
};

class StdioUart : public UartFarEnd {
 public:
  // input: bytes for the SoC, in order. echo: where SoC output is printed
  // (nullptr: nowhere). Output is also captured, up to capture_limit bytes.
  explicit StdioUart(std::string input = "", std::FILE* echo = stdout,
                     size_t capture_limit = size_t(16) << 20);
  ~StdioUart() override;
  StdioUart(const StdioUart&) = delete;
  StdioUart& operator=(const StdioUart&) = delete;

  void tx(uint8_t byte) override;
  bool rx(uint8_t& byte) override;
  void flush() override;

  // Appends bytes for the SoC after the ones still pending.
  void add_input(std::string_view bytes);
  size_t input_pending() const { return input_.size() - input_pos_; }
  // Everything the SoC sent (up to capture_limit bytes).
  const std::string& output() const { return output_; }
  uint64_t capture_dropped() const { return capture_dropped_; }

 private:
  std::string input_;
  size_t input_pos_ = 0;
  std::FILE* echo_;
  size_t capture_limit_;
  std::string output_;
  uint64_t capture_dropped_ = 0;
};

}  // namespace simc
