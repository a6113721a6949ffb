# A minimal RISC-V test-environment program for the ELF loader tests: code at
# 0x80000000, tohost/fromhost, initialised data and bss (two or more PT_LOAD
# segments, one with zero fill), linked with tests/isa/env/link.ld.
  .section .text.init, "ax", @progbits
  .globl _start
_start:
  la t0, tohost
  li t1, 1
  sw t1, 0(t0)
1:
  j 1b

  .section .tohost, "aw", @progbits
  .align 6
  .globl tohost
tohost:
  .dword 0
  .align 6
  .globl fromhost
fromhost:
  .dword 0

  .data
  .globl table
table:
  .word 1, 2, 3, 4

  .bss
  .globl scratch
scratch:
  .space 64
