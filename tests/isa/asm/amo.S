# A extension: every AMO, LR/SC success and failure (user mode).
#include "riscv_test.h"
#include "test_macros.h"
#define TEST_AMO(n, inst, old, operand, new)                          \
  TEST_CASE(n, x14, old, li x1, old; sw x1, 0(x10); li x2, operand;   \
            inst x14, x2, (x10));                                     \
  lw x13, 0(x10); li x29, new; bne x13, x29, fail
RVTEST_RV32U
RVTEST_CODE_BEGIN
  la x10, word
  TEST_AMO(2, amoadd.w, 0x7fffffff, 1, 0x80000000)
  TEST_AMO(3, amoswap.w, 0x12345678, 0xaabbccdd, 0xaabbccdd)
  TEST_AMO(4, amoxor.w, 0xff00ff00, 0x0ff00ff0, 0xf0f0f0f0)
  TEST_AMO(5, amoor.w, 0xff00ff00, 0x0ff00ff0, 0xfff0fff0)
  TEST_AMO(6, amoand.w, 0xff00ff00, 0x0ff00ff0, 0x0f000f00)
  TEST_AMO(7, amomin.w, 0x00000001, 0xffffffff, 0xffffffff)
  TEST_AMO(8, amomax.w, 0x00000001, 0xffffffff, 0x00000001)
  TEST_AMO(9, amominu.w, 0x00000001, 0xffffffff, 0x00000001)
  TEST_AMO(10, amomaxu.w, 0x00000001, 0xffffffff, 0xffffffff)
  # LR/SC pair succeeds (SC writes 0) and stores
  TEST_CASE(11, x14, 0, li x1, 5; sw x1, 0(x10); lr.w x2, (x10); addi x2, x2, 1; sc.w x14, x2, (x10))
  TEST_CASE(12, x14, 6, lw x14, 0(x10))
  # SC without a reservation fails (non-zero) and does not store
  TEST_CASE(13, x14, 1, li x2, 99; sc.w x14, x2, (x10))
  TEST_CASE(14, x14, 6, lw x14, 0(x10))
  # SC to another address than the reservation fails
  TEST_CASE(15, x14, 1, addi x11, x10, 4; lr.w x2, (x10); sc.w x14, x2, (x11))
  # a store to the reserved word breaks the reservation
  TEST_CASE(16, x14, 1, lr.w x2, (x10); addi x5, x2, 1; sw x5, 0(x10); sc.w x14, x2, (x10))
  # an LR/SC increment loop
  TEST_CASE(17, x14, 10, sw x0, 0(x10); li x5, 10; 1: lr.w x2, (x10); addi x2, x2, 1; sc.w x4, x2, (x10); bnez x4, 1b; addi x5, x5, -1; bnez x5, 1b; lw x14, 0(x10))
  li TESTNUM, 18
  TEST_PASSFAIL
RVTEST_CODE_END
  .data
RVTEST_DATA_BEGIN
  .align 4
word: .word 0, 0
RVTEST_DATA_END
