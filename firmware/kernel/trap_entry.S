/* The kernel's trap vector (docs/kernel.md "Traps").
 *
 * While a thread runs in U-mode, mscratch holds its Thread (whose first 31
 * words are x1, x2, x4..x31 and pc); in the kernel mscratch is 0. A trap from
 * U-mode swaps sp with mscratch, saves every user register and the pc into
 * the Thread -- the user registers are the thread's whole state, the kernel
 * keeps nothing else for it -- switches to the kernel stack and calls
 * kernel_trap(thread), which returns the Thread to run next;
 * __kernel_resume loads it and returns to U-mode with mret. x0 is hardwired
 * zero; gp (x3) is not saved: it belongs to the process (the psABI's global
 * pointer), and the return to U-mode loads the process's gp, which
 * kernel::switch_to leaves in __kernel_user_gp (docs/kernel.md "Registers
 * kept per thread"). The kernel never uses gp itself. A trap taken in
 * the kernel itself (mscratch 0) is a kernel bug: it goes to the BSP's
 * trap entry, which reports it and stops.
 *
 * Process model (KERNEL_PROCESS, docs/kernel.md "Execution models"): every
 * thread has its own kernel stack, KSTACK_BYTES at __kernel_stacks +
 * (tid - 1) * KSTACK_BYTES; its top, __kernel_stacks + tid * KSTACK_BYTES, is
 * (Thread* << THREAD_TO_KSTACK_SHIFT) + __kernel_stack_bias (the Thread is
 * g_threads[tid], 128 bytes; the bias is set by the kernel before the first
 * thread runs). A trap from U-mode runs kernel_trap on the
 * trapping thread's stack, and a thread that sleeps or is preempted in the
 * kernel keeps its kernel context there (__kernel_switch). FP
 * (KERNEL_FP, process model only): the kernel runs with interrupts enabled
 * in its copy loops, so the machine timer can trap in M-mode; that trap
 * (mscratch 0, cause machine timer) saves the caller-saved registers on the
 * current kernel stack, calls kernel_preempt_in_kernel (which may switch to
 * another thread) and returns into the interrupted kernel code. Any other
 * trap in the kernel is still a bug.
 */
#if defined(KERNEL_FP) && !defined(KERNEL_PROCESS)
#error "KERNEL_FP needs the process model (KERNEL_PROCESS)"
#endif
#define KSTACK_SHIFT 10            /* 1 KiB of kernel stack per thread */
#define THREAD_TO_KSTACK_SHIFT 3  /* KSTACK_BYTES / sizeof(kernel::Thread) = 8 */
#define THREAD_PC 120              /* offsetof(kernel::Thread, pc) */
#define MSTATUS_MPP (3 << 11)
#define MSTATUS_MPIE (1 << 7)
#define MCAUSE_MTI 0x80000007
/* kernel::Regs: x1 at 0, x2 at 4, xi at 4 * (i - 2) for i = 4..31 */
#define SAVE(r) sw x##r, (4 * ((r) - 2))(sp)
#define LOAD(r) lw x##r, (4 * ((r) - 2))(t6)

  .section .text.kernel_trap, "ax", @progbits
  .balign 4
  .globl __kernel_trap
  .type __kernel_trap, @function
__kernel_trap:
  csrrw sp, mscratch, sp
  beqz sp, .Lfrom_kernel
  sw ra, 0(sp)
  SAVE(4)
  SAVE(5)
  SAVE(6)
  SAVE(7)
  SAVE(8)
  SAVE(9)
  SAVE(10)
  SAVE(11)
  SAVE(12)
  SAVE(13)
  SAVE(14)
  SAVE(15)
  SAVE(16)
  SAVE(17)
  SAVE(18)
  SAVE(19)
  SAVE(20)
  SAVE(21)
  SAVE(22)
  SAVE(23)
  SAVE(24)
  SAVE(25)
  SAVE(26)
  SAVE(27)
  SAVE(28)
  SAVE(29)
  SAVE(30)
  SAVE(31)
  csrrw t0, mscratch, zero      /* the user sp; in the kernel now */
  sw t0, 4(sp)
  csrr t0, mepc
  sw t0, THREAD_PC(sp)
  mv a0, sp
#if defined(KERNEL_PROCESS)
  .option push
  .option norelax               /* gp is the user's here: no gp-relative access */
  lui t0, %hi(__kernel_stack_bias)
  lw t0, %lo(__kernel_stack_bias)(t0)
  .option pop
  slli sp, a0, THREAD_TO_KSTACK_SHIFT  /* this thread's kernel stack: its top */
  add sp, sp, t0
#else
  la sp, __kernel_stack_top
#endif
  call kernel_trap              /* returns the Thread to run next */
  /* fall through */
  .globl __kernel_resume
  .type __kernel_resume, @function
__kernel_resume:                /* a0: Thread* */
  mv t6, a0
#if defined(KERNEL_PROCESS)
  /* The last trap may have come from M-mode (FP) or this thread may be
   * resumed by another's switch: say U-mode, interrupts on, explicitly. */
  li t0, MSTATUS_MPP
  csrc mstatus, t0
  li t0, MSTATUS_MPIE
  csrs mstatus, t0
#endif
  lw t0, THREAD_PC(t6)
  csrw mepc, t0
  csrw mscratch, t6
  .option push
  .option norelax               /* gp is the process's, not the thread's */
  lui t0, %hi(__kernel_user_gp)
  lw gp, %lo(__kernel_user_gp)(t0)
  .option pop
  lw ra, 0(t6)
  lw sp, 4(t6)
  LOAD(4)
  LOAD(5)
  LOAD(6)
  LOAD(7)
  LOAD(8)
  LOAD(9)
  LOAD(10)
  LOAD(11)
  LOAD(12)
  LOAD(13)
  LOAD(14)
  LOAD(15)
  LOAD(16)
  LOAD(17)
  LOAD(18)
  LOAD(19)
  LOAD(20)
  LOAD(21)
  LOAD(22)
  LOAD(23)
  LOAD(24)
  LOAD(25)
  LOAD(26)
  LOAD(27)
  LOAD(28)
  LOAD(29)
  LOAD(30)
  LOAD(31)                      /* t6 last: it was the base */
  mret

.Lfrom_kernel:
  csrrw sp, mscratch, sp        /* sp back, mscratch 0 again */
#if defined(KERNEL_FP)
  addi sp, sp, -80              /* the frame of .Lpreempt_save */
  sw ra, 0(sp)
  sw t0, 4(sp)
  csrr t0, mcause
  li ra, MCAUSE_MTI
  beq t0, ra, .Lpreempt_save
  lw ra, 0(sp)
  lw t0, 4(sp)
  addi sp, sp, 80
#endif
  j __bsp_trap_entry
  .size __kernel_trap, . - __kernel_trap

#if defined(KERNEL_FP)
.Lpreempt_save:                 /* ra and t0 are saved; still .text.kernel_trap */
  sw t1, 12(sp)
  sw t2, 16(sp)
  sw a0, 20(sp)
  sw a1, 24(sp)
  sw a2, 28(sp)
  sw a3, 32(sp)
  sw a4, 36(sp)
  sw a5, 40(sp)
  sw a6, 44(sp)
  sw a7, 48(sp)
  sw t3, 52(sp)
  sw t4, 56(sp)
  sw t5, 60(sp)
  sw t6, 64(sp)
  csrr t0, mepc
  sw t0, 68(sp)
  csrr t0, mstatus
  sw t0, 72(sp)
  call kernel_preempt_in_kernel /* may run other threads first */
  lw t0, 72(sp)
  csrw mstatus, t0              /* MPP = M, MPIE = 1: back into the kernel */
  lw t0, 68(sp)
  csrw mepc, t0
  lw ra, 0(sp)
  lw t0, 4(sp)
  lw t1, 12(sp)
  lw t2, 16(sp)
  lw a0, 20(sp)
  lw a1, 24(sp)
  lw a2, 28(sp)
  lw a3, 32(sp)
  lw a4, 36(sp)
  lw a5, 40(sp)
  lw a6, 44(sp)
  lw a7, 48(sp)
  lw t3, 52(sp)
  lw t4, 56(sp)
  lw t5, 60(sp)
  lw t6, 64(sp)
  addi sp, sp, 80
  mret
#endif

#if defined(KERNEL_PROCESS)
/* __kernel_switch(uint32_t* save_ksp, uint32_t next_ksp): saves the callee-
 * saved registers and ra on the current kernel stack, stores sp in
 * *save_ksp, and continues on the other thread's kernel stack where its own
 * __kernel_switch left it (or at __kernel_first_run for a new thread). */
  .section .text.kernel_switch, "ax", @progbits
  .balign 4
  .globl __kernel_switch
  .type __kernel_switch, @function
__kernel_switch:
  addi sp, sp, -64
  sw ra, 0(sp)
  sw s0, 4(sp)
  sw s1, 8(sp)
  sw s2, 12(sp)
  sw s3, 16(sp)
  sw s4, 20(sp)
  sw s5, 24(sp)
  sw s6, 28(sp)
  sw s7, 32(sp)
  sw s8, 36(sp)
  sw s9, 40(sp)
  sw s10, 44(sp)
  sw s11, 48(sp)
  sw sp, 0(a0)
  mv sp, a1
  lw ra, 0(sp)
  lw s0, 4(sp)
  lw s1, 8(sp)
  lw s2, 12(sp)
  lw s3, 16(sp)
  lw s4, 20(sp)
  lw s5, 24(sp)
  lw s6, 28(sp)
  lw s7, 32(sp)
  lw s8, 36(sp)
  lw s9, 40(sp)
  lw s10, 44(sp)
  lw s11, 48(sp)
  addi sp, sp, 64
  ret
  .size __kernel_switch, . - __kernel_switch

/* A new thread's first switch lands here (kernel::init_kernel_context puts
 * this address and the Thread in the frame): straight to its user registers. */
  .globl __kernel_first_run
  .type __kernel_first_run, @function
__kernel_first_run:
  mv a0, s0
  j __kernel_resume
  .size __kernel_first_run, . - __kernel_first_run

  .section .bss.kernel_stacks, "aw", @nobits
  .balign 16
  .globl __kernel_stacks
__kernel_stacks:
  .space (1 << KSTACK_SHIFT) * 8  /* kernel::kMaxThreads */

  .section .bss.kernel_stack_bias, "aw", @nobits
  .balign 4
  .globl __kernel_stack_bias
__kernel_stack_bias:            /* __kernel_stacks - (g_threads << THREAD_TO_KSTACK_SHIFT) */
  .space 4
#else
  .section .bss.kernel_stack, "aw", @nobits
  .balign 16
__kernel_stack:
  .space 4096
  .globl __kernel_stack_top
__kernel_stack_top:
#endif

  .section .bss.kernel_user_gp, "aw", @nobits
  .balign 4
  .globl __kernel_user_gp
__kernel_user_gp:               /* the running process's gp (kernel::ProcessInfo::gp) */
  .space 4
