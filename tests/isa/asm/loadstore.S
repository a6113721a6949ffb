# Loads and stores of every width, sign/zero extension, byte lanes,
# load-use and store-after-load forwarding (user mode).
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  la x10, buf
  TEST_CASE(2, x14, 0xffffff80, lb x14, 0(x10))
  TEST_CASE(3, x14, 0x00000080, lbu x14, 0(x10))
  TEST_CASE(4, x14, 0x0000007f, lb x14, 1(x10))
  TEST_CASE(5, x14, 0xffff8001, lh x14, 2(x10))
  TEST_CASE(6, x14, 0x00008001, lhu x14, 2(x10))
  TEST_CASE(7, x14, 0x80017f80, lw x14, 0(x10))
  TEST_CASE(8, x14, 0x12345678, lw x14, 4(x10))
  TEST_CASE(9, x14, 0x00000034, lbu x14, 6(x10))
  TEST_CASE(10, x14, 0xaabbccdd, li x1, 0xaabbccdd; sw x1, 8(x10); lw x14, 8(x10))
  TEST_CASE(11, x14, 0xaabb11dd, li x1, 0x11; sb x1, 9(x10); lw x14, 8(x10))
  TEST_CASE(12, x14, 0x222211dd, li x1, 0x2222; sh x1, 10(x10); lw x14, 8(x10))
  TEST_CASE(13, x14, 0xffffffdd, lb x14, 8(x10))
  # load-use: the loaded value used by the next instruction
  TEST_CASE(14, x14, 0x12345679, lw x1, 4(x10); addi x14, x1, 1)
  # load feeding the next load's address
  TEST_CASE(15, x14, 0x12345678, la x1, ptr; lw x2, 0(x1); lw x14, 0(x2))
  # store data from a load just before
  TEST_CASE(16, x14, 0x12345678, lw x1, 4(x10); sw x1, 12(x10); lw x14, 12(x10))
  # store then load the same address back to back
  TEST_CASE(17, x14, 0x5a, li x1, 0x5a; sb x1, 13(x10); lbu x14, 13(x10))
  # negative offsets
  TEST_CASE(18, x14, 0x12345678, addi x2, x10, 8; lw x14, -4(x2))
  # x0 as destination of a load is discarded
  TEST_CASE(19, x14, 0, lw x0, 4(x10); mv x14, x0)
  TEST_PASSFAIL
RVTEST_CODE_END
  .data
RVTEST_DATA_BEGIN
  .align 4
buf: .word 0x80017f80, 0x12345678, 0, 0
ptr: .word buf + 4
RVTEST_DATA_END
