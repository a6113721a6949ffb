/* Boot ROM entry at 0x0000_1000 (firmware/bootrom, docs/atsctl.md).
 *
 * Runs from ROM with no initialised data: hart 0 zeroes the loader's .bss in
 * the reserved RAM at the top of RAM, sets its stack there and enters
 * loader_main (loader.cpp). Other harts wait in the ROM until RUN publishes
 * the entry point (g_go_entry), then jump there too, so a multi-hart program
 * starts on every hart as it does under the simulator's direct load.
 *
 * Traps: the only expected one is a load access fault of the lw at probe_lw
 * (READ of an address that answers with a bus error): the handler skips the
 * lw and returns 1 in a1. Any other trap restarts the loader, so nothing can
 * leave it hanging.
 */
  .section .text.start, "ax", @progbits
  .globl _start
  .type _start, @function
_start:
  csrw mie, zero
  csrci mstatus, 0x8
  la t0, loader_trap
  csrw mtvec, t0
  csrr t0, mhartid
  bnez t0, .Lsecondary
  la sp, __loader_stack_top
  la t0, __bss_start
  la t1, __bss_end
1:
  bgeu t0, t1, 2f
  sw zero, 0(t0)
  addi t0, t0, 4
  j 1b
2:
  call loader_main
  j _start

  /* Secondary harts: poll the entry hart 0 publishes on RUN (it is 0 until
   * then: only hart 0 zeroes .bss, but a stale value from before a reset is
   * cleared by hart 0 before it accepts any command, and secondary harts wait
   * for hart 0 to get that far by first seeing g_go_entry == 0). */
.Lsecondary:
  la t1, g_go_entry
3:
  lw t0, 0(t1)
  bnez t0, 3b
4:
  lw t0, 0(t1)
  beqz t0, 4b
  fence.i
  jr t0
  .size _start, . - _start

  /* uint64_t probe_read(uint32_t addr): low word = the word at addr, high word
   * = 1 if the load faulted (then the low word is meaningless). */
  .globl probe_read
  .type probe_read, @function
probe_read:
  li a1, 0
  .globl probe_lw
probe_lw:
  lw a0, 0(a0)
  ret
  .size probe_read, . - probe_read

  .balign 4
  .type loader_trap, @function
loader_trap:
  /* t0 and a1 are free: at probe_lw they are caller-saved registers of a
   * call in progress; anywhere else the loader restarts. */
  csrr t0, mepc
  la a1, probe_lw
  bne t0, a1, _start
  addi t0, t0, 4
  csrw mepc, t0
  li a1, 1
  mret
  .size loader_trap, . - loader_trap
