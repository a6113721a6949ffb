// ELF loader validation (sim/iss/src/elf_loader.cpp): every malformed-file
// case gives its one-line error starting with the path, the RAM check names
// the segment and the RAM window, and truncated or corrupted files never
// crash the reader (every length of a valid file, random byte damage).
#include "rv_iss/elf_loader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "rv_iss/sim_memory.h"
#include "test_util.h"

namespace {

using simc_test::Bytes;
using simc_test::TempDir;
using simc_test::rd16;
using simc_test::rd32;
using simc_test::wr16;
using simc_test::wr32;

constexpr uint32_t kRamBase = 0x80000000;
constexpr uint32_t kRamBytes = 16u << 20;


// Field offsets (ELF32).
constexpr size_t kType = 16, kMachine = 18, kPhoff = 28, kShoff = 32, kPhentsize = 42, kPhnum = 44,
                 kShentsize = 46, kShnum = 48;
size_t phdr(const Bytes& b, unsigned i) { return rd32(b, kPhoff) + 32 * i; }
size_t shdr(const Bytes& b, unsigned i) { return rd32(b, kShoff) + 40 * i; }
size_t symtab_shdr(const Bytes& b) {
  for (unsigned i = 0; i < rd16(b, kShnum); ++i) {
    if (rd32(b, shdr(b, i) + 4) == 2) return shdr(b, i);
  }
  ADD_FAILURE() << "no symbol table";
  return 0;
}

// Two segments and a few symbols, written by rv::write_elf.
rv::ElfImage sample_image() {
  rv::ElfImage img;
  img.entry = 0x80000000;
  rv::ElfImage::Segment code{0x80000000, std::vector<uint8_t>(64)};
  for (size_t i = 0; i < code.bytes.size(); ++i) code.bytes[i] = uint8_t(i * 7 + 1);
  rv::ElfImage::Segment data{0x80001000, std::vector<uint8_t>(32, 0xAB)};
  img.segments.push_back(code);
  img.segments.push_back(data);
  img.symbols["tohost"] = 0x80001000;
  img.symbols["fromhost"] = 0x80001008;
  img.symbols["begin_signature"] = 0x80001010;
  return img;
}

class ElfLoader : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.path().empty());
    std::string err;
    ASSERT_TRUE(rv::write_elf(dir_.file("good.elf"), sample_image(), err)) << err;
    good_ = simc_test::read_file(dir_.file("good.elf"));
    ASSERT_GT(good_.size(), 200u);
  }

  // Writes bytes to a file, reads it back and returns the error, checking
  // that it failed with one line starting with the path.
  std::string error_for(const Bytes& bytes) {
    const std::string path = dir_.file("case.elf");
    simc_test::write_file(path, bytes);
    return error_for_path(path);
  }
  std::string error_for_path(const std::string& path) {
    rv::ElfImage img;
    img.entry = 0x1234;
    std::string err;
    EXPECT_FALSE(rv::read_elf(path, img, err));
    EXPECT_EQ(err.rfind(path + ": ", 0), 0u) << err;
    EXPECT_EQ(err.find('\n'), std::string::npos) << err;
    EXPECT_EQ(img.entry, 0x1234u) << "image written on failure";
    return err;
  }

  TempDir dir_;
  Bytes good_;
};

TEST_F(ElfLoader, written_image_reads_back_identically) {
  rv::ElfImage img;
  std::string err;
  ASSERT_TRUE(rv::read_elf(dir_.file("good.elf"), img, err)) << err;
  const rv::ElfImage ref = sample_image();
  EXPECT_EQ(img.entry, ref.entry);
  ASSERT_EQ(img.segments.size(), ref.segments.size());
  for (size_t i = 0; i < ref.segments.size(); ++i) {
    EXPECT_EQ(img.segments[i].addr, ref.segments[i].addr);
    EXPECT_EQ(img.segments[i].bytes, ref.segments[i].bytes);
  }
  EXPECT_EQ(img.symbols, ref.symbols);
  EXPECT_EQ(img.source, dir_.file("good.elf"));
}

TEST_F(ElfLoader, missing_file_is_reported_with_reason) {
  const std::string err = error_for_path(dir_.file("nope.elf"));
  EXPECT_CONTAINS(err, "cannot open: No such file or directory");
}

TEST_F(ElfLoader, directory_is_not_an_elf) {
  EXPECT_CONTAINS(error_for_path(dir_.path()), "is a directory");
}

TEST_F(ElfLoader, empty_and_text_files_are_not_elf) {
  EXPECT_CONTAINS(error_for(Bytes{}), "not an ELF file (empty)");
  const std::string text = "#!/bin/sh\necho this is not an ELF\n";
  EXPECT_CONTAINS(error_for(Bytes(text.begin(), text.end())), "not an ELF file (bad magic number)");
  EXPECT_CONTAINS(error_for(Bytes{0x7f, 'E'}), "not an ELF file (only 2 bytes)");
}

TEST_F(ElfLoader, elf64_is_rejected) {
  Bytes b = good_;
  b[4] = 2;
  EXPECT_CONTAINS(error_for(b), "64-bit ELF (ELFCLASS64)");
  b[4] = 7;
  EXPECT_CONTAINS(error_for(b), "invalid ELF class 7");
}

TEST_F(ElfLoader, big_endian_is_rejected) {
  Bytes b = good_;
  b[5] = 2;
  EXPECT_CONTAINS(error_for(b), "big-endian ELF");
}

TEST_F(ElfLoader, truncated_header_is_reported) {
  const Bytes b(good_.begin(), good_.begin() + 30);
  EXPECT_CONTAINS(error_for(b), "truncated ELF header (30 of 52 bytes)");
}

TEST_F(ElfLoader, wrong_machine_is_named) {
  Bytes b = good_;
  wr16(b, kMachine, 62);
  EXPECT_CONTAINS(error_for(b), "machine 62 (x86-64) is not RISC-V (EM_RISCV = 243)");
}

TEST_F(ElfLoader, object_files_and_pie_are_not_executables) {
  Bytes b = good_;
  wr16(b, kType, 1);
  EXPECT_CONTAINS(error_for(b), "ELF type 1 (relocatable object; link it first)");
  wr16(b, kType, 3);
  EXPECT_CONTAINS(error_for(b), "is not an executable (ET_EXEC)");
}

TEST_F(ElfLoader, program_header_table_outside_file) {
  Bytes b = good_;
  wr32(b, kPhoff, uint32_t(b.size() - 40));
  EXPECT_CONTAINS(error_for(b), "program header table (offset");
  EXPECT_CONTAINS(error_for(b), "runs past the end of the file");
  b = good_;
  wr16(b, kPhnum, 0xffff);
  EXPECT_CONTAINS(error_for(b), "program header table");
}

TEST_F(ElfLoader, program_header_entry_size_must_be_32) {
  Bytes b = good_;
  wr16(b, kPhentsize, 56);
  EXPECT_CONTAINS(error_for(b), "program header entry size 56, expected 32");
}

TEST_F(ElfLoader, no_loadable_segment) {
  Bytes b = good_;
  for (unsigned i = 0; i < rd16(b, kPhnum); ++i) wr32(b, phdr(b, i), 4);  // PT_NOTE
  EXPECT_CONTAINS(error_for(b), "no loadable (PT_LOAD) segment");
  b = good_;
  wr16(b, kPhnum, 0);
  EXPECT_CONTAINS(error_for(b), "no loadable (PT_LOAD) segment");
  b = good_;
  for (unsigned i = 0; i < rd16(b, kPhnum); ++i) {
    wr32(b, phdr(b, i) + 16, 0);
    wr32(b, phdr(b, i) + 20, 0);
  }
  EXPECT_CONTAINS(error_for(b), "no loadable (PT_LOAD) segment with a non-zero size");
}

TEST_F(ElfLoader, truncated_segment_data) {
  const uint32_t off = rd32(good_, phdr(good_, 1) + 4);
  const Bytes b(good_.begin(), good_.begin() + off + 10);
  const std::string err = error_for(b);
  EXPECT_CONTAINS(err, "segment 1 (file offset");
  EXPECT_CONTAINS(err, "runs past the end of the file (" + std::to_string(off + 10) + " bytes)");
  EXPECT_CONTAINS(err, "truncated file?");
}

TEST_F(ElfLoader, file_size_larger_than_memory_size) {
  Bytes b = good_;
  wr32(b, phdr(b, 0) + 20, 60);  // memsz 60 < filesz 64
  EXPECT_CONTAINS(error_for(b), "segment 0: file size 64 exceeds memory size 60");
}

TEST_F(ElfLoader, segment_wrapping_past_4gib) {
  Bytes b = good_;
  wr32(b, phdr(b, 1) + 12, 0xfffffff0);  // 32 bytes from here wrap
  EXPECT_CONTAINS(error_for(b),
                  "segment 1 at 0xfffffff0 (32 bytes) wraps past the end of the 32-bit address "
                  "space");
}

TEST_F(ElfLoader, overlapping_segments) {
  Bytes b = good_;
  wr32(b, phdr(b, 1) + 12, 0x80000020);  // inside segment 0 (0x80000000..0x8000003f)
  EXPECT_CONTAINS(error_for(b),
                  "segments 0 (0x80000000..0x8000003f) and 1 (0x80000020..0x8000003f) overlap in "
                  "memory");
  // Touching is fine.
  wr32(b, phdr(b, 1) + 12, 0x80000040);
  rv::ElfImage img;
  std::string err;
  simc_test::write_file(dir_.file("touch.elf"), b);
  EXPECT_TRUE(rv::read_elf(dir_.file("touch.elf"), img, err)) << err;
}

TEST_F(ElfLoader, oversized_image_is_rejected_before_allocation) {
  Bytes b = good_;
  wr32(b, phdr(b, 1) + 12, 0x10000000);
  wr32(b, phdr(b, 1) + 20, 0xe0000000);
  EXPECT_CONTAINS(error_for(b), "segments need more than 64 MiB of memory");
}

TEST_F(ElfLoader, section_header_table_outside_file) {
  Bytes b = good_;
  wr32(b, kShoff, uint32_t(b.size() - 8));
  EXPECT_CONTAINS(error_for(b), "section header table (offset");
  // A file cut inside its section headers (they are last) says so too.
  const Bytes cut(good_.begin(), good_.end() - 1);
  EXPECT_CONTAINS(error_for(cut), "section header table");
  EXPECT_CONTAINS(error_for(cut), "truncated file?");
  b = good_;
  wr16(b, kShentsize, 64);
  EXPECT_CONTAINS(error_for(b), "section header entry size 64, expected 40");
}

TEST_F(ElfLoader, symbol_table_outside_file) {
  Bytes b = good_;
  wr32(b, symtab_shdr(b) + 16, 0x7fff0000);
  EXPECT_CONTAINS(error_for(b), "symbol table (offset 0x7fff0000");
  b = good_;
  wr32(b, symtab_shdr(b) + 24, 200);  // sh_link beyond the table
  EXPECT_CONTAINS(error_for(b), "symbol table links to string table section 200");
  b = good_;
  const uint32_t link = rd32(b, symtab_shdr(b) + 24);
  wr32(b, shdr(b, link) + 20, 0x100000);  // string table larger than the file
  EXPECT_CONTAINS(error_for(b), "symbol string table");
}

TEST_F(ElfLoader, bad_symbol_names_are_skipped_not_fatal) {
  Bytes b = good_;
  const size_t sh = symtab_shdr(b);
  const uint32_t symoff = rd32(b, sh + 16);
  wr32(b, symoff + 16, 0x00ffffff);  // first real symbol's name: beyond the string table
  simc_test::write_file(dir_.file("names.elf"), b);
  rv::ElfImage img;
  std::string err;
  ASSERT_TRUE(rv::read_elf(dir_.file("names.elf"), img, err)) << err;
  EXPECT_EQ(img.symbols.size(), sample_image().symbols.size() - 1);
}

TEST_F(ElfLoader, no_section_headers_means_no_symbols) {
  Bytes b = good_;
  wr32(b, kShoff, 0);
  wr16(b, kShnum, 0);
  simc_test::write_file(dir_.file("stripped.elf"), b);
  rv::ElfImage img;
  std::string err;
  ASSERT_TRUE(rv::read_elf(dir_.file("stripped.elf"), img, err)) << err;
  EXPECT_TRUE(img.symbols.empty());
  EXPECT_EQ(img.segments.size(), 2u);
}

TEST_F(ElfLoader, image_outside_ram_names_segment_and_ram) {
  rv::ElfImage img = sample_image();
  std::string err;
  EXPECT_TRUE(rv::check_image_in_ram(img, kRamBase, kRamBytes, err)) << err;
  img.segments[1].addr = 0x1000;
  img.segments[1].bytes.resize(16);
  EXPECT_FALSE(rv::check_image_in_ram(img, kRamBase, kRamBytes, err));
  EXPECT_EQ(err, "segment at 0x00001000 (16 bytes) lies outside RAM 0x80000000..0x80ffffff");
  img.source = "prog.elf";
  img.segments[1].addr = 0x80fffff8;  // straddles the end of RAM
  EXPECT_FALSE(rv::check_image_in_ram(img, kRamBase, kRamBytes, err));
  EXPECT_EQ(err,
            "prog.elf: segment at 0x80fffff8 (16 bytes) lies outside RAM 0x80000000..0x80ffffff");
  img.segments[1].addr = 0x80fffff0;  // ends exactly at the end of RAM
  EXPECT_TRUE(rv::check_image_in_ram(img, kRamBase, kRamBytes, err)) << err;
}

TEST_F(ElfLoader, load_image_refuses_and_leaves_memory_untouched) {
  rv::ElfImage img = sample_image();
  img.segments[1].addr = 0x7ffffff0;  // just below RAM
  rv::SimMemory mem(kRamBase, 1u << 16);
  std::string err;
  EXPECT_FALSE(rv::load_image(img, mem, err));
  EXPECT_CONTAINS(err, "lies outside RAM 0x80000000..0x8000ffff");
  EXPECT_EQ(mem.read_word(kRamBase), 0u) << "segment 0 written although the image was refused";
  img = sample_image();
  ASSERT_TRUE(rv::load_image(img, mem, err)) << err;
  EXPECT_EQ(mem.read_word(kRamBase), 0x16'0f'08'01u);
}

// Every prefix of a valid file is an error (the section headers come last),
// never a crash; a few lengths go through the file path too.
void check_every_truncation(const std::string& name, const Bytes& file, const TempDir& dir) {
  for (size_t len = 0; len < file.size(); ++len) {
    rv::ElfImage img;
    std::string err;
    ASSERT_FALSE(rv::parse_elf(name, file.data(), len, img, err)) << "length " << len;
    ASSERT_EQ(err.rfind(name + ": ", 0), 0u) << err;
    ASSERT_EQ(err.find('\n'), std::string::npos) << err;
  }
  for (size_t len : {size_t(0), size_t(51), file.size() / 2, file.size() - 1}) {
    const std::string path = dir.file("cut.elf");
    simc_test::write_file(path, Bytes(file.begin(), file.begin() + len));
    rv::ElfImage img;
    std::string err;
    EXPECT_FALSE(rv::read_elf(path, img, err)) << "length " << len;
  }
}

// Random damage: 1-4 bytes replaced or bit-flipped, biased toward the headers
// where the offsets and sizes live. Each result is success (with a sane
// image) or a one-line error.
void check_random_damage(const std::string& name, const Bytes& file, uint64_t seed, int rounds) {
  std::mt19937_64 rng(seed);
  int ok = 0;
  for (int round = 0; round < rounds; ++round) {
    Bytes b = file;
    const int edits = 1 + int(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const size_t range = rng() % 2 ? std::min<size_t>(b.size(), 52 + 32 * 4) : b.size();
      const size_t pos = rng() % range;
      if (rng() % 2) {
        b[pos] ^= uint8_t(1u << (rng() % 8));
      } else {
        b[pos] = uint8_t(rng());
      }
    }
    rv::ElfImage img;
    std::string err;
    if (rv::parse_elf(name, b.data(), b.size(), img, err)) {
      ++ok;
      uint64_t total = 0;
      for (const auto& s : img.segments) {
        ASSERT_FALSE(s.bytes.empty());
        ASSERT_LE(uint64_t(s.addr) + s.bytes.size(), uint64_t(1) << 32);
        total += s.bytes.size();
      }
      ASSERT_LE(total, rv::kElfMaxImageBytes);
    } else {
      ASSERT_EQ(err.rfind(name + ": ", 0), 0u) << err;
      ASSERT_EQ(err.find('\n'), std::string::npos) << err;
    }
  }
  EXPECT_GT(ok, 0) << "no damaged file loaded at all: the damage is too coarse to be useful";
}

TEST_F(ElfLoader, fuzz_truncation_never_crashes_written_elf) {
  check_every_truncation("w.elf", good_, dir_);
}

TEST_F(ElfLoader, fuzz_byte_damage_never_crashes_written_elf) {
  check_random_damage("w.elf", good_, 1, 20000);
}

#ifdef SIMC_TINY_ELF
TEST_F(ElfLoader, linked_program_loads_with_symbols_and_zero_fill) {
  rv::ElfImage img;
  std::string err;
  ASSERT_TRUE(rv::read_elf(SIMC_TINY_ELF, img, err)) << err;
  EXPECT_EQ(img.entry, 0x80000000u);
  EXPECT_EQ(img.symbols.at("tohost"), 0x80001000u);
  EXPECT_EQ(img.symbols.at("fromhost"), 0x80001040u);
  ASSERT_EQ(img.segments.size(), 2u);  // the attributes header is not PT_LOAD
  // The data segment's bss (64 bytes after .data) is zero fill.
  const auto& data = img.segments[1];
  const uint32_t scratch = img.symbols.at("scratch");
  ASSERT_EQ(data.addr + data.bytes.size(), scratch + 64);
  EXPECT_TRUE(
      std::all_of(data.bytes.end() - 64, data.bytes.end(), [](uint8_t v) { return v == 0; }));
  EXPECT_TRUE(rv::check_image_in_ram(img, kRamBase, kRamBytes, err)) << err;
  EXPECT_FALSE(rv::check_image_in_ram(img, kRamBase, 0x1000, err));
  EXPECT_CONTAINS(err, "segment at 0x80001000");
}

TEST_F(ElfLoader, fuzz_truncation_never_crashes_linked_elf) {
  check_every_truncation("tiny.elf", simc_test::read_file(SIMC_TINY_ELF), dir_);
}

TEST_F(ElfLoader, fuzz_byte_damage_never_crashes_linked_elf) {
  check_random_damage("tiny.elf", simc_test::read_file(SIMC_TINY_ELF), 2, 20000);
}
#endif

}  // namespace
