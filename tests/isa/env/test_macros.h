// Self-checking test macros for the project's directed ISA tests: each
// TEST_* sets TESTNUM, computes a value and branches to `fail` on mismatch.
#pragma once

#define TEST_CASE(n, reg, expected, code...) \
  test_##n:                                  \
  li TESTNUM, n;                             \
  code;                                      \
  li x29, expected;                          \
  bne reg, x29, fail

#define TEST_RR_OP(n, inst, expected, v1, v2) \
  TEST_CASE(n, x14, expected, li x1, v1; li x2, v2; inst x14, x1, x2)

#define TEST_IMM_OP(n, inst, expected, v1, imm) \
  TEST_CASE(n, x14, expected, li x1, v1; inst x14, x1, imm)

// Back-to-back dependent use (forwarding from the previous instruction).
#define TEST_RR_FWD(n, inst, expected, v1, v2) \
  TEST_CASE(n, x14, expected, li x1, v1; li x2, v2; inst x13, x1, x2; addi x14, x13, 0)

#define TEST_PASSFAIL \
  bne x0, TESTNUM, pass; \
  fail:                  \
  RVTEST_FAIL;           \
  pass:                  \
  RVTEST_PASS
