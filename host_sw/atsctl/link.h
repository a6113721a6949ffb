// The byte pipe to the loader: a serial port or a TCP connection (the
// simulator's soc_sim --uart-tcp), with reads that time out. Counts bytes.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace atsctl {

class Link {
 public:
  virtual ~Link() = default;
  // Writes all bytes (Failure kExitIo on error).
  virtual void write(const uint8_t* data, size_t n) = 0;
  void write(const std::vector<uint8_t>& v) { write(v.data(), v.size()); }
  // Waits up to `timeout` for some bytes; returns how many were read (0 on
  // timeout). Failure kExitIo when the peer closed the connection or on error.
  virtual size_t read(uint8_t* buf, size_t n, std::chrono::milliseconds timeout) = 0;
  // A file descriptor to poll() for readability (console).
  virtual int native_fd() = 0;
  virtual std::string name() const = 0;
  uint64_t bytes_sent() const { return sent_; }
  uint64_t bytes_received() const { return received_; }

 protected:
  uint64_t sent_ = 0, received_ = 0;
};

// "/dev/ttyUSB1" at `baud`, 8N1, no flow control. Failure kExitNoDevice.
std::unique_ptr<Link> open_serial(const std::string& device, unsigned baud);
// "host:port". Failure kExitRefused (refused, unknown host) or kExitUsage (malformed).
std::unique_ptr<Link> open_tcp(const std::string& host_port);

}  // namespace atsctl
