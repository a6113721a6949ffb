// How a program starts (crt0.S, boot.cpp; docs/firmware.md "Boot sequence").
//
// Every hart starts at _start. Hart 0 zeroes .bss, runs the static
// constructors, releases the other harts and calls main(); main's return
// value is the exit code (0 = pass). Every other hart (id < __bsp_max_harts)
// calls secondary_main(hart) once released; the weak default sleeps forever.
#pragma once

#include <stdint.h>

int main();
extern "C" void secondary_main(unsigned hart);

// Places a large object in .noinit: not zeroed at boot (saves boot cycles for
// packet buffers and pools that are written before they are read).
#define BSP_NOINIT __attribute__((section(".noinit")))
