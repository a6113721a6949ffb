// Marked instructions: zero-cost measurement points for the simulator
// (ARCHITECTURE.md §9 "How runtime figures are measured").
//
//   RT_MARK("rt.resume");   // marks the next instruction the compiler emits
//
// The macro emits no instruction: a label at the current position and an
// entry { uint32 pc; name, NUL-terminated; padding to 4 bytes } in the
// non-allocated ELF section .rt_marks (never loaded into RAM). soc_sim
// --events logs a `mark` event whenever a marked pc retires, so a figure
// such as "device IRQ -> first instruction of the task" is read from the
// retirement trace without disturbing a single cycle. The same name may mark
// many pcs (inlined copies); entries of functions removed by --gc-sections
// have pc 0 and are ignored. The label is a local symbol, not a .L label, so
// linker relaxation keeps its address right. Names: free text without quotes.
#pragma once

#define RT_MARK(name)                                                   \
  asm volatile("__rtm%=:\n\t.pushsection .rt_marks,\"\",@progbits\n\t" \
               ".balign 4\n\t.word __rtm%=\n\t.asciz \"" name "\"\n\t.popsection" ::)
