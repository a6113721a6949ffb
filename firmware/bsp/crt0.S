/* Reset entry of every hart (docs/firmware.md "Boot sequence").
 *
 * All harts start here together. Each sets gp, its stack (hart h gets the
 * h-th __stack_size slice below __stack_top) and mtvec, with every interrupt
 * masked. Hart 0 zeroes .bss and continues in __bsp_boot_primary (boot.cpp:
 * constructors, release of the other harts), then main(); main's return
 * value goes to __bsp_exit. Other harts check in (__bsp_arrived) and sleep in
 * WFI with only MSIE enabled until hart 0 sets __bsp_release and their msip;
 * then they clear their msip and call secondary_main(hart). Harts with an id
 * of __bsp_max_harts or more park at once.
 *
 * __bsp_arrived and __bsp_release live in .data (placed by the loader), not
 * in .bss, because hart 0 zeroes .bss while the others already use them.
 */
#define CLINT_MSIP 0x02000000
#define MIE_MSIE 0x8
#define MSTATUS_MIE 0x8

  .section .text.init, "ax", @progbits
  .globl _start
  .type _start, @function
_start:
  .option push
  .option norelax
  la gp, __global_pointer$
  .option pop
  csrci mstatus, MSTATUS_MIE
  csrw mie, zero
  la t0, __bsp_trap_entry
  csrw mtvec, t0

  csrr a0, mhartid
  lui t0, %hi(__bsp_max_harts)
  addi t0, t0, %lo(__bsp_max_harts)
  bgeu a0, t0, .Lpark

  /* sp = __stack_top - hart * __stack_size */
  lui t1, %hi(__stack_size)
  addi t1, t1, %lo(__stack_size)
  mul t1, t1, a0
  la sp, __stack_top
  sub sp, sp, t1

  bnez a0, .Lsecondary

  /* Hart 0: zero .bss (16-byte aligned at both ends, see link.ld). */
  la t0, __bss_start
  la t1, __bss_end
  bgeu t0, t1, 2f
1:
  sw zero, 0(t0)
  sw zero, 4(t0)
  sw zero, 8(t0)
  sw zero, 12(t0)
  addi t0, t0, 16
  bltu t0, t1, 1b
2:
  call __bsp_boot_primary
  call main
  tail __bsp_exit

.Lsecondary:
  li t0, MIE_MSIE
  csrw mie, t0
  la t0, __bsp_arrived
  li t1, 1
  amoadd.w.aqrl zero, t1, (t0)
  la t0, __bsp_release
3:
  lw t1, 0(t0)
  bnez t1, 4f
  wfi
  j 3b
4:
  fence r, rw
  /* Hart 0 set our msip before __bsp_release: clear it, mask everything. */
  li t0, CLINT_MSIP
  slli t1, a0, 2
  add t0, t0, t1
  sw zero, 0(t0)
  csrw mie, zero
  call secondary_main
.Lpark:
  csrw mie, zero
5:
  wfi
  j 5b
  .size _start, . - _start

  /* Default secondary_main: sleep forever (a program overrides it). */
  .section .text.secondary_main, "ax", @progbits
  .weak secondary_main
  .type secondary_main, @function
secondary_main:
  csrw mie, zero
6:
  wfi
  j 6b
  .size secondary_main, . - secondary_main

  .section .data.bsp_boot, "aw", @progbits
  .balign 4
  .globl __bsp_arrived
  .type __bsp_arrived, @object
__bsp_arrived:    /* secondary harts that checked in */
  .word 0
  .size __bsp_arrived, 4
  .globl __bsp_release
  .type __bsp_release, @object
__bsp_release:    /* set by hart 0 once .bss and constructors are done */
  .word 0
  .size __bsp_release, 4

  /* tohost / fromhost of the RISC-V test environment (simctrl::exit writes tohost). */
  .section .tohost, "aw", @progbits
  .balign 8
  .globl tohost
  .type tohost, @object
tohost:
  .dword 0
  .size tohost, 8
  .globl fromhost
  .type fromhost, @object
fromhost:
  .dword 0
  .size fromhost, 8
