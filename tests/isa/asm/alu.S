# Integer register-register and register-immediate instructions, LUI/AUIPC,
# and forwarding between back-to-back dependent instructions (user mode).
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_RR_OP(2, add, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR_OP(3, add, 0x80000000, 0x7fffffff, 0x00000001)
  TEST_RR_OP(4, add, 0xfffffffe, 0xffffffff, 0xffffffff)
  TEST_RR_OP(5, sub, 0x80000001, 0x00000000, 0x7fffffff)
  TEST_RR_OP(6, sub, 0x7fffffff, 0x80000000, 0x00000001)
  TEST_RR_OP(7, and, 0x0f000f00, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR_OP(8, or,  0xff0fff0f, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR_OP(9, xor, 0xf00ff00f, 0xff00ff00, 0x0f0f0f0f)
  TEST_RR_OP(10, sll, 0x80000000, 0x00000001, 31)
  TEST_RR_OP(11, sll, 0x00000002, 0x00000001, 0xffffffe1)
  TEST_RR_OP(12, srl, 0x00000001, 0x80000000, 31)
  TEST_RR_OP(13, srl, 0x7fffffff, 0xffffffff, 33)
  TEST_RR_OP(14, sra, 0xffffffff, 0x80000000, 31)
  TEST_RR_OP(15, sra, 0xc0000000, 0x80000000, 1)
  TEST_RR_OP(16, slt, 1, 0x80000000, 0x00000000)
  TEST_RR_OP(17, slt, 0, 0x7fffffff, 0x80000000)
  TEST_RR_OP(18, sltu, 0, 0x80000000, 0x00000000)
  TEST_RR_OP(19, sltu, 1, 0x00000000, 0xffffffff)
  TEST_IMM_OP(20, addi, 0x800007ff, 0x80000000, 2047)
  TEST_IMM_OP(21, addi, 0x7ffff800, 0x80000000, -2048)
  TEST_IMM_OP(22, slti, 1, 0xffffffff, 0)
  TEST_IMM_OP(23, sltiu, 1, 0x00000000, -1)
  TEST_IMM_OP(24, sltiu, 0, 0xffffffff, 1)
  TEST_IMM_OP(25, xori, 0xff00f00f, 0x00ff0f00, -241)
  TEST_IMM_OP(26, ori, 0xffffff0f, 0x00ff0f00, -241)
  TEST_IMM_OP(27, andi, 0x00ff0f00, 0x00ff0f00, -241)
  TEST_IMM_OP(28, slli, 0x80000000, 0x00000001, 31)
  TEST_IMM_OP(29, srli, 0x00000001, 0x80000000, 31)
  TEST_IMM_OP(30, srai, 0xffffffff, 0x80000000, 31)
  TEST_IMM_OP(31, srai, 0x00000000, 0x7fffffff, 31)
  TEST_CASE(32, x14, 0x7ffff000, lui x14, 0x7ffff)
  TEST_CASE(33, x14, 0xfffff800, lui x14, 0xfffff; srai x14, x14, 1)
  TEST_CASE(34, x14, 0, la x13, 1f; 1: auipc x14, 0; sub x14, x14, x13)
  TEST_CASE(35, x14, 0x2000, 1: auipc x13, 2; la x12, 1b; sub x14, x13, x12)
  # writes to x0 are discarded, also when forwarded
  TEST_CASE(36, x14, 0, li x1, 5; add x0, x1, x1; add x14, x0, x0)
  # forwarding chains
  TEST_RR_FWD(37, add, 0x00000003, 1, 2)
  TEST_CASE(38, x14, 10, li x1, 1; addi x1, x1, 1; addi x1, x1, 2; addi x1, x1, 3; add x14, x1, x1; srli x14, x14, 1; addi x14, x14, 3)
  TEST_CASE(39, x14, 8, li x1, 2; slli x2, x1, 1; add x3, x2, x2; mv x14, x3)
  TEST_PASSFAIL
RVTEST_CODE_END
  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
