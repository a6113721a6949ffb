// soc_sim: the ATS-INTC SoC co-simulator (docs/simulator.md). Loads a RISC-V
// ELF into the simulated RAM, runs the SoC until the program exits (sim
// control EXIT or tohost) or a limit stops it, and reports what happened.
//
// Exit status: 0 the program passed; 1 it failed (non-zero exit code);
// 2 bad input (option, ELF); 3 --max-cycles reached; 4 --max-wall reached.
#include <systemc.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "rv_iss/elf_loader.h"
#include "rv_iss/rt_marks.h"
#include "sim_common/event_log.h"
#include "sim_common/json_writer.h"
#include "sim_common/mark_table.h"
#include "sim_common/option_parsing.h"
#include "sim_common/packet_source.h"
#include "sim_common/reply_tracker.h"
#include "sim_common/traffic_config.h"
#include "sim_common/uart_far_end.h"
#include "sim_common/uart_tcp.h"
#include "rom_image.h"
#include "soc_harness.h"

namespace po = boost::program_options;

namespace {

constexpr int kExitFail = 1, kExitBadInput = 2, kExitMaxCycles = 3, kExitWall = 4;

int bad_input(const std::string& msg) {
  std::fprintf(stderr, "soc_sim: %s\n", msg.c_str());
  return kExitBadInput;
}

const char* stop_name(socsim::StopReason r) {
  switch (r) {
    case socsim::StopReason::kExit: return "exit";
    case socsim::StopReason::kToHost: return "tohost";
    case socsim::StopReason::kMaxCycles: return "max_cycles";
    case socsim::StopReason::kWallClock: return "max_wall";
    default: return "none";
  }
}

// Names of the controller's irq_i lines in the SoC (docs/soc.md §1).
const char* irq_name(unsigned i) {
  static const char* const names[] = {"uart", "pkt_rx", "pkt_tx", "timer0", "timer1", "timer2",
                                      "timer3"};
  return i < 7 ? names[i] : nullptr;
}

struct RunInfo {
  std::string elf, intc, cpu;
  unsigned harts;
  uint64_t seed;
};

void write_stats(simc::JsonWriter& w, const RunInfo& info, const socsim::SocHarness& soc,
                 const simc::PacketSource* pkt, const simc::ReplyTracker* replies,
                 const simc::UartFarEnd& uart, const simc::MarkTable& marks) {
  const auto& st = soc.stats();
  w.begin_object();
  w.field("program", info.elf).field("harts", info.harts).field("intc", info.intc);
  w.field("cpu", info.cpu).field("seed", (unsigned long long)info.seed);
  w.field("stop", stop_name(soc.stop_reason())).field("exit_code", soc.exit_code());
  w.field("cycles", (unsigned long long)st.cycles).field("wall_seconds", st.wall_seconds);
  w.field("sim_mhz", st.wall_seconds > 0 ? double(st.cycles) / st.wall_seconds / 1e6 : 0.0);
  w.key("instructions").begin_array(true);
  for (unsigned h = 0; h < info.harts; ++h) w.value((unsigned long long)st.instret[h]);
  w.end_array();
  w.key("sleep_cycles").begin_array(true);
  for (unsigned h = 0; h < info.harts; ++h) w.value((unsigned long long)st.sleep_cycles[h]);
  w.end_array();
  w.key("irq_edges").begin_object();
  for (unsigned i = 0; i < 3 + info.harts; ++i) w.field(irq_name(i), (unsigned long long)st.irq_edges[i]);
  w.end_object();
  w.key("intc").begin_object();
  w.key("ops").begin_object();
  for (size_t k = 0; k < st.intc_ops.size(); ++k)
    if (st.intc_ops[k]) w.field(socsim::kIntcOpNames[k], (unsigned long long)st.intc_ops[k]);
  w.end_object();
  w.field("errors", (unsigned long long)st.intc_errors);
  w.field("deq_empty", (unsigned long long)st.intc_deq_empty);
  w.key("work_edges").begin_array(true);
  for (unsigned h = 0; h < info.harts; ++h) w.value((unsigned long long)st.work_edges[h]);
  w.end_array();
  w.key("preempt_edges").begin_array(true);
  for (unsigned h = 0; h < info.harts; ++h) w.value((unsigned long long)st.preempt_edges[h]);
  w.end_array();
  w.end_object();
  w.key("uart").begin_object();
  w.field("tx_bytes", (unsigned long long)uart.tx_bytes());
  w.field("rx_bytes", (unsigned long long)uart.rx_bytes());
  w.end_object();
  w.key("packets").begin_object();
  w.field("rx_beats", (unsigned long long)st.pkt_rx_beats);
  w.field("tx", (unsigned long long)st.pkt_tx);
  w.field("tx_unmatched", (unsigned long long)st.pkt_tx_unmatched);
  if (pkt) {
    w.key("source");
    pkt->to_json(w);
  }
  if (replies) {
    w.key("replies");
    replies->to_json(w);
  }
  w.end_object();
  w.key("markers").begin_array();
  for (const auto& [cycle, value] : st.markers) {
    w.begin_array(true).value((unsigned long long)cycle).value(value).end_array();
  }
  w.end_array();
  if (!st.mark_counts.empty()) {  // --events and a program with marks
    std::map<std::string, uint64_t> by_name;
    for (size_t id = 0; id < st.mark_counts.size(); ++id)
      by_name[marks.name(uint32_t(id))] = st.mark_counts[id];
    w.key("marks").begin_object();
    for (const auto& [name, n] : by_name) w.field(name, (unsigned long long)n);
    w.end_object();
  }
  w.end_object();
}

}  // namespace

int sc_main(int argc, char* argv[]) {
  socsim::SocSimOptions opt;
  std::string elf_path, intc, cpu, trace_signals, uart_input, uart_tcp, stats_path, events_path;
  std::string max_cycles = "100M", trace_from = "0", trace_to, seed_text = "1";
  std::string pkt_rate = "0", pkt_arrival = "poisson", pkt_size = "64", pkt_count = "0";
  std::string pkt_service = "fixed:0", pkt_start = "0", rom_path;
  double uart_wait = 0;
  po::options_description desc(
      "soc_sim [options] program.elf\n"
      "soc_sim [options] --rom loader.hex --uart-tcp PORT\n"
      "Runs a RISC-V ELF on the simulated ATS-INTC SoC (docs/simulator.md), or boots the\n"
      "boot ROM image given with --rom (a UART loader: docs/atsctl.md). Counts accept\n"
      "k/M/G suffixes. Exit status: 0 pass, 1 the program failed, 2 bad input,\n"
      "3 --max-cycles reached, 4 --max-wall reached.\n\nOptions");
  desc.add_options()
    ("help,h", "print this help and exit")
    ("harts", po::value<unsigned>(&opt.harts)->default_value(1), "number of harts, 1..4")
    ("intc", po::value<std::string>(&intc)->default_value("rtl"),
     "ATS-INTC implementation: rtl (Verilated RTL in the SoC) or model (the SystemC model)")
    ("cpu", po::value<std::string>(&cpu)->default_value("rtl"),
     "harts: rtl (the Verilated cores) or iss (the instruction-set model; fetches from RAM)")
    ("max-cycles", po::value<std::string>(&max_cycles)->default_value(max_cycles),
     "stop with status 3 after this many cycles")
    ("max-wall", po::value<double>(&opt.max_wall_seconds)->default_value(1800),
     "stop with status 4 after this many wall-clock seconds (0 = no limit)")
    ("seed", po::value<std::string>(&seed_text)->default_value(seed_text),
     "seed of the packet generator")
    ("uart-input", po::value<std::string>(&uart_input)->default_value(""),
     "bytes the UART receives (C escapes such as \\n allowed), as fast as the SoC takes them")
    ("uart-tcp", po::value<std::string>(&uart_tcp),
     "connect the UART to a TCP server on 127.0.0.1:PORT instead of stdout")
    ("uart-wait", po::value<double>(&uart_wait)->default_value(0),
     "with --uart-tcp: wait up to this many seconds for a client before starting")
    ("pkt-rate", po::value<std::string>(&pkt_rate)->default_value(pkt_rate),
     "packets per 1000 cycles offered to the packet device (0 = no traffic)")
    ("pkt-arrival", po::value<std::string>(&pkt_arrival)->default_value(pkt_arrival),
     "arrival process: poisson or fixed")
    ("pkt-size", po::value<std::string>(&pkt_size)->default_value(pkt_size),
     "packet size in bytes, N or MIN-MAX (uniform), 4..1500")
    ("pkt-count", po::value<std::string>(&pkt_count)->default_value(pkt_count),
     "packets in the run (0 = unlimited)")
    ("pkt-service", po::value<std::string>(&pkt_service)->default_value(pkt_service),
     "service time asked of the firmware per packet: fixed:N, exp:MEAN or bimodal:A:B:P")
    ("pkt-start", po::value<std::string>(&pkt_start)->default_value(pkt_start),
     "first cycle a packet may arrive (give the firmware time to set up its rings)")
    ("trace", po::value<std::string>(&opt.trace_path),
     "write a waveform: FILE.fst (every signal, Verilated FST) or FILE.vcd (the SoC pins)")
    ("trace-from", po::value<std::string>(&trace_from)->default_value(trace_from),
     "first traced cycle")
    ("trace-to", po::value<std::string>(&trace_to), "cycle at which tracing stops (default: end)")
    ("trace-signals", po::value<std::string>(&trace_signals),
     "comma-separated pins for a .vcd trace (default: all; --list-signals names them)")
    ("list-signals", "print the names --trace-signals accepts and exit")
    ("stats", po::value<std::string>(&stats_path), "write the run's statistics as JSON to FILE")
    ("events", po::value<std::string>(&events_path),
     "write events as CSV (cycle,hart,kind,name) to FILE: retirements of the program's marked "
     "pcs (RT_MARK, firmware/bsp/mark.h), ATS-INTC device irq edges, MARKER writes; "
     "scripts/rt_intervals.py turns them into latencies")
    ("progress", po::value<double>(&opt.progress_seconds)->default_value(10),
     "print progress on stderr every this many wall-clock seconds (0 = never)")
    ("quiet,q", "no summary line on stderr when the program passes")
    ("rom", po::value<std::string>(&rom_path),
     "boot from this boot ROM image instead of loading a program: an ELF linked at 0x1000 or "
     "a $readmemh hex file (firmware/bootrom); puts a jump to 0x1000 at the reset PC");
  po::options_description hidden;
  hidden.add_options()("elf", po::value<std::string>(&elf_path));
  po::options_description all;
  all.add(desc).add(hidden);
  po::positional_options_description pos;
  pos.add("elf", 1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return bad_input(std::string(e.what()) + " (see --help)");
  }
  if (vm.count("help")) {
    std::cout << desc << "\n";
    return 0;
  }

  // Option values.
  std::string err;
  if (intc != "rtl" && intc != "model")
    return bad_input("--intc must be rtl or model, not '" + intc + "'");
  if (cpu != "rtl" && cpu != "iss") return bad_input("--cpu must be rtl or iss, not '" + cpu + "'");
  opt.intc_model = intc == "model";
  opt.cpu_iss = cpu == "iss";
  if (opt.harts < 1 || opt.harts > 4) return bad_input("--harts must be 1..4");
  uint64_t seed = 0;
  if (!simc::parse_count(max_cycles, "--max-cycles", opt.max_cycles, err) ||
      !simc::parse_count(trace_from, "--trace-from", opt.trace_from, err) ||
      (vm.count("trace-to") && !simc::parse_count(trace_to, "--trace-to", opt.trace_to, err)) ||
      !simc::parse_uint(seed_text, "--seed", 0, UINT64_MAX, seed, err) ||
      !simc::unescape_c(uart_input, "--uart-input", uart_input, err))
    return bad_input(err);
  if (opt.max_cycles == 0) return bad_input("--max-cycles must be > 0");
  if (opt.max_wall_seconds < 0) return bad_input("--max-wall must be >= 0");
  for (size_t p = 0; vm.count("trace-signals") && p <= trace_signals.size();) {
    size_t q = trace_signals.find(',', p);
    if (q == std::string::npos) q = trace_signals.size();
    if (q > p) opt.trace_signals.push_back(trace_signals.substr(p, q - p));
    p = q + 1;
  }
  simc::TrafficConfig traffic;
  traffic.seed = seed;
  double rate = 0;
  if (!simc::parse_number(pkt_rate, "--pkt-rate", rate, err)) return bad_input(err);
  if (rate < 0) return bad_input(simc::bad_option("--pkt-rate", pkt_rate, "must be >= 0"));
  const bool packets = rate > 0;
  if (packets) {
    traffic.rate = rate;
    if (!simc::parse_arrival(pkt_arrival, traffic.arrival, err) ||
        !simc::parse_packet_size(pkt_size, traffic.size_min, traffic.size_max, err) ||
        !simc::parse_count(pkt_count, "--pkt-count", traffic.count, err) ||
        !simc::parse_count(pkt_start, "--pkt-start", traffic.start_cycle, err) ||
        !simc::parse_service_time(pkt_service, traffic.service, err) ||
        !simc::validate(traffic, err))
      return bad_input(err);
  }
  uint16_t tcp_port = 0;
  if (vm.count("uart-tcp") && !simc::parse_port(uart_tcp, "--uart-tcp", tcp_port, err))
    return bad_input(err);

  socsim::SocHarness soc("soc_sim", opt);
  if (vm.count("list-signals")) {
    for (const auto& n : soc.signal_names()) std::cout << n << "\n";
    return 0;
  }
  if (const std::string e = soc.check_trace_options(); !e.empty()) return bad_input(e);
  const bool boot_rom = vm.count("rom") != 0;
  if (boot_rom && opt.cpu_iss)
    return bad_input("--rom needs --cpu=rtl: the instruction-set model fetches from RAM only, "
                     "never from the boot ROM");
  if (boot_rom && !elf_path.empty())
    return bad_input("--rom and a program ELF exclude each other: with --rom the program "
                     "arrives over the UART (atsctl load)");
  if (elf_path.empty() && !boot_rom)
    return bad_input("no program given (soc_sim [options] program.elf, or --rom IMAGE)");

  if (boot_rom) {
    // The simulation builds reset at 0x8000_0000 (RAM). Rather than another
    // Verilated build with RESET_PC = 0x1000, a two-instruction jump there
    // sends the harts to the boot ROM, as the boards' reset vector does.
    std::vector<uint32_t> rom;
    if (!socsim::read_rom_image(rom_path, socsim::SocHarness::kRomBase, soc.rom_bytes(), rom, err))
      return bad_input("--rom: " + err);
    soc.write_rom(rom);
    const uint8_t jump[8] = {0xb7, 0x12, 0x00, 0x00,   // lui  t0, 0x1
                             0x67, 0x80, 0x02, 0x00};  // jalr zero, 0(t0)
    soc.write_ram(soc.ram_base(), jump, sizeof jump);
  } else {
    // The program.
    rv::ElfImage image;
    if (!rv::read_elf(elf_path, image, err) ||
        !rv::check_image_in_ram(image, soc.ram_base(), soc.ram_bytes(), err))
      return bad_input(err);
    if (image.entry != 0x80000000u) {
      char buf[160];
      std::snprintf(buf, sizeof buf, "%s: entry point 0x%08x is not the reset PC 0x80000000",
                    elf_path.c_str(), image.entry);
      return bad_input(buf);
    }
    for (const auto& s : image.segments) soc.write_ram(s.addr, s.bytes.data(), s.bytes.size());
    if (auto it = image.symbols.find("tohost"); it != image.symbols.end())
      soc.set_tohost(it->second);
  }
  // --events: the program's marked pcs and the log (opened now, so a bad path
  // fails before the run).
  simc::MarkTable marks;
  simc::EventLog events;
  if (vm.count("events")) {
    std::vector<rv::RtMark> entries;  // --rom: the program is not known, no marks
    if (!elf_path.empty() && !rv::read_rt_marks(elf_path, entries, err)) return bad_input(err);
    std::vector<std::pair<uint32_t, std::string>> pcs;
    for (auto& m : entries) pcs.emplace_back(m.pc, std::move(m.name));
    marks = simc::MarkTable(pcs);
    if (!events.open(events_path, err)) return bad_input("--events: " + err);
    soc.set_events(&events, &marks);
  }

  // Far ends.
  std::unique_ptr<simc::UartFarEnd> uart;
  if (vm.count("uart-tcp")) {
    auto tcp = std::make_unique<simc::TcpUart>();
    simc::TcpUart::Options o;
    o.port = tcp_port;
    if (!tcp->listen(o, err)) return bad_input("--uart-tcp: " + err);
    std::fprintf(stderr, "soc_sim: UART on 127.0.0.1:%u\n", unsigned(tcp->port()));
    if (uart_wait > 0 && !tcp->wait_for_client(int(uart_wait * 1000), err))
      return bad_input("--uart-wait: " + err);
    if (!uart_input.empty()) return bad_input("--uart-input and --uart-tcp exclude each other");
    uart = std::move(tcp);
  } else {
    uart = std::make_unique<simc::StdioUart>(uart_input);
  }
  soc.set_uart(uart.get());
  std::unique_ptr<simc::PacketSource> source;
  simc::ReplyTracker replies;
  if (packets) {
    source = std::make_unique<simc::PacketSource>(traffic);
    source->set_arrival_hook([&](const simc::Packet& p) { replies.on_arrival(p.tag(), p.arrival); });
    soc.set_packets(source.get(), &replies);
  }

  soc.run();
  uart->flush();
  std::fflush(stdout);
  if (!events.close(err)) {
    std::fprintf(stderr, "soc_sim: --events: %s\n", err.c_str());
    return kExitBadInput;
  }

  // Results.
  const auto& st = soc.stats();
  uint64_t instret = 0;
  for (auto n : st.instret) instret += n;
  const double mhz = st.wall_seconds > 0 ? double(st.cycles) / st.wall_seconds / 1e6 : 0.0;
  int status = 0;
  char line[256];
  switch (soc.stop_reason()) {
    case socsim::StopReason::kExit:
    case socsim::StopReason::kToHost:
      status = soc.exit_code() == 0 ? 0 : kExitFail;
      std::snprintf(line, sizeof line, "program exited with code %u after %llu cycles",
                    soc.exit_code(), (unsigned long long)st.cycles);
      break;
    case socsim::StopReason::kMaxCycles:
      status = kExitMaxCycles;
      std::snprintf(line, sizeof line,
                    "stopped at --max-cycles=%llu before the program finished",
                    (unsigned long long)opt.max_cycles);
      break;
    case socsim::StopReason::kWallClock:
      status = kExitWall;
      std::snprintf(line, sizeof line,
                    "stopped after %.0f s (--max-wall) at cycle %llu before the program finished",
                    st.wall_seconds, (unsigned long long)st.cycles);
      break;
    default:
      status = kExitFail;
      std::snprintf(line, sizeof line, "simulation ended without a result");
  }
  if (!vm.count("quiet") || status != 0)
    std::fprintf(stderr, "soc_sim: %s (%llu instructions, %.2f simulated MHz)\n", line,
                 (unsigned long long)instret, mhz);
  if (packets && (!vm.count("quiet") || status != 0)) {
    const auto& lat = replies.latency();
    std::fprintf(stderr,
                 "soc_sim: packets: %llu arrived, %llu replied; arrival -> reply latency p50 %llu, "
                 "p99 %llu, p99.9 %llu, max %llu cycles\n",
                 (unsigned long long)replies.arrivals(), (unsigned long long)replies.replies(),
                 (unsigned long long)lat.percentile(50), (unsigned long long)lat.percentile(99),
                 (unsigned long long)lat.percentile(99.9), (unsigned long long)lat.max());
  }
  if (vm.count("stats")) {
    simc::JsonWriter w;
    const std::string program = boot_rom ? "rom:" + rom_path : elf_path;
    write_stats(w, RunInfo{program, intc, cpu, opt.harts, seed}, soc, source.get(),
                packets ? &replies : nullptr, *uart, marks);
    if (!w.write_file(stats_path, err)) {
      std::fprintf(stderr, "soc_sim: --stats: %s\n", err.c_str());
      return kExitBadInput;
    }
  }
  return status;
}
