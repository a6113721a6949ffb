// Formatted output on the UART without a C library stdio.
//
// printf supports %d %i %u %x %X %p %s %c %% with an optional `0` flag
// (numbers), `-` flag (strings: left-justified), a field width and the
// `l`/`ll` length modifiers (64-bit with ll). One call
// prints atomically with respect to other harts (a spin lock, re-entrant on
// the same hart so a trap handler that prints cannot deadlock).
//
// Note: on riscv64-unknown-elf uint32_t is `unsigned long` (and int32_t
// `long`), so -Wformat wants %lu / %lx / %ld for them; long is 32 bits here.
#pragma once

#include <stdint.h>

namespace bsp {

void printf(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
// A string, no newline added.
void print(const char* s);
// A string and a newline.
void puts(const char* s);

}  // namespace bsp
