// atsctl: talks to the ATS-INTC SoC's boot ROM loader over a serial port or
// the simulator's UART socket (docs/atsctl.md): loads and starts programs,
// reads the ATS-INTC's counters, and is a small terminal.
//
//   atsctl [--port DEV --baud N | --tcp HOST:PORT] COMMAND ...
//     info | load FILE.elf [--run] [--console] | run [--entry A] [--console]
//     boot FILE.elf | console [--until S] [--timeout S] | stats | read ADDR [--count N]
//
// Exit status: failure.h ExitCode (one line on stderr for every failure).
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "ats_intc_regs.h"
#include "client.h"
#include "failure.h"
#include "image.h"
#include "link.h"
#include "rv_iss/hex.h"

using rv::hex32;

namespace po = boost::program_options;
namespace lp = loader_proto;
using namespace atsctl;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
  std::string port = "/dev/ttyUSB1", tcp, command, until, entry_text = "0x80000000";
  std::vector<std::string> args;
  unsigned baud = 115200, retries = 8, reply_timeout_ms = 2000, image_retries = 2;
  double console_timeout = 0;
  uint32_t count = 1;
  bool run = false, console = false, quiet = false;
};


uint32_t parse_u32(const std::string& text, const char* what) {
  try {
    size_t used = 0;
    const unsigned long long v = std::stoull(text, &used, 0);
    if (used == text.size() && v <= 0xFFFFFFFFull) return uint32_t(v);
  } catch (const std::exception&) {
  }
  throw Failure(kExitUsage, std::string(what) +
                                " must be a 32-bit number (decimal or 0x...), not '" + text + "'");
}

std::chrono::milliseconds client_timeout(const Options& o) {
  return std::chrono::milliseconds(o.reply_timeout_ms);
}

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// ---------------------------------------------------------------------------
// load / run

void load(LoaderClient& client, const LoadImage& image, const Options& opt) {
  const auto t0 = Clock::now();
  const uint64_t sent0 = client.link().bytes_sent(), recv0 = client.link().bytes_received();
  const uint64_t retries0 = client.retries();
  const LoaderInfo info = client.info();
  check_fits(image, info);

  std::vector<uint8_t> ranges;
  uint32_t n_ranges = 0;
  for (const auto& r : image.ranges) {
    if (r.bytes.empty()) continue;
    put_le32(ranges, r.addr);
    put_le32(ranges, uint32_t(r.bytes.size()));
    ++n_ranges;
  }
  const uint64_t total = image.bytes();
  const uint32_t crc = image.crc();
  uint32_t chunks = 0, loader_crc = 0, turn_cycles = 0;
  for (unsigned attempt = 0;; ++attempt) {
    Frame f = client.transact(lp::kCmdBegin, 0, ranges);
    if (f.status != lp::kOk) refused(f, "BEGIN");
    uint64_t done = 0;
    unsigned shown = 0;
    for (const auto& r : image.ranges) {
      for (size_t off = 0; off < r.bytes.size();) {
        const size_t n = std::min<size_t>(info.max_payload, r.bytes.size() - off);
        const std::vector<uint8_t> chunk(r.bytes.begin() + off, r.bytes.begin() + off + n);
        f = client.transact(lp::kCmdWrite, r.addr + uint32_t(off), chunk);
        if (f.status != lp::kOk) refused(f, ("WRITE at " + hex32(r.addr + uint32_t(off))).c_str());
        off += n;
        done += n;
        ++chunks;
        if (!opt.quiet && done * 10 / total > shown) {
          shown = unsigned(done * 10 / total);
          std::fprintf(stderr, "atsctl: load: %3u%% (%llu of %llu bytes)\n", shown * 10,
                       (unsigned long long)done, (unsigned long long)total);
        }
      }
    }
    // The loader reads back every byte: ~30 cycles each, far more in a simulator.
    std::vector<uint8_t> expect;
    put_le32(expect, crc);
    const auto verify_timeout = std::chrono::milliseconds(opt.reply_timeout_ms + total / 8);
    f = client.transact(lp::kCmdVerify, 0, expect, verify_timeout);
    if (f.status == lp::kOk) {
      if (f.payload.size() >= 8) turn_cycles = get_le32(f.payload.data() + 4) - info.turn_cycles;
      break;
    }
    if (f.status != lp::kErrImageCrc) refused(f, "VERIFY");
    loader_crc = f.payload.size() >= 4 ? get_le32(f.payload.data()) : 0;
    if (attempt + 1 > opt.image_retries) {
      throw Failure(kExitCrc, "load: " + image.path + ": image CRC mismatch after " +
                                  std::to_string(attempt + 1) + " loads (loader " +
                                  hex32(loader_crc) + ", image " + hex32(crc) +
                                  "): the link corrupts data the frame CRC cannot see; not run");
    }
    if (!opt.quiet) {
      std::fprintf(stderr, "atsctl: load: VERIFY: RAM holds CRC %s, the image %s; loading again\n",
                   hex32(loader_crc).c_str(), hex32(crc).c_str());
    }
  }
  if (!opt.quiet) {
    std::fprintf(stderr,
                 "atsctl: load: %s: %llu bytes in %u range(s), %u chunks, CRC %s verified; "
                 "sent %llu bytes, received %llu bytes, %llu retries, %.2f s; loader "
                 "turnaround %u cycles\n",
                 image.path.c_str(), (unsigned long long)total, n_ranges, chunks,
                 hex32(crc).c_str(), (unsigned long long)(client.link().bytes_sent() - sent0),
                 (unsigned long long)(client.link().bytes_received() - recv0),
                 (unsigned long long)(client.retries() - retries0), seconds_since(t0), turn_cycles);
  }
}

void run(LoaderClient& client, uint32_t entry, const Options& opt) {
  if (client.run(entry, client_timeout(opt)) == LoaderClient::RunOutcome::kNoAnswer && !opt.quiet) {
    std::fprintf(stderr,
                 "atsctl: run: RUN's answer was lost and the loader no longer "
                 "answers: the program is running\n");
  }
  if (!opt.quiet) {
    std::fprintf(stderr,
                 "atsctl: run: started at %s (session: sent %llu bytes, received %llu bytes)\n",
                 hex32(entry).c_str(), (unsigned long long)client.link().bytes_sent(),
                 (unsigned long long)client.link().bytes_received());
  }
}

// ---------------------------------------------------------------------------
// console

class RawTerminal {
 public:
  RawTerminal() {
    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios raw = saved_;
    cfmakeraw(&raw);
    raw.c_oflag |= OPOST;  // keep \n -> \r\n on our own output
    active_ = tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;
  }
  ~RawTerminal() {
    if (active_) tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
  }
  bool active() const { return active_; }

 private:
  termios saved_{};
  bool active_ = false;
};

// `early`: the program's first bytes, which arrived together with RUN's
// acknowledgement (LoaderClient::take_after_reply).
void console(Link& link, const Options& opt, const std::vector<uint8_t>& early) {
  constexpr uint8_t kCtrlRightBracket = 0x1D;
  RawTerminal term;
  if (!opt.quiet && term.active()) std::fprintf(stderr, "atsctl: console (Ctrl-] quits)\r\n");
  const auto t0 = Clock::now();
  bool stdin_open = true;
  std::string tail;  // the last bytes, to find --until across reads
  if (!early.empty()) {
    if (std::fwrite(early.data(), 1, early.size(), stdout) != early.size())
      throw Failure(kExitIo, "console: stdout write failed");
    std::fflush(stdout);
    tail.assign(early.begin(), early.end());
    if (!opt.until.empty() && tail.find(opt.until) != std::string::npos) return;
    if (tail.size() > opt.until.size()) tail.erase(0, tail.size() - opt.until.size());
  }
  for (;;) {
    if (opt.console_timeout > 0 && seconds_since(t0) >= opt.console_timeout) {
      if (!opt.until.empty()) {
        throw Failure(kExitConsole, "console: '" + opt.until + "' did not appear within " +
                                        std::to_string(int(opt.console_timeout)) + " s");
      }
      return;
    }
    pollfd fds[2] = {{link.native_fd(), POLLIN, 0}, {STDIN_FILENO, POLLIN, 0}};
    const int nfds = stdin_open ? 2 : 1;
    if (::poll(fds, nfds, 50) < 0) continue;
    if (fds[0].revents != 0) {
      uint8_t buf[4096];
      size_t n = 0;
      try {
        n = link.read(buf, sizeof buf, std::chrono::milliseconds(1));
      } catch (const Failure&) {
        if (!opt.until.empty()) {
          throw Failure(kExitConsole,
                        "console: " + link.name() + " closed before '" + opt.until + "' appeared");
        }
        return;  // the simulator ended with the program
      }
      if (std::fwrite(buf, 1, n, stdout) != n)
        throw Failure(kExitIo, "console: stdout write failed");
      std::fflush(stdout);
      if (!opt.until.empty()) {
        tail.append(reinterpret_cast<const char*>(buf), n);
        if (tail.find(opt.until) != std::string::npos) return;
        if (tail.size() > opt.until.size()) tail.erase(0, tail.size() - opt.until.size());
      }
    }
    if (stdin_open && (fds[1].revents & (POLLIN | POLLHUP)) != 0) {
      uint8_t buf[256];
      const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
      if (n <= 0) {
        stdin_open = false;
        if (opt.until.empty()) return;  // EOF ends the session unless we wait for a text
        continue;
      }
      for (ssize_t i = 0; i < n; ++i) {
        if (term.active() && buf[i] == kCtrlRightBracket) return;
      }
      link.write(buf, size_t(n));
    }
  }
}

// ---------------------------------------------------------------------------
// stats

void stats(LoaderClient& client) {
  namespace k = ats_intc::kernel;
  const LoaderInfo info = client.info();
  const uint32_t base = lp::kIntcBase;
  // Two blocks of readable registers (ITER_CTRL at 0x020 is write-only).
  const auto a = client.read_words(base + k::kId, k::kBest + 4 - k::kId, info.max_payload);
  const auto c =
      client.read_words(base + k::kCntEnq, k::kMaxOcc + 4 - k::kCntEnq, info.max_payload);
  auto reg = [&](uint32_t off) { return a[(off - k::kId) / 4]; };
  auto cnt = [&](uint32_t off) { return c[(off - k::kCntEnq) / 4]; };
  auto field = [](uint32_t v, uint32_t mask, uint32_t shift) { return (v & mask) >> shift; };
  const uint32_t id = reg(k::kId), ver = reg(k::kVersion), cfg0 = reg(k::kCfg0),
                 cfg1 = reg(k::kCfg1);
  std::printf("ATS-INTC at %s%s\n", hex32(base).c_str(),
              id == ats_intc::kIpId ? "" : "  (ID is not 'ATSC': no controller answers here?)");
  std::printf("  %-12s %s\n", "ID", hex32(id).c_str());
  std::printf("  %-12s %u.%u\n", "VERSION", ver >> 16, ver & 0xFFFF);
  std::printf("  %-12s NUM_PROCS=%u NUM_PRIOS=%u NUM_HARTS=%u COUNTERS=%u\n", "CFG0",
              field(cfg0, k::kCfg0NumProcsMask, k::kCfg0NumProcsShift),
              field(cfg0, k::kCfg0NumPriosMask, k::kCfg0NumPriosShift),
              field(cfg0, k::kCfg0NumHartsMask, k::kCfg0NumHartsShift),
              field(cfg0, k::kCfg0CountersMask, k::kCfg0CountersShift));
  std::printf("  %-12s NUM_ENTRIES=%u NUM_IRQS=%u NUM_CHANNELS=%u\n", "CFG1",
              field(cfg1, k::kCfg1NumEntriesMask, k::kCfg1NumEntriesShift),
              field(cfg1, k::kCfg1NumIrqsMask, k::kCfg1NumIrqsShift),
              field(cfg1, k::kCfg1NumChannelsMask, k::kCfg1NumChannelsShift));
  const struct {
    const char* name;
    uint32_t value;
  } rows[] = {{"GLOBAL_ERR", reg(k::kGlobalErr)},
              {"CTRL", reg(k::kCtrl)},
              {"FREE", reg(k::kFree)},
              {"BEST", reg(k::kBest)},
              {"CNT_ENQ", cnt(k::kCntEnq)},
              {"CNT_DEQ", cnt(k::kCntDeq)},
              {"CNT_WAKE", cnt(k::kCntWake)},
              {"CNT_OVF", cnt(k::kCntOvf)},
              {"CNT_ERR", cnt(k::kCntErr)},
              {"MAX_OCC", cnt(k::kMaxOcc)}};
  for (const auto& r : rows)
    std::printf("  %-12s %u (%s)\n", r.name, r.value, hex32(r.value).c_str());
}

// ---------------------------------------------------------------------------
// command line

Options parse(int argc, char** argv, bool& help) {
  Options o;
  po::options_description desc(
      "atsctl [--port DEV [--baud N] | --tcp HOST:PORT] COMMAND [ARGS] [OPTIONS]\n"
      "Commands:\n"
      "  info                 the loader's version, RAM, clock\n"
      "  load FILE.elf        load, check (CRC) and keep the program; --run starts it\n"
      "  run                  start the loaded and verified program at --entry\n"
      "  boot FILE.elf        load --run --console\n"
      "  console              stdin to the UART, the UART to stdout (Ctrl-] or EOF ends)\n"
      "  stats                the ATS-INTC's id, configuration and counters (via READ)\n"
      "  read ADDR            words from ADDR (--count N)\n"
      "Exit status: 0 ok, 1 I/O, 2 usage, 3 no device, 4 connection refused, 5 timeout,\n"
      "6 CRC failures, 7 image does not fit, 8 bad ELF, 9 refused by the loader,\n"
      "10 console --until not seen, 11 not a compatible loader (docs/atsctl.md).\n\nOptions");
  desc.add_options()("help,h", "print this help")("port", po::value<std::string>(&o.port),
                                                  "serial device (default /dev/ttyUSB1)")(
      "baud", po::value<unsigned>(&o.baud)->default_value(o.baud), "serial baud rate")(
      "tcp", po::value<std::string>(&o.tcp),
      "HOST:PORT of soc_sim --uart-tcp instead of a serial port")(
      "retries", po::value<unsigned>(&o.retries)->default_value(o.retries),
      "repeats of a request whose answer is lost or damaged")(
      "reply-timeout", po::value<unsigned>(&o.reply_timeout_ms)->default_value(o.reply_timeout_ms),
      "milliseconds to wait for each answer")(
      "image-retries", po::value<unsigned>(&o.image_retries)->default_value(o.image_retries),
      "load: whole-image reloads after a VERIFY mismatch")(
      "run", po::bool_switch(&o.run), "load: start the program after it verified")(
      "console", po::bool_switch(&o.console), "load --run, run: stay as a console afterwards")(
      "entry", po::value<std::string>(&o.entry_text), "run: entry point (default 0x80000000)")(
      "until", po::value<std::string>(&o.until), "console: stop once this text has arrived")(
      "timeout", po::value<double>(&o.console_timeout),
      "console: stop after this many seconds (an error if --until did not appear)")(
      "count", po::value<uint32_t>(&o.count), "read: number of words (default 1)")(
      "quiet,q", po::bool_switch(&o.quiet), "no progress or summary lines");
  po::options_description hidden;
  hidden.add_options()("command", po::value<std::string>(&o.command))(
      "args", po::value<std::vector<std::string>>(&o.args));
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description pos;
  pos.add("command", 1).add("args", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw Failure(kExitUsage, std::string(e.what()) + " (see --help)");
  }
  help = vm.count("help") != 0;
  if (help) {
    std::cout << desc << "\n";
    return o;
  }
  const std::string& c = o.command;
  if (c.empty()) throw Failure(kExitUsage, "no command given (see --help)");
  static const char* const known[] = {"info", "load", "run", "boot", "console", "stats", "read"};
  if (std::find(std::begin(known), std::end(known), c) == std::end(known)) {
    throw Failure(kExitUsage, "unknown command '" + c + "' (see --help)");
  }
  if (vm.count("port") && vm.count("tcp")) {
    throw Failure(kExitUsage, "--port and --tcp exclude each other");
  }
  const size_t want_args = (c == "load" || c == "boot" || c == "read") ? 1 : 0;
  if (o.args.size() != want_args) {
    throw Failure(kExitUsage,
                  c + " takes " +
                      (want_args ? std::string(c == "read" ? "an address" : "an ELF file")
                                 : std::string("no arguments")) +
                      (o.args.size() > want_args ? ", got '" + o.args.back() + "'" : ""));
  }
  auto only = [&](const char* opt, bool ok, const char* where) {
    if (vm.count(opt) && !vm[opt].defaulted() && ok == false) {
      throw Failure(kExitUsage, std::string("--") + opt + " only applies to " + where);
    }
  };
  only("run", !o.run || c == "load", "load");
  only("console", !o.console || c == "load" || c == "run", "load --run and run");
  only("entry", c == "run", "run");
  only("image-retries", c == "load" || c == "boot", "load and boot");
  only("count", c == "read", "read");
  const bool consoles = c == "console" || c == "boot" || o.console;
  only("until", consoles, "console, boot and --console");
  only("timeout", consoles, "console, boot and --console");
  if (o.console && c == "load" && !o.run) throw Failure(kExitUsage, "load --console needs --run");
  if (c == "boot") o.run = o.console = true;
  if (o.baud == 0) throw Failure(kExitUsage, "--baud must be > 0");
  if (o.reply_timeout_ms == 0) throw Failure(kExitUsage, "--reply-timeout must be > 0");
  if (vm.count("timeout") && o.console_timeout <= 0)
    throw Failure(kExitUsage, "--timeout must be > 0");
  if (c == "read" && (o.count == 0 || o.count > 1u << 16)) {
    throw Failure(kExitUsage, "--count must be 1..65536 words");
  }
  return o;
}

int run_command(const Options& opt) {
  // Everything that can be checked without the board is checked first.
  LoadImage image;
  if (opt.command == "load" || opt.command == "boot") image = read_load_image(opt.args[0]);
  const uint32_t entry = opt.command == "run" ? parse_u32(opt.entry_text, "--entry") : image.entry;
  const uint32_t read_addr = opt.command == "read" ? parse_u32(opt.args[0], "read ADDR") : 0;

  std::unique_ptr<Link> link =
      opt.tcp.empty() ? open_serial(opt.port, opt.baud) : open_tcp(opt.tcp);
  LoaderClient client(*link,
                      ClientOptions{opt.retries, std::chrono::milliseconds(opt.reply_timeout_ms)});
  const std::string& c = opt.command;
  if (c == "info") {
    const LoaderInfo in = client.info();
    std::printf(
        "loader %u.%u: RAM %s..%s (%u KiB), loader area from %s, clock %u Hz, "
        "%u-byte frames, %u ranges, turnaround %u cycles so far\n",
        in.version >> 16, in.version & 0xFFFF, hex32(in.ram_base).c_str(),
        hex32(in.ram_base + in.ram_bytes - 1).c_str(), in.ram_bytes / 1024,
        hex32(in.loader_base).c_str(), in.clk_hz, in.max_payload, in.max_ranges, in.turn_cycles);
  } else if (c == "load" || c == "boot") {
    load(client, image, opt);
    if (opt.run) run(client, entry, opt);
  } else if (c == "run") {
    run(client, entry, opt);
  } else if (c == "stats") {
    stats(client);
  } else if (c == "read") {
    const LoaderInfo in = client.info();
    if (uint64_t(read_addr) + uint64_t(opt.count) * 4 > (1ull << 32)) {
      throw Failure(kExitUsage, "read: " + hex32(read_addr) + " + " + std::to_string(opt.count) +
                                    " words wraps past the end of the address space");
    }
    const auto words = client.read_words(read_addr, opt.count * 4, in.max_payload);
    for (uint32_t i = 0; i < words.size(); ++i) {
      std::printf("%s: %s\n", hex32(read_addr + 4 * i).c_str(), hex32(words[i]).c_str());
    }
  }
  if (c == "console" || opt.console) console(*link, opt, client.take_after_reply());
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    bool help = false;
    const Options opt = parse(argc, argv, help);
    if (help) return kExitOk;
    return run_command(opt);
  } catch (const Failure& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "atsctl: %s\n", e.what());
    return e.exit_code;
  }
}
