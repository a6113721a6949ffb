// Accesses to unmapped addresses end in precise access faults, never a hang:
// a load (cause 5), a store (cause 7), an AMO to a device (cause 7: atomics
// reach only RAM) and a fetch (cause 1), each from a hole in the memory map.
// Exits 0 through the sim control page when all four trapped as expected,
// else with the number of the step that went wrong.
  .section .text.init
  .globl _start
_start:
  la   t0, trap
  csrw mtvec, t0
  li   s0, 0x30000000        # a hole in the memory map
  li   s1, 0                 # step
  li   s2, 5                 # expected cause
  lw   t1, 0(s0)
  j    fail
1:
  li   s1, 1
  li   s2, 7
  sw   t1, 4(s0)
  j    fail
2:
  li   s1, 2
  li   s2, 7
  li   s3, 0x10001000        # sim control page: a device
  amoadd.w t1, t1, (s3)
  j    fail
3:
  li   s1, 3
  li   s2, 1
  jr   s0
  j    fail
done:
  li   t0, 0x10001000
  sw   zero, 0(t0)
  j    .
fail:
  li   t0, 0x10001000
  addi t1, s1, 10
  sw   t1, 0(t0)
  j    .
// Checks the cause, then resumes at the next step.
trap:
  csrr t2, mcause
  bne  t2, s2, fail
  la   t3, steps
  slli t4, s1, 2
  add  t3, t3, t4
  lw   t3, 0(t3)
  csrw mepc, t3
  mret
  .section .rodata
  .balign 4
steps:
  .word 1b, 2b, 3b, done
