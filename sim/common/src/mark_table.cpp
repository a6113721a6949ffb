// MarkTable: see sim_common/mark_table.h.
#include "sim_common/mark_table.h"

#include <algorithm>
#include <map>

namespace simc {

MarkTable::MarkTable(const std::vector<std::pair<uint32_t, std::string>>& marks) {
  std::map<std::string, uint32_t> id_of;
  std::vector<std::pair<uint32_t, uint32_t>> pc_ids;  // (pc, id)
  for (const auto& [pc, name] : marks) {
    if (pc == 0) continue;
    auto it = id_of.find(name);
    if (it == id_of.end()) {
      it = id_of.emplace(name, uint32_t(names_.size())).first;
      names_.push_back(name);
    }
    pc_ids.emplace_back(pc, it->second);
  }
  std::sort(pc_ids.begin(), pc_ids.end());
  pc_ids.erase(std::unique(pc_ids.begin(), pc_ids.end()), pc_ids.end());
  if (pc_ids.empty()) return;

  size_t distinct = 0;
  for (size_t i = 0; i < pc_ids.size(); ++i)
    distinct += i == 0 || pc_ids[i].first != pc_ids[i - 1].first;
  size_t size = 16;
  unsigned bits = 4;
  while (size < 2 * distinct) {
    size *= 2;
    ++bits;
  }
  slots_.assign(size, Slot{});
  mask_ = size - 1;
  shift_ = 32 - bits;
  ids_.reserve(pc_ids.size());
  for (size_t i = 0; i < pc_ids.size();) {
    const uint32_t pc = pc_ids[i].first;
    Slot s{pc, uint32_t(ids_.size()), 0};
    for (; i < pc_ids.size() && pc_ids[i].first == pc; ++i, ++s.count)
      ids_.push_back(pc_ids[i].second);
    size_t k = slot_of(pc);
    while (slots_[k].pc != 0) k = (k + 1) & mask_;
    slots_[k] = s;
  }
  pcs_ = distinct;
}

}  // namespace simc
