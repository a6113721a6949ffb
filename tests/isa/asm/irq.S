# Interrupts from the testbench device (core and ISS only): every source,
# priority (local 17 > 16 > MEI > MSI > MTI), mie masking, vectored mtvec,
# WFI with interrupts globally disabled (resumes) and enabled (traps after the
# WFI), interrupts taken in user mode with MIE clear.
#include "riscv_test.h"
#include "test_macros.h"
#define TB 0x20000000
#define MSI (1 << 3)
#define MTI (1 << 7)
#define MEI (1 << 11)
#define WORK (1 << 16)
#define PREEMPT (1 << 17)

RVTEST_RV32M
RVTEST_CODE_BEGIN
  la t0, handler
  csrw mtvec, t0
  li x10, TB
  li x1, MSI | MTI | MEI | WORK | PREEMPT
  csrw mie, x1
  # each source alone
#define ONE(n, line, code)                                          \
  test_##n: li TESTNUM, n; li x20, 0; li x24, 0;                    \
  csrsi mstatus, MSTATUS_MIE; li x1, line; sw x1, 0(x10);           \
  nop; nop; nop; nop; csrci mstatus, MSTATUS_MIE;                   \
  li x29, 0x80000000 | code; bne x20, x29, fail; li x29, 1; bne x24, x29, fail
  ONE(2, MSI, 3)
  ONE(3, MTI, 7)
  ONE(4, MEI, 11)
  ONE(5, WORK, 16)
  ONE(6, PREEMPT, 17)
  # all at once: taken in priority order (the handler clears only its line)
  TEST_CASE(7, x14, 0x21b37, li x25, 0; li x1, MSI | MTI | MEI | WORK | PREEMPT; sw x1, 0(x10); csrsi mstatus, MSTATUS_MIE; nop; nop; nop; nop; nop; nop; nop; nop; csrci mstatus, MSTATUS_MIE; mv x14, x25)
  # mip shows the lines; masked lines do not interrupt
  TEST_CASE(8, x14, MEI, csrw mie, x0; li x1, MEI; sw x1, 0(x10); li x24, 0; csrsi mstatus, MSTATUS_MIE; nop; nop; csrci mstatus, MSTATUS_MIE; bnez x24, fail; csrr x14, mip)
  TEST_CASE(9, x14, 0, li x1, -1; sw x1, 4(x10); csrr x14, mip)
  # WFI with MIE clear: wakes on an enabled pending line and continues
  li x1, MTI
  csrw mie, x1
  TEST_CASE(10, x14, MTI, li x1, 30; sw x1, 8(x10); li x1, MTI; sw x1, 12(x10); li x24, 0; wfi; bnez x24, fail; csrr x14, mip)
  TEST_CASE(11, x14, 0, li x1, -1; sw x1, 4(x10); csrr x14, mip)
  # WFI with MIE set: the trap is taken after the WFI (mepc = WFI + 4)
  TEST_CASE(12, x14, 0, li x1, 25; sw x1, 8(x10); li x1, MTI; sw x1, 12(x10); li x24, 0; csrsi mstatus, MSTATUS_MIE; wfi; 1: csrci mstatus, MSTATUS_MIE; la x29, 1b; sub x14, x21, x29)
  TEST_CASE(13, x14, 1, mv x14, x24)
  # vectored mtvec: interrupt 16 enters at base + 64
  la t0, vectors
  ori t0, t0, 1
  csrw mtvec, t0
  li x1, WORK
  csrw mie, x1
  TEST_CASE(14, x14, 16, li x26, 0; li x1, WORK; sw x1, 0(x10); csrsi mstatus, MSTATUS_MIE; nop; nop; nop; csrci mstatus, MSTATUS_MIE; mv x14, x26)
  la t0, handler
  csrw mtvec, t0
  # user mode: machine interrupts are taken even with MIE clear
  li x1, MEI
  csrw mie, x1
  li x24, 0
  call to_user
  li x1, MEI
  sw x1, 0(x10)
  nop
  nop
  nop
  TEST_CASE(15, x14, 1, mv x14, x24)
  TEST_CASE(16, x14, 0, mv x14, x27)
  ecall
  la t0, trap_vector
  csrw mtvec, t0
  li TESTNUM, 17
  TEST_PASSFAIL

to_user:
  li t0, MSTATUS_MPP
  csrc mstatus, t0
  csrw mepc, ra
  mret

  .align 2
handler:
  csrr x20, mcause
  csrr x21, mepc
  bgez x20, exception
  addi x24, x24, 1
  csrr x27, mstatus
  srli x27, x27, 11
  andi x27, x27, 3
  andi t6, x20, 31
  li t5, 1
  sll t5, t5, t6
  sw t5, 4(x10)          # clear this line only
  li t5, 16
  blt t6, t5, 1f
  addi t6, t6, -15       # 16 -> 1, 17 -> 2 in the order record
1: slli x25, x25, 4
  or x25, x25, t6
  mret
exception:
  li t6, CAUSE_USER_ECALL
  bne x20, t6, fail
  li t6, MSTATUS_MPP
  csrs mstatus, t6
  addi t6, x21, 4
  csrw mepc, t6
  mret

  .align 8
vectors:
  .rept 16
  j vector_other
  .endr
  j vector16             # base + 4 * 16
  .rept 15
  j vector_other
  .endr
vector_other:
  li x26, 99
  j handler
vector16:
  li x26, 16
  j handler
RVTEST_CODE_END
  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
