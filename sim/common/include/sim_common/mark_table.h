// MarkTable: which marks (firmware/bsp/mark.h, the ELF's .rt_marks section)
// sit at a pc, for soc_sim --events. find() runs for every retired
// instruction while the event log is on, so it is an open-addressing hash
// table over the pcs (load <= 1/2, so a miss usually costs one probe); the
// marks' names get dense ids, one per distinct name, for per-name counters.
// One pc may carry several names (two marks with no instruction between
// them) and one name many pcs (inlined copies). pc 0 is never a mark.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace simc {

class MarkTable {
 public:
  // The ids of the names at one pc: [begin, end).
  struct Ids {
    const uint32_t* begin_;
    const uint32_t* end_;
    const uint32_t* begin() const { return begin_; }
    const uint32_t* end() const { return end_; }
    bool empty() const { return begin_ == end_; }
  };

  MarkTable() = default;
  // (pc, name) pairs in any order; pc-0 entries and repeated pairs are dropped.
  explicit MarkTable(const std::vector<std::pair<uint32_t, std::string>>& marks);

  bool empty() const { return pcs_ == 0; }
  size_t pcs() const { return pcs_; }  // distinct marked pcs
  // Distinct names, indexed by id, in order of first appearance.
  const std::vector<std::string>& names() const { return names_; }
  const std::string& name(uint32_t id) const { return names_[id]; }

  Ids find(uint32_t pc) const {
    if (slots_.empty()) return {nullptr, nullptr};
    for (size_t i = slot_of(pc);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.pc == pc) return {ids_.data() + s.first, ids_.data() + s.first + s.count};
      if (s.pc == 0) return {nullptr, nullptr};
    }
  }

 private:
  struct Slot {
    uint32_t pc = 0;                // 0 = empty
    uint32_t first = 0, count = 0;  // range in ids_
  };
  size_t slot_of(uint32_t pc) const { return size_t(((pc >> 2) * 0x9E3779B1u) >> shift_) & mask_; }

  std::vector<Slot> slots_;
  std::vector<uint32_t> ids_;
  std::vector<std::string> names_;
  size_t mask_ = 0, pcs_ = 0;
  unsigned shift_ = 0;
};

}  // namespace simc
