// A program for the .rt_marks reader tests (tests/sim_common/rt_marks_test.cpp),
// built with the firmware's flags, bsp/mark.h and bsp/link.ld (-O2,
// --gc-sections, linker relaxation on). Never run. Each mark is followed by a
// global label at the same place (`at_<n>`), so the test can check every
// mark's pc against the symbol table; relaxed calls before the marks move them.
#include "bsp/mark.h"

#define AT(label) asm volatile(".globl " #label "\n" #label ":")

extern "C" {

__attribute__((noinline)) int twice(int x) {
  RT_MARK("twice");
  AT(at_twice);
  return 2 * x;
}

// Removed by --gc-sections: its entry has pc 0 and is skipped.
__attribute__((noinline)) int unused(int x) {
  RT_MARK("unused");
  return x + 7;
}

static inline __attribute__((always_inline)) void inlined() { RT_MARK("inlined"); }

volatile int sink;

__attribute__((noreturn)) void _start() {
  sink = twice(sink);
  RT_MARK("after call");
  AT(at_after_call);
  inlined();
  AT(at_inlined_1);
  sink = twice(sink + 1);
  inlined();
  AT(at_inlined_2);
  for (;;) sink = sink + 1;
}

}  // extern "C"
