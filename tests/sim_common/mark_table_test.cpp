// MarkTable (sim/common/src/mark_table.cpp): pc -> mark ids for the event
// log's hot path: hits and misses, several names at one pc, one name at many
// pcs, pc 0 and repeated entries dropped, and a large table against a map.
#include "sim_common/mark_table.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

namespace {

using Marks = std::vector<std::pair<uint32_t, std::string>>;

std::vector<std::string> names_at(const simc::MarkTable& t, uint32_t pc) {
  std::vector<std::string> out;
  for (uint32_t id : t.find(pc)) out.push_back(t.name(id));
  return out;
}

TEST(MarkTable, empty_table_finds_nothing) {
  const simc::MarkTable t;
  EXPECT_TRUE(t.empty());
  EXPECT_TRUE(t.find(0x80000000).empty());
  EXPECT_TRUE(simc::MarkTable(Marks{{0, "gone"}}).empty());
}

TEST(MarkTable, finds_marked_pcs_only) {
  const simc::MarkTable t(Marks{{0x80000010, "a"}, {0x80000020, "b"}});
  EXPECT_EQ(names_at(t, 0x80000010), std::vector<std::string>{"a"});
  EXPECT_EQ(names_at(t, 0x80000020), std::vector<std::string>{"b"});
  for (uint32_t pc : {0u, 0x80000000u, 0x80000014u, 0x80000011u, 0x00000010u, 0xffffffffu})
    EXPECT_TRUE(t.find(pc).empty()) << std::hex << pc;
  EXPECT_EQ(t.pcs(), 2u);
}

TEST(MarkTable, names_get_dense_ids_in_order_of_appearance) {
  const simc::MarkTable t(Marks{{0x100, "x"}, {0x200, "y"}, {0x300, "x"}, {0, "z"}});
  EXPECT_EQ(t.names(), (std::vector<std::string>{"x", "y"}));  // pc-0 names are dropped
  EXPECT_EQ(names_at(t, 0x300), std::vector<std::string>{"x"});
  EXPECT_EQ(*t.find(0x100).begin(), *t.find(0x300).begin());
}

TEST(MarkTable, one_pc_may_carry_several_names_once_each) {
  const simc::MarkTable t(
      Marks{{0x80000040, "main.start"}, {0x80000040, "used"}, {0x80000040, "used"}});
  const auto n = names_at(t, 0x80000040);
  EXPECT_EQ(std::multiset<std::string>(n.begin(), n.end()),
            (std::multiset<std::string>{"main.start", "used"}));
  EXPECT_EQ(t.pcs(), 1u);
}

TEST(MarkTable, large_table_agrees_with_a_map) {
  std::mt19937 rng(3);
  Marks marks;
  std::map<uint32_t, std::set<std::string>> ref;
  for (int i = 0; i < 5000; ++i) {
    const uint32_t pc = 0x80000000u + 4 * (rng() % 20000);
    const std::string name = "m" + std::to_string(rng() % 300);
    marks.emplace_back(pc, name);
    ref[pc].insert(name);
  }
  const simc::MarkTable t(marks);
  EXPECT_EQ(t.pcs(), ref.size());
  for (uint32_t pc = 0x80000000u - 64; pc < 0x80000000u + 4 * 20000 + 64; pc += 2) {
    const auto n = names_at(t, pc);
    const auto it = ref.find(pc);
    if (it == ref.end()) {
      ASSERT_TRUE(n.empty()) << std::hex << pc;
    } else {
      ASSERT_EQ(std::set<std::string>(n.begin(), n.end()), it->second) << std::hex << pc;
      ASSERT_EQ(n.size(), it->second.size());
    }
  }
}

}  // namespace
