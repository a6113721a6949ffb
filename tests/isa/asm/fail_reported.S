# A test that fails on purpose at test 3: the environment must report
# "fail 3" through tohost (exit code 3), on the core, the ISS and QEMU alike.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_RR_OP(2, add, 3, 1, 2)
  TEST_RR_OP(3, add, 4, 1, 2)
  TEST_RR_OP(4, add, 5, 2, 3)
  TEST_PASSFAIL
RVTEST_CODE_END
  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
