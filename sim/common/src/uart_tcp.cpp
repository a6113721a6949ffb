// TcpUart: see sim_common/uart_tcp.h. POSIX sockets, non-blocking throughout.
#include "sim_common/uart_tcp.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace simc {
namespace {

constexpr size_t kRxChunk = 4096;
constexpr size_t kRxBufferLimit = size_t(64) << 10;  // stop reading while the SoC lags this far
constexpr size_t kTxSendAt = 256;                    // send once this much is buffered

std::string endpoint(uint16_t port) { return "127.0.0.1:" + std::to_string(port); }

}  // namespace

TcpUart::~TcpUart() {
  if (client_ >= 0) {
    send_pending();
    ::close(client_);
  }
  if (listen_ >= 0) ::close(listen_);
}

bool TcpUart::listen(const Options& options, std::string& error) {
  options_ = options;
  if (options_.poll_every == 0) options_.poll_every = 1;
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    error = std::string("cannot create a TCP socket: ") + std::strerror(errno);
    return false;
  }
  const int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);  // restart after a run at once
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(options_.port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd, 1) != 0) {
    const int e = errno;
    ::close(fd);
    error = "cannot listen on " + endpoint(options_.port) + ": " + std::strerror(e);
    if (e == EADDRINUSE) error += " (another simulator or program has the port)";
    return false;
  }
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  listen_ = fd;
  return true;
}

bool TcpUart::wait_for_client(int timeout_ms, std::string& error) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms < 0 ? 0 : timeout_ms);
  while (client_ < 0 && listen_ >= 0) {
    int wait = -1;
    if (timeout_ms >= 0) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) break;
      wait = int(left);
    }
    pollfd p{listen_, POLLIN, 0};
    const int n = ::poll(&p, 1, wait);
    if (n < 0 && errno != EINTR) break;
    if (n > 0) accept_pending();
  }
  if (client_ >= 0) return true;
  error = listen_ < 0 ? "the UART TCP server is not listening"
                      : "no client connected to " + endpoint(port_) + " within " +
                            std::to_string(timeout_ms) + " ms";
  return false;
}

void TcpUart::accept_pending() {
  if (listen_ < 0) return;
  for (;;) {
    const int fd = ::accept4(listen_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) return;  // EAGAIN: nobody waiting (or a transient error: try next poll)
    if (client_ >= 0 && client_eof_) drop_client();  // the old one hung up: take the new one
    if (client_ >= 0) {
      static constexpr char kBusy[] = "simulated UART already has a client\r\n";
      (void)!::send(fd, kBusy, sizeof kBusy - 1, MSG_NOSIGNAL | MSG_DONTWAIT);
      ::close(fd);
      continue;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    client_ = fd;
    ++clients_;
  }
}

void TcpUart::drop_client() {
  if (client_ < 0) return;
  ::close(client_);
  client_ = -1;
  client_eof_ = false;
  tx_dropped_ += tx_buf_.size();
  tx_buf_.clear();
}

void TcpUart::receive() {
  if (rx_pos_ == rx_buf_.size()) {
    rx_buf_.clear();
    rx_pos_ = 0;
  }
  while (client_ >= 0 && !client_eof_ && rx_buf_.size() - rx_pos_ < kRxBufferLimit) {
    char chunk[kRxChunk];
    const ssize_t n = ::recv(client_, chunk, sizeof chunk, MSG_DONTWAIT);
    if (n > 0) {
      rx_buf_.append(chunk, size_t(n));
      continue;
    }
    if (n == 0) {  // the client shut down its sending side: keep sending to it
      client_eof_ = true;
      return;
    }
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return;
    drop_client();  // reset
  }
}

void TcpUart::send_pending() {
  while (client_ >= 0 && !tx_buf_.empty()) {
    const ssize_t n = ::send(client_, tx_buf_.data(), tx_buf_.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      tx_buf_.erase(0, size_t(n));
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
    drop_client();
  }
}

void TcpUart::poll() {
  receive();  // first, so a client that hung up is noticed before a new one is accepted
  accept_pending();
  send_pending();
}

void TcpUart::tx(uint8_t byte) {
  ++tx_bytes_;
  if (client_ < 0 || tx_buf_.size() >= options_.tx_buffer_limit) {
    ++tx_dropped_;
    return;
  }
  tx_buf_.push_back(char(byte));
  if (byte == '\n' || tx_buf_.size() >= kTxSendAt) send_pending();
}

bool TcpUart::rx(uint8_t& byte) {
  if (rx_pos_ == rx_buf_.size()) {
    if (++calls_ < options_.poll_every) return false;
    calls_ = 0;
    poll();
    if (rx_pos_ == rx_buf_.size()) return false;
  }
  byte = uint8_t(rx_buf_[rx_pos_++]);
  ++rx_bytes_;
  return true;
}

void TcpUart::flush() { send_pending(); }

}  // namespace simc
