// Markers for the core benchmarks: the runner measures cycles and retired
// instructions between bench_begin() and bench_end() (stores to the ISA
// testbench device), so measuring does not disturb the count.
#pragma once
#include <stdint.h>

#define TB_MARKER ((volatile uint32_t*)0x20000018u)
static inline void bench_begin(void) { *TB_MARKER = 1; }
static inline void bench_end(void) { *TB_MARKER = 2; }
