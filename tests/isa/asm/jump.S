# JAL and JALR: targets, link values, JALR clearing bit 0, rd == rs1 (user mode).
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_CASE(2, x14, 0, la x13, 1f; jal x14, 2f; 1: j fail; 2: sub x14, x14, x13)
  TEST_CASE(3, x14, 0, la x1, 1f; jalr x2, 0(x1); j fail; 1: la x13, 1b - 8; addi x14, x2, -4; sub x14, x14, x13)
  TEST_CASE(4, x14, 5, la x1, 1f + 1; li x14, 0; jalr x0, 0(x1); li x14, 9; 1: addi x14, x14, 5)
  TEST_CASE(5, x14, 0, la x1, 1f; jalr x1, 0(x1); 1: la x13, 1b; sub x14, x1, x13)
  TEST_CASE(6, x14, 3, li x14, 0; call 7f; addi x14, x14, 1; j 8f; 7: addi x14, x14, 2; ret; 8: nop)
  TEST_CASE(7, x14, 4, la x1, 1f - 12; li x14, 4; jalr x0, 12(x1); li x14, 0; 1: nop)
  TEST_PASSFAIL
RVTEST_CODE_END
  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
