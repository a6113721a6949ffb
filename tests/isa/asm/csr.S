# Machine-mode CSRs: identification, WARL fields, read/set/clear forms and
# counters (minstret counts retired instructions; a write replaces the count).
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32M
RVTEST_CODE_BEGIN
  TEST_CASE(2, x14, 0x40101101, csrr x14, misa)
  TEST_CASE(3, x14, 0, csrr x14, mhartid)
  TEST_CASE(4, x14, 0, csrr x1, mvendorid; csrr x2, marchid; csrr x3, mimpid; or x14, x1, x2; or x14, x14, x3)
  TEST_CASE(5, x14, 0x12345678, li x1, 0x12345678; csrw mscratch, x1; csrr x14, mscratch)
  TEST_CASE(6, x14, 0x12345678, li x1, 0xff; csrrs x14, mscratch, x1)
  TEST_CASE(7, x14, 0x123456ff, li x1, 0xf0; csrrc x14, mscratch, x1)
  TEST_CASE(8, x14, 0x1234560f, csrrwi x14, mscratch, 21)
  TEST_CASE(9, x14, 21, csrrsi x14, mscratch, 8)
  TEST_CASE(10, x14, 29, csrrci x14, mscratch, 1)
  TEST_CASE(11, x14, 28, csrr x14, mscratch)
  TEST_CASE(12, x14, 0x80001001, csrr x5, mtvec; li x1, 0x80001003; csrw mtvec, x1; csrr x14, mtvec; csrw mtvec, x5)
  TEST_CASE(13, x14, 0x80000004, li x1, 0x80000007; csrw mepc, x1; csrr x14, mepc)
  TEST_CASE(14, x14, 0x8000001f, li x1, -1; csrw mcause, x1; csrr x14, mcause)
  TEST_CASE(15, x14, 0x00030888, li x1, -1; csrw mie, x1; csrr x14, mie; csrw mie, x0)
  TEST_CASE(16, x14, 0, csrr x14, mip)
  TEST_CASE(17, x14, 0xdeadbeef, li x1, 0xdeadbeef; csrw mtval, x1; csrr x14, mtval)
  # mstatus: only MIE, MPIE, MPP, MPRV, TW exist; MPP keeps M on a write of S (01)
  TEST_CASE(18, x14, 0x00201880, li x1, 0xffffffff & ~0x20008; csrw mstatus, x1; csrr x14, mstatus)
  TEST_CASE(19, x14, 0x00001800, li x1, 0x00000800; csrw mstatus, x1; csrr x14, mstatus)
  TEST_CASE(20, x14, 0, csrw mstatus, x0; csrr x14, mstatus)
  # minstret: the read sees every older instruction
  TEST_CASE(21, x14, 3, csrr x1, minstret; nop; nop; csrr x2, minstret; sub x14, x2, x1)
  TEST_CASE(22, x14, 100, li x1, 100; csrw minstret, x1; csrr x14, minstret)
  TEST_CASE(23, x14, 0, csrr x1, minstreth; csrw minstreth, x0; csrr x14, minstreth)
  TEST_CASE(24, x14, 1, csrr x1, mcycle; nop; csrr x2, mcycle; sltu x14, x1, x2)
  TEST_CASE(25, x14, 1, csrr x1, cycle; csrr x2, instret; csrr x3, cycleh; csrr x4, instreth; li x14, 1)
  # unimplemented PMP entries and HPM counters read as zero
  TEST_CASE(26, x14, 0, csrr x1, pmpcfg2; csrr x2, pmpaddr15; csrr x3, mhpmcounter3; or x14, x1, x2; or x14, x14, x3)
  TEST_CASE(27, x14, 0, csrr x1, mstatush; csrr x2, mcountinhibit; csrr x3, mhpmevent3; or x14, x1, x2; or x14, x14, x3)
  TEST_CASE(28, x14, 5, li x1, -1; csrw mcounteren, x1; csrr x14, mcounteren; csrw mcounteren, x0)
  TEST_PASSFAIL
RVTEST_CODE_END
  .data
RVTEST_DATA_BEGIN
RVTEST_DATA_END
