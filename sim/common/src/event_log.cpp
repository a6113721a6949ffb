// EventLog: see sim_common/event_log.h.
#include "sim_common/event_log.h"

#include <cerrno>
#include <cstring>

namespace simc {

EventLog::~EventLog() {
  if (f_ != nullptr) std::fclose(f_);
}

bool EventLog::open(const std::string& path, std::string& error) {
  std::string ignored;
  close(ignored);
  f_ = std::fopen(path.c_str(), "w");
  if (f_ == nullptr) {
    error = "cannot write '" + path + "': " + std::strerror(errno);
    return false;
  }
  path_ = path;
  std::setvbuf(f_, nullptr, _IOFBF, 1 << 16);
  std::fputs("cycle,hart,kind,name\n", f_);
  return true;
}

bool EventLog::close(std::string& error) {
  if (f_ == nullptr) return true;
  const bool write_failed = std::ferror(f_) != 0;
  const int saved = errno;
  const bool close_failed = std::fclose(f_) != 0;
  f_ = nullptr;
  if (!write_failed && !close_failed) return true;
  error = "error writing '" + path_ + "': " + std::strerror(write_failed ? saved : errno);
  return false;
}

}  // namespace simc
