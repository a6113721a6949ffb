/* The kernel's trap vector (docs/kernel.md "Traps").
 *
 * While a thread runs in U-mode, mscratch holds its Thread (whose first 33
 * words are x0..x31 and pc); in the kernel mscratch is 0. A trap from U-mode
 * swaps sp with mscratch, saves every user register and the pc into the
 * Thread -- the user registers are the thread's whole state, the kernel keeps
 * nothing else for it -- switches to the kernel stack and calls
 * kernel_trap(thread), which returns the Thread to run next;
 * __kernel_resume loads it and returns to U-mode with mret. A trap taken in
 * the kernel itself (mscratch 0) is a kernel bug: it goes to the BSP's
 * trap entry, which reports it and stops.
 */
#define SAVE(r, i) sw x##r, (4 * i)(sp)
#define LOAD(r, i) lw x##r, (4 * i)(t6)

  .section .text.kernel_trap, "ax", @progbits
  .balign 4
  .globl __kernel_trap
  .type __kernel_trap, @function
__kernel_trap:
  csrrw sp, mscratch, sp
  beqz sp, .Lfrom_kernel
  SAVE(1, 1)
  SAVE(3, 3)
  SAVE(4, 4)
  SAVE(5, 5)
  SAVE(6, 6)
  SAVE(7, 7)
  SAVE(8, 8)
  SAVE(9, 9)
  SAVE(10, 10)
  SAVE(11, 11)
  SAVE(12, 12)
  SAVE(13, 13)
  SAVE(14, 14)
  SAVE(15, 15)
  SAVE(16, 16)
  SAVE(17, 17)
  SAVE(18, 18)
  SAVE(19, 19)
  SAVE(20, 20)
  SAVE(21, 21)
  SAVE(22, 22)
  SAVE(23, 23)
  SAVE(24, 24)
  SAVE(25, 25)
  SAVE(26, 26)
  SAVE(27, 27)
  SAVE(28, 28)
  SAVE(29, 29)
  SAVE(30, 30)
  SAVE(31, 31)
  csrrw t0, mscratch, zero      /* the user sp; in the kernel now */
  sw t0, 8(sp)
  csrr t0, mepc
  sw t0, 128(sp)
  mv a0, sp
  la sp, __kernel_stack_top
  call kernel_trap              /* returns the Thread to run next */
  /* fall through */
  .globl __kernel_resume
  .type __kernel_resume, @function
__kernel_resume:                /* a0: Thread* */
  mv t6, a0
  lw t0, 128(t6)
  csrw mepc, t0
  csrw mscratch, t6
  LOAD(1, 1)
  LOAD(2, 2)
  LOAD(3, 3)
  LOAD(4, 4)
  LOAD(5, 5)
  LOAD(6, 6)
  LOAD(7, 7)
  LOAD(8, 8)
  LOAD(9, 9)
  LOAD(10, 10)
  LOAD(11, 11)
  LOAD(12, 12)
  LOAD(13, 13)
  LOAD(14, 14)
  LOAD(15, 15)
  LOAD(16, 16)
  LOAD(17, 17)
  LOAD(18, 18)
  LOAD(19, 19)
  LOAD(20, 20)
  LOAD(21, 21)
  LOAD(22, 22)
  LOAD(23, 23)
  LOAD(24, 24)
  LOAD(25, 25)
  LOAD(26, 26)
  LOAD(27, 27)
  LOAD(28, 28)
  LOAD(29, 29)
  LOAD(30, 30)
  LOAD(31, 31)                  /* t6 last: it was the base */
  mret

.Lfrom_kernel:
  csrrw sp, mscratch, sp        /* sp back, mscratch 0 again */
  j __bsp_trap_entry
  .size __kernel_trap, . - __kernel_trap

  .section .bss.kernel_stack, "aw", @nobits
  .balign 16
__kernel_stack:
  .space 4096
  .globl __kernel_stack_top
__kernel_stack_top:
