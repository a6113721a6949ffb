# Self-modifying code: a store to an instruction followed by FENCE.I makes the
# new instruction execute (user mode; the test PMP entry grants RWX).
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  la x10, patch
  li x11, 0x00a00713        # addi x14, x0, 10
  TEST_CASE(2, x14, 10, sw x11, 0(x10); fence.i; li x14, 0; patch: addi x14, x0, 5)
  # patch a subroutine that has run before
  TEST_CASE(3, x14, 7, call sub)
  li x11, 0x01400713        # addi x14, x0, 20
  la x10, patch2
  TEST_CASE(4, x14, 20, sw x11, 0(x10); fence.i; call sub)
  TEST_PASSFAIL
sub:
patch2:
  addi x14, x0, 7
  ret
RVTEST_CODE_END
  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
