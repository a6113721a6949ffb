# Destructive MMIO loads (like the ATS-INTC DEQ) are issued only by
# instructions that can no longer be squashed and never twice: a read counter
# in the testbench device must see every value exactly once, also on paths
# that are fetched and squashed and while interrupts arrive (core and ISS only;
# run it with spontaneous interrupts).
#include "riscv_test.h"
#include "test_macros.h"
#define TB 0x20000000
RVTEST_RV32M
RVTEST_CODE_BEGIN
  la t0, handler
  csrw mtvec, t0
  li x10, TB
  li x1, -1
  csrw mie, x1
  csrsi mstatus, MSTATUS_MIE
  sw x0, 16(x10)         # counter = 0
  li x11, 0              # expected next value
  li x12, 200
  li TESTNUM, 2
1:
  lw x13, 16(x10)
  bne x13, x11, fail     # load-use on the destructive value
  addi x11, x11, 1
  # loads on a squashed path: the branch is taken on every other iteration
  # (x12 even), which keeps the branch predictor from ever predicting it
  # taken, so the loads behind it are fetched and squashed; on the other
  # iterations they run, and count
  andi x15, x12, 1
  beqz x15, 2f
  lw x14, 16(x10)
  lw x16, 16(x10)
  bne x14, x11, fail
  addi x11, x11, 1
  bne x16, x11, fail
  addi x11, x11, 1
2:
  # a load right behind a divide and a mispredicted backward branch
  div x15, x12, x11
  lw x13, 16(x10)
  bne x13, x11, fail
  addi x11, x11, 1
  addi x12, x12, -1
  bnez x12, 1b
  li TESTNUM, 3
  lw x13, 16(x10)
  bne x13, x11, fail
  csrci mstatus, MSTATUS_MIE
  la t0, trap_vector
  csrw mtvec, t0
  li TESTNUM, 4
  TEST_PASSFAIL

  .align 2
handler:                 # interrupts: clear every line, count them
  csrr t6, mcause
  bgez t6, fail
  li t6, -1
  sw t6, 4(x10)
  addi x24, x24, 1
  mret
RVTEST_CODE_END
  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
