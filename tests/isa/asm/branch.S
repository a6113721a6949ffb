# Conditional branches taken and not taken, forward and backward (the core
# predicts backward branches taken), and loops (user mode).
#include "riscv_test.h"
#include "test_macros.h"
#define TEST_BR(n, inst, v1, v2, taken)            \
  test_##n: li TESTNUM, n; li x1, v1; li x2, v2;   \
  li x14, 0; inst x1, x2, 1f; li x14, 1; 1:        \
  li x29, !(taken); bne x14, x29, fail
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_BR(2, beq, 5, 5, 1)
  TEST_BR(3, beq, 5, 6, 0)
  TEST_BR(4, bne, 5, 6, 1)
  TEST_BR(5, bne, 5, 5, 0)
  TEST_BR(6, blt, -1, 0, 1)
  TEST_BR(7, blt, 0, -1, 0)
  TEST_BR(8, bge, 0, -1, 1)
  TEST_BR(9, bge, -1, -1, 1)
  TEST_BR(10, bge, -2, -1, 0)
  TEST_BR(11, bltu, 0, -1, 1)
  TEST_BR(12, bltu, -1, 0, 0)
  TEST_BR(13, bgeu, -1, 0, 1)
  TEST_BR(14, bgeu, 0, -1, 0)
  # backward loop: 10 iterations
  TEST_CASE(15, x14, 55, li x1, 10; li x14, 0; 1: add x14, x14, x1; addi x1, x1, -1; bnez x1, 1b)
  # backward branch not taken (predicted taken, resolved not taken)
  TEST_CASE(16, x14, 7, li x14, 7; j 2f; 1: li x14, 99; j 3f; 2: beqz x14, 1b; 3: nop)
  # branch depending on the previous instruction's result
  TEST_CASE(17, x14, 1, li x1, 3; addi x1, x1, -3; li x14, 0; bnez x1, 1f; li x14, 1; 1: nop)
  # nested loops
  TEST_CASE(18, x14, 12, li x14, 0; li x1, 3; 1: li x2, 4; 2: addi x14, x14, 1; addi x2, x2, -1; bnez x2, 2b; addi x1, x1, -1; bnez x1, 1b)
  TEST_PASSFAIL
RVTEST_CODE_END
  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
