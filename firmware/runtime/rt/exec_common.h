// Pieces of rt::init / rt::run every target executor shares (exec_*.cpp).
#pragma once

#include <stdint.h>

#include "ats_intc_regs.h"
#include "bsp/ats_intc.h"
#include "bsp/clint.h"
#include "bsp/hart.h"
#include "rt/executor.h"
#include "rt/frame_pool.h"
#include "rt/timer.h"

namespace rt::detail {

extern uint32_t g_num_prios;
extern uint32_t g_harts;
extern volatile uint32_t g_epoch;  // bumped by each run() on hart 0: the others start

// Common part of init(): harts, priorities (the controller's NUM_PRIOS, so
// every executor offers the same levels), the frame pool, the timer.
InitInfo init_common();
// The executor loop of this executor (exec_*.cpp): runs tasks until no
// normal task is left; returns how many it resumed from the loop.
uint32_t run_loop(uint32_t hart);
// Ends the WFI of every other hart (CLINT msip) so it sees live_tasks() == 0.
void kick_all_harts(uint32_t self);

}  // namespace rt::detail
