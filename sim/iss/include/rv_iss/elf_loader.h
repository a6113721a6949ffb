// Minimal ELF32 little-endian RISC-V loader and writer: PT_LOAD segments into
// a SimMemory, symbol lookup (tohost, fromhost, begin_signature, ...), and a
// writer for the random program generator so QEMU runs the same image.
//
// The reader validates everything it touches and never reads outside the
// file, whatever the input: every failure is one line, starting with the
// file's path (see docs/simulator.md, "ELF loading", for the list). Policy on
// the parts that are not loaded:
//  * No section header table (e_shoff or e_shnum 0): accepted, no symbols.
//  * A section header table, symbol table or its string table that lies
//    (partly) outside the file is an error, not a silent "no symbols": linkers
//    put the section headers at the very end, so this is what a truncated
//    file looks like, and running it without its tohost symbol would hang
//    instead of failing.
//  * Individual symbols whose name offset is outside the string table are
//    skipped; a name not terminated inside the string table is cut at its end.
// Segments are placed at their physical address (p_paddr), as a bare-metal
// loader does; for the linker scripts in this repo p_paddr == p_vaddr.
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "rv_iss/sim_memory.h"

namespace rv {

struct ElfImage {
  uint32_t entry = 0;
  struct Segment {
    uint32_t addr;
    std::vector<uint8_t> bytes;  // file bytes followed by zero fill
    // How many of `bytes` the file holds (p_filesz); the rest is zero fill a
    // loader that cannot write memory for free (the boot ROM over a UART)
    // leaves to the program's own .bss clearing. read_elf sets it; images
    // built in memory leave it 0.
    uint32_t file_size = 0;
  };
  std::vector<Segment> segments;
  std::map<std::string, uint32_t> symbols;
  // Where the image came from (the path given to read_elf); prefixes errors
  // about the image. Empty for generated images.
  std::string source;
};

// The most memory all segments of one image may occupy together; a larger
// image is rejected before anything is allocated (no RAM we simulate is near it).
constexpr uint64_t kElfMaxImageBytes = 64ull << 20;

// Reads a whole file for the parsers below (at most 1 GiB, a regular file);
// false and error = "path: cannot open: No such file or directory" (or
// "is a directory, not an ELF file", ...) on failure.
bool read_file_bytes(const std::string& path, std::vector<uint8_t>& bytes, std::string& error);
// Reads an ELF file; returns false and sets error (one line, starting with
// path) on failure. image is only written on success.
bool read_elf(const std::string& path, ElfImage& image, std::string& error);
// The same on a file already in memory; name stands for the path in errors.
bool parse_elf(const std::string& name, const uint8_t* data, size_t size, ElfImage& image,
               std::string& error);
// True if every segment lies inside [ram_base, ram_base + ram_bytes); otherwise
// false and error = "[source: ]segment at 0x80ff0000 (131072 bytes) lies
// outside RAM 0x80000000..0x80ffffff".
bool check_image_in_ram(const ElfImage& image, uint32_t ram_base, uint32_t ram_bytes,
                        std::string& error);
// Copies every segment into memory; false (memory untouched) if a segment lies
// outside RAM.
bool load_image(const ElfImage& image, SimMemory& mem, std::string& error);
// Writes a static executable with one segment per ElfImage segment and a
// symbol table holding image.symbols.
bool write_elf(const std::string& path, const ElfImage& image, std::string& error);

}  // namespace rv
