// Test environment for the project's directed ISA tests, following the
// conventions of the RISC-V test suite's "p" environment (physical memory,
// no virtual memory, single hart): code at 0x80000000 in .text.init, a trap
// vector that turns ECALL into a tohost write, tohost/fromhost in .tohost,
// TESTNUM in gp, pass = tohost 1, fail n = tohost (n << 1) | 1.
// Written for this project; ELFs built against the upstream header run the
// same way.
#pragma once

#define TESTNUM gp

#define CAUSE_MISALIGNED_FETCH 0
#define CAUSE_FETCH_ACCESS 1
#define CAUSE_ILLEGAL_INSTRUCTION 2
#define CAUSE_BREAKPOINT 3
#define CAUSE_MISALIGNED_LOAD 4
#define CAUSE_LOAD_ACCESS 5
#define CAUSE_MISALIGNED_STORE 6
#define CAUSE_STORE_ACCESS 7
#define CAUSE_USER_ECALL 8
#define CAUSE_MACHINE_ECALL 11

#define MSTATUS_MIE 0x00000008
#define MSTATUS_MPIE 0x00000080
#define MSTATUS_MPP 0x00001800
#define MSTATUS_MPRV 0x00020000
#define MSTATUS_TW 0x00200000

#define PMP_R 0x01
#define PMP_W 0x02
#define PMP_X 0x04
#define PMP_TOR 0x08
#define PMP_NA4 0x10
#define PMP_NAPOT 0x18
#define PMP_L 0x80

// Tests in user mode (RV32U*) or machine mode (RV32M*).
#define RVTEST_RV32U .macro init; .endm
#define RVTEST_RV32M                                     \
  .macro init;                                           \
  li a0, MSTATUS_MPP;                                    \
  csrs mstatus, a0;                                      \
  .endm

// Registers start at zero.
#define INIT_XREG                                                              \
  li x1, 0; li x2, 0; li x3, 0; li x4, 0; li x5, 0; li x6, 0; li x7, 0;        \
  li x8, 0; li x9, 0; li x10, 0; li x11, 0; li x12, 0; li x13, 0; li x14, 0;   \
  li x15, 0; li x16, 0; li x17, 0; li x18, 0; li x19, 0; li x20, 0; li x21, 0; \
  li x22, 0; li x23, 0; li x24, 0; li x25, 0; li x26, 0; li x27, 0; li x28, 0; \
  li x29, 0; li x30, 0; li x31, 0

// Grant everything to every mode through PMP entry 0 (skipped if absent).
#define INIT_PMP                                \
  la t0, 1f;                                    \
  csrw mtvec, t0;                               \
  li t0, -1;                                    \
  csrw pmpaddr0, t0;                            \
  li t0, PMP_NAPOT | PMP_R | PMP_W | PMP_X;     \
  csrw pmpcfg0, t0;                             \
  .align 2;                                     \
  1:

#define RVTEST_CODE_BEGIN                       \
  .section .text.init;                          \
  .align 6;                                     \
  .weak mtvec_handler;                          \
  .globl _start;                                \
  _start:                                       \
  j reset_vector;                               \
  .align 2;                                     \
  trap_vector:                                  \
  csrr t5, mcause;                              \
  li t6, CAUSE_USER_ECALL;                      \
  beq t5, t6, write_tohost;                     \
  li t6, CAUSE_MACHINE_ECALL;                   \
  beq t5, t6, write_tohost;                     \
  la t5, mtvec_handler;                         \
  beqz t5, 1f;                                  \
  jr t5;                                        \
  1: ori TESTNUM, TESTNUM, 1337;                \
  write_tohost:                                 \
  sw TESTNUM, tohost, t5;                       \
  sw zero, tohost + 4, t5;                      \
  j write_tohost;                               \
  reset_vector:                                 \
  INIT_XREG;                                    \
  INIT_PMP;                                     \
  li TESTNUM, 0;                                \
  la t0, trap_vector;                           \
  csrw mtvec, t0;                               \
  csrwi mstatus, 0;                             \
  init;                                         \
  la t0, 1f;                                    \
  csrw mepc, t0;                                \
  csrr a0, mhartid;                             \
  mret;                                         \
  1:

#define RVTEST_CODE_END unimp

#define RVTEST_PASS   \
  fence;              \
  li TESTNUM, 1;      \
  li a7, 93;          \
  li a0, 0;           \
  ecall

#define RVTEST_FAIL                 \
  fence;                            \
  1: beqz TESTNUM, 1b;              \
  sll TESTNUM, TESTNUM, 1;          \
  or TESTNUM, TESTNUM, 1;           \
  li a7, 93;                        \
  addi a0, TESTNUM, 0;              \
  ecall

#define RVTEST_DATA_BEGIN                       \
  .pushsection .tohost, "aw", @progbits;        \
  .align 6;                                     \
  .global tohost;                               \
  tohost: .dword 0;                             \
  .size tohost, 8;                              \
  .align 6;                                     \
  .global fromhost;                             \
  fromhost: .dword 0;                           \
  .size fromhost, 8;                            \
  .popsection;                                  \
  .align 4;                                     \
  .global begin_signature;                      \
  begin_signature:

#define RVTEST_DATA_END \
  .align 4;             \
  .global end_signature; \
  end_signature:
