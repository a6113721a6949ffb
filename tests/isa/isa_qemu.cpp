// isa_qemu: ISS vs QEMU final-state comparison on generated programs.
//
//   isa_qemu --qemu=PATH [--seeds=N] [--first=S] [--jobs=J] [--workdir=DIR]
//
// Each program (generated with the QEMU-compatible subset) ends by printing
// its registers, its data region and its trap log (mcause, mepc, mtval of
// every trap) as hex through the HTIF console. The ISS output and the output of
// qemu-system-riscv32 -machine spike must be identical; a mismatch names the
// seed, the word (register, data offset or log entry) and both values.
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "lockstep.h"
#include "progen.h"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string l;
  while (std::getline(ss, l)) out.push_back(l);
  return out;
}

std::string describe(size_t word) {
  char b[64];
  if (word < 32) std::snprintf(b, sizeof b, "register x%zu", word);
  else if (word < 32 + isa::kGenDataSize / 4)
    std::snprintf(b, sizeof b, "data word at 0x%08x", unsigned(isa::kGenData + 4 * (word - 32)));
  else {
    size_t e = word - 32 - isa::kGenDataSize / 4;
    static const char* const kField[] = {"mcause", "mepc", "mtval", "(unused)"};
    std::snprintf(b, sizeof b, "trap log entry %zu %s", e / 4, kField[e % 4]);
  }
  return b;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t seeds = 200, first = 1;
  unsigned jobs = 2;
  std::string qemu = "qemu-system-riscv32", workdir = ".";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--seeds=", 0) == 0) seeds = std::strtoull(a.c_str() + 8, nullptr, 0);
    else if (a.rfind("--first=", 0) == 0) first = std::strtoull(a.c_str() + 8, nullptr, 0);
    else if (a.rfind("--jobs=", 0) == 0) jobs = unsigned(std::strtoul(a.c_str() + 7, nullptr, 0));
    else if (a.rfind("--qemu=", 0) == 0) qemu = a.substr(7);
    else if (a.rfind("--workdir=", 0) == 0) workdir = a.substr(10);
    else {
      std::fprintf(stderr, "isa_qemu: unknown option %s\n", a.c_str());
      return 2;
    }
  }
  std::atomic<uint64_t> next{first};
  std::atomic<bool> failed{false};
  std::mutex print;
  uint64_t compared_words = 0;
  auto worker = [&]() {
    for (;;) {
      uint64_t s = next++;
      if (s >= first + seeds || failed) return;
      isa::GenConfig gc;
      gc.seed = s;
      gc.qemu = true;
      gc.signature = true;
      rv::ElfImage img = isa::generate_program(gc);
      std::string base = workdir + "/qemu_" + std::to_string(s);
      std::string err;
      if (!rv::write_elf(base + ".elf", img, err)) {
        std::lock_guard<std::mutex> l(print);
        std::printf("FAIL seed=%llu: %s\n", (unsigned long long)s, err.c_str());
        failed = true;
        return;
      }
      isa::RunResult iss = isa::run_iss(img, 5'000'000);
      std::string cmd = "timeout 60 " + qemu +
                        " -machine spike -cpu rv32,c=false,s=false,h=false,mmu=false,f=false,d=false"
                        " -bios none -display none -serial stdio -monitor none -kernel " +
                        base + ".elf > " + base + ".out 2> " + base + ".err";
      int rc = std::system(cmd.c_str());
      std::string qout = read_file(base + ".out");
      std::lock_guard<std::mutex> l(print);
      if (!iss.ok || iss.exit_code != 0) {
        std::printf("FAIL seed=%llu: ISS did not pass: %s (code %u)\n", (unsigned long long)s,
                    iss.message.c_str(), iss.exit_code);
        failed = true;
        return;
      }
      if (rc != 0) {
        std::printf("FAIL seed=%llu: qemu exit status %d (%s)\n", (unsigned long long)s, rc,
                    read_file(base + ".err").c_str());
        failed = true;
        return;
      }
      auto a = lines(iss.console), b = lines(qout);
      for (size_t i = 0; i < a.size() || i < b.size(); ++i) {
        std::string x = i < a.size() ? a[i] : "<missing>", y = i < b.size() ? b[i] : "<missing>";
        if (x != y) {
          std::printf("FAIL seed=%llu: %s: iss=%s qemu=%s (ELF kept: %s.elf)\n",
                      (unsigned long long)s, describe(i).c_str(), x.c_str(), y.c_str(),
                      base.c_str());
          failed = true;
          return;
        }
      }
      compared_words += a.size();
      std::remove((base + ".elf").c_str());
      std::remove((base + ".out").c_str());
      std::remove((base + ".err").c_str());
    }
  };
  std::vector<std::thread> pool;
  for (unsigned j = 0; j < jobs; ++j) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
  if (failed) return 1;
  std::printf("PASS %llu programs (first seed %llu): ISS and QEMU agree on %llu words "
              "(registers, data, trap log)\n",
              (unsigned long long)seeds, (unsigned long long)first,
              (unsigned long long)compared_words);
  return 0;
}
