// Serial and TCP links over Boost.Asio (see link.h). Reads with a timeout run
// the io_context for at most that long and cancel the read if it is still
// pending, so no call can block forever.
#include "link.h"

#include <boost/asio.hpp>

#include "failure.h"

namespace atsctl {

namespace asio = boost::asio;

namespace {

template <class Stream>
class AsioLink final : public Link {
 public:
  AsioLink(std::unique_ptr<asio::io_context> io, Stream stream, std::string name)
      : io_(std::move(io)), stream_(std::move(stream)), name_(std::move(name)) {}

  void write(const uint8_t* data, size_t n) override {
    boost::system::error_code ec;
    asio::write(stream_, asio::buffer(data, n), ec);
    if (ec) throw Failure(kExitIo, name_ + ": write failed: " + ec.message());
    sent_ += n;
  }

  size_t read(uint8_t* buf, size_t n, std::chrono::milliseconds timeout) override {
    bool done = false;
    size_t got = 0;
    boost::system::error_code result;
    stream_.async_read_some(asio::buffer(buf, n),
                            [&](const boost::system::error_code& ec, size_t len) {
                              done = true;
                              result = ec;
                              got = len;
                            });
    io_->restart();
    io_->run_for(timeout);
    if (!done) {
      stream_.cancel();  // completes the handler with operation_aborted
      io_->restart();
      io_->run();
    }
    if (result && result != asio::error::operation_aborted) {
      if (result == asio::error::eof || result == asio::error::connection_reset) {
        throw Failure(kExitIo, name_ + ": connection closed by the other end");
      }
      throw Failure(kExitIo, name_ + ": read failed: " + result.message());
    }
    received_ += got;
    return got;
  }

  int native_fd() override { return int(stream_.native_handle()); }
  std::string name() const override { return name_; }

 private:
  std::unique_ptr<asio::io_context> io_;
  Stream stream_;
  std::string name_;
};

}  // namespace

std::unique_ptr<Link> open_serial(const std::string& device, unsigned baud) {
  auto io = std::make_unique<asio::io_context>();
  asio::serial_port port(*io);
  boost::system::error_code ec;
  port.open(device, ec);
  if (ec) {
    throw Failure(kExitNoDevice, "cannot open serial device " + device + ": " + ec.message() +
                                     " (is the board connected? see --port)");
  }
  using sp = asio::serial_port_base;
  port.set_option(sp::baud_rate(baud), ec);
  if (!ec) port.set_option(sp::character_size(8), ec);
  if (!ec) port.set_option(sp::parity(sp::parity::none), ec);
  if (!ec) port.set_option(sp::stop_bits(sp::stop_bits::one), ec);
  if (!ec) port.set_option(sp::flow_control(sp::flow_control::none), ec);
  if (ec) {
    throw Failure(kExitNoDevice, "cannot configure serial device " + device + " for " +
                                     std::to_string(baud) + " baud 8N1: " + ec.message());
  }
  return std::make_unique<AsioLink<asio::serial_port>>(std::move(io), std::move(port), device);
}

std::unique_ptr<Link> open_tcp(const std::string& host_port) {
  const size_t colon = host_port.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == host_port.size()) {
    throw Failure(kExitUsage, "--tcp wants HOST:PORT, not '" + host_port + "'");
  }
  const std::string host = host_port.substr(0, colon), port = host_port.substr(colon + 1);
  auto io = std::make_unique<asio::io_context>();
  asio::ip::tcp::resolver resolver(*io);
  boost::system::error_code ec;
  auto endpoints = resolver.resolve(host, port, ec);
  if (ec) throw Failure(kExitRefused, "cannot resolve " + host_port + ": " + ec.message());
  asio::ip::tcp::socket sock(*io);
  asio::connect(sock, endpoints, ec);
  if (ec) {
    throw Failure(kExitRefused, "cannot connect to " + host_port + ": " + ec.message() +
                                    " (is soc_sim --uart-tcp running there?)");
  }
  sock.set_option(asio::ip::tcp::no_delay(true), ec);
  return std::make_unique<AsioLink<asio::ip::tcp::socket>>(std::move(io), std::move(sock),
                                                           host_port);
}

}  // namespace atsctl
