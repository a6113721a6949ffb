// UART far ends: the stdio one (preset input, echo, capture) and the TCP one
// over a real loopback connection (bytes both ways, dropping without a
// client, one client at a time, reconnecting, port in use, poll interval).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "sim_common/uart_far_end.h"
#include "sim_common/uart_tcp.h"
#include "test_util.h"

namespace {

using simc::StdioUart;
using simc::TcpUart;

// A blocking client socket connected to 127.0.0.1:port (-1 on failure).
int connect_client(uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

void send_all(int fd, const std::string& s) {
  ASSERT_EQ(::send(fd, s.data(), s.size(), MSG_NOSIGNAL), ssize_t(s.size()));
}

// Reads until n bytes, end of stream or timeout.
std::string recv_some(int fd, size_t n, int timeout_ms) {
  std::string out;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (out.size() < n && std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 10) <= 0) continue;
    char buf[256];
    const ssize_t got = ::recv(fd, buf, sizeof buf, 0);
    if (got <= 0) break;
    out.append(buf, size_t(got));
  }
  return out;
}

// Calls rx() until n bytes came or the timeout passed.
std::string rx_some(TcpUart& uart, size_t n, int timeout_ms) {
  std::string out;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (out.size() < n && std::chrono::steady_clock::now() < deadline) {
    uint8_t b = 0;
    for (int i = 0; i < 1000; ++i) {
      if (uart.rx(b)) out.push_back(char(b));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return out;
}

void tx_string(simc::UartFarEnd& uart, const std::string& s) {
  for (char c : s) uart.tx(uint8_t(c));
}

TEST(StdioUart, input_in_order_output_echoed_and_captured) {
  std::FILE* echo = std::tmpfile();
  ASSERT_NE(echo, nullptr);
  {
    StdioUart uart("ab", echo, 4);
    uint8_t b = 0;
    ASSERT_TRUE(uart.rx(b));
    EXPECT_EQ(b, 'a');
    ASSERT_TRUE(uart.rx(b));
    EXPECT_EQ(b, 'b');
    EXPECT_FALSE(uart.rx(b));
    uart.add_input("c");
    ASSERT_TRUE(uart.rx(b));
    EXPECT_EQ(b, 'c');
    EXPECT_EQ(uart.input_pending(), 0u);
    tx_string(uart, "hi\nthere");
    EXPECT_EQ(uart.output(), "hi\nt");
    EXPECT_EQ(uart.capture_dropped(), 4u);
    EXPECT_EQ(uart.tx_bytes(), 8u);
    EXPECT_EQ(uart.rx_bytes(), 3u);
  }  // flushes
  std::rewind(echo);
  char buf[32] = {};
  EXPECT_EQ(std::fread(buf, 1, sizeof buf, echo), 8u);
  EXPECT_EQ(std::string(buf), "hi\nthere");
  std::fclose(echo);
}

TEST(TcpUart, loopback_exchanges_bytes_both_ways) {
  TcpUart uart;
  TcpUart::Options o;
  o.poll_every = 16;
  std::string err;
  ASSERT_TRUE(uart.listen(o, err)) << err;
  ASSERT_NE(uart.port(), 0);
  const int c = connect_client(uart.port());
  ASSERT_GE(c, 0);
  ASSERT_TRUE(uart.wait_for_client(2000, err)) << err;
  EXPECT_TRUE(uart.connected());
  send_all(c, "hello");
  EXPECT_EQ(rx_some(uart, 5, 2000), "hello");
  tx_string(uart, "world\n");  // a newline sends at once
  EXPECT_EQ(recv_some(c, 6, 2000), "world\n");
  tx_string(uart, "xy");
  uart.flush();
  EXPECT_EQ(recv_some(c, 2, 2000), "xy");
  EXPECT_EQ(uart.tx_bytes(), 8u);
  EXPECT_EQ(uart.rx_bytes(), 5u);
  EXPECT_EQ(uart.tx_dropped(), 0u);
  ::close(c);
}

TEST(TcpUart, output_without_client_is_dropped_and_counted) {
  TcpUart uart;
  std::string err;
  ASSERT_TRUE(uart.listen({}, err)) << err;
  tx_string(uart, "abc");
  EXPECT_EQ(uart.tx_dropped(), 3u);
  uint8_t b = 0;
  for (int i = 0; i < 1000; ++i) EXPECT_FALSE(uart.rx(b));
}

TEST(TcpUart, second_client_is_turned_away_and_a_new_one_replaces_a_gone_one) {
  TcpUart uart;
  std::string err;
  ASSERT_TRUE(uart.listen({}, err)) << err;
  const int first = connect_client(uart.port());
  ASSERT_TRUE(uart.wait_for_client(2000, err)) << err;
  const int second = connect_client(uart.port());
  ASSERT_GE(second, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  uart.poll();
  EXPECT_CONTAINS(recv_some(second, 200, 2000), "simulated UART already has a client");
  ::close(second);
  EXPECT_EQ(uart.clients_accepted(), 1u);
  // The first client leaves; the next one gets the UART.
  ::close(first);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  uart.poll();
  const int third = connect_client(uart.port());
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  uart.poll();
  EXPECT_EQ(uart.clients_accepted(), 2u);
  send_all(third, "k");
  EXPECT_EQ(rx_some(uart, 1, 2000), "k");
  tx_string(uart, "ok\n");
  EXPECT_EQ(recv_some(third, 3, 2000), "ok\n");
  ::close(third);
}

TEST(TcpUart, port_in_use_is_a_clear_error) {
  TcpUart a;
  std::string err;
  ASSERT_TRUE(a.listen({}, err)) << err;
  TcpUart b;
  TcpUart::Options o;
  o.port = a.port();
  EXPECT_FALSE(b.listen(o, err));
  EXPECT_EQ(err, "cannot listen on 127.0.0.1:" + std::to_string(a.port()) +
                     ": Address already in use (another simulator or program has the port)");
}

TEST(TcpUart, waiting_for_a_client_times_out) {
  TcpUart uart;
  std::string err;
  ASSERT_TRUE(uart.listen({}, err)) << err;
  EXPECT_FALSE(uart.wait_for_client(50, err));
  EXPECT_EQ(err,
            "no client connected to 127.0.0.1:" + std::to_string(uart.port()) + " within 50 ms");
}

TEST(TcpUart, sockets_are_polled_only_every_n_calls) {
  TcpUart uart;
  TcpUart::Options o;
  o.poll_every = 1000;
  std::string err;
  ASSERT_TRUE(uart.listen(o, err)) << err;
  const int c = connect_client(uart.port());
  ASSERT_TRUE(uart.wait_for_client(2000, err)) << err;
  send_all(c, "z");
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // in the socket by now
  uint8_t b = 0;
  for (int i = 1; i < 1000; ++i) ASSERT_FALSE(uart.rx(b)) << "polled early, call " << i;
  ASSERT_TRUE(uart.rx(b));
  EXPECT_EQ(b, 'z');
  ::close(c);
}

}  // namespace
