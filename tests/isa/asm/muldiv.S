# M extension: every multiply and divide with the corner cases the ISA
# defines (division by zero, signed overflow) and back-to-back use (user mode).
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_RR_OP(2, mul, 0x00001200, 0x00007e00, 0xb6db6db7)
  TEST_RR_OP(3, mul, 0x00000001, 0xffffffff, 0xffffffff)
  TEST_RR_OP(4, mulh, 0x00000000, 0xffffffff, 0xffffffff)
  TEST_RR_OP(5, mulh, 0xc0000000, 0x80000000, 0x7fffffff)
  TEST_RR_OP(6, mulh, 0x40000000, 0x80000000, 0x80000000)
  TEST_RR_OP(7, mulhsu, 0xffffffff, 0xffffffff, 0xffffffff)
  TEST_RR_OP(8, mulhsu, 0x80000000, 0x80000000, 0xffffffff)
  TEST_RR_OP(9, mulhu, 0xfffffffe, 0xffffffff, 0xffffffff)
  TEST_RR_OP(10, mulhu, 0x00000000, 0x00000001, 0xffffffff)
  TEST_RR_OP(11, div, 0xfffffffd, 20, -6)
  TEST_RR_OP(12, div, 0x80000000, 0x80000000, -1)
  TEST_RR_OP(13, div, 0xffffffff, 20, 0)
  TEST_RR_OP(14, div, 0xffffffff, -20, 0)
  TEST_RR_OP(15, divu, 0x2aaaaaa7, -20, 6)
  TEST_RR_OP(16, divu, 0xffffffff, 20, 0)
  TEST_RR_OP(17, rem, 2, 20, -6)
  TEST_RR_OP(18, rem, -2, -20, 6)
  TEST_RR_OP(19, rem, 0, 0x80000000, -1)
  TEST_RR_OP(20, rem, -20, -20, 0)
  TEST_RR_OP(21, remu, 2, -20, 6)
  TEST_RR_OP(22, remu, 20, 20, 0)
  TEST_RR_FWD(23, mul, 42, 6, 7)
  TEST_RR_FWD(24, div, 6, 42, 7)
  TEST_CASE(25, x14, 100, li x1, 10; mul x2, x1, x1; mul x14, x2, x1; divu x14, x14, x1)
  TEST_PASSFAIL
RVTEST_CODE_END
  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
