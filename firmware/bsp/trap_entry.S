/* Trap entry (mtvec, direct mode) of every hart.
 *
 * Saves the caller-saved registers (ra, t0-t6, a0-a7) on the current stack,
 * calls trap_handler(mcause, mepc, mtval) and returns with mret. The handler
 * may write mepc (e.g. to skip an instruction); the callee-saved registers
 * are preserved by the C++ ABI. gp and tp are never changed by firmware.
 */
  .section .text.trap, "ax", @progbits
  .balign 4
  .globl __bsp_trap_entry
  .type __bsp_trap_entry, @function
__bsp_trap_entry:
  addi sp, sp, -64
  sw ra, 0(sp)
  sw t0, 4(sp)
  sw t1, 8(sp)
  sw t2, 12(sp)
  sw a0, 16(sp)
  sw a1, 20(sp)
  sw a2, 24(sp)
  sw a3, 28(sp)
  sw a4, 32(sp)
  sw a5, 36(sp)
  sw a6, 40(sp)
  sw a7, 44(sp)
  sw t3, 48(sp)
  sw t4, 52(sp)
  sw t5, 56(sp)
  sw t6, 60(sp)
  csrr a0, mcause
  csrr a1, mepc
  csrr a2, mtval
  call trap_handler
  lw ra, 0(sp)
  lw t0, 4(sp)
  lw t1, 8(sp)
  lw t2, 12(sp)
  lw a0, 16(sp)
  lw a1, 20(sp)
  lw a2, 24(sp)
  lw a3, 28(sp)
  lw a4, 32(sp)
  lw a5, 36(sp)
  lw a6, 40(sp)
  lw a7, 44(sp)
  lw t3, 48(sp)
  lw t4, 52(sp)
  lw t5, 56(sp)
  lw t6, 60(sp)
  addi sp, sp, 64
  mret
  .size __bsp_trap_entry, . - __bsp_trap_entry
