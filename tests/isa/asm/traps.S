# Precise exceptions: mcause, mepc and mtval of every synchronous trap the core
# raises, in machine and user mode, and the instruction that traps has no
# effect. The test installs its own trap vector; x23 is a resume address.
#include "riscv_test.h"
#include "test_macros.h"
#define EXPECT_TRAP(n, cause, tval, code...)        \
  test_##n: li TESTNUM, n; li x20, -1; li x22, -1;  \
  la x21, 9f; 9: code;                              \
  li x29, cause; bne x20, x29, fail;                \
  la x29, tval; bne x22, x29, fail
#define EXPECT_EPC(pc) la x29, pc; bne x21, x29, fail

RVTEST_RV32M
RVTEST_CODE_BEGIN
  la t0, handler
  csrw mtvec, t0
  la x10, buf
  li x23, 0
  EXPECT_TRAP(2, CAUSE_ILLEGAL_INSTRUCTION, 0, .word 0)
  EXPECT_TRAP(3, CAUSE_ILLEGAL_INSTRUCTION, 0x7c002573, csrr a0, 0x7c0)
  EXPECT_TRAP(4, CAUSE_ILLEGAL_INSTRUCTION, 0xf1109073, csrw mvendorid, x1)
  EXPECT_TRAP(5, CAUSE_ILLEGAL_INSTRUCTION, 0x10200073, .word 0x10200073)
  EXPECT_TRAP(6, CAUSE_BREAKPOINT, 0, ebreak)
  EXPECT_TRAP(7, CAUSE_MACHINE_ECALL, 0, ecall)
  li x5, 7
  EXPECT_TRAP(8, CAUSE_MISALIGNED_LOAD, buf + 1, lw x5, 1(x10))
  li x29, 7; bne x5, x29, fail  # the faulting load wrote nothing
  EXPECT_TRAP(9, CAUSE_MISALIGNED_LOAD, buf + 3, lh x5, 3(x10))
  EXPECT_TRAP(10, CAUSE_MISALIGNED_STORE, buf + 1, sh x5, 1(x10))
  EXPECT_TRAP(11, CAUSE_MISALIGNED_STORE, buf + 2, sw x5, 2(x10))
  addi x11, x10, 2
  EXPECT_TRAP(12, CAUSE_MISALIGNED_STORE, buf + 2, amoadd.w x5, x5, (x11))
  EXPECT_TRAP(13, CAUSE_MISALIGNED_LOAD, buf + 2, lr.w x5, (x11))
  EXPECT_TRAP(14, CAUSE_MISALIGNED_STORE, buf + 2, sc.w x5, x5, (x11))
  li x11, 0xf0000000
  EXPECT_TRAP(15, CAUSE_LOAD_ACCESS, 0xf0000004, lw x5, 4(x11))
  EXPECT_TRAP(16, CAUSE_STORE_ACCESS, 0xf0000008, sw x5, 8(x11))
  EXPECT_TRAP(17, CAUSE_STORE_ACCESS, 0xf0000000, amoswap.w x5, x5, (x11))
  EXPECT_TRAP(18, CAUSE_LOAD_ACCESS, 0xf0000000, lr.w x5, (x11))
  # misaligned jump targets trap on the jump; the link register is unchanged
  li x1, 0x55
  la x12, 1f
  EXPECT_TRAP(19, CAUSE_MISALIGNED_FETCH, 1b + 2, jalr x1, 2(x12); 1: nop)
  EXPECT_EPC(9b)
  li x29, 0x55; bne x1, x29, fail
  EXPECT_TRAP(20, CAUSE_MISALIGNED_FETCH, 9b + 6, .word 0x00000363)  # beq x0, x0, .+6
  EXPECT_TRAP(21, -1, -1, .word 0x00001363; nop)  # bne x0, x0, .+6: not taken, no trap
  # instruction access fault: mepc = mtval = target; resume at x23
  la x23, 1f
  EXPECT_TRAP(22, CAUSE_FETCH_ACCESS, 0xf0000000, jalr x0, 0(x11); 1: nop)
  li x29, 0xf0000000; bne x21, x29, fail
  # user mode: ECALL, privileged instructions and CSRs are illegal or trap
  li x23, 0
  call to_user
  EXPECT_TRAP(23, CAUSE_ILLEGAL_INSTRUCTION, 0x30200073, mret)
  EXPECT_TRAP(24, CAUSE_ILLEGAL_INSTRUCTION, 0x34002573, csrr a0, mscratch)
  EXPECT_TRAP(25, CAUSE_ILLEGAL_INSTRUCTION, 0xc0002573, rdcycle a0)
  EXPECT_TRAP(26, CAUSE_USER_ECALL, 0, ecall)
  # ECALL from U returned here in M-mode (handler sets MPP = M for cause 8)
  li x1, 5
  csrw mcounteren, x1
  call to_user
  EXPECT_TRAP(27, -1, -1, rdcycle a0; rdinstret a1)
  EXPECT_TRAP(28, CAUSE_ILLEGAL_INSTRUCTION, 0xc0102573, rdtime a0)
  EXPECT_TRAP(29, CAUSE_USER_ECALL, 0, ecall)
  li x1, MSTATUS_TW
  csrs mstatus, x1
  call to_user
  EXPECT_TRAP(30, CAUSE_ILLEGAL_INSTRUCTION, 0x10500073, wfi)
  EXPECT_TRAP(31, CAUSE_USER_ECALL, 0, ecall)
  # vectored mtvec: exceptions still use the base
  la t0, handler
  ori t0, t0, 1
  csrw mtvec, t0
  EXPECT_TRAP(32, CAUSE_BREAKPOINT, 0, ebreak)
  # mstatus stack: in the handler MIE = 0, MPIE = 1, MPP = M; after MRET
  # MIE = 1, MPIE = 1, MPP = U
  csrsi mstatus, MSTATUS_MIE
  EXPECT_TRAP(33, CAUSE_BREAKPOINT, 0, ebreak)
  li x29, MSTATUS_MPIE | MSTATUS_MPP
  bne x24, x29, fail
  csrr x5, mstatus
  li x29, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
  and x5, x5, x29
  li x29, MSTATUS_MIE | MSTATUS_MPIE
  bne x5, x29, fail
  csrw mstatus, x0
  la t0, trap_vector
  csrw mtvec, t0
  li TESTNUM, 34
  TEST_PASSFAIL

# Drop to user mode, continuing after the call.
to_user:
  li t0, MSTATUS_MPP
  csrc mstatus, t0
  csrw mepc, ra
  mret

  .align 7               # vectored mtvec needs a 128-byte aligned base
handler:
  csrr x24, mstatus
  andi x24, x24, MSTATUS_MIE | MSTATUS_MPIE
  csrr t6, mstatus
  srli t6, t6, 11
  andi t6, t6, 3
  slli t6, t6, 11
  or x24, x24, t6
  csrr x20, mcause
  csrr x21, mepc
  csrr x22, mtval
  li t6, CAUSE_USER_ECALL
  bne x20, t6, 1f
  li t6, MSTATUS_MPP
  csrs mstatus, t6
1:
  beqz x23, 2f
  csrw mepc, x23
  li x23, 0
  mret
2:
  addi t6, x21, 4
  csrw mepc, t6
  mret
RVTEST_CODE_END
  .data
RVTEST_DATA_BEGIN
  .align 4
buf: .word 0x11223344, 0x55667788
RVTEST_DATA_END
