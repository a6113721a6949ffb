# Interrupt entry latency: the testbench raises MEI at a known cycle while the
# core runs straight-line code (and, second, while it sleeps in WFI); the
# runner measures from the line's rise to the retirement of the handler's
# first instruction.
  .section .text.init
  .globl _start
_start:
  la t0, handler
  csrw mtvec, t0
  li t0, 1 << 11
  csrw mie, t0
  csrsi mstatus, 8
  li s0, 0x20000000
  li s1, 0                   # interrupts seen
  li a0, 0
  # 1: busy core
  li t0, 20
  sw t0, 8(s0)               # arm delay
  li t0, 1 << 11
  sw t0, 12(s0)              # arm MEI
  .rept 64
  addi a0, a0, 1
  .endr
  # 2: sleeping core
  li t0, 20
  sw t0, 8(s0)
  li t0, 1 << 11
  sw t0, 12(s0)
  wfi
  .rept 8
  nop
  .endr
  la t0, tohost
  li t1, 2
  sub a0, s1, t1             # pass when both interrupts were taken
  snez a0, a0
  slli a0, a0, 1
  ori a0, a0, 1
  sw a0, 0(t0)
  sw zero, 4(t0)
1: j 1b

  .align 7
handler:
  addi s1, s1, 1             # first handler instruction
  li t6, -1
  sw t6, 4(s0)               # clear the lines
  mret

  .section .tohost, "aw", @progbits
  .align 6
  .globl tohost
tohost: .dword 0
  .size tohost, 8
  .align 6
  .globl fromhost
fromhost: .dword 0
  .size fromhost, 8
