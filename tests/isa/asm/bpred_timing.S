# The branch predictor's effect in cycles (tests/isa/isa_bpred.cpp measures
# it; core and ISS only, the marker register is the testbench's). Each pass
# of the loop stores its count to the MARKER register, then runs a forward
# branch that is always taken, a call through a register and its return, and
# the loop's backward branch: 7 instructions. Once the predictor has learnt
# them, a pass takes 7 cycles; statically predicted it takes 13 (the forward
# branch, the JALR and the return cost 2 bubbles each).
#include "riscv_test.h"
#include "test_macros.h"
#define TB_MARKER 0x20000018
RVTEST_RV32M
RVTEST_CODE_BEGIN
  li TESTNUM, 2
  li x10, TB_MARKER
  la x18, leaf
  li x9, 32              # passes
  li x14, 0
  j 1f
  .align 4
1:
  sw x9, 0(x10)
  beq x0, x0, 2f
  j fail
2:
  jalr x1, 0(x18)
  addi x9, x9, -1
  bnez x9, 1b
  sw x9, 0(x10)          # the end of the last pass
  li x29, 32
  bne x14, x29, fail
  TEST_PASSFAIL

leaf:
  addi x14, x14, 1
  ret
RVTEST_CODE_END
  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
