// EventLog: the CSV that soc_sim --events writes (docs/simulator.md "Event
// log"), read by scripts/rt_intervals.py. One line per event, in the order
// the simulator sees them (cycles never decrease):
//
//   cycle,hart,kind,name
//   1234,0,mark,rt.resume        a marked pc retired on hart 0 (name: the mark's)
//   1300,,irq,irq1               rising edge of the ATS-INTC's device line 1
//   1342,,irq_fall,irq1          its falling edge
//   1500,,marker,0x2             a store of 2 to the sim-control MARKER register
//
// The name is the rest of the line (a mark's name may contain commas; never
// a control character). Writes are buffered; close() reports a failed write.
#pragma once
#include <cstdint>
#include <cstdio>
#include <string>

namespace simc {

class EventLog {
 public:
  EventLog() = default;
  ~EventLog();
  EventLog(const EventLog&) = delete;
  EventLog& operator=(const EventLog&) = delete;

  // Creates (truncates) path and writes the header. false and error =
  // "cannot write 'PATH': No such file or directory" if it cannot.
  bool open(const std::string& path, std::string& error);
  bool is_open() const { return f_ != nullptr; }

  void mark(uint64_t cycle, unsigned hart, const std::string& name) {
    std::fprintf(f_, "%llu,%u,mark,%s\n", (unsigned long long)cycle, hart, name.c_str());
  }
  void irq(uint64_t cycle, unsigned line, bool rising) {
    std::fprintf(f_, "%llu,,%s,irq%u\n", (unsigned long long)cycle, rising ? "irq" : "irq_fall",
                 line);
  }
  void marker(uint64_t cycle, uint32_t value) {
    std::fprintf(f_, "%llu,,marker,0x%x\n", (unsigned long long)cycle, unsigned(value));
  }

  // Flushes and closes; false and error = "error writing 'PATH': ..." if any
  // write failed (disk full, ...). Closing a closed log succeeds.
  bool close(std::string& error);

 private:
  std::FILE* f_ = nullptr;
  std::string path_;
};

}  // namespace simc
