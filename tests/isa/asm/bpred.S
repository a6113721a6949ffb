# Branch and JALR prediction (rv_bpred): outcomes and targets that go against
# what the predictor has learnt must still execute exactly as the ISA says.
# Every case trains an entry first, then breaks the pattern (user mode).
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  # 2: a forward branch taken on every other iteration (never learnt).
  li TESTNUM, 2
  li x5, 64
  li x14, 0
1:
  andi x6, x5, 1
  beqz x6, 2f
  addi x14, x14, 1
2:
  addi x5, x5, -1
  bnez x5, 1b
  li x29, 32
  bne x14, x29, fail

  # 3: a forward branch taken 12 times (learnt taken), then not taken once:
  # the fall-through must run.
  li TESTNUM, 3
  li x5, 13
  li x14, 0
1:
  addi x5, x5, -1
  bnez x5, 2f            # taken 12 times, not taken on the 13th pass
  j 3f
2:
  addi x14, x14, 1
  j 1b
3:
  li x29, 12
  bne x14, x29, fail

  # 4: a backward branch (statically taken) that is never taken, 20 times,
  # then taken once.
  li TESTNUM, 4
  li x5, 21
  li x14, 0
  j 2f
1:
  addi x14, x14, 100     # reached only by the final taken branch
  j 3f
2:
  addi x5, x5, -1
  addi x14, x14, 1
  beqz x5, 1b            # taken on the 21st pass only
  j 2b
3:
  li x29, 121
  bne x14, x29, fail

  # 5: JALR (immediate 0) cycling over three targets: the learnt target is
  # the previous one, so every prediction is wrong.
  li TESTNUM, 5
  la x7, tgt_a
  la x8, tgt_b
  la x9, tgt_c
  li x5, 30
  li x14, 0
1:
  mv x6, x7
  mv x7, x8
  mv x8, x9
  mv x9, x6
  jalr x1, 0(x6)
  addi x5, x5, -1
  bnez x5, 1b
  li x29, 10 * (1 + 10 + 100)
  bne x14, x29, fail

  # 6: a JALR trained on one target, then given another one 64 bytes on.
  li TESTNUM, 6
  li x5, 9
  li x14, 0
  la x6, tgt_a
1:
  addi x5, x5, -1
  bnez x5, 2f
  la x6, tgt_far         # the ninth call goes elsewhere
2:
  jalr x1, 0(x6)
  bnez x5, 1b
  li x29, 8 + 1000
  bne x14, x29, fail

  # 7: rs1 with bit 0 set jumps to the learnt (even) target.
  li TESTNUM, 7
  li x5, 6
  li x14, 0
  la x6, tgt_b
1:
  addi x5, x5, -1
  bnez x5, 2f
  ori x6, x6, 1
2:
  jalr x1, 0(x6)
  bnez x5, 1b
  li x29, 60
  bne x14, x29, fail

  # 8: one function returning to two call sites in turn: `ret` is predicted
  # to the other call site each time.
  li TESTNUM, 8
  li x5, 10
  li x14, 0
1:
  call tgt_c
  addi x14, x14, 1
  call tgt_c
  addi x14, x14, 2
  addi x5, x5, -1
  bnez x5, 1b
  li x29, 10 * (100 + 1 + 100 + 2)
  bne x14, x29, fail

  # 9: rd == rs1: the link overwrites the register the target came from.
  li TESTNUM, 9
  li x5, 5
  li x14, 0
1:
  la x6, tgt_link
  jalr x6, 0(x6)
2:
  la x29, 2b
  bne x6, x29, fail      # x6 = the return address, not the target
  addi x5, x5, -1
  bnez x5, 1b
  li x29, 5
  bne x14, x29, fail

  # 10: a predicted JALR whose source register is written just before it
  # (forwarded from M, then from W): the check uses the forwarded value.
  li TESTNUM, 10
  li x5, 8
  li x14, 0
1:
  la x6, tgt_a
  andi x7, x5, 1
  beqz x7, 2f
  la x6, tgt_b
2:
  jalr x1, 0(x6)
  la x6, tgt_c
  nop
  jalr x1, 0(x6)
  addi x5, x5, -1
  bnez x5, 1b
  li x29, 4 * 1 + 4 * 10 + 8 * 100
  bne x14, x29, fail

  # 11: a predicted JALR whose target comes from a load right before it
  # (load-use: E waits for the data, then checks the guess), the table's
  # two entries in turn, as an executor resuming frames does.
  li TESTNUM, 11
  la x8, jump_table
  li x5, 6
  li x14, 0
1:
  andi x7, x5, 1
  slli x7, x7, 2
  add x7, x8, x7
  lw x6, 0(x7)
  jalr x1, 0(x6)
  lw x6, 0(x8)           # the same target every time: learnt after one pass
  jalr x1, 0(x6)
  addi x5, x5, -1
  bnez x5, 1b
  li x29, 3 * 1 + 3 * 10 + 6 * 1
  bne x14, x29, fail

  TEST_PASSFAIL

tgt_a:
  addi x14, x14, 1
  ret
tgt_b:
  addi x14, x14, 10
  ret
tgt_c:
  addi x14, x14, 100
  ret
tgt_link:
  addi x14, x14, 1
  jr x6
  .align 6
tgt_far:
  addi x14, x14, 1000
  ret
RVTEST_CODE_END
  .data
  .align 2
jump_table:
  .word tgt_a, tgt_b
RVTEST_DATA_BEGIN
RVTEST_DATA_END
