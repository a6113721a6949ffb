// The .rt_marks reader (sim/iss/src/rt_marks.cpp): entries of a handmade
// section (padding, pc-0 entries, repeated names), every malformed case with
// its one-line error, files without the section or without section headers,
// truncation and random damage (never a crash), and a program built like the
// firmware (bsp/mark.h, bsp/link.ld, --gc-sections, relaxation) whose marks
// must land on the instructions the symbol table names.
#include "rv_iss/rt_marks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "rv_iss/elf_loader.h"
#include "test_util.h"

namespace {

using simc_test::Bytes;
using simc_test::TempDir;
using simc_test::rd16;
using simc_test::rd32;
using simc_test::wr16;
using simc_test::wr32;
using Marks = std::vector<rv::RtMark>;

void put32(Bytes& b, uint32_t v) {
  for (int i = 0; i < 4; ++i) b.push_back(uint8_t(v >> (8 * i)));
}

constexpr size_t kShoff = 32, kShnum = 48, kShstrndx = 50;

// One entry as RT_MARK emits it: pc, name, NUL, zero padding to 4 bytes.
void entry(Bytes& s, uint32_t pc, const std::string& name, bool pad = true) {
  put32(s, pc);
  s.insert(s.end(), name.begin(), name.end());
  s.push_back(0);
  while (pad && s.size() % 4) s.push_back(0);
}

Bytes sample_section() {
  Bytes s;
  entry(s, 0x80000010, "rt.resume");
  entry(s, 0, "gone");  // a function --gc-sections removed
  entry(s, 0x80000024, "loop body, with a comma");
  entry(s, 0x80000100, "rt.resume", false);  // an inlined copy; last entry, no padding
  return s;
}
const Marks kSampleMarks = {
    {0x80000010, "rt.resume"}, {0x80000024, "loop body, with a comma"}, {0x80000100, "rt.resume"}};

// A small executable from rv::write_elf (two segments, symbols, no marks).
Bytes plain_elf(const TempDir& dir) {
  rv::ElfImage img;
  img.entry = 0x80000000;
  img.segments.push_back({0x80000000, std::vector<uint8_t>(64, 0x13)});
  img.symbols["tohost"] = 0x80000030;
  std::string err;
  EXPECT_TRUE(rv::write_elf(dir.file("plain.elf"), img, err)) << err;
  return simc_test::read_file(dir.file("plain.elf"));
}

// elf with one more section, `name` holding `data`: the name is added to a
// copy of the section name table and the section header table is rewritten,
// all appended at the end of the file so the old offsets stay valid.
// Returns the new file; *shdr_off is the new section's header offset.
Bytes add_section(Bytes elf, const std::string& name, const Bytes& data, uint32_t type = 1,
                  size_t* shdr_off = nullptr) {
  const uint32_t shoff = rd32(elf, kShoff);
  const uint16_t shnum = rd16(elf, kShnum), shstrndx = rd16(elf, kShstrndx);
  const size_t str_sh = shoff + 40 * size_t(shstrndx);
  const uint32_t str_off = rd32(elf, str_sh + 16), str_len = rd32(elf, str_sh + 20);
  Bytes headers(elf.begin() + shoff, elf.begin() + shoff + 40 * size_t(shnum));
  // New name table.
  const uint32_t new_str_off = uint32_t(elf.size());
  Bytes strtab(elf.begin() + str_off, elf.begin() + str_off + str_len);
  const uint32_t name_off = uint32_t(strtab.size());
  strtab.insert(strtab.end(), name.begin(), name.end());
  strtab.push_back(0);
  elf.insert(elf.end(), strtab.begin(), strtab.end());
  wr32(headers, 40 * size_t(shstrndx) + 16, new_str_off);
  wr32(headers, 40 * size_t(shstrndx) + 20, uint32_t(strtab.size()));
  // The section's data, 4-byte aligned.
  while (elf.size() % 4) elf.push_back(0);
  const uint32_t data_off = uint32_t(elf.size());
  elf.insert(elf.end(), data.begin(), data.end());
  // Its header.
  Bytes sh(40, 0);
  wr32(sh, 0, name_off);
  wr32(sh, 4, type);
  wr32(sh, 16, data_off);
  wr32(sh, 20, uint32_t(data.size()));
  wr32(sh, 32, 4);
  headers.insert(headers.end(), sh.begin(), sh.end());
  while (elf.size() % 4) elf.push_back(0);
  const uint32_t new_shoff = uint32_t(elf.size());
  elf.insert(elf.end(), headers.begin(), headers.end());
  wr32(elf, kShoff, new_shoff);
  wr16(elf, kShnum, uint16_t(shnum + 1));
  if (shdr_off) *shdr_off = new_shoff + 40 * size_t(shnum);
  return elf;
}

class RtMarks : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.path().empty());
    plain_ = plain_elf(dir_);
    marked_ = add_section(plain_, ".rt_marks", sample_section(), 1, &marks_sh_);
  }

  Marks marks_of(const Bytes& bytes) {
    Marks m = {{1, "stale"}};
    std::string err;
    EXPECT_TRUE(rv::parse_rt_marks("t.elf", bytes.data(), bytes.size(), m, err)) << err;
    return m;
  }
  // The error for bytes, checked to be one line starting with the name, with
  // the output untouched.
  std::string error_for(const Bytes& bytes) {
    Marks m = {{1, "stale"}};
    std::string err;
    EXPECT_FALSE(rv::parse_rt_marks("t.elf", bytes.data(), bytes.size(), m, err));
    EXPECT_EQ(err.rfind("t.elf: ", 0), 0u) << err;
    EXPECT_EQ(err.find('\n'), std::string::npos) << err;
    EXPECT_EQ(m, Marks({{1, "stale"}})) << "marks written on failure";
    return err;
  }
  Bytes marked_with(const Bytes& section) { return add_section(plain_, ".rt_marks", section); }

  TempDir dir_;
  Bytes plain_, marked_;
  size_t marks_sh_ = 0;
};

TEST_F(RtMarks, entries_are_read_in_order_without_pc_zero) {
  EXPECT_EQ(marks_of(marked_), kSampleMarks);
}

TEST_F(RtMarks, file_is_read_from_disk) {
  simc_test::write_file(dir_.file("m.elf"), marked_);
  Marks m;
  std::string err;
  ASSERT_TRUE(rv::read_rt_marks(dir_.file("m.elf"), m, err)) << err;
  EXPECT_EQ(m, kSampleMarks);
  // The marks section does not disturb loading the program.
  rv::ElfImage img;
  ASSERT_TRUE(rv::read_elf(dir_.file("m.elf"), img, err)) << err;
  EXPECT_EQ(img.segments.size(), 1u);
}

TEST_F(RtMarks, missing_file_is_an_error_with_the_path) {
  Marks m;
  std::string err;
  EXPECT_FALSE(rv::read_rt_marks(dir_.file("nope.elf"), m, err));
  EXPECT_EQ(err, dir_.file("nope.elf") + ": cannot open: No such file or directory");
}

TEST_F(RtMarks, no_section_means_no_marks) { EXPECT_TRUE(marks_of(plain_).empty()); }

TEST_F(RtMarks, no_section_headers_means_no_marks) {
  Bytes b = marked_;
  wr32(b, kShoff, 0);
  EXPECT_TRUE(marks_of(b).empty());
  b = marked_;
  wr16(b, kShnum, 0);
  EXPECT_TRUE(marks_of(b).empty());
}

TEST_F(RtMarks, empty_section_means_no_marks) { EXPECT_TRUE(marks_of(marked_with({})).empty()); }

TEST_F(RtMarks, trailing_zero_padding_is_not_an_entry) {
  Bytes s = sample_section();
  s.insert(s.end(), 7, 0);
  EXPECT_EQ(marks_of(marked_with(s)), kSampleMarks);
}

TEST_F(RtMarks, unrenamed_input_section_name_is_accepted) {
  EXPECT_EQ(marks_of(add_section(plain_, ".debug_rt_marks", sample_section())), kSampleMarks);
  // ... but only when there is no .rt_marks.
  Bytes other;
  entry(other, 0x80000200, "other");
  const Bytes both = add_section(marked_, ".debug_rt_marks", other);
  EXPECT_EQ(marks_of(both), kSampleMarks);
}

TEST_F(RtMarks, similar_section_names_are_not_marks) {
  EXPECT_TRUE(marks_of(add_section(plain_, ".rt_marks2", sample_section())).empty());
  EXPECT_TRUE(marks_of(add_section(plain_, ".rt_mark", sample_section())).empty());
}

TEST_F(RtMarks, truncated_entry) {
  Bytes s = sample_section();
  while (s.size() % 4) s.push_back(0);
  s.push_back(0x44);
  s.push_back(0x33);
  s.push_back(0x22);
  const uint32_t at = uint32_t(s.size() - 3);
  EXPECT_EQ(error_for(marked_with(s)),
            "t.elf: .rt_marks: entry at offset " + std::to_string(at) +
                " is cut short (3 bytes left; need a 4-byte pc and a NUL-terminated name)");
}

TEST_F(RtMarks, name_without_nul) {
  Bytes s = sample_section();
  while (s.size() % 4) s.push_back(0);
  const uint32_t at = uint32_t(s.size());
  put32(s, 0x80000400);
  s.push_back('x');
  s.push_back('y');
  EXPECT_EQ(error_for(marked_with(s)), "t.elf: .rt_marks: name of the entry at offset " +
                                           std::to_string(at) + " (pc 0x80000400) has no NUL");
}

TEST_F(RtMarks, empty_name) {
  Bytes s;
  entry(s, 0x80000000, "a");
  entry(s, 0x80000004, "");
  EXPECT_EQ(error_for(marked_with(s)),
            "t.elf: .rt_marks: entry at offset 8 (pc 0x80000004) has an empty name");
}

TEST_F(RtMarks, control_character_in_name) {
  Bytes s;
  entry(s, 0x80000008, "two\nlines");
  EXPECT_EQ(error_for(marked_with(s)),
            "t.elf: .rt_marks: name of the entry at offset 0 (pc 0x80000008) has control "
            "character 0x0a");
}

TEST_F(RtMarks, section_outside_the_file) {
  Bytes b = marked_;
  wr32(b, marks_sh_ + 16, uint32_t(b.size() - 8));
  EXPECT_CONTAINS(error_for(b), "t.elf: section .rt_marks (offset 0x");
  EXPECT_CONTAINS(error_for(b), "runs past the end of the file (" + std::to_string(b.size()) +
                                    " bytes): truncated file?");
  b = marked_;
  wr32(b, marks_sh_ + 20, 0xfffffff0u);  // size wraps
  EXPECT_CONTAINS(error_for(b), "runs past the end of the file");
}

TEST_F(RtMarks, section_of_the_wrong_type) {
  EXPECT_EQ(error_for(add_section(plain_, ".rt_marks", sample_section(), 8)),
            "t.elf: section .rt_marks (section " + std::to_string(rd16(plain_, kShnum)) +
                ") has type 8, expected PROGBITS (1)");
}

TEST_F(RtMarks, compressed_section) {
  Bytes b = marked_;
  wr32(b, marks_sh_ + 8, 0x800);
  EXPECT_CONTAINS(error_for(b), "is compressed (SHF_COMPRESSED)");
}

TEST_F(RtMarks, bad_section_name_table_index) {
  Bytes b = marked_;
  const uint16_t shnum = rd16(b, kShnum);
  wr16(b, kShstrndx, uint16_t(shnum + 3));
  EXPECT_EQ(error_for(b), "t.elf: section name string table index " + std::to_string(shnum + 3) +
                              " is not a section (of " + std::to_string(shnum) + ")");
  wr16(b, kShstrndx, 1);  // the first segment's section: PROGBITS
  EXPECT_EQ(error_for(b), "t.elf: section name string table (section 1) is not a string table");
  // SHN_UNDEF: no section names, so no marks (not an error).
  wr16(b, kShstrndx, 0);
  EXPECT_TRUE(marks_of(b).empty());
}

TEST_F(RtMarks, section_name_table_outside_the_file) {
  Bytes b = marked_;
  const size_t str_sh = rd32(b, kShoff) + 40 * size_t(rd16(b, kShstrndx));
  wr32(b, str_sh + 20, uint32_t(b.size()));
  EXPECT_CONTAINS(error_for(b), "t.elf: section name string table (offset 0x");
  EXPECT_CONTAINS(error_for(b), "runs past the end of the file");
}

TEST_F(RtMarks, section_header_table_problems) {
  Bytes b = marked_;
  wr16(b, 46, 32);
  EXPECT_EQ(error_for(b), "t.elf: section header entry size 32, expected 40");
  b = marked_;
  b.resize(b.size() - 10);  // the header table is at the end
  EXPECT_CONTAINS(error_for(b), "t.elf: section header table (offset 0x");
  EXPECT_CONTAINS(error_for(b), "truncated file?");
}

TEST_F(RtMarks, not_an_elf) {
  const Bytes text = {'h', 'e', 'l', 'l', 'o'};
  EXPECT_EQ(error_for(text), "t.elf: not a 32-bit little-endian ELF file (looking for .rt_marks)");
  EXPECT_EQ(error_for({}), "t.elf: not a 32-bit little-endian ELF file (looking for .rt_marks)");
}

TEST_F(RtMarks, fuzz_every_truncation_and_random_damage) {
  for (size_t len = 0; len <= marked_.size(); ++len) {
    Marks m;
    std::string err;
    if (!rv::parse_rt_marks("t.elf", marked_.data(), len, m, err)) {
      ASSERT_EQ(err.rfind("t.elf: ", 0), 0u) << err;
      ASSERT_EQ(err.find('\n'), std::string::npos) << err;
    }
  }
  std::mt19937_64 rng(7);
  int ok = 0;
  for (int round = 0; round < 20000; ++round) {
    Bytes b = marked_;
    for (int e = 0, edits = 1 + int(rng() % 4); e < edits; ++e) {
      // Half of the damage in the marks section, its header and the name table.
      const bool near = rng() % 2;
      const size_t base = near ? rd32(marked_, marks_sh_ + 16) : 0;
      const size_t pos = near ? base + rng() % (b.size() - base) : rng() % b.size();
      b[pos] ^= uint8_t(1u << (rng() % 8));
    }
    Marks m;
    std::string err;
    if (rv::parse_rt_marks("t.elf", b.data(), b.size(), m, err)) {
      ++ok;
      for (const auto& mk : m) {
        ASSERT_NE(mk.pc, 0u);
        ASSERT_FALSE(mk.name.empty());
      }
    } else {
      ASSERT_EQ(err.rfind("t.elf: ", 0), 0u) << err;
      ASSERT_EQ(err.find('\n'), std::string::npos) << err;
    }
  }
  EXPECT_GT(ok, 0);
}

#ifdef SIMC_MARKS_ELF
// data/marks.cpp built like the firmware: every mark is at the instruction
// its neighbouring global label names, after relaxed calls; the function
// --gc-sections removed leaves no mark; an inlined mark appears twice.
TEST_F(RtMarks, linked_firmware_marks_land_on_their_instructions) {
  Marks m;
  rv::ElfImage img;
  std::string err;
  ASSERT_TRUE(rv::read_rt_marks(SIMC_MARKS_ELF, m, err)) << err;
  ASSERT_TRUE(rv::read_elf(SIMC_MARKS_ELF, img, err)) << err;
  EXPECT_EQ(img.symbols.count("unused"), 0u) << "unused() should be removed by --gc-sections";
  auto pcs_of = [&](const std::string& name) {
    std::vector<uint32_t> pcs;
    for (const auto& mk : m)
      if (mk.name == name) pcs.push_back(mk.pc);
    std::sort(pcs.begin(), pcs.end());
    return pcs;
  };
  EXPECT_EQ(pcs_of("twice"), std::vector<uint32_t>{img.symbols.at("at_twice")});
  EXPECT_EQ(pcs_of("after call"), std::vector<uint32_t>{img.symbols.at("at_after_call")});
  EXPECT_EQ(pcs_of("inlined"), (std::vector<uint32_t>{img.symbols.at("at_inlined_1"),
                                                      img.symbols.at("at_inlined_2")}));
  EXPECT_TRUE(pcs_of("unused").empty());
  EXPECT_EQ(m.size(), 4u);
}
#endif

}  // namespace
