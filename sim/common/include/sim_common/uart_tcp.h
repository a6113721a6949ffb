// TcpUart: the simulated UART's far end as a TCP server (--uart-tcp=PORT), so
// a terminal can talk to the firmware: `nc 127.0.0.1 PORT`, or for raw key
// presses `socat -,raw,echo=0 TCP:127.0.0.1:PORT` (telnet works but sends its
// option negotiation bytes to the firmware).
//
// Listens on 127.0.0.1 only, non-blocking, one client at a time (a second
// connection is told so and closed). Bytes from the client are handed to the
// SoC through rx(); bytes from the SoC go to the client, or are dropped and
// counted while no client is connected (or while the client stops reading and
// more than tx_buffer_limit bytes are pending). A client that shuts down its
// sending side (or closes) keeps the far end until it is gone for good or a
// new client connects, which then replaces it. To stay cheap, rx() touches the sockets only every
// poll_every calls and never while it still has received bytes to hand out; tx() sends at each
// newline, when its buffer fills, or at the next poll.
#pragma once
#include <cstdint>
#include <string>

#include "sim_common/uart_far_end.h"

namespace simc {

class TcpUart : public UartFarEnd {
 public:
  struct Options {
    uint16_t port = 0;  // 0: any free port (see port()), for tests
    uint32_t poll_every = 256;
    size_t tx_buffer_limit = size_t(1) << 20;
  };

  TcpUart() = default;
  ~TcpUart() override;
  TcpUart(const TcpUart&) = delete;
  TcpUart& operator=(const TcpUart&) = delete;

  // Opens the listening socket; false and error = "cannot listen on
  // 127.0.0.1:PORT: Address already in use" (or the like) on failure.
  bool listen(const Options& options, std::string& error);
  // Blocks until a client connects: true at once if one is connected, false
  // after timeout_ms (< 0: no limit) with error = "no client connected to
  // 127.0.0.1:PORT within N ms".
  bool wait_for_client(int timeout_ms, std::string& error);

  void tx(uint8_t byte) override;
  bool rx(uint8_t& byte) override;
  // Sends what is buffered now (non-blocking: what the socket takes).
  void flush() override;
  // Accepts, receives and sends now, whatever the poll counter says.
  void poll();

  uint16_t port() const { return port_; }
  bool connected() const { return client_ >= 0; }
  uint64_t tx_dropped() const { return tx_dropped_; }
  uint64_t clients_accepted() const { return clients_; }

 private:
  void accept_pending();
  void receive();
  void send_pending();
  void drop_client();

  Options options_;
  int listen_ = -1;
  int client_ = -1;
  bool client_eof_ = false;  // the client sent FIN; it may still read
  uint16_t port_ = 0;
  uint32_t calls_ = 0;
  std::string rx_buf_;
  size_t rx_pos_ = 0;
  std::string tx_buf_;
  uint64_t tx_dropped_ = 0;
  uint64_t clients_ = 0;
};

}  // namespace simc
