# PMP: a user-mode program cannot touch memory outside its regions (access
# faults, the kernel survives and continues), TOR/NA4/NAPOT matching, the
# lowest-numbered entry wins, no execute on data, MPRV, and locking that binds
# machine mode and freezes the entry.
#include "riscv_test.h"
#include "test_macros.h"
#define EXPECT_TRAP(n, cause, tval, code...)        \
  test_##n: li TESTNUM, n; li x20, -1; li x22, -1;  \
  code;                                             \
  li x29, cause; bne x20, x29, fail;                \
  la x29, tval; bne x22, x29, fail

RVTEST_RV32M
RVTEST_CODE_BEGIN
  la t0, handler
  csrw mtvec, t0
  li x23, 0
  # entry 0: NA4 read-only word inside udata
  la t0, udata + 8
  srli t0, t0, 2
  csrw pmpaddr0, t0
  # entry 1: NAPOT, code and tohost (first 8 KiB): read + execute
  li t0, (0x80000000 >> 2) | 0x3ff
  csrw pmpaddr1, t0
  # entry 2: NAPOT, udata page (4 KiB): read + write
  la t0, udata
  srli t0, t0, 2
  ori t0, t0, 0x1ff
  csrw pmpaddr2, t0
  # entries 3-4: TOR over the second half of the secret page: read + write
  la t0, secret + 2048
  srli t0, t0, 2
  csrw pmpaddr3, t0
  la t0, secret + 4096
  srli t0, t0, 2
  csrw pmpaddr4, t0
  li t0, ((PMP_NA4 | PMP_R) << 0) | ((PMP_NAPOT | PMP_R | PMP_X) << 8) | ((PMP_NAPOT | PMP_R | PMP_W) << 16) | (0 << 24)
  csrw pmpcfg0, t0
  li t0, (PMP_TOR | PMP_R | PMP_W)
  csrw pmpcfg1, t0
  TEST_CASE(2, x14, 0x001b1d11, csrr x14, pmpcfg0)
  la x10, udata
  la x11, secret
  call to_user
  # user: own data
  TEST_CASE(3, x14, 0x11111111, lw x14, 0(x10))
  TEST_CASE(4, x14, 0x77, li x1, 0x77; sw x1, 4(x10); lw x14, 4(x10))
  # user: outside its regions, access faults and nothing changes
  EXPECT_TRAP(5, CAUSE_LOAD_ACCESS, secret, lw x5, 0(x11))
  EXPECT_TRAP(6, CAUSE_STORE_ACCESS, secret + 4, sw x5, 4(x11))
  addi x12, x11, 8
  EXPECT_TRAP(7, CAUSE_STORE_ACCESS, secret + 8, amoadd.w x5, x5, (x12))
  # user: the NA4 read-only word (entry 0 wins over entry 2)
  TEST_CASE(8, x14, 0x33333333, lw x14, 8(x10))
  EXPECT_TRAP(9, CAUSE_STORE_ACCESS, udata + 8, sw x5, 8(x10))
  addi x12, x10, 8
  EXPECT_TRAP(10, CAUSE_STORE_ACCESS, udata + 8, amoswap.w x5, x5, (x12))
  # user: TOR region (second half of the secret page)
  li x12, 2048
  add x12, x11, x12
  TEST_CASE(11, x14, 0x99, li x1, 0x99; sw x1, 0(x12); lw x14, 0(x12))
  EXPECT_TRAP(12, CAUSE_LOAD_ACCESS, secret + 2044, lw x5, -4(x12))
  # user: no execute in data; tohost is not writable
  la x23, 1f
  EXPECT_TRAP(13, CAUSE_FETCH_ACCESS, udata, jalr x0, 0(x10); 1: nop)
  la x13, tohost
  EXPECT_TRAP(14, CAUSE_STORE_ACCESS, tohost, sw x0, 0(x13))
  # back to the kernel, which survived every fault
  EXPECT_TRAP(15, CAUSE_USER_ECALL, 0, ecall)
  TEST_CASE(16, x14, 0x55555555, lw x14, 0(x11))
  # MPRV = 1, MPP = U: machine-mode loads and stores are checked as user
  li t0, MSTATUS_MPRV
  csrs mstatus, t0
  EXPECT_TRAP(17, CAUSE_LOAD_ACCESS, secret, lw x5, 0(x11))
  TEST_CASE(18, x14, 0x11111111, lw x14, 0(x10))
  li t0, MSTATUS_MPRV
  csrc mstatus, t0
  # lock entry 5 (NA4 on secret+16, read only): binds M-mode, freezes it
  la t0, secret + 16
  srli t0, t0, 2
  csrw pmpaddr5, t0
  li t0, (PMP_TOR | PMP_R | PMP_W) | ((PMP_L | PMP_NA4 | PMP_R) << 8)
  csrw pmpcfg1, t0
  TEST_CASE(19, x14, 0x55555555, lw x14, 16(x11))
  EXPECT_TRAP(20, CAUSE_STORE_ACCESS, secret + 16, sw x5, 16(x11))
  TEST_CASE(21, x14, 0x910b, li t0, (PMP_TOR | PMP_R | PMP_W) | ((PMP_NAPOT | PMP_R | PMP_W | PMP_X) << 8); csrw pmpcfg1, t0; csrr x14, pmpcfg1; li x29, 0xffff; and x14, x14, x29)
  TEST_CASE(22, x14, 0, csrr x1, pmpaddr5; csrw pmpaddr5, x0; csrr x2, pmpaddr5; sub x14, x1, x2)
  # other M-mode accesses are unaffected by the locked entry
  TEST_CASE(23, x14, 0x42, li x1, 0x42; sw x1, 20(x11); lw x14, 20(x11))
  la t0, trap_vector
  csrw mtvec, t0
  li TESTNUM, 24
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
  .align 12
udata: .word 0x11111111, 0x22222222, 0x33333333, 0x44444444
  .align 12
secret: .word 0x55555555, 0x66666666, 0x77777777, 0x88888888, 0x55555555
  .align 12
  .word 0
RVTEST_DATA_END
