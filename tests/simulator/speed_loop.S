# Simulation-speed workload (tests/simulator/bench.sh): every hart runs a loop
# of ALU work, loads and stores on its own stack slot, forever; the simulator
# stops it at --max-cycles.
  .section .text.init
  .globl _start
_start:
  csrr t0, mhartid
  slli t0, t0, 6
  li   sp, 0x80010000
  add  sp, sp, t0
  li   t1, 0
1:
  addi t1, t1, 3
  xor  t2, t1, t0
  sw   t2, 0(sp)
  lw   t3, 0(sp)
  add  t1, t1, t3
  andi t1, t1, 1023
  j    1b
