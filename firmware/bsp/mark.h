// Marked instructions: zero-cost measurement points for the simulator
// (ARCHITECTURE.md §9 "How runtime figures are measured", docs/simulator.md
// "Event log").
//
//   RT_MARK("rt.resume");   // marks the next instruction the compiler emits
//
// Cost: nothing. The macro emits no instruction and no data in RAM: a label
// at the current position, and an entry { uint32 pc (little endian); name,
// NUL-terminated; zero padding to 4 bytes } in a non-allocated ELF section
// that is never loaded. The mark is the NEXT instruction emitted after that
// point (whatever the compiler places there; check the .dis file when it
// matters). soc_sim --events logs a `mark` event whenever a marked pc
// retires, so a figure such as "device IRQ -> first instruction of the task"
// is read from the retirement trace without disturbing a single cycle
// (scripts/rt_intervals.py pairs the events).
//
// Names are free text without quotes or control characters, e.g. "rt.resume";
// the same name may mark many pcs (inlined copies are all marked). The label
// is a local symbol (__rtm<n>), not a .L label, so linker relaxation keeps
// its address right.
//
// Linking: the input section is `.debug_rt_marks`, which --gc-sections keeps
// without keeping what it points to (as it does for debug information), so
// marking a function never keeps it alive; the entries of functions the
// linker removed get pc 0 and are ignored. bsp/link.ld renames the output
// section `.rt_marks`, where soc_sim reads it (rv_iss/rt_marks.h). A plain
// `.rt_marks` input section would be dropped by --gc-sections, or with a
// KEEP would keep every marked function.
#pragma once

#define RT_MARK(name)                                                         \
  asm volatile("__rtm%=:\n\t.pushsection .debug_rt_marks,\"\",@progbits\n\t" \
               ".balign 4\n\t.word __rtm%=\n\t.asciz \"" name "\"\n\t.popsection" ::)
